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
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rbm.count.FrequencyProfile;
import rbm.io.BadInputException;
import rbm.kernels.ReferenceKernels;

/**
 * The text readers against states packed by {@link ReferenceKernels#packBits}: the same states written as bit lines,
 * gzipped, as CSV and TSV, from a stream, with CRLF and a byte-order mark, give the same words; and every bad text
 * gets a one-line error that names the file and the line.
 */
class TextStatesTest {
    private static final ReferenceKernels KERNELS = new ReferenceKernels();

    @TempDir
    Path tmp;

    /** {@code rows} random 0/1 states of {@code width} units, each as its characters. */
    private static char[][] randomStates(int rows, int width, long seed) {
        Random random = new Random(seed);
        char[][] states = new char[rows][width];
        for (char[] s : states) {
            for (int i = 0; i < width; i++) {
                s[i] = random.nextInt(3) == 0 ? '1' : '0';
            }
        }
        return states;
    }

    /** The words of each state as the kernels pack them. */
    private static List<long[]> packed(char[][] states) {
        List<long[]> words = new ArrayList<>();
        for (char[] s : states) {
            float[] x = new float[s.length];
            for (int i = 0; i < s.length; i++) {
                x[i] = s[i] - '0';
            }
            long[] w = new long[(s.length + 63) / 64];
            KERNELS.packBits(x, 0, s.length, 0.5f, w, 0);
            words.add(w);
        }
        return words;
    }

    private static List<long[]> readAll(StateStream states) throws IOException {
        try (states) {
            List<long[]> all = new ArrayList<>();
            long[] w = new long[(states.width() + 63) / 64];
            while (states.next(w)) {
                all.add(w.clone());
            }
            assertFalse(states.next(w), "the end stays the end");
            return all;
        }
    }

