package rbm.readout;

import java.io.IOException;

/**
 * What the streams of states written as text share: one state per line, read from {@link ByteLines}, so that how
 * many there are is known only at the end, and every state a vector of units rather than a label.
 */
abstract class LineStates implements StateStream {
    final ByteLines lines;

    LineStates(ByteLines lines) {
        this.lines = lines;
    }

    @Override
    public String name() {
        return lines.name();
    }

    @Override
    public boolean labels() {
        return false;
    }

    @Override
    public long rows() {
        return -1;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
