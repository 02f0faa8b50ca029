package rbm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code relevance --input} over the same 9 states of 70 units in every form the readers take: 0/1 text, gzipped
 * text, CSV, NumPy bool, uint8, big-endian int16, bit-packed with --bits, an array of an .npz (stored and
 * compressed, C and Fortran order), each written by NumPy (the fixtures of NpyStatesTest). Every table row is the same
 * but for its label. And several inputs make one table, one row per layer.
 */
class RelevanceInputsTest {
    private static final Path NPY = Path.of("src/test/resources/rbm/readout/npy");

    @TempDir
    Path tmp;

    /** X[r, c] = 1 when (r + 1)(c + 3) mod 7 < 3, as make_fixtures.py writes it. */
    private static boolean x(int r, int c) {
        return (r + 1) * (c + 3) % 7 < 3;
    }

    /** The table's rows without their first cell (the label). */
    private static List<String> rows(Cli r) {
        assertEquals(0, r.code(), r.err());
        List<String> out = new ArrayList<>();
        boolean table = false;
        for (String line : r.out().lines().toList()) {
            if (line.strip().startsWith("layer ")) {
                table = true;
            } else if (table && !line.startsWith("entropies") && !line.isBlank()) {
                out.add(line.strip().replaceFirst("^\\S+\\s+", ""));
            } else if (line.startsWith("entropies")) {
                table = false;
            }
        }
        return out;
    }

    private Cli relevance(String name, String... args) {
        List<String> all = new ArrayList<>(List.of("relevance", "--out", tmp.resolve(name + "-out").toString()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    @Test
    void everyFormOfTheSameStatesGivesTheSameTable() throws IOException {
        StringBuilder lines = new StringBuilder();
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < 70; c++) {
            csv.append(c == 0 ? "" : ",").append("u").append(c);
        }
        csv.append('\n');
        for (int r = 0; r < 9; r++) {
            for (int c = 0; c < 70; c++) {
                lines.append(x(r, c) ? '1' : '0');
                csv.append(c == 0 ? "" : ",").append(x(r, c) ? '1' : '0');
            }
            lines.append('\n');
            csv.append('\n');
        }
        Path text = Files.writeString(tmp.resolve("states.txt"), lines);
        Path table = Files.writeString(tmp.resolve("states.csv"), csv);
        Path gz = tmp.resolve("states.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(lines.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        List<String> expected = rows(relevance("text", "--input", text.toString()));
        assertEquals(1, expected.size());
        assertTrue(expected.getFirst().matches("70\\s+9\\s+7\\s.*"), "70 units, 9 states, 7 distinct: " + expected);
        List<List<String>> forms = List.of(
                rows(relevance("gz", "--input", gz.toString())),
                rows(relevance("csv", "--input", table.toString())),
                rows(relevance("bool", "--input", NPY.resolve("bool.npy").toString())),
                rows(relevance("uint8", "--input", NPY.resolve("uint8.npy").toString())),
                rows(relevance("int16", "--input", NPY.resolve("int16_be.npy").toString())),
                rows(relevance("packed", "--input", NPY.resolve("packed.npy").toString(), "--bits", "70")),
                rows(relevance("npz", "--input", NPY.resolve("two.npz").toString(), "--keys", "bits")),
                rows(relevance("npzc", "--input", NPY.resolve("compressed.npz").toString(), "--keys", "fortran")),
                rows(relevance("float", "--input", NPY.resolve("float32.npy").toString(), "--binarize", "threshold")));
        for (List<String> form : forms) {
            assertEquals(expected, form);
        }
    }

    /**
     * A UTF-8 byte-order mark is not part of the first state in any text form: 0101 twice and 0011 once are two
     * distinct states as bits, as tokens, gzipped and from standard input, and the mark is not part of a CSV table's
     * first column name.
     */
    @Test
    void aByteOrderMarkIsNotPartOfTheFirstState() throws IOException {
        String bom = "\uFEFF";
        String lines = bom + "0101\n0101\n0011\n";
        Path text = Files.writeString(tmp.resolve("bom.txt"), lines);
        Path gz = tmp.resolve("bom.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(lines.getBytes(StandardCharsets.UTF_8));
        }
        Path csv = Files.writeString(tmp.resolve("bom.csv"), bom + "a,b,c,d\n0,1,0,1\n0,1,0,1\n0,0,1,1\n");
        List<Cli> runs = new ArrayList<>(List.of(
                relevance("bits", "--input", text.toString()),
                relevance("tokens", "--input", text.toString(), "--format", "tokens"),
                relevance("gz", "--input", gz.toString()),
                relevance("csv", "--input", csv.toString(), "--columns", "a,b,c,d")));
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
            runs.add(relevance("stdin", "--input", "-", "--format", "bits"));
        } finally {
            System.setIn(stdin);
        }
        for (Cli r : runs) {
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().lines().findFirst().orElse("").contains("3 states") && r.out().contains(" 2 distinct"),
                    r.out());
        }
    }

    @Test
    void severalInputsAreTheLayersOfOneTable() {
        Cli r = relevance("layers", "--input", NPY.resolve("bool.npy").toString(), "--input",
                NPY.resolve("uint8.npy").toString());
        List<String> rows = rows(r);
        assertEquals(2, rows.size(), r.out());
        assertEquals(rows.get(0), rows.get(1));
        assertTrue(r.out().contains("bool.npy") && r.out().contains("uint8.npy"), r.out());
    }

    @Test
    void layersOfDifferentSizesAreRefused() {
        Cli r = relevance("mixed", "--input", NPY.resolve("bool.npy").toString(), "--input",
                NPY.resolve("labels.npy").toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.out());
        assertTrue(r.errorLine().contains("same number of states"), r.errorLine());
    }
}
