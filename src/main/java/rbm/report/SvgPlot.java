package rbm.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An x–y chart as a self-contained SVG string, for inlining in an HTML page that has to open offline: scatter points
 * with error bars and labels, curves, reference lines, linear or log10 axes. The SVG has a fixed size with a matching
 * viewBox, uses no ids, scripts, styles or external references (several charts can share one page), and writes every
 * number with at most two decimals.
 *
 * <pre>{@code
 * String svg = SvgPlot.create(640, 420).title("Relevance against resolution").xLabel("H[s]").yLabel("H[K]")
 *         .points(Points.of("layers", hs, hk).yErrors(se).labels(names))
 *         .curve(Curve.of("bound", bx, by).dash(SvgPlot.DASHED))
 *         .reference(ReferenceLine.slopeThrough(-1, hs[3], hk[3]).label("slope −1"))
 *         .toSvg();
 * }</pre>
 *
 * <p><b>Where things land.</b> The plot area is the picture less fixed margins (see {@link Frame}): it spans pixels
 * x ∈ [64, width − 20] and y ∈ [32, height − 48]. A data value v maps linearly in X = v (or log10 v on a log axis):
 * the low end of the x range lands on the left edge and the high end on the right edge; the low end of the y range on
 * the bottom edge and the high end on the top edge. So with x range [0, 10] on a 400-pixel-wide chart, x = 5 lands
 * at 64 + 0.5 · 316 = 222. Ranges are explicit ({@link #xRange}) or automatic: the data, error bars included, plus
 * 5% on each side (see {@link Axis}).
 *
 * <p><b>What is not drawn.</b> A point or curve vertex the axes cannot show (NaN, infinite, or not positive on a log
 * axis) is skipped, and breaks a curve in two. A point outside an explicit range is not drawn; curves and reference
 * lines are clipped at the plot area's edge; error bars that leave the area stop just past its edge.
 *
 * <p>Series without a colour take the {@link Palette} colours in the order they are added, points and curves alike.
 */
public final class SvgPlot {
    /** A long dash, the default for reference lines. */
    public static final String DASHED = "6 4";
    /** A dotted line. */
    public static final String DOTTED = "2 3";

    private static final double DOT_RADIUS = 3;

    private final Frame frame;
    private String title;
    private String xLabel;
    private String yLabel;
    private boolean logX;
    private boolean logY;
    private double[] xRange;
    private double[] yRange;
    private Legend legend = Legend.TOP_RIGHT;
    private boolean labelsInSeriesColour;
    private double xStep;
    private final List<Points> points = new ArrayList<>();
    private final List<String> pointColours = new ArrayList<>();
    private final List<Curve> curves = new ArrayList<>();
    private final List<String> curveColours = new ArrayList<>();
    private final List<ReferenceLine> references = new ArrayList<>();
    private int seriesCount;

    private SvgPlot(int width, int height) {
        this.frame = new Frame(width, height);
    }

    /** An empty chart of this size in pixels. */
    public static SvgPlot create(int width, int height) {
        return new SvgPlot(width, height);
    }

    public SvgPlot title(String text) {
        this.title = text;
        return this;
    }

    public SvgPlot xLabel(String text) {
        this.xLabel = text;
        return this;
    }

    public SvgPlot yLabel(String text) {
        this.yLabel = text;
        return this;
    }

    /** A log10 x axis. */
    public SvgPlot logX() {
        this.logX = true;
        return this;
    }

    /** A log10 y axis. */
    public SvgPlot logY() {
        this.logY = true;
        return this;
    }

    /** Shows exactly x ∈ [min, max] instead of the automatic range. */
    public SvgPlot xRange(double min, double max) {
        this.xRange = new double[] {min, max};
        return this;
    }

    /** Shows exactly y ∈ [min, max] instead of the automatic range. */
    public SvgPlot yRange(double min, double max) {
        this.yRange = new double[] {min, max};
        return this;
    }

    /**
     * Linear x ticks at least {@code step} apart, such as 1 for whole numbers (epochs, layers) so that a short range
     * does not get ticks at 1.5; a larger automatic step is kept.
     */
    public SvgPlot xStep(double step) {
        if (!(step > 0 && step < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("a tick step must be positive and finite, got " + step);
        }
        this.xStep = step;
        return this;
    }

    /** Where the legend goes; top right by default. */
    public SvgPlot legend(Legend corner) {
        this.legend = Objects.requireNonNull(corner, "legend");
        return this;
    }

    /**
     * Draws point labels in the colour of their series (and bold, for contrast) instead of dark grey: for charts
     * where several labelled series meet.
     */
    public SvgPlot labelsInSeriesColour() {
        this.labelsInSeriesColour = true;
        return this;
    }

    public SvgPlot points(Points... series) {
        for (Points s : series) {
            points.add(Objects.requireNonNull(s, "points"));
            pointColours.add(s.colour() != null ? s.colour() : Palette.series(seriesCount));
            seriesCount++;
        }
        return this;
    }

    public SvgPlot curve(Curve... series) {
        for (Curve c : series) {
            curves.add(Objects.requireNonNull(c, "curve"));
            curveColours.add(c.colour() != null ? c.colour() : Palette.series(seriesCount));
            seriesCount++;
        }
        return this;
    }

    public SvgPlot reference(ReferenceLine... lines) {
        for (ReferenceLine line : lines) {
            references.add(Objects.requireNonNull(line, "reference line"));
        }
        return this;
    }

    /** The chart as a complete {@code <svg>} element. */
    public String toSvg() {
        Axis x = Axis.create(logX, xRange == null ? null : Axis.checkRange(logX, xRange[0], xRange[1]),
                extent(logX, true), frame.left, frame.right).withMinimumStep(xStep);
        Axis y = Axis.create(logY, yRange == null ? null : Axis.checkRange(logY, yRange[0], yRange[1]),
                extent(logY, false), frame.bottom, frame.top);
        Svg svg = new Svg(frame.width, frame.height);
        frame.background(svg);
        frame.grid(svg, x, y);
        drawReferences(svg, x, y);
        drawCurves(svg, x, y);
        drawPoints(svg, x, y);
        frame.border(svg);
        frame.xAxis(svg, x);
        frame.yAxis(svg, y);
        frame.titles(svg, title, xLabel, yLabel);
        frame.legend(svg, legend, legendEntries());
        return svg.finish();
    }

    /** The data an automatic range has to show: points with their error bars, and curves. */
    private Axis.Extent extent(boolean log, boolean isX) {
        Axis.Extent extent = new Axis.Extent(log);
        for (Points p : points) {
            double[] values = isX ? p.x() : p.y();
            double[] errors = isX ? p.xError() : p.yError();
            for (int i = 0; i < values.length; i++) {
                // a point the other axis cannot show is skipped, so it must not stretch this axis either
                if (!shownOnBothAxes(p, i)) {
                    continue;
                }
                extent.include(values[i]);
                double e = Points.error(errors, i);
                if (!Double.isNaN(e)) {
                    extent.include(values[i] - e);
                    extent.include(values[i] + e);
                }
            }
        }
        for (Curve c : curves) {
            for (int i = 0; i < c.x().length; i++) {
                if (valid(c.x()[i], logX) && valid(c.y()[i], logY)) {
                    extent.include(isX ? c.x()[i] : c.y()[i]);
                }
            }
        }
        return extent;
    }

    private boolean shownOnBothAxes(Points p, int i) {
        return valid(p.x()[i], logX) && valid(p.y()[i], logY);
    }

    private static boolean valid(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    private void drawReferences(Svg svg, Axis x, Axis y) {
        svg.openGroup("reference-lines");
        for (ReferenceLine line : references) {
            double[] p = line.pixels(x, y);
            double[] clipped = p == null ? null : frame.clip(p[0], p[1], p[2], p[3], true);
            if (clipped != null) {
                svg.line(clipped[0], clipped[1], clipped[2], clipped[3], line.stroke());
            }
        }
        svg.closeGroup();
    }

    /**
     * Each curve becomes one polyline per unbroken run of vertices inside the plot area: a vertex the axes cannot
     * show ends a run, and so does a segment that leaves the area (it is drawn up to the edge).
     */
    private void drawCurves(Svg svg, Axis x, Axis y) {
        svg.openGroup("curves");
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            Stroke stroke = curve.stroke(curveColours.get(c));
            double[] run = new double[2 * curve.x().length + 4];
            int length = 0;
            for (int i = 0; i + 1 < curve.x().length; i++) {
                double[] a = pixel(x, y, curve.x()[i], curve.y()[i]);
                double[] b = pixel(x, y, curve.x()[i + 1], curve.y()[i + 1]);
                double[] seg = a == null || b == null ? null : frame.clip(a[0], a[1], b[0], b[1], false);
                if (seg == null) {
                    length = flush(svg, run, length, stroke);
                    continue;
                }
                boolean startCut = seg[0] != a[0] || seg[1] != a[1];
                if (length == 0 || startCut) {
                    length = flush(svg, run, length, stroke);
                    run[0] = seg[0];
                    run[1] = seg[1];
                    length = 1;
                }
                run[2 * length] = seg[2];
                run[2 * length + 1] = seg[3];
                length++;
                if (seg[2] != b[0] || seg[3] != b[1]) { // the segment leaves the area
                    length = flush(svg, run, length, stroke);
                }
            }
            flush(svg, run, length, stroke);
        }
        svg.closeGroup();
    }

    private static int flush(Svg svg, double[] run, int length, Stroke stroke) {
        if (length >= 2) {
            svg.polyline(run, length, stroke);
        }
        return 0;
    }

    private static double[] pixel(Axis x, Axis y, double vx, double vy) {
        return x.accepts(vx) && y.accepts(vy) ? new double[] {x.pixel(vx), y.pixel(vy)} : null;
    }

    private void drawPoints(Svg svg, Axis x, Axis y) {
        svg.openGroup("error-bars");
        for (int s = 0; s < points.size(); s++) {
            Points p = points.get(s);
            Stroke stroke = Stroke.solid(pointColours.get(s), 1);
            for (int i = 0; i < p.x().length; i++) {
                if (visible(p, i, x, y)) {
                    double px = x.pixel(p.x()[i]);
                    double py = y.pixel(p.y()[i]);
                    Frame.errorBar(svg, x, p.x()[i], Points.error(p.xError(), i), py, true, stroke);
                    Frame.errorBar(svg, y, p.y()[i], Points.error(p.yError(), i), px, false, stroke);
                }
            }
        }
        svg.closeGroup();
        svg.openGroup("points");
        for (int s = 0; s < points.size(); s++) {
            Points p = points.get(s);
            for (int i = 0; i < p.x().length; i++) {
                if (visible(p, i, x, y)) {
                    svg.circle(x.pixel(p.x()[i]), y.pixel(p.y()[i]), DOT_RADIUS, pointColours.get(s));
                }
            }
        }
        svg.closeGroup();
        svg.openGroup("point-labels");
        for (int s = 0; s < points.size(); s++) {
            Points p = points.get(s);
            String style = labelsInSeriesColour
                    ? "font-size=\"11\" font-weight=\"bold\" fill=\"" + pointColours.get(s) + "\""
                    : "font-size=\"11\" fill=\"#333333\"";
            for (int i = 0; p.labels() != null && i < p.x().length; i++) {
                if (visible(p, i, x, y) && p.labels()[i] != null) {
                    svg.text(x.pixel(p.x()[i]) + 5, y.pixel(p.y()[i]) - 5, "start", style, p.labels()[i], null);
                }
            }
        }
        svg.closeGroup();
    }

    private static boolean visible(Points p, int i, Axis x, Axis y) {
        double vx = p.x()[i];
        double vy = p.y()[i];
        return x.accepts(vx) && y.accepts(vy) && x.inRange(vx) && y.inRange(vy);
    }

    private List<Frame.LegendEntry> legendEntries() {
        List<Frame.LegendEntry> entries = new ArrayList<>();
        for (int s = 0; s < points.size(); s++) {
            if (points.get(s).name() != null) {
                entries.add(new Frame.LegendEntry(points.get(s).name(), Stroke.solid(pointColours.get(s), 1),
                        Frame.Marker.DOT));
            }
        }
        for (int c = 0; c < curves.size(); c++) {
            if (curves.get(c).name() != null) {
                entries.add(new Frame.LegendEntry(curves.get(c).name(), curves.get(c).stroke(curveColours.get(c)),
                        Frame.Marker.LINE));
            }
        }
        for (ReferenceLine line : references) {
            if (line.label() != null) {
                entries.add(new Frame.LegendEntry(line.label(), line.stroke(), Frame.Marker.LINE));
            }
        }
        return entries;
    }
}
