package rbm.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;


/**
 * Reads and writes NumPy .npy files holding float32 arrays. Writes format version 1.0, little-endian, C order, with
 * the header numpy itself would write; reads versions 1.0 to 3.0 and float64 data (converted to float).
 */
public final class Npy {
    /** Data moves through a buffer of this many bytes, a multiple of 8 so float64 values never straddle chunks. */
    private static final int CHUNK = 1 << 20;
    private static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private Npy() {
    }

    /** Atomically writes {@code data} with the given shape; an empty shape is a 0-d array holding one value. */
    public static void write(Path file, float[] data, int... shape) {
        NpyArray array = new NpyArray(data, shape.clone()); // checks that the shape matches the data
        byte[] header = NpyHeader.encodeFloat32(array.shape());
        AtomicFiles.write(file, out -> {
            out.write(header);
            writeFloats(out, data);
        });
    }

    private static void writeFloats(OutputStream out, float[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.min(CHUNK, data.length * Float.BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int offset = 0; offset < data.length; ) {
            int n = Math.min(data.length - offset, buffer.capacity() / Float.BYTES);
            buffer.clear();
            buffer.asFloatBuffer().put(data, offset, n);
            out.write(buffer.array(), 0, n * Float.BYTES);
            offset += n;
        }
    }

    /** Reads an array, checking its shape; -1 in {@code expectedShape} accepts any length in that dimension. */
    public static NpyArray read(Path file, int... expectedShape) {
        NpyArray array = read(file);
        boolean matches = array.shape().length == expectedShape.length;
        for (int i = 0; matches && i < expectedShape.length; i++) {
            matches = expectedShape[i] == -1 || expectedShape[i] == array.shape()[i];
        }
        if (!matches) {
            throw new BadInputException(file + ": shape " + NpyHeader.shapeText(array.shape()) + ", expected "
                    + NpyHeader.shapeText(expectedShape));
        }
        return array;
    }

    /** Reads a float32 or float64 array in C order. */
    public static NpyArray read(Path file) {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file + ": is a directory, expected an .npy file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(file, channel);
        } catch (IOException e) {
            throw AtomicFiles.unreadable(file, e);
        }
    }

    private static NpyArray read(Path file, FileChannel channel) throws IOException {
        // the stream reads the channel without buffering ahead, so the channel is left at the data
        NpyPreamble preamble = NpyPreamble.read(Channels.newInputStream(channel), file.toString());
        int itemSize = itemSize(file, preamble);
        if (preamble.fortranOrder()) {
            throw new BadInputException(file + ": fortran_order True is not supported (save a C-order array)");
        }
        int[] shape = checkedShape(file, preamble.shape());
        int count = Math.toIntExact(Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b));
        long expectedBytes = (long) count * itemSize;
        long foundBytes = channel.size() - preamble.dataOffset();
        if (foundBytes < expectedBytes) {
            throw new BadInputException(file + ": truncated data: expected " + expectedBytes + " bytes, found "
                    + foundBytes);
        }
        if (foundBytes > expectedBytes) {
            throw new BadInputException(file + ": unexpected trailing data: expected " + expectedBytes
                    + " bytes, found " + foundBytes);
        }
        float[] data = itemSize == Float.BYTES ? readFloats(channel, count) : readDoubles(channel, count);
        return new NpyArray(data, shape);
    }

    private static int itemSize(Path file, NpyPreamble preamble) {
        String descr = preamble.descr();
        if ("<f4".equals(descr)) {
            return Float.BYTES;
        }
        if ("<f8".equals(descr)) {
            return Double.BYTES;
        }
        String what = preamble.structured() ? "(a structured dtype)" : "'" + descr + "'";
        throw new BadInputException(file + ": unsupported dtype " + what.replaceAll("\\p{Cntrl}", "?")
                + ", expected '<f4' (float32) or '<f8' (float64)");
    }

    private static int[] checkedShape(Path file, long[] dims) {
        long count = 1;
        int[] shape = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            // checked one dimension at a time so the running product cannot overflow
            if (dims[i] > MAX_ELEMENTS || (dims[i] > 0 && count > MAX_ELEMENTS / dims[i])) {
                throw new BadInputException(file + ": shape " + NpyHeader.shapeText(dims)
                        + " is too large for one array");
            }
            count *= dims[i];
            shape[i] = (int) dims[i];
        }
        return shape;
    }

    private static float[] readFloats(FileChannel channel, int count) throws IOException {
        float[] data = new float[count];
        ByteBuffer buffer = chunkBuffer(count * (long) Float.BYTES);
        for (int offset = 0; offset < count; ) {
            int n = Math.min(count - offset, buffer.capacity() / Float.BYTES);
            fill(channel, buffer.clear().limit(n * Float.BYTES)).asFloatBuffer().get(data, offset, n);
            offset += n;
        }
        return data;
    }

    private static float[] readDoubles(FileChannel channel, int count) throws IOException {
        float[] data = new float[count];
        ByteBuffer buffer = chunkBuffer(count * (long) Double.BYTES);
        for (int offset = 0; offset < count; ) {
            int n = Math.min(count - offset, buffer.capacity() / Double.BYTES);
            DoubleBuffer values = fill(channel, buffer.clear().limit(n * Double.BYTES)).asDoubleBuffer();
            for (int i = 0; i < n; i++) {
                data[offset + i] = (float) values.get(i);
            }
            offset += n;
        }
        return data;
    }

    /** A direct buffer, reused for every chunk, saves the copy the channel makes when reading into a heap buffer. */
    private static ByteBuffer chunkBuffer(long bytes) {
        return ByteBuffer.allocateDirect((int) Math.min(CHUNK, bytes)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Fills the buffer up to its limit and flips it for reading. */
    private static ByteBuffer fill(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("file ended early (was it changed while being read?)");
            }
        }
        return buffer.flip();
    }
}
