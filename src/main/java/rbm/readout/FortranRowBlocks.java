package rbm.readout;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import rbm.io.NpyPreamble;

/**
 * The rows of a Fortran-order (column-major) M × n array, whose element (r, c) lies at byte (c·M + r)·size of the
 * data: a row's elements are M·size bytes apart. A block of B rows is gathered with one read of B elements per column
 * and transposed to C order, so memory stays at two buffers of about {@link SequentialRowBlocks#BLOCK_BYTES} whatever
 * M. The columns are read by position from a file, or from the whole data in memory when it comes compressed.
 */
final class FortranRowBlocks implements RowBlocks {
    /** Reads {@code length} bytes from byte {@code at} of the data into {@code dst[offset ..]}. */
    private interface Columns extends Closeable {
        void read(byte[] dst, int offset, int length, long at) throws IOException;
    }

    private final Columns columns;
    private final long rows;
    private final int n;
    private final int size;
    private final int blockRows;
    private final byte[] gathered;
    private final ByteBuffer block;
    private long nextRow;

    private FortranRowBlocks(Columns columns, long rows, int n, int size) {
        this.columns = columns;
        this.rows = rows;
        this.n = n;
        this.size = size;
        int rowBytes = n * size;
        this.blockRows = (int) Math.min(rows, Math.max(1, SequentialRowBlocks.BLOCK_BYTES / rowBytes));
        this.gathered = new byte[blockRows * rowBytes];
        this.block = ByteBuffer.allocate(blockRows * rowBytes);
    }

    /** Reads by position from the channel, whose data starts at the preamble's offset; closes it with the blocks. */
    static FortranRowBlocks of(FileChannel channel, NpyPreamble preamble, int size) {
        long[] shape = preamble.shape();
        long dataBytes = preamble.elements() * size;
        Columns columns = new Columns() {
            @Override
            public void read(byte[] dst, int offset, int length, long at) throws IOException {
                ByteBuffer target = ByteBuffer.wrap(dst, offset, length);
                long start = preamble.dataOffset() + at - offset;
                while (target.hasRemaining()) {
                    if (channel.read(target, start + target.position()) < 0) {
                        throw NpyStates.truncated(preamble, dataBytes, at + target.position() - offset);
                    }
                }
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
        return new FortranRowBlocks(columns, shape[0], (int) shape[1], size);
    }

    /** Reads from the whole data, held in memory. */
    static FortranRowBlocks of(byte[] data, NpyPreamble preamble, int size) {
        long[] shape = preamble.shape();
        Columns columns = new Columns() {
            @Override
            public void read(byte[] dst, int offset, int length, long at) {
                System.arraycopy(data, (int) at, dst, offset, length);
            }

            @Override
            public void close() {
            }
        };
        return new FortranRowBlocks(columns, shape[0], (int) shape[1], size);
    }

    @Override
    public ByteBuffer next() throws IOException {
        int b = (int) Math.min(blockRows, rows - nextRow);
        // gathered holds the block column by column: element (r, c) of the block at byte (c·b + r)·size
        for (int c = 0; c < n; c++) {
            columns.read(gathered, c * b * size, b * size, (c * rows + nextRow) * size);
        }
        byte[] out = block.array();
        if (size == 1) {
            for (int r = 0; r < b; r++) {
                for (int c = 0, o = r * n; c < n; c++) {
                    out[o + c] = gathered[c * b + r];
                }
            }
        } else {
            for (int r = 0; r < b; r++) {
                for (int c = 0; c < n; c++) {
                    System.arraycopy(gathered, (c * b + r) * size, out, (r * n + c) * size, size);
                }
            }
        }
        nextRow += b;
        return block.clear().limit(b * n * size);
    }

    @Override
    public void close() throws IOException {
        columns.close();
    }
}
