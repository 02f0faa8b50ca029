package rbm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rbm.io.JsonFiles;
import rbm.relevance.RelevanceFile;

/** 'relevance --input', 'bound', and the one-line errors of both commands. */
class RelevanceCommandTest {
    @TempDir
    static Path tmp;
    private static Path model;

    @BeforeAll
    static void trainTinyModel() {
        model = tmp.resolve("model");
        Cli r = Cli.run("train", "--limit", "200", "--layers", "784-8", "--epochs", "1", "--batch", "50",
                "--seed", "1", "--threads", "1", "--monitor-rows", "50", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
    }

    private static Path file(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static void assertError(Cli r, String... fragments) {
        assertEquals(Main.BAD_INPUT, r.code(), "exit code; stderr: " + r.err());
        String line = r.errorLine();
        for (String f : fragments) {
            assertTrue(line.contains(f), "'" + f + "' missing from: " + line);
        }
    }

    /** AAABBCD as bit strings, with blank lines and spaces that are ignored. */
    @Test
    void bitStringSampleGivesTheHandCheckedValues() throws IOException {
        Path in = file("states.txt", "00\n00\n\n 00 \n01\n01\n10\n11\n");
        Cli r = Cli.run("relevance", "--input", in.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("7 states (bits, 2 bits), 4 distinct"), r.out());
        assertTrue(r.out().contains("1.842") && r.out().contains("1.557") && r.out().contains("0.286"), r.out());
        Path dir = tmp.resolve("states-relevance");
        RelevanceFile.Layer layer = relevanceFile(dir).layers().getFirst();
        assertEquals(1.842371, layer.resolutionBits(), 1e-6);
        assertEquals(1.556657, layer.relevanceBits(), 1e-6);
        assertArrayEquals(new long[] {1, 2, 3}, layer.frequencies().k());
        assertArrayEquals(new long[] {2, 1, 1}, layer.frequencies().mK());
        assertArrayEquals(new long[] {1, 2, 3}, layer.rankFrequency().first());
        List<String> csv = Files.readAllLines(dir.resolve("relevance.csv"));
        assertEquals(2, csv.size());
        assertTrue(csv.get(1).startsWith("states.txt,2,1,7,4,1.8423"), csv.get(1));
    }

    /** Words of a text, gzipped, counted as tokens: A×7 B×5 C×3 D×2 E×1 has H[K] = H[s]. */
    @Test
    void tokenSampleFromAGzippedFile() throws IOException {
        StringBuilder text = new StringBuilder();
        String[] words = {"the", "of", "relevance", "bits", "entropy"};
        int[] times = {7, 5, 3, 2, 1};
        for (int w = 0; w < words.length; w++) {
            text.append((words[w] + "\n").repeat(times[w]));
        }
        Path in = tmp.resolve("words.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(in))) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        Path out = tmp.resolve("words-out");
        Cli r = Cli.run("relevance", "--input", in.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        RelevanceFile json = relevanceFile(out);
        RelevanceFile.Layer layer = json.layers().getFirst();
        assertEquals("tokens", json.source().format());
        assertEquals(2.057924, layer.resolutionBits(), 1e-6);
        assertEquals(2.057924, layer.relevanceBits(), 1e-6);
        assertEquals(18, json.bound().samples());
    }

    @Test
    void boundPrintsTheCurveAndMarksZipf() throws IOException {
        Path csv = tmp.resolve("bound.csv");
        Cli r = Cli.run("bound", "--samples", "60000", "--points", "5", "--out", csv.toString());
        assertEquals(0, r.code(), r.err());
        String zipf = r.out().lines().filter(l -> l.contains("Zipf")).findFirst().orElseThrow();
        assertTrue(zipf.contains("12.353") && zipf.contains("5.992"), zipf);
        assertTrue(r.out().contains("exact: every point is an optimal sample"), r.out());
        assertTrue(r.out().contains("log2 M = 15.873"), r.out());
        assertTrue(Files.readString(csv).contains("1.0,12.35"), "CSV row of mu = 1");
        Cli large = Cli.run("bound", "--samples", "1000000", "--points", "3");
        assertTrue(large.out().contains("not exact above M = 100000") && large.out().contains("band"), large.out());
        assertError(Cli.run("bound", "--samples", "0"), "--samples");

        // the picture: the Zipf point where its H[s] maps (x from 0 to 1.03 log2 M across pixels 64 to 740)
        Path svg = tmp.resolve("bound.svg");
        assertEquals(0, Cli.run("bound", "--samples", "60000", "--svg", svg.toString()).code());
        String picture = Files.readString(svg);
        String row = Files.readAllLines(csv).stream().filter(l -> l.startsWith("1.0,")).findFirst().orElseThrow();
        double zipfResolution = Double.parseDouble(row.split(",")[1]);
        Matcher m = Pattern.compile("<circle cx=\"([0-9.]+)\" cy=\"[0-9.]+\" r=\"3\" fill=\"#000000\"/>")
                .matcher(picture);
        assertTrue(m.find(), "the Zipf point");
        assertEquals(64 + 676 * zipfResolution / (1.03 * Math.log(60000) / Math.log(2)), Double.parseDouble(m.group(1)),
                0.01);
        assertTrue(picture.contains("bound: maximal H[K], M = 60,000") && picture.contains("<polyline"), "the curve");
    }

    @Test
    void badSamples() throws IOException {
        Path empty = file("empty.txt", "");
        assertError(Cli.run("relevance", "--input", empty.toString()), empty.toString(), "no states");
        Path blank = file("blank.txt", "\n  \n\n");
        assertError(Cli.run("relevance", "--input", blank.toString()), blank.toString(), "no states");
        Path unequal = file("unequal.txt", "0101\n\n0011\n011\n");
        assertError(Cli.run("relevance", "--input", unequal.toString()), unequal.toString(), "line 4",
                "same length");
        Path mixed = file("mixed.txt", "0101\nword\n");
        assertError(Cli.run("relevance", "--input", mixed.toString()), mixed.toString(), "line 2", "--format tokens");
        assertError(Cli.run("relevance", "--input", mixed.toString(), "--format", "bits"), "line 2");
        assertEquals(0, Cli.run("relevance", "--input", mixed.toString(), "--format", "tokens").code());
        Path missing = tmp.resolve("missing.txt");
        assertError(Cli.run("relevance", "--input", missing.toString()), missing.toString(), "not found");
        assertError(Cli.run("relevance", "--input", tmp.toString()), tmp.toString(), "directory");
        Path garbled = tmp.resolve("garbled.gz");
        Files.write(garbled, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        assertError(Cli.run("relevance", "--input", garbled.toString()), garbled.toString(), "cannot read");
        Path npy = tmp.resolve("states.npy");
        Files.write(npy, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 0x76, 0, '{', '}'});
        assertError(Cli.run("relevance", "--input", npy.toString(), "--format", "tokens"), npy.toString(),
                "truncated .npy header"); // told by its first bytes, whatever --format says of text
        Path binary = tmp.resolve("noise.txt");
        Files.write(binary, new byte[] {'0', '1', 0, 7, 0, '\n'});
        assertError(Cli.run("relevance", "--input", binary.toString()), binary.toString(), "looks like binary data");
        Path latin1 = tmp.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'a', '\n', (byte) 0xe9, '\n'});
        assertError(Cli.run("relevance", "--input", latin1.toString()), latin1.toString(), "line 2 is not text",
                "not UTF-8", "--format tokens");
        Cli asked = Cli.run("relevance", "--input", binary.toString(), "--format", "tokens", "--out",
                tmp.resolve("tokens").toString());
        assertEquals(0, asked.code(), asked.err()); // --format tokens: lines of any bytes
    }

    @Test
    void badModelsAndFlags() throws IOException {
        Path narrow = file("narrow.txt", "0,1,0\n1,1,0\n");
        assertError(Cli.run("relevance", "--model", model.toString(), "--data", narrow.toString()),
                narrow.toString(), "3 values per row", "784 visible units");
        Path notRun = tmp.resolve("not-a-run");
        Files.createDirectories(notRun);
        assertError(Cli.run("relevance", "--model", notRun.toString()), notRun.toString(), "model.json");
        assertError(Cli.run("relevance"), "--model", "--input");
        assertError(Cli.run("relevance", "--model", model.toString(), "--readout", "mean"), "--readout");
        assertError(Cli.run("relevance", "--model", model.toString(), "--readout", "deterministic", "--repeats",
                "3"), "--repeats");
        assertError(Cli.run("relevance", "--model", model.toString(), "--repeats", "0"), "--repeats");
        assertError(Cli.run("relevance", "--model", model.toString(), "--format", "bits"), "--format", "--input");
        Path states = file("ok.txt", "01\n10\n");
        assertError(Cli.run("relevance", "--input", states.toString(), "--repeats", "2"), "--repeats", "--model");
    }

    @Test
    void modelReadoutPrintsOneRowPerLayer() {
        Path out = tmp.resolve("model-out");
        Cli r = Cli.run("relevance", "--model", model.toString(), "--limit", "150", "--seed", "2", "--threads", "1",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("layer 1/1 (8 units)"), r.out());
        String row = r.out().lines().filter(l -> l.strip().startsWith("1 ")).findFirst().orElseThrow();
        assertTrue(row.contains(" 8 ") && row.contains(" 150 "), row);
        RelevanceFile json = relevanceFile(out);
        assertEquals(2, json.source().seed().longValue());
        assertEquals(150, json.layers().getFirst().samples());
    }

    /**
     * The charts and the page: the layer's point lands where its H[s] and H[K] map on the chart (the plot area spans
     * x ∈ [64, 740] and y ∈ [32, 452] of the 760 × 500 picture, from 0 to 1.03 log2 M across, and from 0 to 1.15 times
     * the highest relevance up), and the page holds the table's rows and both charts, with nothing from elsewhere.
     */
    @Test
    void chartsAndPageShowTheSample() throws Exception {
        Path in = file("aaabbcd.txt", "00\n00\n00\n01\n01\n10\n11\n");
        Path out = tmp.resolve("aaabbcd-out");
        Cli r = Cli.run("relevance", "--input", in.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("index.html"), r.out());
        String svg = Files.readString(out.resolve("relevance.svg"));
        assertEquals("svg", DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement().getTagName());
        assertFalse(svg.contains("NaN") || svg.contains("Infinity"), "NaN or Infinity in the chart");
        for (String entry : List.of("bound: maximal H[K], M = 7", "slope −1, tangent at μ = 1", "diagonal H[K] = H[s]",
                "Zipf point of the bound (μ = 1)", "aaabbcd.txt")) {
            assertTrue(svg.contains(entry), entry);
        }
        double top = 1.556657;
        for (RelevanceFile.Point p : relevanceFile(out).bound().curve()) {
            top = Math.max(top, p.relevanceBits());
        }
        double cx = 64 + 676 * 1.842371 / (1.03 * Math.log(7) / Math.log(2));
        double cy = 452 - 420 * 1.556657 / (1.15 * top);
        Matcher m = Pattern.compile("<circle cx=\"([0-9.]+)\" cy=\"([0-9.]+)\" r=\"3\" fill=\"#0072B2\"/>")
                .matcher(svg);
        assertTrue(m.find(), "the layer's point");
        assertEquals(cx, Double.parseDouble(m.group(1)), 0.01, "x of the point");
        assertEquals(cy, Double.parseDouble(m.group(2)), 0.01, "y of the point");
        String rank = Files.readString(out.resolve("rank-frequency.svg"));
        assertTrue(rank.contains("<polyline") && rank.contains("Zipf: k ∝ 1/r (slope −1)"), "the staircase and Zipf");

        String html = Files.readString(out.resolve("index.html"));
        String row = r.out().lines().filter(l -> l.strip().startsWith("aaabbcd.txt ")).findFirst().orElseThrow();
        for (String cell : row.strip().split(" {2,}")) {
            assertTrue(html.contains("<td>" + cell + "</td>"), "table cell " + cell);
        }
        assertTrue(html.contains(svg.strip()) && html.contains(rank.strip()), "both charts inline");
        assertTrue(html.contains("input " + in), "what was analysed");
        assertFalse(html.contains("<link") || html.contains("<script")
                || Pattern.compile("(href|src)=\"https?:").matcher(html).find(), "nothing from elsewhere");
    }

    private static RelevanceFile relevanceFile(Path dir) {
        return JsonFiles.read(dir.resolve("relevance.json"), RelevanceFile.class);
    }
}
