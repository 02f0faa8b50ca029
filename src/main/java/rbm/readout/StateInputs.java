package rbm.readout;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import rbm.count.FrequencyProfile;
import rbm.count.StateCounter;
import rbm.io.AtomicFiles;
import rbm.io.BadInputException;
import rbm.io.FileMagic;
import rbm.kernels.Kernels;

/**
 * The samples of {@code relevance --input}, each counted as it streams in. What a file holds is told by its first
 * bytes, not its name: a NumPy array ({@code \x93NUMPY}), an archive of arrays ({@code PK}, an .npz, one sample per
 * array), gzip (inflated, then told again), or text: a CSV or TSV table with a header when the name ends in .csv or
 * .tsv or {@code --format csv} says so, else one state per line (bits or tokens, {@link SampleFile}). {@code -} reads
 * standard input the same way, except an .npz, which needs a file.
 */
public final class StateInputs {
    /** How many states {@link #count} adds to the counter at a time: it reads the slots of a group ahead. */
    private static final int BATCH = 1024;

    /**
     * One counted sample.
     *
     * @param name         the file, or {@code file.npz:key}
     * @param width        bits per state; 0 for tokens and labels, which are not vectors of units
     * @param format       how it was read: npy, bits, tokens, csv, labels
     * @param binarization how values became states ("0/1", "threshold:0.0", …), or null for tokens
     */
    public record Counted(String name, int width, String format, String binarization, FrequencyProfile profile) {}

    private StateInputs() {}

    /**
     * Counts the samples in {@code input} ({@code -} for standard input), calling {@code progress} with the states
     * counted so far every 2^20 states.
     */
    public static List<Counted> count(String input, SampleFile.Format format, InputOptions options, Kernels kernels,
                                      LongConsumer progress) {
        try {
            if (input.equals("-")) {
                return List.of(countStream(new BufferedInputStream(System.in, 1 << 16), "stdin", format, options,
                        kernels, progress));
            }
            return countFile(Path.of(input), format, options, kernels, progress);
        } catch (AccessDeniedException e) {
            throw new BadInputException(input + ": cannot read, permission denied", e);
        } catch (IOException e) {
            throw new BadInputException(input + ": cannot read (" + AtomicFiles.reason(e) + ")", e);
        }
    }

