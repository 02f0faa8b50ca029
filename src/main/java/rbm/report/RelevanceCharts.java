package rbm.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import rbm.relevance.LayerReport;
import rbm.relevance.RankFrequency;
import rbm.relevance.RelevanceBound;
import rbm.relevance.RelevanceReport;
import rbm.relevance.ResolutionRelevance;

/**
 * The two pictures of one analysis, as SVG: every layer in the resolution–relevance plane against the bound for the
 * same M (the paper's figure), and every layer's rank–frequency curve.
 */
public final class RelevanceCharts {
    static final int WIDTH = 760;
    static final int HEIGHT = 500;

    private RelevanceCharts() {
    }

    /**
     * H[K] against H[s] in bits: the bound for the sample's M with its marks ({@link #plane}), and each layer as a
     * point, its mean over read-out repeats with ± one standard deviation as error bars, labelled with its name.
     */
    static String tradeOff(RelevanceReport report) {
        List<List<LayerReport>> layers = report.byLayer();
        int n = layers.size();
        ToDoubleFunction<LayerReport> hs = r -> r.entropies().resolution();
        ToDoubleFunction<LayerReport> hk = r -> r.entropies().relevance();
        double[] x = layers.stream().mapToDouble(rs -> RelevanceReport.mean(rs, hs)).toArray();
        double[] y = layers.stream().mapToDouble(rs -> RelevanceReport.mean(rs, hk)).toArray();
        double[] ex = layers.stream().mapToDouble(rs -> RelevanceReport.sd(rs, hs)).toArray();
        double[] ey = layers.stream().mapToDouble(rs -> RelevanceReport.sd(rs, hk)).toArray();
        String[] labels = layers.stream().map(rs -> rs.getFirst().label()).toArray(String[]::new);
        double top = 0;
        for (int i = 0; i < n; i++) {
            top = Math.max(top, y[i] + (Double.isNaN(ey[i]) ? 0 : ey[i]));
        }
        Plane plane = plane(report.bound(), RelevanceReport.CURVE_POINTS, top,
                "Relevance against resolution, M = " + ReportTable.grouped(report.bound().samples()));
        if (n > 1) {
            plane.plot.curve(Curve.of(null, x, y).colour(Palette.BLUE).width(0.8));
        }
        plane.plot.points(Points.of(n > 1 ? "layers, in order" : labels[0], x, y).xErrors(ex).yErrors(ey)
                .colour(Palette.BLUE).labels(Points.mergeLabels(x, y, labels, 0.02 * plane.xMax, 0.03 * plane.yMax)));
        return plane.plot.toSvg();
    }

    /**
     * The bound alone, for {@code rbm bound --svg}: drawn through {@code points} points, or as many as the relevance
     * chart's if that is fewer.
     */
    public static String bound(RelevanceBound bound, int points) {
        return plane(bound, Math.max(points, RelevanceReport.CURVE_POINTS), 0,
                "The bound of relevance for M = " + ReportTable.grouped(bound.samples()) + " states").plot.toSvg();
    }

    private record Plane(SvgPlot plot, double xMax, double yMax) {
    }

    /**
     * The resolution–relevance plane for samples of M states, in bits: the bound, which ends at (log2 M, 0) where
     * every state is distinct; the diagonal H[K] = H[s]; the Zipf point (μ = 1) and its tangent of slope −1. Tall
     * enough for relevances up to {@code top}.
     */
    private static Plane plane(RelevanceBound bound, int points, double top, String title) {
        double log2M = ResolutionRelevance.log2(bound.samples());
        List<RelevanceBound.Point> curve = bound.curve(points);
        double[] bx = new double[curve.size() + 1];
        double[] by = new double[curve.size() + 1];
        for (int i = 0; i < curve.size(); i++) {
            bx[i] = curve.get(i).resolution();
            by[i] = curve.get(i).relevance();
            top = Math.max(top, by[i]);
        }
        bx[curve.size()] = log2M;
        by[curve.size()] = 0;
        double xMax = Math.max(log2M, 1) * 1.03;
        double yMax = Math.max(top * 1.15, 0.1);
        RelevanceBound.Point zipf = bound.at(1);
        SvgPlot plot = SvgPlot.create(WIDTH, HEIGHT).title(title)
                .xLabel("resolution H[s] (bits)").yLabel("relevance H[K] (bits)")
                .xRange(0, xMax).yRange(0, yMax).legend(Legend.TOP_LEFT).labelsInSeriesColour();
        drawBound(plot, bx, by, zipf.resolution(), zipf.relevance(), ReportTable.grouped(bound.samples()));
        drawZipfPoint(plot, zipf.resolution(), zipf.relevance());
        return new Plane(plot, xMax, yMax);
    }

