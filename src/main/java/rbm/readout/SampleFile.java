package rbm.readout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import rbm.count.FrequencyProfile;
import rbm.count.StateCounter;
import rbm.io.AtomicFiles;
import rbm.io.BadInputException;
import rbm.kernels.Kernels;

/**
 * Reads a sample of states from a text file, one state per line, and counts them: spike words, words of a text,
 * hidden states written by another tool. Lines are read as bytes, in blocks, as {@link TextStates} reads them
 * (gzipped files too, a byte-order mark skipped, binary data refused but as {@link Format#TOKENS}), so the file
 * may be larger than memory; blank lines are skipped and the rest stripped of surrounding white space.
 * <ul>
 *   <li>{@link Format#BITS}: every line is a string of 0s and 1s, all of the same length; they are counted off heap
 *       as bit vectors.</li>
 *   <li>{@link Format#TOKENS}: every line is a token, compared byte for byte (the file is decoded as ISO-8859-1,
 *       which maps bytes to characters one to one, so any encoding works), and counted in a heap map that grows
 *       with the number of distinct tokens only.</li>
 *   <li>{@link Format#AUTO}: bits when the first state is a string of 0s and 1s, else tokens, which must then be
 *       text: a line with a NUL byte or bytes that are not UTF-8 is refused. Only tokens asked for by name are
 *       counted whatever their bytes, binary data included.</li>
 * </ul>
 */
public final class SampleFile {
    public enum Format {
        /** Bits when the first state is a 0/1 string, else tokens; {@link StateInputs}: a table for a .csv name. */
        AUTO,
        BITS,
        TOKENS,
        /** A CSV or TSV table with a header ({@link StateInputs} reads it; {@link #read} does not). */
        CSV;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The counted sample: its frequencies, the format it was read in, and the bits per state (0 for tokens). */
    public record Sample(FrequencyProfile profile, Format format, int width) {}

    /** Ends the message about a line that is not 0s and 1s. */
    private static final String HINT = "; use --format tokens to count any token";
    /** States handed to the counter at once, so that it reads their slots ahead. */
    private static final int BATCH = 256;

    private SampleFile() {}

    public static Sample read(Path file, Format format, Kernels kernels) {
        boolean anyBytes = format == Format.TOKENS;
        try (ByteLines lines = TextStates.first(ByteLines.open(file, anyBytes), "one state per line", l -> l)) {
            boolean bits = format == Format.BITS || (format == Format.AUTO && BitLines.isBits(lines));
            return bits ? countBits(new BitLines(lines, HINT), kernels) : countTokens(lines, !anyBytes);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + AtomicFiles.reason(e) + ")", e);
        }
    }

    private static Sample countBits(StateStream states, Kernels kernels) throws IOException {
        int width = states.width();
        int words = (width + 63) >>> 6;
        long[] state = new long[words];
        long[] batch = new long[BATCH * words];
        try (StateCounter counter = new StateCounter(width, kernels)) {
            int n = 0;
            while (states.next(state)) {
                System.arraycopy(state, 0, batch, n * words, words);
                if (++n == BATCH) {
                    counter.addAll(batch, 0, n);
                    n = 0;
                }
            }
            counter.addAll(batch, 0, n);
            return new Sample(FrequencyProfile.of(counter), Format.BITS, width);
        }
    }

    /**
     * Counts the lines from the current one on as tokens, their bytes as ISO-8859-1 characters, one to one; with
     * {@code text}, a line that is not text is refused.
     */
    private static Sample countTokens(ByteLines lines, boolean text) {
        Map<String, long[]> counts = new HashMap<>();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        do {
            if (text) {
                requireText(lines, utf8);
            }
            String token = new String(lines.buffer(), lines.start(), lines.end() - lines.start(),
                    StandardCharsets.ISO_8859_1);
            counts.computeIfAbsent(token, k -> new long[1])[0]++;
        } while (lines.next());
        long[] ks = new long[counts.size()];
        int i = 0;
        for (long[] c : counts.values()) {
            ks[i++] = c[0];
        }
        return new Sample(FrequencyProfile.ofCounts(ks), Format.TOKENS, 0);
    }

    /** Refuses the current line if it holds a NUL byte or is not valid UTF-8. */
    private static void requireText(ByteLines lines, CharsetDecoder utf8) {
        byte[] b = lines.buffer();
        int s = lines.start();
        int e = lines.end();
        int bad = -1;
        boolean ascii = true;
        for (int i = s; i < e; i++) {
            if (b[i] == 0) {
                bad = i;
                break;
            }
            ascii &= b[i] >= 0;
        }
        if (bad < 0 && !ascii) {
            ByteBuffer in = ByteBuffer.wrap(b, s, e - s);
            if (utf8.reset().decode(in, CharBuffer.allocate(e - s), true).isError()) {
                bad = in.position();
            }
        }
        if (bad >= 0) {
            throw new BadInputException(lines.where() + " is not text (" + ByteLines.shown(b[bad]) + " at position "
                    + (bad - s + 1) + (b[bad] == 0 ? " is NUL" : " is not UTF-8")
                    + "); give --format tokens to count lines as bytes");
        }
    }
}
