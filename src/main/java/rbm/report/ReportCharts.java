package rbm.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import rbm.experiment.Results.Stat;
import rbm.experiment.Results;
import rbm.experiment.ResultsFile;
import rbm.experiment.Verdicts;
import rbm.relevance.RankFrequency;
import rbm.run.MetricsLog;

/**
 * The charts of the report page, each an inline SVG drawn from {@code results.json} (as a {@link ResultsFile}) with the
 * project's chart library. Missing data leaves gaps, never an exception.
 */
final class ReportCharts {
    static final String STOCHASTIC = Verdicts.STACK;
    static final String DETERMINISTIC = "stack deterministic";
    static final String UNTRAINED = "untrained stack";
    static final String SHUFFLED = "shuffled pixels";
    static final String SWEEP = "single RBM";
    static final String HELDOUT = Results.HELDOUT;

    private ReportCharts() {
    }

    /** One series of layers in the resolution–relevance plane: what it is called, its colour, how it is labelled. */
    private record Series(String group, String name, String colour, boolean labelled, boolean joined) {
    }

    private static final List<Series> SERIES = List.of(
            new Series(STOCHASTIC, "trained stack, stochastic read-out", Palette.BLUE, true, true),
            new Series(DETERMINISTIC, "trained stack, deterministic read-out", Palette.VERMILLION, true, true),
            new Series(UNTRAINED, "control: untrained stack", Palette.GREEN, false, true),
            new Series(SHUFFLED, "control: shuffled pixels", Palette.PURPLE, false, true),
            new Series(SWEEP, "single RBMs of width w", Palette.ORANGE, true, false));

    /** Which view of the resolution–relevance plane: all of it in bits, all of it over log2 M, or the noisy end. */
    enum View { BITS, NORMALISED, NOISY_END }

    /**
     * H[K] against H[s]: every layer of every series with error bars (sd over seeds), the bound for the same M, the
     * diagonal, and the tangent of slope −1 at the bound's Zipf point. {@link View#NOISY_END} shows, in bits, only
     * resolutions from one bit left of the Zipf point to log2 M, where the wide layers crowd.
     */
    static String tradeOff(ResultsFile root, View view, int width, int height) {
        return tradeOff(root, view, width, height, switch (view) {
            case BITS -> "Relevance against resolution, one point per layer";
            case NORMALISED -> "The same in units of log2 M";
            case NOISY_END -> "Close-up of the noisy end";
        });
    }

