package rbm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgPlotTest {
    private static final double[] X = {1, 2, 3, 4};
    private static final double[] Y = {2, 3, 5, 4};

    /** Parses the SVG as XML (failing the test if it is not well-formed) and checks it holds no NaN or Infinity. */
    static Document parse(String svg) throws Exception {
        assertFalse(svg.contains("NaN"), "NaN in output");
        assertFalse(svg.contains("Infinity"), "Infinity in output");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        byte[] bytes = svg.getBytes(StandardCharsets.UTF_8);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        return doc;
    }

    /** The elements of this tag name inside the group of this class. */
    static List<Element> inGroup(Document doc, String groupClass, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList groups = doc.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (groupClass.equals(g.getAttribute("class"))) {
                NodeList children = g.getElementsByTagName(tag);
                for (int j = 0; j < children.getLength(); j++) {
                    found.add((Element) children.item(j));
                }
            }
        }
        return found;
    }

    static double attr(Element e, String name) {
        return Double.parseDouble(e.getAttribute(name));
    }

    @Test
    void everyFeatureGivesWellFormedXml() throws Exception {
        String[] labels = {"a", "b", null, "d"};
        parse(SvgPlot.create(640, 400).title("T").xLabel("x").yLabel("y")
                .points(Points.of("p", X, Y).xErrors(0.1, 0.2, 0.3, 0.4).yErrors(0.5, 0.5, 0.5, 0.5).labels(labels))
                .curve(Curve.of("c", X, Y).dash(SvgPlot.DOTTED).width(2).colour("#112233"))
                .reference(ReferenceLine.diagonal().label("y = x"), ReferenceLine.slope(-1, 7),
                        ReferenceLine.through(1, 1, 2, 3), ReferenceLine.slopeThrough(-1, 3, 5))
                .toSvg());
        parse(SvgPlot.create(640, 400).logX().logY().points(Points.of("p", X, Y).yErrors(3, 1, 1, 1))
                .curve(Curve.of("c", X, Y)).reference(ReferenceLine.slope(-1, 1)).legend(Legend.BOTTOM_LEFT)
                .toSvg());
        parse(SvgPlot.create(300, 200).toSvg());
        parse(BarChart.create(500, 300).title("per layer").yLabel("H").categories("1", "2", "3")
                .bars(Bars.of("H[s]", 1, 2, 3).errors(0.1, 0.2, 0.3), Bars.of("H[K]", 0.5, -1, Double.NaN))
                .toSvg());
    }

    @Test
    void aMinimumStepKeepsTicksOnWholeNumbers() throws Exception {
        List<String> plain = new ArrayList<>();
        for (Element t : inGroup(parse(SvgPlot.create(500, 300).xRange(0.5, 2.9).toSvg()), "x-axis", "text")) {
            plain.add(t.getTextContent());
        }
        assertTrue(plain.contains("1.5"), "without a minimum step a short range gets half steps: " + plain);
        List<String> whole = new ArrayList<>();
        for (Element t : inGroup(parse(SvgPlot.create(500, 300).xRange(0.5, 2.9).xStep(1).toSvg()), "x-axis",
                "text")) {
            whole.add(t.getTextContent());
        }
        assertEquals(List.of("1", "2"), whole);
        List<String> wide = new ArrayList<>();
        for (Element t : inGroup(parse(SvgPlot.create(500, 300).xRange(0, 100).xStep(1).toSvg()), "x-axis",
                "text")) {
            wide.add(t.getTextContent());
        }
        assertEquals(List.of("0", "20", "40", "60", "80", "100"), wide, "a larger automatic step is kept");
        assertThrows(IllegalArgumentException.class, () -> SvgPlot.create(500, 300).xStep(0));
    }

    @Test
    void labelsTakeTheirSeriesColourOnRequest() throws Exception {
        Points a = Points.of("a", X, Y).labels("1", "2", "3", "4").colour("#112233");
        Points b = Points.of("b", X, Y).labels("5", null, null, null);
        Document plain = parse(SvgPlot.create(400, 300).points(a, b).toSvg());
        for (Element label : inGroup(plain, "point-labels", "text")) {
            assertEquals("#333333", label.getAttribute("fill"));
        }
        List<Element> labels = inGroup(parse(SvgPlot.create(400, 300).labelsInSeriesColour().points(a, b).toSvg()),
                "point-labels", "text");
        assertEquals(5, labels.size());
        for (int i = 0; i < 4; i++) {
            assertEquals("#112233", labels.get(i).getAttribute("fill"));
        }
        assertEquals(Palette.series(1), labels.get(4).getAttribute("fill"), "the second series' palette colour");
    }

    @Test
    void pointLandsWhereThePlotAreaRuleSays() throws Exception {
        // plot area x ∈ [64, 400 − 20] = [64, 380], y ∈ [32, 300 − 48] = [32, 252]
        // x = 5 in [0, 10]: 64 + 0.5 · 316 = 222;  y = 25 in [0, 100]: 252 − 0.25 · 220 = 197
        Document doc = parse(SvgPlot.create(400, 300).xRange(0, 10).yRange(0, 100)
                .points(Points.of(null, new double[] {5}, new double[] {25})).toSvg());
        List<Element> dots = inGroup(doc, "points", "circle");
        assertEquals(1, dots.size());
        assertEquals(222, attr(dots.get(0), "cx"), 1e-9);
        assertEquals(197, attr(dots.get(0), "cy"), 1e-9);
    }

    @Test
    void pointLandsWhereThePlotAreaRuleSaysOnLogAxes() throws Exception {
        // x = 10 in [1, 1000] is 1/3 of the decades: 64 + 316/3 = 169.33;  y = 0.1 in [0.01, 10] is 1/3 up:
        // 252 − 220/3 = 178.67
        Document doc = parse(SvgPlot.create(400, 300).logX().logY().xRange(1, 1000).yRange(0.01, 10)
                .points(Points.of(null, new double[] {10}, new double[] {0.1})).toSvg());
        Element dot = inGroup(doc, "points", "circle").get(0);
        assertEquals(169.33, attr(dot, "cx"), 1e-9);
        assertEquals(178.67, attr(dot, "cy"), 1e-9);
    }

    @Test
    void automaticRangePadsTheDataByFivePercent() throws Exception {
        // x data [0, 10] → range [−0.5, 10.5]: x = 0 at 64 + 0.5/11 · 316
        Document doc = parse(SvgPlot.create(400, 300)
                .points(Points.of(null, new double[] {0, 10}, new double[] {0, 10})).toSvg());
        Element first = inGroup(doc, "points", "circle").get(0);
        assertEquals(64 + 0.5 / 11 * 316, attr(first, "cx"), 0.006);
        assertEquals(252 - 0.5 / 11 * 220, attr(first, "cy"), 0.006);
    }

    @Test
    void logAxesPutLabelledTicksAtPowersOfTen() throws Exception {
        Document doc = parse(SvgPlot.create(640, 400).logX().logY().xRange(0.05, 2000).yRange(1, 1e6)
                .points(Points.of(null, X, Y)).toSvg());
        List<String> xLabels = inGroup(doc, "x-axis", "text").stream().map(Element::getTextContent).toList();
        assertEquals(List.of("0.1", "1", "10", "100", "1000"), xLabels);
        List<String> yLabels = inGroup(doc, "y-axis", "text").stream().map(Element::getTextContent).toList();
        // 10⁵ and 10⁶ are written as "10" with a raised exponent
        assertEquals(List.of("1", "10", "100", "1000", "10000", "105", "106"), yLabels);
        List<String> raised = inGroup(doc, "y-axis", "tspan").stream().map(Element::getTextContent).toList();
        assertEquals(List.of("5", "6"), raised);

        Axis axis = Axis.create(true, new double[] {0.05, 2000}, null, 0, 576);
        List<Axis.Tick> ticks = axis.ticks();
        for (Axis.Tick tick : ticks) {
            double log = Math.log10(tick.value());
            if (tick.major()) {
                assertEquals(Math.rint(log), log, 1e-12, "major tick " + tick.value());
            } else {
                double mantissa = tick.value() / Math.pow(10, Math.floor(log + 1e-12));
                assertEquals(Math.rint(mantissa), mantissa, 1e-9, "minor tick " + tick.value());
            }
        }
        assertTrue(ticks.stream().filter(t -> !t.major()).count() >= 30, "minor ticks at 2..9 × 10^k");
    }

    @Test
    void crowdedDecadesLabelEveryOtherPower() {
        Axis axis = Axis.create(true, new double[] {1e-10, 1e10}, null, 0, 300);
        List<Double> labelled = axis.ticks().stream().filter(Axis.Tick::major).map(Axis.Tick::value).toList();
        assertTrue(labelled.size() >= 3 && labelled.size() <= 8, labelled.toString());
        for (double v : labelled) {
            assertEquals(Math.rint(Math.log10(v)), Math.log10(v), 1e-12);
        }
    }

    @Test
    void logRangeWithinOneDecadeLabelsOneTwoFive() {
        Axis axis = Axis.create(true, new double[] {1.5, 9}, null, 0, 300);
        List<String> labels = axis.ticks().stream().filter(Axis.Tick::major).map(Axis.Tick::label).toList();
        assertEquals(List.of("2", "5"), labels);
    }

    @Test
    void linearTicksAreNiceNumbers() {
        Axis axis = Axis.create(false, new double[] {-0.3, 2.35}, null, 0, 400);
        List<String> labels = axis.ticks().stream().map(Axis.Tick::label).toList();
        assertEquals(List.of("0", "0.5", "1.0", "1.5", "2.0"), labels);
        assertEquals("1.5e6", Axis.linearLabel(1.5e6, 5e5, 2e6));
        assertEquals("0", Axis.linearLabel(-1e-17, 0.1, 1));
    }

    @Test
    void textIsEscaped() throws Exception {
        String nasty = "a<b & c>\"d\" 'e' \u0001";
        String svg = SvgPlot.create(400, 300).title(nasty).xLabel(nasty).yLabel(nasty)
                .points(Points.of(nasty, X, Y).labels(nasty, nasty, nasty, nasty))
                .curve(Curve.of(nasty, X, Y)).reference(ReferenceLine.diagonal().label(nasty)).toSvg();
        assertTrue(svg.contains("a&lt;b &amp; c&gt;&quot;d&quot; &apos;e&apos; ?"));
        assertFalse(svg.contains("a<b"));
        Document doc = parse(svg);
        assertEquals("a<b & c>\"d\" 'e' ?", inGroup(doc, "titles", "text").get(0).getTextContent());
        parse(BarChart.create(400, 300).categories(nasty).bars(Bars.of(nasty, 1)).title(nasty).toSvg());
    }

    @Test
    void unshowablePointsAreSkipped() throws Exception {
        double[] x = {1, Double.NaN, 3, -1, 0, 5, Double.POSITIVE_INFINITY};
        double[] y = {1, 2, Double.NEGATIVE_INFINITY, 4, 5, 6, 7};
        String linear = SvgPlot.create(400, 300).points(Points.of("p", x, y).yErrors(1, 1, 1, 1, 1, Double.NaN, 1))
                .curve(Curve.of("c", x, y)).toSvg();
        assertEquals(4, inGroup(parse(linear), "points", "circle").size()); // (1,1), (-1,4), (0,5), (5,6)

        String log = SvgPlot.create(400, 300).logX().logY()
                .points(Points.of("p", x, y).yErrors(1, 1, 1, 1, 1, 10, 1).xErrors(2, 2, 2, 2, 2, 2, 2))
                .curve(Curve.of("c", x, y)).toSvg();
        Document doc = parse(log);
        assertEquals(2, inGroup(doc, "points", "circle").size()); // (1,1) and (5,6)
        for (Element line : inGroup(doc, "error-bars", "line")) {
            for (String a : new String[] {"x1", "y1", "x2", "y2"}) {
                assertTrue(Double.isFinite(attr(line, a)));
            }
        }
        // the curve breaks at each unshowable vertex: (1,1) alone and (5,6) alone draw nothing
        assertEquals(0, inGroup(doc, "curves", "polyline").size());
        parse(SvgPlot.create(400, 300).logY().points(Points.of(null, new double[] {1}, new double[] {-1})).toSvg());
    }

    @Test
    void pointsOutsideAnExplicitRangeAreNotDrawnAndCurvesAreClipped() throws Exception {
        Document doc = parse(SvgPlot.create(400, 300).xRange(0, 10).yRange(0, 10)
                .points(Points.of(null, new double[] {5, 20, 1e300}, new double[] {5, 5, 5}))
                .curve(Curve.of(null, new double[] {-10, 5, 5, 1e300}, new double[] {5, 5, 15, 5})).toSvg());
        assertEquals(1, inGroup(doc, "points", "circle").size());
        List<Element> lines = inGroup(doc, "curves", "polyline");
        assertEquals(1, lines.size());
        // from the left edge at y = 5 to (5, 5), then up to the top edge at x = 5
        assertEquals("64,142 222,142 222,32", lines.get(0).getAttribute("points"));
    }

    @Test
    void referenceLinesAreClippedToThePlotArea() throws Exception {
        Document doc = parse(SvgPlot.create(400, 300).xRange(0, 10).yRange(0, 10)
                .reference(ReferenceLine.diagonal(), ReferenceLine.slope(-1, 5), ReferenceLine.slope(0, 20))
                .toSvg());
        List<Element> lines = inGroup(doc, "reference-lines", "line");
        assertEquals(2, lines.size()); // y = 20 misses the area
        Element diagonal = lines.get(0);
        assertEquals(64, attr(diagonal, "x1"), 1e-9);
        assertEquals(252, attr(diagonal, "y1"), 1e-9);
        assertEquals(380, attr(diagonal, "x2"), 1e-9);
        assertEquals(32, attr(diagonal, "y2"), 1e-9);
        Element tangent = lines.get(1); // y = 5 − x: from (0, 5) to (5, 0)
        assertEquals(64, attr(tangent, "x1"), 1e-9);
        assertEquals(142, attr(tangent, "y1"), 1e-9);
        assertEquals(222, attr(tangent, "x2"), 1e-9);
        assertEquals(252, attr(tangent, "y2"), 1e-9);
    }

    @Test
    void slopeMinusOneOnLogLogAxesIsAPowerLaw() throws Exception {
        // through (10, 10) with slope −1 in decades: y = 100 / x, so it passes (1, 100) and (100, 1)
        Document doc = parse(SvgPlot.create(400, 300).logX().logY().xRange(1, 100).yRange(1, 100)
                .reference(ReferenceLine.slopeThrough(-1, 10, 10)).toSvg());
        Element line = inGroup(doc, "reference-lines", "line").get(0);
        assertEquals(64, attr(line, "x1"), 1e-9);
        assertEquals(32, attr(line, "y1"), 1e-9);
        assertEquals(380, attr(line, "x2"), 1e-9);
        assertEquals(252, attr(line, "y2"), 1e-9);
    }

    @Test
    void numbersAreShortAndLocaleFree() {
        assertEquals("12.5", Svg.number(12.5));
        assertEquals("3", Svg.number(3.0000001));
        assertEquals("-0.25", Svg.number(-0.25));
        assertEquals("0.1", Svg.number(0.1));
        assertEquals("0", Svg.number(-0.001));
        assertEquals("169.33", Svg.number(169.3333));
        assertThrows(IllegalStateException.class, () -> Svg.number(Double.NaN));
        Pattern number = Pattern.compile("\"(-?\\d+(\\.\\d+)?)\"");
        String svg = SvgPlot.create(400, 300).points(Points.of(null, new double[] {Math.PI}, new double[] {Math.E}))
                .toSvg();
        Matcher m = number.matcher(svg);
        while (m.find()) {
            String[] parts = m.group(1).split("\\.");
            assertTrue(parts.length == 1 || parts[1].length() <= 2, m.group(1));
        }
    }

    @Test
    void seriesTakePaletteColoursInOrder() {
        String svg = SvgPlot.create(400, 300).points(Points.of("a", X, Y)).curve(Curve.of("b", X, Y))
                .points(Points.of("c", X, Y).colour("#abcdef")).toSvg();
        assertTrue(svg.contains("fill=\"" + Palette.series(0) + "\""));
        assertTrue(svg.contains("stroke=\"" + Palette.series(1) + "\""));
        assertTrue(svg.contains("fill=\"#abcdef\""));
        assertThrows(IllegalArgumentException.class, () -> Points.of("x", X, Y).colour("red\" onload=\"x"));
        assertThrows(IllegalArgumentException.class, () -> Curve.of("x", X, Y).dash("1;2"));
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SvgPlot.create(50, 50));
        assertThrows(IllegalArgumentException.class, () -> SvgPlot.create(400, 300).logX().xRange(0, 10).toSvg());
        assertThrows(IllegalArgumentException.class, () -> SvgPlot.create(400, 300).xRange(2, 1).toSvg());
        assertThrows(IllegalArgumentException.class, () -> Points.of("x", X, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> ReferenceLine.slope(Double.NaN, 0));
        assertThrows(IllegalStateException.class, () -> BarChart.create(400, 300).categories("a", "b")
                .bars(Bars.of("x", 1)).toSvg());
    }

    @Test
    void barsStandOnZeroWithErrorBars() throws Exception {
        // two categories on a 400-wide chart: bands of 158 px; two series: bars of 0.8 · 158 / 2 = 63.2 px.
        // y range [0, 10] explicit: value 5 is a bar from y = 142 down to 252.
        Document doc = parse(BarChart.create(400, 300).yRange(0, 10).categories("layer 1", "layer 2")
                .bars(Bars.of("a", 5, 10).errors(1, 1), Bars.of("b", 2, Double.NaN)).toSvg());
        List<Element> bars = inGroup(doc, "bars", "rect");
        assertEquals(3, bars.size());
        Element first = bars.get(0);
        assertEquals(64 + 0.1 * 158, attr(first, "x"), 0.006);
        assertEquals(63.2, attr(first, "width"), 0.006);
        assertEquals(142, attr(first, "y"), 1e-9);
        assertEquals(110, attr(first, "height"), 1e-9);
        // the error bar of the value-10 bar runs past the top: it stops just beyond the edge, with one cap
        assertEquals(3 + 2, inGroup(doc, "error-bars", "line").size());
        List<String> names = inGroup(doc, "x-axis", "text").stream().map(Element::getTextContent).toList();
        assertEquals(List.of("layer 1", "layer 2"), names);
    }
}