    private static List<Counted> countFile(Path file, SampleFile.Format format, InputOptions options, Kernels kernels,
                                           LongConsumer progress) throws IOException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new BadInputException(name + ": is a directory, expected a file of states");
        }
        if (!Files.exists(file)) {
            throw new BadInputException(name + ": file not found");
        }
        byte[] head = firstBytes(file);
        boolean gzip = FileMagic.gzip(head);
        if (gzip) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
                head = in.readNBytes(8);
            } catch (IOException e) {
                throw new BadInputException(name + ": cannot read (gzip data that cannot be inflated: "
                        + AtomicFiles.reason(e) + ")", e);
            }
        }
        if (FileMagic.npy(head) || FileMagic.zip(head)) {
            if (gzip && FileMagic.zip(head)) {
                throw new BadInputException(name + ": a gzipped .npz; give the .npz itself");
            }
            refuse(options.columns().isEmpty(), "--columns", "CSV and TSV tables");
            if (!FileMagic.zip(head)) {
                refuse(options.keys().isEmpty(), "--keys", ".npz files");
            }
            List<Counted> out = new ArrayList<>();
            List<StateStream> streams = NpyStates.open(file, options);
            try {
                for (StateStream s : streams) {
                    out.add(count(s, "npy", kernels, progress));
                }
            } finally {
                for (StateStream s : streams) {
                    s.close();
                }
            }
            return out;
        }
        refuse(options.keys().isEmpty(), "--keys", ".npz files");
        refuse(options.bits() == null, "--bits", "bit-packed .npy arrays");
        if (table(name, format)) {
            try (StateStream s = TextStates.table(file, options)) {
                return List.of(count(s, "csv", kernels, progress));
            }
        }
        refuse(options.columns().isEmpty(), "--columns", "CSV and TSV tables");
        refuse(options.binarize() == null, "--binarize", ".npy arrays and CSV tables");
        SampleFile.Sample sample = SampleFile.read(file, format, kernels);
        return List.of(new Counted(name, sample.width(), sample.format().toString(),
                sample.format() == SampleFile.Format.BITS ? "0/1" : null, sample.profile()));
    }

    private static Counted countStream(BufferedInputStream raw, String name, SampleFile.Format format,
                                       InputOptions options, Kernels kernels, LongConsumer progress)
            throws IOException {
        InputStream in = raw;
        byte[] head = peek(raw, 8);
        if (FileMagic.gzip(head)) {
            BufferedInputStream inflated = new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
            head = peek(inflated, 8);
            in = inflated;
        }
        if (FileMagic.zip(head)) {
            throw new BadInputException(name + ": an .npz archive on standard input; give it as a file");
        }
        if (FileMagic.npy(head)) {
            refuse(options.columns().isEmpty(), "--columns", "CSV and TSV tables");
            refuse(options.keys().isEmpty(), "--keys", ".npz files");
            try (StateStream s = NpyStates.open(in, name, options)) {
                return count(s, "npy", kernels, progress);
            }
        }
        refuse(options.keys().isEmpty(), "--keys", ".npz files");
        refuse(options.bits() == null, "--bits", "bit-packed .npy arrays");
        if (format == SampleFile.Format.CSV) {
            try (StateStream s = TextStates.table(in, name, options)) {
                return count(s, "csv", kernels, progress);
            }
        }
        refuse(options.columns().isEmpty(), "--columns", "CSV and TSV tables");
        refuse(options.binarize() == null, "--binarize", ".npy arrays and CSV tables");
        if (format == SampleFile.Format.TOKENS) {
            throw new BadInputException("--input -: tokens are read from files only; give --format bits for 0/1 lines "
                    + "on standard input, or save the tokens to a file");
        }
        try (StateStream s = TextStates.bits(in, name)) {
            return count(s, "bits", kernels, progress);
        }
    }

    /** Counts every state of {@code s} off heap. */
    static Counted count(StateStream s, String format, Kernels kernels, LongConsumer progress) throws IOException {
        int width = s.width();
        int words = (width + 63) >>> 6;
        long[] one = new long[words];
        long[] batch = new long[BATCH * words];
        long total = 0;
        try (StateCounter counter = new StateCounter(width, kernels)) {
            int n = 0;
            while (s.next(one)) {
                System.arraycopy(one, 0, batch, n * words, words);
                if (++n == BATCH) {
                    counter.addAll(batch, 0, n);
                    total += n;
                    n = 0;
                    if ((total & ((1 << 20) - 1)) == 0) {
                        progress.accept(total);
                    }
                }
            }
            counter.addAll(batch, 0, n);
            total += n;
            if (total == 0) {
                throw new BadInputException(s.name() + ": no states (the array or file is empty)");
            }
            return new Counted(s.name(), s.labels() ? 0 : width, s.labels() ? "labels" : format, s.binarization(),
                    FrequencyProfile.of(counter));
        }
    }

    private static boolean table(String name, SampleFile.Format format) {
        if (format == SampleFile.Format.CSV) {
            return true;
        }
        if (format != SampleFile.Format.AUTO) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT);
        n = n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
        return n.endsWith(".csv") || n.endsWith(".tsv");
    }

    private static void refuse(boolean ok, String flag, String what) {
        if (!ok) {
            throw new BadInputException(flag + ": applies to " + what + " only");
        }
    }

    private static byte[] firstBytes(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        }
    }

    private static byte[] peek(BufferedInputStream in, int n) throws IOException {
        in.mark(n);
        byte[] head = in.readNBytes(n);
        in.reset();
        return head;
    }

}
