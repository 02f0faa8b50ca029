package rbm.readout;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import rbm.io.AtomicFiles;
import rbm.io.BadInputException;
import rbm.io.FileMagic;
import rbm.io.NpyPreamble;

/**
 * NumPy arrays as samples of states: an .npy file (plain or gzipped), every array of an .npz file, or an .npy on
 * standard input. The kind of file is told by its first bytes, not its name.
 *
 * <p>What an array may be:
 * <ul>
 *   <li>a 2-D array (M, n) of bool or integers (any width, either byte order) holding 0s and 1s: M states of n
 *       bits;</li>
 *   <li>a 2-D array of floats or integers with {@code --binarize} ({@link BinarizeRule});</li>
 *   <li>a 2-D uint8 array made by numpy.packbits(x, axis=1) with {@code --bits n}: shape (M, ⌈n/8⌉), the first unit
 *       in the most significant bit of byte 0 ({@link PackedRows});</li>
 *   <li>a 1-D integer array (M,): M labels, each a 64-bit state; {@code --binarize} and {@code --bits} leave
 *       labels alone.</li>
 * </ul>
 * Files may be in C or Fortran order; a Fortran-order file is read a block of rows at a time by position
 * ({@link FortranRowBlocks}), except that a compressed one (gzip, numpy.savez_compressed) is held in memory. Anything
 * else, an empty array, and data shorter or longer than the shape says get a {@link BadInputException} naming the
 * file. The streams read the data in blocks of a few megabytes and hold nothing else of it.
 */
public final class NpyStates {
    /** Enough to tell the magic strings of .npy (\x93NUMPY), zip (PK\3\4) and gzip (\x1f\x8b) apart. */
    private static final int MAGIC_BYTES = 6;
    private static final int STREAM_BUFFER = 1 << 16;
    /** Rows longer than this (a gigabyte) do not fit the read buffers. */
    private static final int MAX_ROW_BYTES = 1 << 30;

    /** How an array's data is opened for one pass, given its preamble, the bytes of an element and of a row. */
    @FunctionalInterface
    private interface Source {
        RowBlocks open(NpyPreamble preamble, int size, int rowBytes) throws IOException;
    }

    /** The flags, checked: how values become bits (null: they are 0/1), and the units of packed rows (or null). */
    private record Settings(BinarizeRule rule, Integer bits) {
    }

    /** A row decoder, the bits of its states and how it makes them, as {@link StateStream#binarization()} says. */
    private record Decoding(RowDecoder decoder, int width, String binarization) {
    }

    /** Opens a compressed .npy anew, at its first byte. */
    @FunctionalInterface
    private interface Reopen {
        InputStream open() throws IOException;
    }

    private NpyStates() {
    }

    /**
     * The arrays of an .npy file (one stream) or of an .npz file (one per array, in file order or in the order of
     * {@link InputOptions#keys()}), named {@code file} and {@code file:key}. The streams open the file when first
     * read; quantile thresholds are computed here, in passes over the data.
     */
    public static List<StateStream> open(Path file, InputOptions options) {
        Settings settings = settings(options);
        if (Files.isDirectory(file)) {
            throw new BadInputException(file + ": is a directory, expected an .npy or .npz file");
        }
        byte[] lead;
        try (InputStream in = Files.newInputStream(file)) {
            lead = in.readNBytes(MAGIC_BYTES);
        } catch (IOException e) {
            throw AtomicFiles.unreadable(file, e);
        }
        if (FileMagic.zip(lead)) {
            return npz(file, options.keys(), settings);
        }
        if (!options.keys().isEmpty()) {
            throw new BadInputException(file + ": --keys chooses arrays of an .npz file, and this is not one");
        }
        String name = file.toString();
        try {
            if (FileMagic.gzip(lead)) {
                Reopen gunzip = () -> new GZIPInputStream(Files.newInputStream(file), STREAM_BUFFER);
                try (InputStream in = gunzip.open()) {
                    return List.of(stream(NpyPreamble.read(in, name), compressed(gunzip), -1, settings));
                }
            }
            if (!FileMagic.npy(lead)) {
                throw new BadInputException(name + ": neither an .npy nor an .npz file (it starts with none of the "
                        + "magic bytes of .npy, zip or gzip)");
            }
            try (FileChannel channel = FileChannel.open(file)) {
                NpyPreamble preamble = NpyPreamble.read(Channels.newInputStream(channel), name);
                return List.of(stream(preamble, plain(file), channel.size(), settings));
            }
        } catch (IOException e) {
            throw AtomicFiles.unreadable(file, e);
        }
    }

