package rbm.readout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import rbm.io.BadInputException;

/**
 * The fixtures in src/test/resources/rbm/readout/npy were written by NumPy (make_fixtures.py there). Most hold the
 * 9 × 70 matrix X of {@link #x}, in one dtype, order or container or another.
 */
class NpyStatesTest {
    private static final int ROWS = 9;
    private static final int UNITS = 70;

    @TempDir
    Path dir;

    /** X[r, c] = 1 when (r + 1)(c + 3) mod 7 < 3, as make_fixtures.py defines it. */
    private static boolean x(int r, int c) {
        return (r + 1) * (c + 3) % 7 < 3;
    }

    /** The states of X, word by word, two words a row. */
    private static long[] expectedX() {
        return statesOf((r, c) -> x(r, c));
    }

    private interface Bits {
        boolean on(int r, int c);
    }

    private static long[] statesOf(Bits bits) {
        long[] words = new long[ROWS * 2];
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < UNITS; c++) {
                if (bits.on(r, c)) {
                    words[2 * r + c / 64] |= 1L << (c % 64);
                }
            }
        }
        return words;
    }

    private static Path fixture(String name) {
        try {
            return Path.of(NpyStatesTest.class.getResource("npy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The states of a file of 0/1 lines, as NumPy wrote them. */
    private static long[] expectedLines(String name) throws IOException {
        List<String> lines = Files.readAllLines(fixture(name));
        assertEquals(ROWS, lines.size());
        return statesOf((r, c) -> lines.get(r).charAt(c) == '1');
    }

    private static InputOptions options(String binarize, Integer bits, String... keys) {
        return new InputOptions(binarize, bits, List.of(keys), List.of());
    }

    private static StateStream only(Path file, InputOptions options) {
        List<StateStream> streams = NpyStates.open(file, options);
        assertEquals(1, streams.size());
        return streams.get(0);
    }

    /** Every state of the stream, its words one after another; checks the end is stable and the row count. */
    private static long[] read(StateStream stream) throws IOException {
        int wordsPerState = (stream.width() + 63) / 64;
        long[] words = new long[wordsPerState];
        List<Long> all = new ArrayList<>();
        long rows = 0;
        try (stream) {
            while (stream.next(words)) {
                for (long w : words) {
                    all.add(w);
                }
                Arrays.fill(words, 0xdeadbeefL); // a reader must write every word
                rows++;
            }
            assertFalse(stream.next(words), "the end stays the end");
        }
        assertEquals(stream.rows(), rows, stream.name());
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    private static long[] read(String fixture, InputOptions options) throws IOException {
        return read(only(fixture(fixture), options));
    }

    @Test
    void theSameMatrixGivesTheSameStatesInEveryIntegerDtypeAndEncoding() throws IOException {
        for (String name : List.of("bool.npy", "uint8.npy", "int16_be.npy", "int64_le.npy", "gzipped.npy",
                "version2.npy", "version3.npy")) {
            StateStream stream = only(fixture(name), InputOptions.NONE);
            assertEquals(fixture(name).toString(), stream.name());
            assertEquals(UNITS, stream.width(), name);
            assertEquals(ROWS, stream.rows(), name);
            assertFalse(stream.labels(), name);
            assertEquals("0/1", stream.binarization(), name);
            assertArrayEquals(expectedX(), read(stream), name);
        }
    }

    @Test
    void packedBitsAreUnpackedMostSignificantBitFirst() throws IOException {
        StateStream stream = only(fixture("packed.npy"), options(null, UNITS));
        assertEquals(UNITS, stream.width());
        assertEquals("packed 0/1", stream.binarization());
        assertArrayEquals(expectedX(), read(stream));
    }

    @Test
    void paddingBitsAfterTheLastUnitAreIgnored() throws IOException {
        byte[] bytes = Files.readAllBytes(fixture("packed.npy"));
        int data = bytes.length - ROWS * 9;
        for (int r = 0; r < ROWS; r++) {
            bytes[data + 9 * r + 8] |= 0b11; // units 70 and 71 of a 72-bit row
        }
        Path file = Files.write(dir.resolve("padded.npy"), bytes);
        assertArrayEquals(expectedX(), read(only(file, options(null, UNITS))));
    }

    @Test
    void boolUint8PackedAndNpzGiveIdenticalSequences() throws IOException {
        long[] bool = read("bool.npy", InputOptions.NONE);
        assertArrayEquals(bool, read("uint8.npy", InputOptions.NONE));
        assertArrayEquals(bool, read("packed.npy", options(null, UNITS)));
        assertArrayEquals(bool, read(NpyStates.open(fixture("two.npz"), options(null, null, "bits")).get(0)));
        assertArrayEquals(bool, read(NpyStates.open(fixture("compressed.npz"), options(null, UNITS, "packed"))
                .get(0)));
    }

    @Test
    void fortranAndCOrderGiveTheSameStates() throws IOException {
        long[] c = read("uint8.npy", InputOptions.NONE);
        assertArrayEquals(c, read("fortran_uint8.npy", InputOptions.NONE));
        assertArrayEquals(c, read("fortran_int32_le.npy", InputOptions.NONE));
        assertArrayEquals(c, read("fortran_int32_be.npy", InputOptions.NONE));
        assertArrayEquals(c, read(NpyStates.open(fixture("compressed.npz"), options(null, null, "fortran")).get(0)));
        assertArrayEquals(read("gauss_be.npy", options("quantile:0.5", null)),
                read("fortran_gauss.npy", options("quantile:0.5", null)));
    }

    @Test
    void realsAreBinarisedByAThreshold() throws IOException {
        StateStream signs = only(fixture("float32.npy"), options("threshold", null));
        assertEquals("threshold:0.0", signs.binarization());
        assertArrayEquals(expectedX(), read(signs));
        // float32.npy holds ±(0.5 + c/100), so above 0.555 are the ones of X in columns c > 5
        StateStream above = only(fixture("float32.npy"), options("threshold:0.555", null));
        assertEquals("threshold:0.555", above.binarization());
        assertArrayEquals(statesOf((r, c) -> x(r, c) && c > 5), read(above));
        assertArrayEquals(expectedX(), read("float16.npy", options("threshold:0", null)));
        assertArrayEquals(expectedLines("expected-gauss-threshold.txt"), read("gauss_be.npy", options("threshold",
                null)));
    }

    @Test
    void quantilesMatchNumpysSortedColumns() throws IOException {
        StateStream median = only(fixture("gauss_be.npy"), options("quantile:0.5", null));
        assertEquals("quantile:0.5", median.binarization());
        assertArrayEquals(expectedLines("expected-gauss-quantile-0.5.txt"), read(median));
        assertArrayEquals(expectedLines("expected-gauss-quantile-0.3.txt"),
                read("gauss_be.npy", options("quantile:0.3", null)));
        assertArrayEquals(expectedLines("expected-gauss-quantile-0.3.txt"),
                read(NpyStates.open(fixture("compressed.npz"), options("quantile:0.3", null, "gauss")).get(0)));
        assertArrayEquals(expectedLines("expected-counts-quantile-0.5.txt"),
                read("counts_be.npy", options("quantile:0.5", null)));
    }

    @Test
    void quantileZeroKeepsAllButTheMinimumAndOneKeepsNothing() throws IOException {
        long[] none = read("gauss_be.npy", options("quantile:1", null));
        assertArrayEquals(new long[ROWS * 2], none);
        long[] all = read("gauss_be.npy", options("quantile:0", null));
        for (int c = 0; c < UNITS; c++) {
            int on = 0;
            for (int r = 0; r < ROWS; r++) {
                on += (int) (all[2 * r + c / 64] >>> (c % 64)) & 1;
            }
            assertEquals(ROWS - 1, on, "column " + c);
        }
    }

    @Test
    void oneDimensionalIntegersAreLabels() throws IOException {
        StateStream labels = only(fixture("labels.npy"), InputOptions.NONE);
        assertTrue(labels.labels());
        assertEquals(64, labels.width());
        assertEquals("labels", labels.binarization());
        assertArrayEquals(new long[] {3, -1, 3, 7, Integer.MAX_VALUE, Integer.MIN_VALUE, 3}, read(labels));
        assertArrayEquals(new long[] {-1, 5, Long.MIN_VALUE}, read("labels_u8.npy", InputOptions.NONE));
    }

    @Test
    void npzArraysComeInFileOrderOrInTheOrderOfTheKeys() throws IOException {
        Path file = fixture("two.npz");
        List<StateStream> all = NpyStates.open(file, InputOptions.NONE);
        assertEquals(List.of(file + ":bits", file + ":labels"), all.stream().map(StateStream::name).toList());
        assertArrayEquals(expectedX(), read(all.get(0)));
        assertArrayEquals(new long[] {3, -1, 3, 7, Integer.MAX_VALUE, Integer.MIN_VALUE, 3}, read(all.get(1)));
        List<StateStream> chosen = NpyStates.open(file, options(null, null, "labels", "bits"));
        assertEquals(List.of(file + ":labels", file + ":bits"), chosen.stream().map(StateStream::name).toList());
        assertTrue(read(chosen.get(0)).length == 7 && read(chosen.get(1)).length == ROWS * 2);
        String message = assertBadInput(file, () -> NpyStates.open(file, options(null, null, "bits", "weights")));
        assertTrue(message.contains("'weights'") && message.contains("bits, labels"), message);
    }

    @Test
    void standardInputTakesCOrderNpyPlainOrGzipped() throws IOException {
        for (String name : List.of("uint8.npy", "gzipped.npy")) {
            InputStream in = trickle(Files.readAllBytes(fixture(name)));
            StateStream stream = NpyStates.open(in, "-", InputOptions.NONE);
            assertEquals("-", stream.name());
            assertArrayEquals(expectedX(), read(stream), name);
        }
        assertArrayEquals(expectedX(), read(NpyStates.open(stdin("packed.npy"), "-", options(null, UNITS))));
    }

    @Test
    void standardInputRefusesWhatNeedsTheFile() {
        assertTrue(assertBadInput("-", () -> NpyStates.open(stdin("fortran_uint8.npy"), "-", InputOptions.NONE))
                .contains("give the file"));
        assertTrue(assertBadInput("-", () -> NpyStates.open(stdin("gauss_be.npy"), "-", options("quantile:0.5",
                null))).contains("give the file"));
        assertTrue(assertBadInput("-", () -> NpyStates.open(stdin("two.npz"), "-", InputOptions.NONE))
                .contains("give the file"));
    }

    @Test
    void rowsCutByTheEndOfABlockAreWholeAgainInTheNext() throws IOException {
        // 50,000 rows of 784 packed bits, 98 bytes each: 4.9 MB, so a block of 4 MiB ends inside a row
        int rows = 50_000;
        int bytes = 98;
        byte[] data = new byte[rows * bytes];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + i / 7);
        }
        Path c = Files.write(dir.resolve("c.npy"), npy("|u1", false, rows, bytes, data));
        Path fortran = Files.write(dir.resolve("f.npy"), npy("|u1", true, rows, bytes, transpose(data, rows,
                bytes)));
        long[] expected = new long[rows * 13];
        for (int r = 0; r < rows; r++) {
            for (int unit = 0; unit < 784; unit++) {
                if ((data[r * bytes + unit / 8] >> (7 - unit % 8) & 1) != 0) {
                    expected[r * 13 + unit / 64] |= 1L << (unit % 64);
                }
            }
        }
        assertArrayEquals(expected, read(only(c, options(null, 784))));
        assertArrayEquals(expected, read(only(fortran, options(null, 784))));
        assertArrayEquals(expected, read(NpyStates.open(trickle(Files.readAllBytes(c)), "-", options(null, 784))));
    }

    @Test
    void arraysThatAreNotSamplesOfStatesAreRefusedNamingDtypeAndShape() {
        String[][] cases = {
                {"three_d.npy", "dtype |b1 with shape (2, 3, 4)"},
                {"scalar.npy", "dtype <i8 with shape ()"},
                {"structured.npy", "dtype [('a', '<i4'), ('b', '<f8')] with shape (3,)"},
                {"complex.npy", "dtype <c8 with shape (10, 3)"},
                {"strings.npy", "dtype <U1 with shape (1, 2)"},
                {"objects.npy", "dtype |O with shape (1, 2)"},
                {"float_labels.npy", "dtype <f8 with shape (2,)"},
        };
        for (String[] c : cases) {
            Path file = fixture(c[0]);
            String message = assertBadInput(file, () -> NpyStates.open(file, InputOptions.NONE));
            assertTrue(message.contains(c[1] + " is not a sample of states"), message);
        }
        for (String name : List.of("empty_rows.npy", "empty_columns.npy")) {
            Path file = fixture(name);
            assertTrue(assertBadInput(file, () -> NpyStates.open(file, InputOptions.NONE)).contains("is empty"));
        }
    }

    @Test
    void valuesThatAreNotStatesAreRefusedWithTheirRowAndColumn() {
        Path two = fixture("two_at_3_5.npy");
        assertTrue(assertBadInput(two, () -> read(only(two, InputOptions.NONE)))
                .contains("row 3, column 5 holds 2; a 0/1 array was expected (use --binarize"));
        Path minus = fixture("minus_one_at_8_69.npy");
        assertTrue(assertBadInput(minus, () -> read(only(minus, InputOptions.NONE)))
                .contains("row 8, column 69 holds -1"));
        Path nan = fixture("nan_at_2_4.npy");
        assertTrue(assertBadInput(nan, () -> read(only(nan, options("threshold", null))))
                .contains("row 2, column 4 holds NaN"));
        assertTrue(assertBadInput(nan, () -> NpyStates.open(nan, options("quantile:0.5", null)))
                .contains("row 2, column 4 holds NaN"));
        Path reals = fixture("float32.npy");
        assertTrue(assertBadInput(reals, () -> NpyStates.open(reals, InputOptions.NONE))
                .contains("dtype <f4 with shape (9, 70) holds real values; pass --binarize"));
    }

    @Test
    void packedArraysMustMatchTheirBits() {
        Path packed = fixture("packed.npy");
        assertTrue(assertBadInput(packed, () -> NpyStates.open(packed, options(null, 64)))
                .contains("--bits 64 packs into 8 bytes per row"));
        Path bool = fixture("bool.npy");
        assertTrue(assertBadInput(bool, () -> NpyStates.open(bool, options(null, 560)))
                .contains("dtype |b1"));
    }

    @Test
    void truncatedAndOverlongDataIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(fixture("uint8.npy"));
        Path cut = Files.write(dir.resolve("cut.npy"), Arrays.copyOf(bytes, bytes.length - 5));
        assertTrue(assertBadInput(cut, () -> NpyStates.open(cut, InputOptions.NONE))
                .contains("truncated: its dtype |u1 with shape (9, 70) needs 630 bytes of data, found 625"));
        Path header = Files.write(dir.resolve("header.npy"), Arrays.copyOf(bytes, 100));
        assertTrue(assertBadInput(header, () -> NpyStates.open(header, InputOptions.NONE)).contains("truncated"));
        Path fortranCut = dir.resolve("fortran-cut.npy");
        byte[] fortran = Files.readAllBytes(fixture("fortran_int32_be.npy"));
        Files.write(fortranCut, Arrays.copyOf(fortran, fortran.length - 1));
        assertTrue(assertBadInput(fortranCut, () -> NpyStates.open(fortranCut, InputOptions.NONE))
                .contains("truncated"));
        Path longer = Files.write(dir.resolve("longer.npy"), Arrays.copyOf(bytes, bytes.length + 1));
        assertTrue(assertBadInput(longer, () -> NpyStates.open(longer, InputOptions.NONE))
                .contains("unexpected data after the 630 bytes"));

        // compressed, the shortfall shows only at the end of the data: after the rows that are whole
        Path gzipCut = Files.write(dir.resolve("gzip-cut.npy"), gzip(Arrays.copyOf(bytes, bytes.length - 5)));
        assertTrue(assertBadInput(gzipCut, () -> read(only(gzipCut, InputOptions.NONE))).contains("truncated"));
        byte[] gzipped = Files.readAllBytes(fixture("gzipped.npy"));
        Path gzipTorn = Files.write(dir.resolve("gzip-torn.npy"), Arrays.copyOf(gzipped, gzipped.length - 12));
        assertTrue(assertBadInput(gzipTorn, () -> read(only(gzipTorn, InputOptions.NONE))).contains("truncated"));
        assertTrue(assertBadInput("-", () -> read(NpyStates.open(new ByteArrayInputStream(Arrays.copyOf(bytes,
                bytes.length - 70)), "-", InputOptions.NONE))).contains("found 560"));
        Path gzipFortran = Files.write(dir.resolve("gzip-fortran.npy"), gzip(Arrays.copyOf(fortran,
                fortran.length - 4)));
        assertTrue(assertBadInput(gzipFortran, () -> read(only(gzipFortran, InputOptions.NONE)))
                .contains("truncated"));
    }

    @Test
    void filesThatAreNotNumpyAndFlagsThatDoNotApplyAreRefused() throws IOException {
        Path text = Files.writeString(dir.resolve("text.npy"), "0101\n1100\n");
        assertTrue(assertBadInput(text, () -> NpyStates.open(text, InputOptions.NONE))
                .contains("neither an .npy nor an .npz file"));
        Path missing = dir.resolve("missing.npy");
        assertTrue(assertBadInput(missing, () -> NpyStates.open(missing, InputOptions.NONE)).contains("no such file"));
        Path uint8 = fixture("uint8.npy");
        assertTrue(assertBadInput(uint8, () -> NpyStates.open(uint8, options(null, null, "x"))).contains("--keys"));
        String message = assertThrows(BadInputException.class,
                () -> NpyStates.open(uint8, options("median", null))).getMessage();
        assertTrue(message.startsWith("--binarize 'median'"), message);
        message = assertThrows(BadInputException.class,
                () -> NpyStates.open(uint8, options("quantile:1.5", null))).getMessage();
        assertTrue(message.startsWith("--binarize 'quantile:1.5'"), message);
    }

    /** Checks the call fails with a one-line message that starts with the file. */
    private static String assertBadInput(Object file, Executable call) {
        String message = assertThrows(BadInputException.class, call).getMessage();
        assertTrue(message.startsWith(file + ": "), () -> "should start with " + file + ": " + message);
        assertFalse(message.contains("\n") || message.contains("\r"), () -> "should be one line: " + message);
        return message;
    }

    private static InputStream stdin(String fixture) {
        try {
            return new ByteArrayInputStream(Files.readAllBytes(fixture(fixture)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stream that hands over at most 7 bytes a read, as a pipe may. */
    private static InputStream trickle(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 7));
            }
        };
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /** The column-major bytes of a row-major rows × columns array of bytes. */
    private static byte[] transpose(byte[] data, int rows, int columns) {
        byte[] out = new byte[data.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                out[c * rows + r] = data[r * columns + c];
            }
        }
        return out;
    }

    /** A version 1.0 .npy file of a 2-D array, its header padded to 64 bytes as numpy pads it. */
    private static byte[] npy(String descr, boolean fortran, int rows, int columns, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': ("
                + rows + ", " + columns + "), }";
        int padding = 63 - (10 + dict.length()) % 64;
        byte[] header = (dict + " ".repeat(padding) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer file = ByteBuffer.allocate(10 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        file.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length);
        return file.put(header).put(data).array();
    }
}
