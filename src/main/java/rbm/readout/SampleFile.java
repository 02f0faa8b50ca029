package rbm.readout;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.LineNumberReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import rbm.count.FrequencyProfile;
import rbm.count.StateCounter;
import rbm.io.AtomicFiles;
import rbm.io.BadInputException;
import rbm.kernels.Kernels;

/**
 * Reads a sample of states from a text file, one state per line, and counts them: spike words, words of a text,
 * hidden states written by another tool. Lines are read as they come (gzipped files too), so the file may be larger
 * than memory; blank lines are skipped and the rest stripped of surrounding white space.
 * <ul>
 *   <li>{@link Format#BITS}: every line is a string of 0s and 1s, all of the same length; they are counted off heap
 *       as bit vectors.</li>
 *   <li>{@link Format#TOKENS}: every line is a token, compared byte for byte (the file is decoded as ISO-8859-1,
 *       which maps bytes to characters one to one, so any encoding works), and counted in a heap map that grows
 *       with the number of distinct tokens only.</li>
 *   <li>{@link Format#AUTO}: bits when the first state is a string of 0s and 1s, else tokens.</li>
 * </ul>
 */
public final class SampleFile {
    public enum Format {
        AUTO, BITS, TOKENS;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The counted sample: its frequencies, the format it was read in, and the bits per state (0 for tokens). */
    public record Sample(FrequencyProfile profile, Format format, int width) {}

    private SampleFile() {}

    public static Sample read(Path file, Format format, Kernels kernels) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new BadInputException(name + ": is a directory, expected a file with one state per line");
        }
        if (!Files.exists(file)) {
            throw new BadInputException(name + ": file not found");
        }
        try (LineNumberReader in = open(file)) {
            String first = nextState(in);
            int firstLine = in.getLineNumber();
            if (first == null) {
                throw new BadInputException(name + ": no states (the file is empty or blank); "
                        + "expected one state per line");
            }
            boolean bits = format == Format.BITS || (format == Format.AUTO && isBits(first));
            if (bits && !isBits(first)) {
                throw new BadInputException(name + ": line " + firstLine + " ('" + shorten(first)
                        + "') is not a string of 0s and 1s");
            }
            return bits ? countBits(name, first, firstLine, in, kernels) : countTokens(first, in);
        } catch (AccessDeniedException e) {
            throw new BadInputException(name + ": cannot read, permission denied", e);
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read (" + AtomicFiles.reason(e) + ")", e);
        }
    }

    private static LineNumberReader open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        boolean gzipped = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        InputStream in = gzipped ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new LineNumberReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16);
    }

    private static Sample countBits(String name, String first, int firstLine, LineNumberReader in, Kernels kernels)
            throws IOException {
        int width = first.length();
        long[] words = new long[(width + 63) >>> 6];
        try (StateCounter counter = new StateCounter(width, kernels)) {
            for (String s = first; s != null; s = nextState(in)) {
                if (s.length() != width || !isBits(s)) {
                    throw new BadInputException(name + ": line " + in.getLineNumber() + " ('" + shorten(s) + "') "
                            + (isBits(s) ? "has " + s.length() + " bits but line " + firstLine + " has " + width
                            + "; bit strings must all have the same length"
                            : "is not a string of 0s and 1s like line " + firstLine
                            + "; use --format tokens to count any token"));
                }
                Arrays.fill(words, 0L);
                for (int i = 0; i < width; i++) {
                    if (s.charAt(i) == '1') {
                        words[i >>> 6] |= 1L << (i & 63);
                    }
                }
                counter.add(words, 0);
            }
            return new Sample(FrequencyProfile.of(counter), Format.BITS, width);
        }
    }

    private static Sample countTokens(String first, LineNumberReader in) throws IOException {
        Map<String, long[]> counts = new HashMap<>();
        for (String s = first; s != null; s = nextState(in)) {
            counts.computeIfAbsent(s, k -> new long[1])[0]++;
        }
        long[] ks = new long[counts.size()];
        int i = 0;
        for (long[] c : counts.values()) {
            ks[i++] = c[0];
        }
        return new Sample(FrequencyProfile.ofCounts(ks), Format.TOKENS, 0);
    }

    /** The next non-blank line, stripped; null at the end. */
    private static String nextState(LineNumberReader in) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String s = line.strip();
            if (!s.isEmpty()) {
                return s;
            }
        }
        return null;
    }

    private static boolean isBits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '0' && c != '1') {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