    /**
     * The bound's marks in a resolution–relevance plane, shared with the reproduce report: the diagonal H[K] = H[s],
     * the tangent of slope −1 at the Zipf point ({@code zx}, {@code zy}; none when they are not finite), and the
     * bound's curve through ({@code bx}, {@code by}), in the plane's units, labelled with M as {@code samples}.
     */
    public static void drawBound(SvgPlot plot, double[] bx, double[] by, double zx, double zy, String samples) {
        plot.reference(ReferenceLine.diagonal().dash(SvgPlot.DOTTED).label("diagonal H[K] = H[s]"));
        if (Double.isFinite(zx) && Double.isFinite(zy)) {
            plot.reference(ReferenceLine.slopeThrough(-1, zx, zy).label("slope −1, tangent at μ = 1"));
        }
        plot.curve(Curve.of("bound: maximal H[K], M = " + samples, bx, by).colour(Palette.BLACK).width(2));
    }

    /** The bound's Zipf point (μ = 1), when it is finite. */
    public static void drawZipfPoint(SvgPlot plot, double zx, double zy) {
        if (Double.isFinite(zx) && Double.isFinite(zy)) {
            plot.points(Points.of("Zipf point of the bound (μ = 1)", new double[] {zx}, new double[] {zy})
                    .colour(Palette.BLACK));
        }
    }

    /**
     * The count k of the r-th most frequent state against r, log–log, as a staircase, one line per layer (its first
     * read-out) coloured by depth; Zipf's law k ∝ 1/r through the top state of the layer whose μ (from the bound) is
     * closest to 1.
     */
    static String rankFrequency(RelevanceReport report) {
        List<List<LayerReport>> layers = report.byLayer();
        long samples = report.bound().samples();
        int zipf = -1;
        for (int l = 0; l < layers.size(); l++) {
            double mu = layers.get(l).getFirst().muBound();
            if (Double.isFinite(mu) && (zipf < 0
                    || Math.abs(mu - 1) < Math.abs(layers.get(zipf).getFirst().muBound() - 1))) {
                zipf = l;
            }
        }
        List<String> names = new ArrayList<>();
        List<RankFrequency> curves = new ArrayList<>();
        for (List<LayerReport> layer : layers) {
            LayerReport first = layer.getFirst();
            names.add(first.width() > 0 && layers.size() > 1
                    ? String.format(Locale.ROOT, "layer %s (%d units)", first.label(), first.width()) : first.label());
            curves.add(RankFrequency.of(first.profile()));
        }
        return rankFrequencyPlot(WIDTH, HEIGHT, samples, names, curves, zipf);
    }

    /**
     * The rank–frequency plot: each curve's runs as a staircase, coloured by depth, and Zipf's law k ∝ 1/r through
     * the top state of curve {@code zipf} (none when it is out of range). Shared by the relevance page and the
     * reproduction report.
     */
    static String rankFrequencyPlot(int width, int height, double samples, List<String> names,
                                    List<RankFrequency> curves, int zipf) {
        double kMax = 1;
        for (RankFrequency rf : curves) {
            for (long k : rf.k()) {
                kMax = Math.max(kMax, k);
            }
        }
        SvgPlot plot = SvgPlot.create(width, height).title("Rank–frequency plot of each layer")
                .xLabel("rank r of the state (1 = most frequent)").yLabel("count k of the state").logX().logY()
                .xRange(0.8, Math.max(samples, 10) * 1.3).yRange(0.8, kMax * 1.5).legend(Legend.TOP_RIGHT);
        if (zipf >= 0 && zipf < curves.size() && curves.get(zipf).k().length > 0 && curves.get(zipf).k()[0] > 0) {
            plot.reference(ReferenceLine.slopeThrough(-1, 1, curves.get(zipf).k()[0]).colour(Palette.BLACK)
                    .label("Zipf: k ∝ 1/r (slope −1)"));
        }
        for (int l = 0; l < curves.size(); l++) {
            RankFrequency rf = curves.get(l);
            int runs = Math.min(rf.first().length, Math.min(rf.last().length, rf.k().length));
            double[] x = new double[2 * runs];
            double[] y = new double[2 * runs];
            for (int i = 0; i < runs; i++) {
                x[2 * i] = rf.first()[i];
                x[2 * i + 1] = rf.last()[i];
                y[2 * i] = rf.k()[i];
                y[2 * i + 1] = rf.k()[i];
            }
            plot.curve(Curve.of(names.get(l), x, y).colour(Palette.depth(l, curves.size())).width(2));
        }
        return plot.toSvg();
    }
}
