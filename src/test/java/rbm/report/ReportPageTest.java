package rbm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import rbm.count.FrequencyProfile;
import rbm.evaluate.GenerationScore;
import rbm.experiment.Results;
import rbm.experiment.ResultsFile;
import rbm.experiment.TinyResults;
import rbm.experiment.Verdicts;
import rbm.generate.Pictures;
import rbm.io.BadInputException;
import rbm.io.JsonFiles;
import rbm.relevance.LayerReport;
import rbm.relevance.RelevanceBound;

/**
 * The report page drawn from a tiny hand-made experiment (no training): M = 200 inputs of 16 pixels, a stack
 * 16-8-4-2, two seeds, the controls and a two-width sweep.
 */
class ReportPageTest {
    private static final int[] WIDTHS = TinyResults.WIDTHS;
    private static final Pattern SVG = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL);
    private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>");

    @TempDir
    Path dir;

    private String writeTiny() throws Exception {
        Results r = TinyResults.of(dir);
        Files.createDirectories(dir.resolve("runs/seed-1"));
        Pictures.writePatterns(new float[4 * 16], 4, 16, 2, dir.resolve("runs/seed-1").resolve("filters.png"));
        new ReportPage(r).write(dir);
        return Files.readString(dir.resolve(ReportPage.PAGE));
    }

    @Test
    void everyChartIsWellFormedSvg() throws Exception {
        String html = writeTiny();
        Matcher m = SVG.matcher(html);
        int charts = 0;
        while (m.find()) {
            String svg = m.group();
            assertFalse(svg.contains("NaN") || svg.contains("Infinity"), "NaN or Infinity in a chart");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                    svg.getBytes(StandardCharsets.UTF_8)));
            assertEquals("svg", doc.getDocumentElement().getLocalName());
            charts++;
        }
        assertTrue(charts >= 8, "expected the page's charts, found " + charts);
    }

    @Test
    void showsTheThreeClaimsNearTheTop() throws Exception {
        String html = writeTiny();
        ResultsFile results = JsonFiles.read(dir.resolve("results.json"), ResultsFile.class);
        List<Verdicts.Claim> claims = results.verdicts().claims();
        assertEquals(3, claims.size());
        int verdict = html.indexOf("id=\"verdict\"");
        assertTrue(verdict > 0 && verdict < html.indexOf("id=\"tradeoff\""), "the verdict comes before the charts");
        for (int i = 0; i < 3; i++) {
            Verdicts.Claim c = claims.get(i);
            assertTrue(html.contains("Claim " + (i + 1) + ". " + Html.escape(c.statement())), "claim " + (i + 1));
            assertTrue(html.contains(Html.escape(c.evidence())), "evidence of claim " + (i + 1));
            assertTrue(html.contains(c.reproduced() ? "✓ reproduced" : "✗ not reproduced"));
        }
    }

    @Test
    void showsTheGeneratedDigitsOfEveryLayerInline() throws Exception {
        String html = writeTiny();
        for (int l = 1; l <= 3; l++) {
            for (String method : new String[] {"chains", "empirical states"}) {
                String alt = "alt=\"digits generated from layer " + l + " by " + method + "\"";
                List<String> found = new ArrayList<>();
                Matcher m = IMG.matcher(html);
                while (m.find()) {
                    if (m.group().contains(alt)) {
                        found.add(m.group());
                    }
                }
                assertEquals(1, found.size(), "one image for layer " + l + " by " + method);
                assertIsInlinePng(found.getFirst());
            }
        }
        Matcher m = IMG.matcher(html);
        int images = 0;
        while (m.find()) {
            assertIsInlinePng(m.group());
            images++;
        }
        assertEquals(3 * 2 + 1, images, "the digits of each layer and method, and the filters");
    }

    private static void assertIsInlinePng(String img) {
        Matcher src = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(img);
        assertTrue(src.find(), "an inline PNG: " + img.substring(0, Math.min(120, img.length())));
        byte[] png = Base64.getDecoder().decode(src.group(1));
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
    }

    @Test
    void showsTheBoundChart() throws Exception {
        String html = writeTiny();
        int figure = html.indexOf("<figure class=\"chart bound-chart\">");
        assertTrue(figure > 0, "the bound chart");
        Matcher m = SVG.matcher(html);
        assertTrue(m.find(figure));
        String svg = m.group();
        assertTrue(svg.contains("bound: maximal H[K], M = 200"), "the bound's legend entry");
        assertTrue(svg.contains("slope −1, tangent at μ = 1"), "the tangent");
        assertTrue(svg.contains("diagonal H[K] = H[s]"), "the diagonal");
        assertTrue(svg.contains("<polyline"), "the bound curve");
        for (String series : new String[] {"stochastic read-out", "deterministic read-out", "untrained stack",
                "shuffled pixels", "single RBMs"}) {
            assertTrue(svg.contains(series), series);
        }
    }

    @Test
    void isSelfContained() throws Exception {
        String html = writeTiny();
        assertFalse(html.contains("<link"), "no linked style sheets or icons");
        assertFalse(Pattern.compile("src=\"(?!data:)").matcher(html).find(), "every src is a data URI");
        assertFalse(Pattern.compile("(href|src)=\"https?:").matcher(html).find(), "nothing from the network");
        assertFalse(html.contains("url("), "no external resources in the style sheet");
        assertTrue(html.contains("<pre id=\"render-check\" hidden></pre>"), "the render check's target");
        for (String resource : new String[] {"page.css", "report.css", "render-check.js"}) {
            String text = Files.readString(Path.of("src/main/resources/rbm/report", resource));
            assertTrue(html.contains(text), resource + " inline in the page");
        }
    }

    @Test
    void writesTheMarkdownTableWithOneRowPerLayer() throws Exception {
        writeTiny();
        List<String> lines = Files.readAllLines(dir.resolve(ReportPage.TABLE));
        List<String> rows = lines.stream().takeWhile(s -> !s.isEmpty()) // the layer table, before its caption
                .filter(s -> s.startsWith("| ") && !s.startsWith("| ---")).toList();
        assertEquals(1 + 3, rows.size(), "a header and one row per layer:\n" + String.join("\n", lines));
        assertTrue(lines.get(1).startsWith("| ---: |"), "the separator follows the header");
        int columns = rows.getFirst().split(" \\| ", -1).length;
        for (int l = 1; l <= 3; l++) {
            String row = rows.get(l);
            assertTrue(row.startsWith("| " + l + " | " + WIDTHS[l] + " | "), row);
            assertEquals(columns, row.split(" \\| ", -1).length, "every row has every column: " + row);
        }
        String html = Files.readString(dir.resolve(ReportPage.PAGE))
                .replaceAll("(?s)<table class=\"decisions\">.*?</table>", ""); // the third claim's measures
        assertEquals(3, html.split("<tr", -1).length - 1 - 1 - countFacts(html), "the same rows in the page");
    }

    private static int countFacts(String html) {
        String facts = html.substring(html.indexOf("<table class=\"facts\">"));
        return facts.substring(0, facts.indexOf("</table>")).split("<tr", -1).length - 1;
    }

    @Test
    void redrawingFromResultsJsonGivesTheSamePage() throws Exception {
        String written = writeTiny();
        String table = Files.readString(dir.resolve(ReportPage.TABLE));
        Files.delete(dir.resolve(ReportPage.PAGE));
        Files.delete(dir.resolve(ReportPage.TABLE));
        ReportPage.render(dir);
        assertEquals(written, Files.readString(dir.resolve(ReportPage.PAGE)));
        assertEquals(table, Files.readString(dir.resolve(ReportPage.TABLE)));
    }

    @Test
    void drawsAPageEvenFromAnEmptyResultsFile() throws Exception {
        Files.writeString(dir.resolve(ReportPage.RESULTS), "{}");
        ReportPage.render(dir);
        String html = Files.readString(dir.resolve(ReportPage.PAGE));
        assertTrue(html.contains("results.json holds no verdicts"));
        assertTrue(html.contains("picture missing"), "a missing picture is said, not linked");
        assertTrue(Files.exists(dir.resolve(ReportPage.TABLE)));
    }

    /** Layers and scores with parts missing: the page and the table show gaps ("—") where the numbers are. */
    @Test
    void drawsAPageWithGapsFromAPartialResultsFile() throws Exception {
        Files.writeString(dir.resolve(ReportPage.RESULTS), """
                {"config": {"layers": [16, 8]}, "verdicts": {"zipf_layer": 1},
                 "groups": {"stack stochastic": [{"layer": 1, "width": 8, "resolution_bits": {"mean": 2.5}}]},
                 "generation": [{"layer": 1, "width": 8, "gibbs": {}}]}""");
        ReportPage.render(dir);
        List<String> table = Files.readAllLines(dir.resolve(ReportPage.TABLE));
        String row = table.stream().filter(l -> l.startsWith("| 1 |")).findFirst().orElseThrow();
        assertEquals("| 1 | 8 | — | 2.50 | — | — | — | — | — | — | — | — | μ closest to 1 |", row);
        assertTrue(Files.readString(dir.resolve(ReportPage.PAGE)).contains("Layer 1 <span class=\"units\">8 units"));
    }

    @Test
    void redrawingNeedsAResultsFile() {
        BadInputException e = assertThrows(BadInputException.class, () -> ReportPage.render(dir));
        assertTrue(e.getMessage().contains("results.json"), e.getMessage());
    }

    @Test
    void mergesTheLabelsOfPointsOnTopOfOneAnother() {
        String[] merged = Points.mergeLabels(new double[] {12, 12, 12, 11, 8}, new double[] {0, 0, 0.01, 1, 4},
                new String[] {"1", "2", "3", "4", "5"}, 0.1, 0.1);
        assertEquals(List.of("1–3", "4", "5"), java.util.Arrays.stream(merged).filter(s -> s != null).toList());
        assertEquals("1–3", merged[0]);
    }

    @Test
    void averagesFrequenciesOverLogarithmicBins() {
        // k = 1 (m 8), 2 and 3 (m 4 and 2: 3 per k), 5 (m 4 over 4..7: 1 per k)
        double[][] b = ReportCharts.logBins(new double[] {1, 2, 3, 5}, new double[] {8, 4, 2, 4});
        assertEquals(3, b[0].length);
        assertEquals(8, b[1][0], 1e-12);
        assertEquals(3, b[1][1], 1e-12);
        assertEquals(1, b[1][2], 1e-12);
        assertEquals(Math.sqrt(2 * 3), b[0][1], 1e-12);
    }
}