    private static String tradeOff(ResultsFile root, View view, int width, int height, String title) {
        boolean normalised = view == View.NORMALISED;
        double log2M = root.bound().log2Samples();
        if (!(log2M > 0 && log2M < Double.POSITIVE_INFINITY)) {
            return "";
        }
        double scale = normalised ? log2M : 1;
        String unit = normalised ? " / log2 M" : " (bits)";
        List<ResultsFile.Point> curve = root.bound().curve();
        double[] bx = new double[curve.size() + 1];
        double[] by = new double[curve.size() + 1];
        double top = 0;
        for (int i = 0; i < curve.size(); i++) {
            bx[i] = curve.get(i).resolutionBits() / scale;
            by[i] = curve.get(i).relevanceBits() / scale;
            top = Double.isFinite(by[i]) ? Math.max(top, by[i]) : top;
        }
        // the bound ends at (log2 M, 0) as μ → ∞, where every one of the M states is distinct
        bx[curve.size()] = log2M / scale;
        by[curve.size()] = 0;
        double xMax = log2M / scale;
        double xMin = 0;
        for (Series s : SERIES) {
            for (ResultsFile.GroupLayer layer : root.group(s.group())) {
                top = Math.max(top, finiteOr((normalised ? layer.relevanceNormalised() : layer.relevanceBits()).mean(),
                        0));
            }
        }
        double zx = root.bound().zipf().resolutionBits() / scale;
        double zy = root.bound().zipf().relevanceBits() / scale;
        double yMax = Math.max(top * 1.15, 0.1 / scale);
        if (view == View.NOISY_END && Double.isFinite(zx) && Double.isFinite(zy) && zx > 1) {
            xMin = zx - 1;
            yMax = 0;
            for (int i = 0; i < bx.length; i++) {
                if (bx[i] >= xMin && Double.isFinite(by[i])) {
                    yMax = Math.max(yMax, by[i]);
                }
            }
            yMax = yMax * 1.08 + 0.1;
        }
        double xSpan = xMax * 1.03 - xMin;
        SvgPlot plot = SvgPlot.create(width, height)
                .title(title)
                .xLabel("resolution H[s]" + unit).yLabel("relevance H[K]" + unit)
                .xRange(xMin, xMin + xSpan).yRange(0, yMax)
                .legend(view == View.BITS ? Legend.TOP_LEFT : Legend.NONE).labelsInSeriesColour();
        RelevanceCharts.drawBound(plot, bx, by, zx, zy, ReportTable.grouped(root.bound().samples()));
        for (Series s : SERIES) {
            List<ResultsFile.GroupLayer> layers = root.group(s.group());
            if (layers.isEmpty()) {
                continue;
            }
            int n = layers.size();
            double[] x = new double[n];
            double[] y = new double[n];
            double[] ex = new double[n];
            double[] ey = new double[n];
            String[] labels = new String[n];
            for (int i = 0; i < n; i++) {
                ResultsFile.GroupLayer layer = layers.get(i);
                Stat hs = normalised ? layer.resolutionNormalised() : layer.resolutionBits();
                Stat hk = normalised ? layer.relevanceNormalised() : layer.relevanceBits();
                x[i] = hs.mean();
                y[i] = hk.mean();
                ex[i] = hs.sd();
                ey[i] = hk.sd();
                labels[i] = s.group().equals(SWEEP) ? "w=" + layer.width()
                        : Integer.toString(i + 1);
            }
            if (s.joined()) {
                plot.curve(Curve.of(null, x, y).colour(s.colour()).width(0.8));
            }
            Points p = Points.of(s.name(), x, y).xErrors(ex).yErrors(ey).colour(s.colour());
            if (s.labelled()) {
                p = p.labels(Points.mergeLabels(x, y, labels, 0.02 * xSpan, 0.03 * yMax));
            }
            plot.points(p);
        }
        RelevanceCharts.drawZipfPoint(plot, zx, zy);
        return plot.toSvg();
    }

    /**
     * The held-out read-out (the test images through the trained stacks) against the bound for the held-out sample
     * size: the trade-off chart of the same stacks on images they never saw.
     */
    static String heldoutTradeOff(ResultsFile root, int width, int height) {
        List<ResultsFile.GroupLayer> heldout = root.group(HELDOUT);
        if (heldout.isEmpty() || !(root.heldoutBound().samples() > 0)) {
            return "";
        }
        ResultsFile view = new ResultsFile(root.config(), root.seconds(), root.kernels(), root.machine(),
                root.classifierTestAccuracy(), root.heldoutBound(), Map.of(STOCHASTIC, heldout), List.of(),
                root.verdicts(), List.of(), root.heldoutBound(), List.of(), List.of(), List.of(), List.of());
        return tradeOff(view, View.BITS, width, height, "Held-out images: relevance against resolution, M = "
                + ReportTable.grouped(root.heldoutBound().samples()));
    }

