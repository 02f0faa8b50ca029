package rbm.fuzz;

import java.io.IOException;
import java.util.List;
import rbm.readout.StateStream;

/** Reads every state of the streams, as counting does, and closes them. */
final class Drain {
    private Drain() {
    }

    static void all(List<StateStream> streams) throws IOException {
        try {
            for (StateStream s : streams) {
                one(s);
            }
        } finally {
            for (StateStream s : streams) {
                s.close();
            }
        }
    }

    static void one(StateStream stream) throws IOException {
        try (StateStream s = stream) {
            long[] words = new long[(s.width() + 63) >>> 6];
            while (s.next(words)) {
                // the states themselves are other tests' business
            }
        }
    }
}