    /**
     * The .npy array arriving on {@code in}, gzipped or not, in C order: a Fortran-order array or quantile
     * thresholds need the file itself. Closing the state stream closes {@code in}.
     */
    public static StateStream open(InputStream in, String name, InputOptions options) {
        Settings settings = settings(options);
        if (!options.keys().isEmpty()) {
            throw new BadInputException(name + ": --keys chooses arrays of an .npz file, which a stream cannot be");
        }
        if (settings.rule() != null && settings.rule().quantile()) {
            throw new BadInputException(name + ": --binarize " + settings.rule() + " reads the data twice; give "
                    + "the file rather than a stream");
        }
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, STREAM_BUFFER);
            buffered.mark(MAGIC_BYTES);
            byte[] lead = buffered.readNBytes(MAGIC_BYTES);
            buffered.reset();
            if (FileMagic.zip(lead)) {
                throw new BadInputException(name + ": an .npz file cannot be read from a stream (its index is at "
                        + "its end); give the file");
            }
            InputStream data = FileMagic.gzip(lead) ? new GZIPInputStream(buffered, STREAM_BUFFER) : buffered;
            NpyPreamble preamble = NpyPreamble.read(data, name);
            if (scattered(preamble)) {
                throw new BadInputException(name + ": a Fortran-order array cannot be read from a stream; give the "
                        + "file, or save the array in C order");
            }
            Source once = (p, size, rowBytes) -> new SequentialRowBlocks(data, p, rowBytes, p.shape()[0]);
            return stream(preamble, once, -1, settings);
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read (" + AtomicFiles.reason(e) + ")", e);
        }
    }

    private static Settings settings(InputOptions options) {
        BinarizeRule rule = BinarizeRule.parse(options.binarize());
        Integer bits = options.bits();
        if (bits != null && bits <= 0) {
            throw new BadInputException("--bits " + bits + ": the number of units must be positive");
        }
        if (bits != null && rule != null) {
            throw new BadInputException("--bits " + bits + " reads packed 0/1 states, which --binarize does not "
                    + "apply to");
        }
        if (!options.columns().isEmpty()) {
            throw new BadInputException("--columns chooses the columns of CSV and TSV files, not of NumPy arrays");
        }
        return new Settings(rule, bits);
    }

    private static List<StateStream> npz(Path file, List<String> keys, Settings settings) {
        List<StateStream> streams = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            // numpy.savez stores array x as the entry x.npy
            Map<String, ZipEntry> arrays = new LinkedHashMap<>();
            zip.stream().filter(entry -> !entry.isDirectory())
                    .forEach(entry -> arrays.put(entry.getName().replaceFirst("\\.npy$", ""), entry));
            if (arrays.isEmpty()) {
                throw new BadInputException(file + ": the .npz file holds no arrays");
            }
            for (String key : keys.isEmpty() ? List.copyOf(arrays.keySet()) : keys) {
                ZipEntry entry = arrays.get(key);
                if (entry == null) {
                    throw new BadInputException(file + ": no array '" + key + "'; the arrays are "
                            + String.join(", ", arrays.keySet()));
                }
                String name = file + ":" + key;
                try (InputStream in = zip.getInputStream(entry)) {
                    NpyPreamble preamble = NpyPreamble.read(in, name);
                    Source source = compressed(() -> entryStream(file, entry.getName()));
                    streams.add(stream(preamble, source, entry.getSize(), settings));
                }
            }
        } catch (ZipException e) {
            throw new BadInputException(file + ": not a readable .npz file (" + AtomicFiles.reason(e) + ")", e);
        } catch (IOException e) {
            throw AtomicFiles.unreadable(file, e);
        }
        return streams;
    }

    /** An entry of the zip file, read through a ZipFile of its own that closes with the stream. */
    private static InputStream entryStream(Path file, String entryName) throws IOException {
        ZipFile zip = new ZipFile(file.toFile());
        try {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new BadInputException(file + ": the entry " + entryName + " is gone (was the file replaced?)");
            }
            return new FilterInputStream(zip.getInputStream(entry)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** A plain .npy file: C order read straight through, Fortran order by position. */
    private static Source plain(Path file) {
        return (preamble, size, rowBytes) -> {
            FileChannel channel = FileChannel.open(file);
            if (scattered(preamble)) {
                return FortranRowBlocks.of(channel, preamble, size);
            }
            try {
                channel.position(preamble.dataOffset());
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return new SequentialRowBlocks(Channels.newInputStream(channel), preamble, rowBytes, preamble.shape()[0]);
        };
    }

    /** A compressed .npy (gzip or an .npz entry), opened anew for each pass; Fortran order is read into memory. */
    private static Source compressed(Reopen reopen) {
        return (preamble, size, rowBytes) -> {
            InputStream in = reopen.open();
            try {
                NpyPreamble.read(in, preamble.source());
                long rows = preamble.shape()[0];
                if (!scattered(preamble)) {
                    return new SequentialRowBlocks(in, preamble, rowBytes, rows);
                }
                byte[] data = wholeData(in, preamble, rows * rowBytes);
                in.close();
                return FortranRowBlocks.of(data, preamble, size);
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
        };
    }

    private static byte[] wholeData(InputStream in, NpyPreamble preamble, long dataBytes) throws IOException {
        if (dataBytes > Integer.MAX_VALUE - 8) {
            throw new BadInputException(preamble.source() + ": a compressed Fortran-order array is read into "
                    + "memory, and its " + dataBytes + " bytes are too many; save it in C order or uncompressed");
        }
        byte[] data = in.readNBytes((int) dataBytes);
        if (data.length < dataBytes) {
            throw truncated(preamble, dataBytes, data.length);
        }
        if (in.read() >= 0) {
            throw trailing(preamble, dataBytes);
        }
        return data;
    }

    /**
     * Checks that the array is a sample of states and makes its stream.
     *
     * @param storedBytes the size of the .npy file when known before reading it, else -1
     */
    private static StateStream stream(NpyPreamble p, Source source, long storedBytes, Settings settings)
            throws IOException {
        String name = p.source();
        NpyDtype dtype = p.structured() ? null : NpyDtype.parse(p.descr());
        long[] shape = p.shape();
        boolean labels = shape.length == 1 && dtype != null && dtype.isInteger();
        if (!labels && (shape.length != 2 || dtype == null)) {
            throw new BadInputException(name + ": " + p.describe() + " is not a sample of states: expected a 2-D "
                    + "array of bool, integers or floats, or a 1-D array of integer labels");
        }
        if (p.elements() == 0) {
            throw new BadInputException(name + ": " + p.describe() + " is empty: it holds no states");
        }
        long rows = shape[0];
        long n = labels ? 1 : shape[1];
        int size = dtype.size();
        if (n > MAX_ROW_BYTES / size) {
            throw new BadInputException(name + ": the rows of its " + p.describe() + " are too long to read");
        }
        int rowBytes = (int) n * size;
        long dataBytes;
        try {
            dataBytes = Math.multiplyExact(p.elements(), size);
        } catch (ArithmeticException e) {
            throw new BadInputException(name + ": " + p.describe() + " is too large");
        }
        if (storedBytes >= 0 && storedBytes - p.dataOffset() < dataBytes) {
            throw truncated(p, dataBytes, Math.max(0, storedBytes - p.dataOffset()));
        }
        if (storedBytes >= 0 && storedBytes - p.dataOffset() > dataBytes) {
            throw trailing(p, dataBytes);
        }
        RowBlocks.Opener data = () -> source.open(p, size, rowBytes);
        Decoding decoding = labels ? new Decoding(new LabelRows(dtype), Long.SIZE, "labels")
                : vectors(p, dtype, (int) n, data, settings);
        return new NpyStateStream(new NpyStateStream.Layout(name, decoding.width(), labels, rows, rowBytes,
                decoding.binarization()), data, decoding.decoder(), dtype);
    }

    /** How the n elements of a row of a 2-D array become a state, after the flags. */
    private static Decoding vectors(NpyPreamble p, NpyDtype dtype, int n, RowBlocks.Opener data, Settings settings)
            throws IOException {
        String name = p.source();
        Integer bits = settings.bits();
        if (bits != null) {
            if (dtype.kind() != 'u' || dtype.size() != 1) {
                throw new BadInputException(name + ": --bits reads the uint8 arrays of numpy.packbits, not a "
                        + p.describe());
            }
            if ((bits + 7) / 8 != n) {
                throw new BadInputException(name + ": --bits " + bits + " packs into " + (bits + 7) / 8
                        + " bytes per row, but its " + p.describe() + " has rows of " + n + " bytes; give the "
                        + "number of units before packing");
            }
            return new Decoding(new PackedRows(bits), bits, "packed 0/1");
        }
        BinarizeRule rule = settings.rule();
        if (rule == null) {
            if (dtype.isFloat()) {
                throw new BadInputException(name + ": " + p.describe() + " holds real values; pass --binarize "
                        + "threshold[:T] or quantile:q to make them states");
            }
            return new Decoding(dtype.size() == 1 ? new ZeroOneByteRows(n) : new ZeroOneRows(dtype, n), n, "0/1");
        }
        double[] thresholds = new double[n];
        if (rule.quantile()) {
            thresholds = ColumnQuantiles.of(data, name, dtype, n, p.shape()[0], rule.parameter());
        } else {
            Arrays.fill(thresholds, rule.parameter());
        }
        return new Decoding(new ThresholdRows(dtype, thresholds), n, rule.toString());
    }

    /** Whether the rows are scattered: a Fortran-order 2-D array of more than one row and column. */
    private static boolean scattered(NpyPreamble p) {
        long[] shape = p.shape();
        return p.fortranOrder() && shape.length == 2 && shape[0] > 1 && shape[1] > 1;
    }

    static BadInputException truncated(NpyPreamble p, long dataBytes, long found) {
        return new BadInputException(p.source() + ": truncated: its " + p.describe() + " needs " + dataBytes
                + " bytes of data, found " + found);
    }

    static BadInputException trailing(NpyPreamble p, long dataBytes) {
        return new BadInputException(p.source() + ": unexpected data after the " + dataBytes + " bytes of its "
                + p.describe());
    }

}