    /** μ of each layer, from the slope of the bound and from the power-law fit, against the line μ = 1. */
    static String mu(ResultsFile root, int width, int height) {
        List<ResultsFile.GroupLayer> layers = root.group(STOCHASTIC);
        int n = layers.size();
        if (n == 0) {
            return "";
        }
        double[] xb = new double[n];
        double[] xf = new double[n];
        double[] mb = new double[n];
        double[] sb = new double[n];
        double[] mf = new double[n];
        double[] ef = new double[n];
        String[] widths = new String[n];
        double lo = -1;
        double hi = 1;
        for (int i = 0; i < n; i++) {
            ResultsFile.GroupLayer layer = layers.get(i);
            xb[i] = i + 1 - 0.12;
            xf[i] = i + 1 + 0.12;
            mb[i] = layer.muBound().mean();
            sb[i] = layer.muBound().sd();
            mf[i] = layer.muFit().mean();
            ef[i] = layer.muFitError();
            for (double v : new double[] {mb[i], mf[i]}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            widths[i] = Integer.toString(layer.width());
        }
        hi = Math.min(hi, 25);
        double pad = 0.08 * (hi - lo);
        SvgPlot plot = SvgPlot.create(width, height).title("μ of each layer")
                .xLabel("layer (labels: its width in units)").yLabel("μ")
                .xRange(0.4, Math.max(n, 1) + 0.6).xStep(1).yRange(lo - pad, hi + pad).legend(Legend.TOP_LEFT)
                .labelsInSeriesColour();
        plot.reference(ReferenceLine.slope(0, 1).colour(Palette.BLACK).label("μ = 1: Zipf's law"));
        int zipf = root.verdicts().zipfLayer();
        if (zipf >= 1) {
            plot.reference(ReferenceLine.through(zipf, 0, zipf, 1).dash(SvgPlot.DOTTED)
                    .label("layer with μ (bound) closest to 1"));
        }
        plot.points(Points.of("μ from the bound's slope at H[s]", xb, mb).yErrors(sb).colour(Palette.BLUE)
                .labels(widths));
        plot.points(Points.of("μ from the power-law fit of m_k", xf, mf).yErrors(ef).colour(Palette.VERMILLION));
        return plot.toSvg();
    }

    /** H[s], H[K] and the noise H[s] − H[K] of each layer, as grouped bars with sd over seeds. */
    static String entropyBars(ResultsFile root, int width, int height) {
        List<ResultsFile.GroupLayer> layers = root.group(STOCHASTIC);
        int n = layers.size();
        String[] categories = new String[n];
        double[][] v = new double[3][n];
        double[][] e = new double[3][n];
        double top = 1;
        for (int i = 0; i < n; i++) {
            ResultsFile.GroupLayer layer = layers.get(i);
            categories[i] = (i + 1) + " (" + layer.width() + ")";
            Stat[] stats = {layer.resolutionBits(), layer.relevanceBits(), layer.noiseBits()};
            for (int k = 0; k < 3; k++) {
                v[k][i] = stats[k].mean();
                e[k][i] = stats[k].sd();
                top = Double.isFinite(v[k][i]) ? Math.max(top, v[k][i]) : top;
            }
        }
        if (n == 0) {
            return "";
        }
        return BarChart.create(width, height).title("Resolution, relevance and noise of each layer")
                .xLabel("layer (width)").yLabel("bits").yRange(0, top * 1.3).categories(categories)
                .bars(Bars.of("resolution H[s]", v[0]).errors(e[0]).colour(Palette.BLUE),
                        Bars.of("relevance H[K]", v[1]).errors(e[1]).colour(Palette.VERMILLION),
                        Bars.of("noise H[s] − H[K]", v[2]).errors(e[2]).colour(Palette.GREEN))
                .toSvg();
    }

    /**
     * The rank–frequency curve of every layer (first seed), coloured by depth: the count k of the r-th most frequent
     * state against r on log–log axes, as a staircase, with Zipf's law k ∝ 1/r (slope −1) through the top state of
     * the layer whose μ is closest to 1.
     */
    static String rankFrequency(ResultsFile root, int width, int height) {
        List<ResultsFile.GroupLayer> layers = root.group(STOCHASTIC);
        if (layers.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        List<RankFrequency> curves = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            names.add(layerName(layers.get(l), l));
            curves.add(layers.get(l).rankFrequency());
        }
        return RelevanceCharts.rankFrequencyPlot(width, height, root.bound().samples(), names, curves,
                root.verdicts().zipfLayer() - 1);
    }

    /**
     * m_k against k for every layer (first seed), coloured by depth, log–log. The raw m_k of a large sample is mostly
     * 0 and 1 in the tail, so each line shows m_k averaged over logarithmic bins of k (1, 2–3, 4–7, 8–15, ...): the
     * number of states in the bin divided by the number of values of k it spans, drawn at the bin's geometric
     * centre. A power law m_k ∝ k^−(1+μ) stays a straight line of the same slope. The reference is m_k ∝ k^−2 (the
     * Zipf case) through the bin holding the start of the fitted tail of the layer whose μ is closest to 1.
     */
    static String frequencyOfFrequencies(ResultsFile root, int width, int height) {
        List<ResultsFile.GroupLayer> layers = root.group(STOCHASTIC);
        if (layers.isEmpty()) {
            return "";
        }
        List<double[][]> binned = new ArrayList<>();
        double xMax = 2;
        double yMin = 1;
        double yMax = 1;
        for (ResultsFile.GroupLayer layer : layers) {
            double[][] b = logBins(doubles(layer.frequencies().k()), doubles(layer.frequencies().mK()));
            binned.add(b);
            for (int i = 0; i < b[0].length; i++) {
                if (b[1][i] > 0) {
                    xMax = Math.max(xMax, b[0][i]);
                    yMin = Math.min(yMin, b[1][i]);
                    yMax = Math.max(yMax, b[1][i]);
                }
            }
        }
        SvgPlot plot = SvgPlot.create(width, height).title("How many states occur k times")
                .xLabel("k (times a state occurs), logarithmic bins").yLabel("m_k (states seen k times, per k)")
                .logX().logY().xRange(0.8, xMax * 1.5).yRange(yMin / 2, yMax * 2).legend(Legend.TOP_RIGHT);
        int zipf = root.verdicts().zipfLayer();
        if (zipf >= 1 && zipf <= layers.size()) {
            double[][] b = binned.get(zipf - 1);
            double kMin = Math.max(1, layers.get(zipf - 1).fitKMin());
            int bin = (int) Math.floor(Math.log(kMin) / Math.log(2) + 1e-9);
            if (bin < b[0].length && b[1][bin] > 0) {
                plot.reference(ReferenceLine.slopeThrough(-2, b[0][bin], b[1][bin]).colour(Palette.BLACK)
                        .label("m_k ∝ k⁻² (μ = 1)"));
            }
        }
        for (int l = 0; l < layers.size(); l++) {
            double[][] b = binned.get(l);
            String colour = Palette.depth(l, layers.size());
            double[] y = b[1].clone();
            for (int i = 0; i < y.length; i++) {
                y[i] = y[i] > 0 ? y[i] : Double.NaN; // an empty bin breaks the line
            }
            plot.curve(Curve.of(null, b[0], y).colour(colour));
            plot.points(Points.of(layerName(layers.get(l), l), b[0], y).colour(colour));
        }
        return plot.toSvg();
    }

    private static double[] doubles(long[] values) {
        return Arrays.stream(values).asDoubleStream().toArray();
    }

    /**
     * m_k averaged over the bins [2^j, 2^(j+1)) of k: {centres, means}, one entry per bin up to the largest k; a bin
     * without states has mean 0.
     */
    static double[][] logBins(double[] k, double[] m) {
        int n = Math.min(k.length, m.length);
        double kMax = 0;
        for (int i = 0; i < n; i++) {
            kMax = Double.isFinite(k[i]) ? Math.max(kMax, k[i]) : kMax;
        }
        if (kMax < 1) {
            return new double[2][0];
        }
        int bins = (int) Math.floor(Math.log(kMax) / Math.log(2) + 1e-9) + 1;
        double[] centre = new double[bins];
        double[] mean = new double[bins];
        for (int j = 0; j < bins; j++) {
            double lo = Math.pow(2, j);
            double hi = Math.pow(2, j + 1) - 1;
            centre[j] = Math.sqrt(lo * hi);
        }
        for (int i = 0; i < n; i++) {
            if (k[i] >= 1 && Double.isFinite(m[i])) {
                int j = (int) Math.floor(Math.log(k[i]) / Math.log(2) + 1e-9);
                mean[j] += m[i] / Math.pow(2, j); // the bin spans 2^j values of k
            }
        }
        return new double[][] {centre, mean};
    }

    private static String layerName(ResultsFile.GroupLayer layer, int l) {
        return String.format(Locale.ROOT, "layer %d (%d units)", l + 1, layer.width());
    }

    /** The generation score of each layer, both methods, mean ± sd over seeds. */
    static String generationScores(ResultsFile root, int width, int height) {
        List<ResultsFile.GenerationLayer> layers = root.generation();
        int n = layers.size();
        if (n == 0) {
            return "";
        }
        String[] categories = new String[n];
        double[][] v = new double[2][n];
        double[][] e = new double[2][n];
        String[] methods = {"gibbs", "empirical"};
        for (int i = 0; i < n; i++) {
            categories[i] = layers.get(i).layer() + " (" + layers.get(i).width()
                    + ")";
            for (int m = 0; m < 2; m++) {
                v[m][i] = layers.get(i).method(methods[m]).score().mean();
                e[m][i] = layers.get(i).method(methods[m]).score().sd();
            }
        }
        return BarChart.create(width, height).title("Generation score of each layer (higher is better)")
                .xLabel("layer (width)").yLabel("score").yRange(0, 1.15).categories(categories)
                .bars(Bars.of("chains in the layer's RBM (parallel tempering)", v[0]).errors(e[0]).colour(Palette.SKY_BLUE),
                        Bars.of("states drawn from the layer's empirical distribution", v[1]).errors(e[1])
                                .colour(Palette.BLUE))
                .toSvg();
    }

    /**
     * A training metric against epoch, one line per layer (first seed), labelled with the layer's number at its last
     * epoch. Rows without the metric are skipped; with {@code log}, so are values that are not positive.
     */
    static String trainingCurve(ResultsFile root, ToDoubleFunction<MetricsLog.Row> metric, String title, String yLabel, boolean log, int width,
                                int height) {
        Map<Integer, List<double[]>> byLayer = new TreeMap<>();
        for (MetricsLog.Row row : root.trainingCurves()) {
            double v = metric.applyAsDouble(row);
            if (Double.isFinite(v) && (!log || v > 0)) {
                byLayer.computeIfAbsent(row.layer(), l -> new ArrayList<>())
                        .add(new double[] {row.epoch(), v});
            }
        }
        if (byLayer.isEmpty()) {
            return "";
        }
        int maxEpoch = 1;
        for (List<double[]> rows : byLayer.values()) {
            for (double[] r : rows) {
                maxEpoch = Math.max(maxEpoch, (int) r[0]);
            }
        }
        SvgPlot plot = SvgPlot.create(width, height).title(title).xLabel("epoch").yLabel(yLabel)
                .xRange(0.5, maxEpoch + 0.9).xStep(1).legend(Legend.NONE).labelsInSeriesColour();
        if (log) {
            plot.logY();
        }
        int layers = root.config().layers().length - 1;
        for (var e : byLayer.entrySet()) {
            List<double[]> rows = e.getValue();
            rows.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] x = new double[rows.size()];
            double[] y = new double[rows.size()];
            String[] labels = new String[rows.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = rows.get(i)[0];
                y[i] = rows.get(i)[1];
            }
            labels[labels.length - 1] = Integer.toString(e.getKey());
            String colour = Palette.depth(e.getKey() - 1, Math.max(layers, byLayer.size()));
            plot.curve(Curve.of(null, x, y).colour(colour));
            plot.points(Points.of("layer " + e.getKey(), x, y).labels(labels).colour(colour));
        }
        return plot.toSvg();
    }

    private static double finiteOr(double v, double fallback) {
        return Double.isFinite(v) ? v : fallback;
    }
}
