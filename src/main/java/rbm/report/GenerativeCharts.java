package rbm.report;

import java.util.List;
import rbm.experiment.Results.Stat;
import rbm.experiment.ResultsFile;

/**
 * The charts of the layers as generative models: each measure by layer with its interval over seeds and the layer
 * whose μ is closest to 1 marked; the reliability curves; how the chains mixed.
 */
final class GenerativeCharts {
    private GenerativeCharts() {
    }

    /**
     * One measure by layer: the mean over seeds with a 95% interval (the bootstrap interval of the decision when
     * given, drawn symmetric with its larger side; else mean ± 1.96 sd / √n), the μ ≈ 1 layer as a dotted line.
     */
    static String measure(ResultsFile.Measure m, double[] lower, double[] upper, int zipfLayer, int best, int width,
                          int height) {
        List<Stat> byLayer = m.byLayer();
        int n = byLayer.size();
        if (n == 0) {
            return "";
        }
        double[] x = new double[n];
        double[] y = new double[n];
        double[] e = new double[n];
        String[] labels = new String[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            Stat s = byLayer.get(i);
            x[i] = i + 1;
            y[i] = s.mean();
            // error bars are symmetric: the larger side of the (percentile) interval
            double half = lower != null && i < lower.length
                    ? Math.max(s.mean() - lower[i], upper[i] - s.mean())
                    : 1.96 * s.sd() / Math.sqrt(Math.max(1, s.n()));
            e[i] = Double.isFinite(half) ? half : 0;
            if (Double.isFinite(y[i])) {
                lo = Math.min(lo, y[i] - e[i]);
                hi = Math.max(hi, y[i] + e[i]);
            }
            labels[i] = i + 1 == best ? "best" : null;
        }
        if (!(lo < hi)) {
            lo = Double.isFinite(lo) ? lo - 1 : 0;
            hi = Double.isFinite(hi) ? hi + 1 : 1;
        }
        double pad = 0.08 * (hi - lo);
        SvgPlot plot = SvgPlot.create(width, height).title(capitalised(m.name()) + " by layer")
                .xLabel("layer").yLabel(m.unit()).xRange(0.4, n + 0.6).xStep(1).yRange(lo - pad, hi + pad)
                .legend(Legend.NONE).labelsInSeriesColour();
        if (zipfLayer >= 1) {
            plot.reference(ReferenceLine.through(zipfLayer, 0, zipfLayer, 1).dash(SvgPlot.DOTTED)
                    .label("μ closest to 1"));
        }
        plot.points(Points.of(m.name(), x, y).yErrors(e).labels(labels).colour(Palette.BLUE));
        return plot.toSvg();
    }

    /** The fraction of generated images within each distance of a training image, one curve per layer. */
    static String reliability(ResultsFile root, int width, int height) {
        List<ResultsFile.ReliabilityLayer> layers = root.reliability();
        if (layers.isEmpty() || layers.getFirst().thresholds().length == 0) {
            return "";
        }
        double reference = layers.getFirst().reference();
        double[] t = layers.getFirst().thresholds();
        SvgPlot plot = SvgPlot.create(width, height)
                .title("How often generated images land close to a training image")
                .xLabel("Jaccard distance to the nearest training image (1 − shared ink / all ink)")
                .yLabel("fraction of generated images").xRange(0, Math.max(1e-3, t[t.length - 1]) * 1.02)
                .yRange(0, 1.05).legend(Legend.NONE).labelsInSeriesColour();
        plot.reference(ReferenceLine.through(reference, 0, reference, 1).dash(SvgPlot.DOTTED)
                .label("median held-out image"));
        int n = layers.size();
        for (int i = 0; i < n; i++) {
            ResultsFile.ReliabilityLayer layer = layers.get(i);
            double[] x = layer.thresholds();
            if (x.length == 0 || x.length != layer.fraction().length) {
                continue; // a damaged file: a curve needs one fraction per threshold
            }
            String[] labels = new String[x.length];
            labels[labels.length - 1] = Integer.toString(layer.layer());
            String colour = Palette.depth(i, n);
            plot.curve(Curve.of(null, x, layer.fraction()).colour(colour));
            plot.points(Points.of("layer " + layer.layer(), new double[] {x[x.length - 1]},
                    new double[] {layer.fraction()[x.length - 1]}).labels(labels[labels.length - 1])
                    .colour(colour));
        }
        return plot.toSvg();
    }

