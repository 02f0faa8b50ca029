package rbm.readout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import rbm.io.NpyPreamble;

/**
 * The rows of a C-order array read straight from its data: a plain file, a gzip stream, an .npz entry, standard
 * input. The buffer holds a few megabytes whatever the size of the array; a row cut by the end of a block is moved to
 * the front of the buffer and completed by the next read.
 */
final class SequentialRowBlocks implements RowBlocks {
    /** Reads of a few megabytes cost little beyond the copy itself. */
    static final int BLOCK_BYTES = 1 << 22;

    private final InputStream in;
    private final NpyPreamble preamble;
    private final int rowBytes;
    private final long dataBytes;
    private final ByteBuffer buffer;
    /** Bytes of data read so far. */
    private long read;
    /** Bytes of the buffer that hold data; those past the limit begin a row that the next read completes. */
    private int filled;

    /** {@code in} is positioned at the first byte of the data and is closed with the blocks. */
    SequentialRowBlocks(InputStream in, NpyPreamble preamble, int rowBytes, long rows) {
        this.in = in;
        this.preamble = preamble;
        this.rowBytes = rowBytes;
        this.dataBytes = rows * rowBytes;
        this.buffer = ByteBuffer.allocate((int) Math.min(dataBytes, Math.max(BLOCK_BYTES, rowBytes))).limit(0);
    }

    @Override
    public ByteBuffer next() throws IOException {
        // keep the bytes of a row cut by the last read, then fill the rest, never past the data
        buffer.position(buffer.limit()).limit(filled).compact();
        buffer.limit(buffer.position() + (int) Math.min(buffer.remaining(), dataBytes - read));
        boolean reading = buffer.hasRemaining();
        byte[] array = buffer.array();
        while (buffer.hasRemaining()) {
            int n = in.read(array, buffer.position(), buffer.remaining());
            if (n < 0) {
                throw NpyStates.truncated(preamble, dataBytes, read);
            }
            read += n;
            buffer.position(buffer.position() + n);
        }
        if (reading && read == dataBytes && in.read() >= 0) {
            throw NpyStates.trailing(preamble, dataBytes);
        }
        filled = buffer.position();
        return buffer.flip().limit(filled - filled % rowBytes);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
