package rbm.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
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
    /** A header this long is not a real one; the check avoids allocating gigabytes for a corrupt length. */
    private static final int MAX_HEADER = 1 << 20;
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
        long size = channel.size();
        // magic (6), version (2), header length (2 bytes in version 1.0, 4 in versions 2.0 and 3.0)
        ByteBuffer prefix = readFully(channel, (int) Math.min(size, 12));
        byte[] magic = new byte[Math.min(prefix.remaining(), NpyHeader.MAGIC.length)];
        prefix.get(0, magic);
        if (!Arrays.equals(magic, NpyHeader.MAGIC)) {
            throw new BadInputException(file + ": not an .npy file (bad magic, expected \\x93NUMPY)");
        }
        if (size < 10) {
            throw new BadInputException(file + ": truncated .npy header: file is only " + size + " bytes");
        }
        int major = prefix.get(6) & 0xff;
        int minor = prefix.get(7) & 0xff;
        if (major < 1 || major > 3) {
            throw new BadInputException(file + ": unsupported .npy format version " + major + "." + minor
                    + " (1.0, 2.0 and 3.0 are supported)");
        }
        int headerStart = major == 1 ? 10 : 12;
        if (size < headerStart) {
            throw new BadInputException(file + ": truncated .npy header: file is only " + size + " bytes");
        }
        long headerLength = major == 1 ? prefix.getShort(8) & 0xffff : prefix.getInt(8) & 0xffffffffL;
        long dataStart = headerStart + headerLength;
        if (dataStart > size) {
            throw new BadInputException(file + ": truncated .npy header: expected " + dataStart + " bytes, found "
                    + size);
        }
        if (headerLength > MAX_HEADER) {
            throw NpyHeader.malformed(file, "header length " + headerLength + " is implausibly large");
        }
        channel.position(headerStart);
        ByteBuffer headerBytes = readFully(channel, (int) headerLength);
        // versions 1.0 and 2.0 store the header as latin-1, version 3.0 as UTF-8
        String headerText = new String(headerBytes.array(), 0, headerBytes.limit(),
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader.Fields fields = NpyHeader.parse(headerText, file);

        int itemSize = itemSize(file, fields.descr());
        if (fields.fortranOrder()) {
            throw new BadInputException(file + ": fortran_order True is not supported (save a C-order array)");
        }
        int[] shape = checkedShape(file, fields.shape());
        int count = Math.toIntExact(Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b));
        long expectedBytes = (long) count * itemSize;
        long foundBytes = size - dataStart;
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

    private static int itemSize(Path file, Object descr) {
        if ("<f4".equals(descr)) {
            return Float.BYTES;
        }
        if ("<f8".equals(descr)) {
            return Double.BYTES;
        }
        String what = descr instanceof String name ? "'" + name + "'" : "(a structured dtype)";
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

    /** Reads exactly {@code length} bytes (the caller has checked the file is long enough), little-endian. */
    private static ByteBuffer readFully(FileChannel channel, int length) throws IOException {
        return fill(channel, ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN));
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