    /** The swap acceptance rate of each pair of neighbouring temperatures, one curve per layer. */
    static String swapRates(ResultsFile root, int width, int height) {
        List<ResultsFile.MixingLayer> layers = root.mixing();
        int pairs = 0;
        for (ResultsFile.MixingLayer m : layers) {
            pairs = Math.max(pairs, m.swapRates().length);
        }
        if (pairs == 0) {
            return "";
        }
        SvgPlot plot = SvgPlot.create(width, height).title("Parallel tempering: swap acceptance by temperature pair")
                .xLabel("pair of neighbouring temperatures (1: β = 1 and the next)").yLabel("swaps accepted")
                .xRange(0.6, pairs + 0.4).xStep(1).yRange(0, 1.05).legend(Legend.NONE).labelsInSeriesColour();
        int n = layers.size();
        for (int i = 0; i < n; i++) {
            ResultsFile.MixingLayer m = layers.get(i);
            double[] x = new double[m.swapRates().length];
            String[] labels = new String[x.length];
            for (int k = 0; k < x.length; k++) {
                x[k] = k + 1;
            }
            if (x.length > 0) {
                labels[x.length - 1] = Integer.toString(m.layer());
            }
            String colour = Palette.depth(i, n);
            plot.curve(Curve.of(null, x, m.swapRates()).colour(colour));
            plot.points(Points.of("layer " + m.layer(), x, m.swapRates()).labels(labels).colour(colour));
        }
        return plot.toSvg();
    }

    /**
     * The mean free energy of the β = 1 chains over the sweeps, per layer, shifted so that each layer's last value is 0:
     * a chain that has mixed is flat at the end.
     */
    static String energyTraces(ResultsFile root, int width, int height) {
        List<ResultsFile.MixingLayer> layers = root.mixing();
        int longest = 0;
        double lo = 0;
        double hi = 0;
        for (ResultsFile.MixingLayer m : layers) {
            double[] e = m.energyTrace();
            longest = Math.max(longest, (e.length - 1) * Math.max(1, m.traceEvery()));
            for (double v : e) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v - e[e.length - 1]);
                    hi = Math.max(hi, v - e[e.length - 1]);
                }
            }
        }
        if (longest < 1) {
            return "";
        }
        double pad = 0.05 * Math.max(1e-9, hi - lo);
        SvgPlot plot = SvgPlot.create(width, height).title("Mean free energy of the chains at β = 1, relative to its last value")
                .xLabel("sweep").yLabel("F − F(last), nats").xRange(0, longest).yRange(lo - pad, hi + pad)
                .legend(Legend.NONE).labelsInSeriesColour();
        int n = layers.size();
        for (int i = 0; i < n; i++) {
            double[] e = layers.get(i).energyTrace();
            if (e.length < 2) {
                continue;
            }
            double[] x = new double[e.length];
            double[] y = new double[e.length];
            for (int k = 0; k < e.length; k++) {
                x[k] = (double) k * Math.max(1, layers.get(i).traceEvery());
                y[k] = e[k] - e[e.length - 1];
            }
            String colour = Palette.depth(i, n);
            plot.curve(Curve.of(null, x, y).colour(colour));
            String[] labels = new String[1];
            labels[0] = Integer.toString(layers.get(i).layer());
            plot.points(Points.of("layer " + layers.get(i).layer(), new double[] {x[0]}, new double[] {y[0]})
                    .labels(labels).colour(colour));
        }
        return plot.toSvg();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