    private static void assertSameWords(List<long[]> expected, List<long[]> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": number of states");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), what + ": state " + i);
        }
    }

    private static String bitLines(char[][] states, String newline) {
        StringBuilder s = new StringBuilder();
        for (char[] state : states) {
            s.append(state).append(newline);
        }
        return s.toString();
    }

    private static String table(char[][] states, String delimiter) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < states[0].length; i++) {
            s.append(i > 0 ? delimiter : "").append("unit").append(i);
        }
        s.append('\n');
        for (char[] state : states) {
            for (int i = 0; i < state.length; i++) {
                s.append(i > 0 ? delimiter : "").append(state[i]);
            }
            s.append('\n');
        }
        return s.toString();
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static byte[] gzip(String text) throws IOException {
        return gzip(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(zipped)) {
            out.write(bytes);
        }
        return zipped.toByteArray();
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

    @Test
    void everyFormGivesTheSameWords() throws IOException {
        char[][] states = randomStates(300, 70, 1);
        List<long[]> expected = packed(states);
        String lines = bitLines(states, "\n");
        String csv = table(states, ",");
        String tsv = table(states, "\t");
        InputOptions none = InputOptions.NONE;

        assertSameWords(expected, readAll(TextStates.bits(write("s.txt", lines))), "bit lines");
        assertSameWords(expected, readAll(TextStates.bits(write("s.txt.gz", gzip(lines)))), "gzipped bit lines");
        assertSameWords(expected, readAll(TextStates.bits(write("s.dat", gzip(lines)))), "gzip without .gz");
        assertSameWords(expected, readAll(TextStates.bits(write("s-crlf.txt", "\uFEFF" + bitLines(states, "\r\n")))),
                "CRLF and a byte-order mark");
        assertSameWords(expected, readAll(TextStates.bits(new ByteArrayInputStream(
                lines.getBytes(StandardCharsets.US_ASCII)), "-")), "a stream");
        assertSameWords(expected, readAll(TextStates.bits(trickle(gzip(lines)), "-")), "a gzipped trickle");
        assertSameWords(expected, readAll(TextStates.table(write("s.csv", csv), none)), "CSV");
        assertSameWords(expected, readAll(TextStates.table(write("s.csv.gz", gzip(csv)), none)), "gzipped CSV");
        assertSameWords(expected, readAll(TextStates.table(write("s.tsv", tsv), none)), "TSV");
        assertSameWords(expected, readAll(TextStates.table(write("s-tabs.txt", tsv), none)), "TSV told by its tabs");
        assertSameWords(expected, readAll(TextStates.table(write("s-crlf.csv", "\uFEFF" + csv.replace("\n", "\r\n")),
                none)), "CSV with CRLF and a byte-order mark");
        assertSameWords(expected, readAll(TextStates.table(trickle(csv.getBytes(StandardCharsets.US_ASCII)), "-",
                none)), "CSV from a stream");

        try (StateStream s = TextStates.table(write("w.csv", csv), none)) {
            assertEquals(70, s.width());
            assertEquals("0/1", s.binarization());
            assertEquals(-1, s.rows());
            assertFalse(s.labels());
            assertTrue(s.name().endsWith("w.csv"), s.name());
        }
    }

    /** Spaces, tabs, blank lines and a last line without a newline take the slow path and give the same words. */
    @Test
    void strippedAndBlankLinesAndALastLineWithoutNewline() throws IOException {
        char[][] states = randomStates(6, 64, 2);
        List<long[]> expected = packed(states);
        String text = "\n  " + new String(states[0]) + "\t\n" + new String(states[1]) + "  \r\n\n"
                + " ".repeat(64) + "\n" + new String(states[2]) + "\n\t\n" + new String(states[3]) + "\n"
                + new String(states[4]) + "\n" + new String(states[5]);
        assertSameWords(expected, readAll(TextStates.bits(write("ragged.txt", text))), "bit lines");
        String csv = table(states, ",");
        assertSameWords(expected, readAll(TextStates.table(write("last.csv", csv.strip() + "\n\n  \n"),
                InputOptions.NONE)), "CSV with blank lines after the last");
        assertSameWords(expected, readAll(TextStates.table(write("nonl.csv", csv.strip()), InputOptions.NONE)),
                "CSV without a last newline");
    }

    /** 784-bit lines over several blocks of the reader, some of them padded so that they leave the fast path. */
    @Test
    void linesOf784Bits() throws IOException {
        char[][] states = randomStates(1200, 784, 3);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < states.length; i++) {
            text.append(i % 97 == 5 ? " " : "").append(states[i]).append(i % 89 == 7 ? "\r\n" : "\n");
        }
        assertTrue(text.length() > 3 * ByteLines.BLOCK, "the lines cross blocks");
        List<long[]> expected = packed(states);
        assertSameWords(expected, readAll(TextStates.bits(write("784.txt", text.toString()))), "784-bit lines");
        assertSameWords(expected, readAll(TextStates.table(write("784.csv", table(states, ",")), InputOptions.NONE)),
                "784 CSV columns");
    }

    /** A line longer than a block grows the reader's array. */
    @Test
    void lineLongerThanABlock() throws IOException {
        char[][] states = randomStates(3, 3 * ByteLines.BLOCK + 13, 4);
        assertSameWords(packed(states), readAll(TextStates.bits(write("long.txt", bitLines(states, "\n")))),
                "long lines");
    }

    @Test
    void columnsByNameAndByIndex() throws IOException {
        Path csv = write("picked.csv", "id,a,b,c,label\n7,1,0,1,x\n8,0,1,1,y\n9,1,1,0,z\n");
        InputOptions picks = new InputOptions(null, null, List.of(), List.of("c", "1"));
        try (StateStream s = TextStates.table(csv, picks)) {
            assertEquals(2, s.width());
        }
        // bit 0 is column c, bit 1 is column 1 (a)
        List<long[]> words = readAll(TextStates.table(csv, picks));
        assertArrayEquals(new long[] {0b11, 0b01, 0b10}, words.stream().mapToLong(w -> w[0]).toArray());
        // a header name that is a number is a name first
        Path numbered = write("numbered.csv", "x,0,y\n1,0,1\n");
        List<long[]> byName = readAll(TextStates.table(numbered, new InputOptions(null, null, null, List.of("0"))));
        assertEquals(0L, byName.get(0)[0], "'0' names the column called 0, which holds 0");
    }

    @Test
    void quotedFields() throws IOException {
        Path csv = write("quoted.csv", "\"a, first\",\"b \"\"quoted\"\"\",c\n\"1\", 0 ,\"1\"\n0,\"1\",0\n");
        List<long[]> words = readAll(TextStates.table(csv, new InputOptions(null, null, null,
                List.of("b \"quoted\"", "a, first"))));
        assertArrayEquals(new long[] {0b10, 0b01}, words.stream().mapToLong(w -> w[0]).toArray());
    }

    @Test
    void valuesAndThresholds() throws IOException {
        Path zeroOne = write("spelled.csv", "a,b,c,d,e\n1.0,0.0,true,FALSE,1e0\n-0,+1,False,True,0.000\n");
        assertArrayEquals(new long[] {0b10101, 0b01010},
                readAll(TextStates.table(zeroOne, InputOptions.NONE)).stream().mapToLong(w -> w[0]).toArray());

        Path real = write("real.csv", "u,v,w,x,y\n-0.5,0.25,1e-3,2.5,0\n0.3,0.30000001,-1E2,3e-400,12345678901234567890\n");
        InputOptions sign = new InputOptions("threshold", null, null, null);
        try (StateStream s = TextStates.table(real, sign)) {
            assertEquals("threshold:0.0", s.binarization());
        }
        assertArrayEquals(new long[] {0b01110, 0b10011},
                readAll(TextStates.table(real, sign)).stream().mapToLong(w -> w[0]).toArray());
        InputOptions third = new InputOptions("threshold:0.3", null, null, null);
        try (StateStream s = TextStates.table(real, third)) {
            assertEquals("threshold:0.3", s.binarization());
        }
        assertArrayEquals(new long[] {0b01000, 0b10010},
                readAll(TextStates.table(real, third)).stream().mapToLong(w -> w[0]).toArray());
        // 0/1 fields with a threshold above 1 are all off, through the fast path of one-character fields too
        assertArrayEquals(new long[] {0, 0}, readAll(TextStates.table(write("high.csv", "a,b\n1,0\n0,1\n"),
                new InputOptions("threshold:1", null, null, null))).stream().mapToLong(w -> w[0]).toArray());
    }

    /** The fast decimal parser agrees with Double.parseDouble, to the bit. */
    @Test
    void decimalsParseAsJavaParsesThem() {
        Random random = new Random(5);
        List<String> numbers = new ArrayList<>(List.of("0", "-0", "+7", "1.", ".5", "0.1", "9007199254740993",
                "123456789012345678901", "1e22", "1e23", "4.9e-324", "2.2250738585072014E-308", "-0.000001e+3"));
        for (int i = 0; i < 20_000; i++) {
            double v = random.nextGaussian() * Math.pow(10, random.nextInt(30) - 15);
            numbers.add(random.nextBoolean() ? Double.toString(v)
                    : String.format(java.util.Locale.ROOT, "%." + random.nextInt(12) + "f", v));
        }
        for (String n : numbers) {
            byte[] b = n.getBytes(StandardCharsets.US_ASCII);
            assertEquals(Double.parseDouble(n), FieldBinarization.parse(b, 0, b.length), n);
        }
        for (String bad : List.of("", "-", ".", "1e", "1.2.3", "0x10", "nan", "inf", "1f", "1,5", "e5")) {
            byte[] b = bad.getBytes(StandardCharsets.US_ASCII);
            assertTrue(Double.isNaN(FieldBinarization.parse(b, 0, b.length)), bad);
        }
    }

    private static void assertError(Supplier<StateStream> open, String... fragments) {
        BadInputException e = assertThrows(BadInputException.class, () -> readAll(open.get()));
        String message = e.getMessage();
        assertTrue(message.chars().noneMatch(Character::isISOControl), "one line, printable: " + message);
        for (String f : fragments) {
            assertTrue(message.contains(f), "'" + f + "' missing from: " + message);
        }
    }

    @Test
    void badBitLines() throws IOException {
        Path unequal = write("unequal.txt", "0101\n0011\n\n011\n");
        assertError(() -> TextStates.bits(unequal), unequal.toString(), "line 4", "3 bits", "line 1 has 4");
        Path stray = write("stray.txt", "0101\n0111\n01x1\n");
        assertError(() -> TextStates.bits(stray), stray.toString(), "line 3", "'x' at character 3");
        Path classicMac = write("mac.txt", "0101\r0011\r");
        assertError(() -> TextStates.bits(classicMac), classicMac.toString(), "line 1", "byte 0x0d at character 5");
        Path first = write("first.txt", "word\n0101\n");
        assertError(() -> TextStates.bits(first), first.toString(), "line 1", "not a string of 0s and 1s");
        Path empty = write("empty.txt", "");
        assertError(() -> TextStates.bits(empty), empty.toString(), "no states");
        Path blank = write("blank.txt", "\uFEFF\n \t\r\n");
        assertError(() -> TextStates.bits(blank), blank.toString(), "no states");
        assertError(() -> TextStates.bits(tmp.resolve("missing.txt")), "missing.txt", "not found");
        assertError(() -> TextStates.bits(tmp), tmp.toString(), "directory");
        Path cut = write("cut.gz", Arrays.copyOf(gzip("0101\n".repeat(1000)), 30));
        assertError(() -> TextStates.bits(cut), cut.toString(), "corrupt gzip data");
        assertError(() -> TextStates.bits(new ByteArrayInputStream("01\n011\n".getBytes(StandardCharsets.US_ASCII)),
                "<stdin>"), "<stdin>: line 2");
    }

    @Test
    void binaryDataIsNotText() throws IOException {
        byte[] npy = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 'v', 0};
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0};
        byte[] nul = "0101\n0101\n0101\n0\u0000\n".getBytes(StandardCharsets.US_ASCII);
        byte[] random = new byte[4096];
        new Random(6).nextBytes(random);
        random[0] = 'a';
        for (byte[] bytes : List.of(npy, zip, nul, random)) {
            Path p = write("binary.bin", bytes);
            assertError(() -> TextStates.bits(p), p.toString(), "looks like binary data", "not text");
            assertError(() -> TextStates.table(p, InputOptions.NONE), p.toString(), "looks like binary data");
            BadInputException e = assertThrows(BadInputException.class,
                    () -> SampleFile.read(p, SampleFile.Format.AUTO, KERNELS));
            assertTrue(e.getMessage().contains("looks like binary data"), e.getMessage());
            assertTrue(SampleFile.read(p, SampleFile.Format.TOKENS, KERNELS).profile().samples() > 0,
                    "tokens asked for by name are counted whatever their bytes");
        }
        Path p = write("npy.txt.gz", gzip(npy));
        assertError(() -> TextStates.bits(p), "a NumPy .npy array");
        Path nulAt = write("nul.txt", nul);
        assertError(() -> TextStates.bits(nulAt), "a NUL byte at offset 16");
        Path utf16 = write("utf16.txt", "\uFEFF0101\n".getBytes(StandardCharsets.UTF_16LE));
        assertError(() -> TextStates.bits(utf16), utf16.toString(), "UTF-16");
    }

    @Test
    void badTables() throws IOException {
        Path real = write("real.csv", "a,b,c\n0,1,0\n1,0.5,1\n");
        assertError(() -> TextStates.table(real, InputOptions.NONE), real.toString(), "line 3", "column 1 'b'",
                "'0.5' is not 0 or 1", "--binarize threshold");
        Path word = write("word.csv", "a,b,c\n0.5,1,0\n1,x,1\n");
        assertError(() -> TextStates.table(word, new InputOptions("threshold", null, null, null)), word.toString(),
                "line 3", "column 1 'b'", "'x' is not a number");
        Path gap = write("gap.csv", "a,b,c\n\n0,,1\n");
        assertError(() -> TextStates.table(gap, InputOptions.NONE), gap.toString(), "line 3", "empty value");
        Path ragged = write("ragged.tsv", "a\tb\tc\n0\t1\t0\n1\t0\n");
        assertError(() -> TextStates.table(ragged, InputOptions.NONE), ragged.toString(), "line 3", "2 fields",
                "header has 3");
        Path names = write("names.csv", "id,alpha,beta,gamma,delta,epsilon,zeta,eta\n1,0,1,0,1,0,1,0\n");
        assertError(() -> TextStates.table(names, new InputOptions(null, null, null, List.of("alpha", "omega"))),
                names.toString(), "no column 'omega'", "8 columns", "'id', 'alpha', 'beta'", "...");
        assertError(() -> TextStates.table(names, new InputOptions(null, null, null, List.of("8"))),
                names.toString(), "no column 8", "0 to 7");
        assertError(() -> TextStates.table(names, new InputOptions(null, null, null, List.of("beta", "2"))),
                names.toString(), "picked twice");
        assertError(() -> TextStates.table(names, new InputOptions("quantile:0.5", null, null, null)),
                names.toString(), "quantile:0.5", "threshold");
        assertError(() -> TextStates.table(names, new InputOptions("median", null, null, null)), "--binarize 'median': unknown rule");
        assertError(() -> TextStates.table(names, new InputOptions(null, 8, null, null)), names.toString(), "--bits");
        Path headless = write("headless.csv", "0,1,1\n1,0,1\n");
        assertError(() -> TextStates.table(headless, InputOptions.NONE), headless.toString(), "line 1",
                "not a header");
        Path onlyHeader = write("header.csv", "a,b\n\n");
        assertError(() -> TextStates.table(onlyHeader, InputOptions.NONE), onlyHeader.toString(), "no states");
        Path open = write("open.csv", "a,b\n0,\"1\n");
        assertError(() -> TextStates.table(open, InputOptions.NONE), open.toString(), "line 2", "quoted field");
        Path after = write("after.csv", "a,b\n0,\"1\"1\n");
        assertError(() -> TextStates.table(after, InputOptions.NONE), after.toString(), "line 2", "closing quote");
    }

    /** The counted sample of SampleFile, on these readers: a byte-order mark is not part of the first state. */
    @Test
    void sampleFileSkipsTheByteOrderMark() throws IOException {
        Path bits = write("bom.txt", "\uFEFF0101\n0101\r\n0011\n");
        SampleFile.Sample s = SampleFile.read(bits, SampleFile.Format.AUTO, KERNELS);
        assertEquals(SampleFile.Format.BITS, s.format());
        assertEquals(4, s.width());
        FrequencyProfile p = s.profile();
        assertArrayEquals(new long[] {1, 2}, p.k(), "0011 once, 0101 twice");
        assertArrayEquals(new long[] {1, 1}, p.m());
        Path words = write("bom-words.txt", "\uFEFFthe\nthe\r\n  of\n");
        SampleFile.Sample t = SampleFile.read(words, SampleFile.Format.AUTO, KERNELS);
        assertEquals(SampleFile.Format.TOKENS, t.format());
        assertEquals(2, t.profile().distinct());
        assertEquals(3, t.profile().samples());
    }

    /**
     * Tokens found by the automatic format must be text: a line of bytes that are not UTF-8, or with a NUL byte past
     * the start that is checked for binary data, is refused; {@code --format tokens} counts them as bytes.
     */
    @Test
    void sampleFileTokensAreTextUnlessAskedFor() throws IOException {
        byte[] latin1 = "abc\n\u00e9t\u00e9\nabc\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] nul = ("the\n".repeat(5000) + "a\u0000b\n").getBytes(StandardCharsets.US_ASCII);
        for (byte[] bytes : List.of(latin1, nul)) {
            Path p = write("not-text.txt", bytes);
            BadInputException e = assertThrows(BadInputException.class,
                    () -> SampleFile.read(p, SampleFile.Format.AUTO, KERNELS));
            assertTrue(e.getMessage().startsWith(p + ": line "), e.getMessage());
            assertTrue(e.getMessage().contains("is not text") && e.getMessage().contains("--format tokens"),
                    e.getMessage());
            assertEquals(2, SampleFile.read(p, SampleFile.Format.TOKENS, KERNELS).profile().distinct());
        }
        Path utf8 = write("utf8.txt", "abc\n\u00e9t\u00e9\nabc\n");
        assertEquals(2, SampleFile.read(utf8, SampleFile.Format.AUTO, KERNELS).profile().distinct());
    }

    /** More states than one batch of the counter, and distinct states that differ only in the second word. */
    @Test
    void sampleFileCountsEveryState() throws IOException {
        char[][] states = randomStates(1000, 100, 7);
        for (int i = 500; i < 1000; i++) {
            states[i] = states[i - 500].clone();
        }
        states[999][99] = states[999][99] == '1' ? '0' : '1';
        SampleFile.Sample s = SampleFile.read(write("twice.txt", bitLines(states, "\n")), SampleFile.Format.BITS,
                KERNELS);
        assertEquals(1000, s.profile().samples());
        assertEquals(501, s.profile().distinct());
    }
}
