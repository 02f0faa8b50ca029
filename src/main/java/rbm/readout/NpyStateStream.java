package rbm.readout;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import rbm.io.AtomicFiles;
import rbm.io.BadInputException;

/** The rows of one NumPy array as states: blocks of rows from its data, each row turned into a state by a decoder. */
final class NpyStateStream implements StateStream {
    /** What an array is as a sample: its name, its size, and how its rows become states. */
    record Layout(String name, int width, boolean labels, long rows, int rowBytes, String binarization) {
    }

    private final Layout layout;
    private final RowBlocks.Opener data;
    private final RowDecoder decoder;
    private final NpyDtype dtype;
    private RowBlocks blocks;
    private ByteBuffer block;
    private long row;

    NpyStateStream(Layout layout, RowBlocks.Opener data, RowDecoder decoder, NpyDtype dtype) {
        this.layout = layout;
        this.data = data;
        this.decoder = decoder;
        this.dtype = dtype;
    }

    @Override
    public String name() {
        return layout.name();
    }

    @Override
    public int width() {
        return layout.width();
    }

    @Override
    public boolean labels() {
        return layout.labels();
    }

    @Override
    public long rows() {
        return layout.rows();
    }

    @Override
    public String binarization() {
        return layout.binarization();
    }

    @Override
    public boolean next(long[] words) throws IOException {
        ByteBuffer b = block;
        if (b == null || !b.hasRemaining()) {
            if (row == layout.rows()) {
                return false;
            }
            b = block = nextBlock();
        }
        int at = b.position();
        int refused = decoder.decode(b, at, words);
        if (refused >= 0) {
            throw new BadInputException(layout.name() + ": row " + row + ", column " + refused + " holds "
                    + dtype.text(dtype.raw(b, at + refused * dtype.size())) + "; " + decoder.refusal());
        }
        b.position(at + layout.rowBytes());
        row++;
        return true;
    }

    /** The next block of rows, never empty before the last row; an I/O failure is bad input in this file. */
    private ByteBuffer nextBlock() {
        try {
            if (blocks == null) {
                blocks = data.open();
            }
            return blocks.next().order(decoder.order());
        } catch (EOFException e) {
            throw new BadInputException(layout.name() + ": truncated: the compressed data ends before row " + row, e);
        } catch (IOException e) {
            throw new BadInputException(layout.name() + ": cannot read row " + row + " (" + AtomicFiles.reason(e)
                    + ")", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (blocks != null) {
            blocks.close();
        }
    }
}
