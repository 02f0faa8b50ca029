package rbm.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rbm.evaluate.LikelihoodFile;
import rbm.io.AtomicFiles;
import rbm.io.JsonFiles;
import rbm.io.TextTable;

/**
 * The files of a likelihood analysis: every number as likelihood.json, one row per RBM as likelihood.csv, and a page
 * with both tables and the DBN bound against depth. All values are in nats; "-" marks one that cannot be computed.
 */
public final class LikelihoodFiles {
    public static final String JSON = "likelihood.json";
    public static final String CSV = "likelihood.csv";
    public static final String PAGE = "index.html";
    private static final String[] LAYER_HEADER = {"rbm", "shape", "logZ(AIS)", "± se", "ESS", "logZ(exact)",
        "train LL(AIS)", "heldout LL(AIS)", "heldout LL(RAISE)", "± se", "same rows (AIS)", "heldout LL(exact)"};
    private static final String[] DEPTH_HEADER = {"depth", "DBN bound train", "± se", "DBN bound heldout", "± se"};

    private LikelihoodFiles() {
    }

    /** Writes {@value #JSON}, {@value #CSV} and {@value #PAGE} into {@code dir}, which must exist. */
    public static void write(LikelihoodFile file, Path dir) {
        JsonFiles.write(dir.resolve(JSON), file);
        StringBuilder csv = new StringBuilder();
        for (String[] row : layerRows(file)) {
            csv.append(String.join(",", row)).append('\n');
        }
        AtomicFiles.writeString(dir.resolve(CSV), csv.toString());
        AtomicFiles.writeString(dir.resolve(PAGE), page(file));
    }

    /** The two tables as aligned text, for the terminal. */
    public static String table(LikelihoodFile file) {
        return TextTable.aligned(layerRows(file)) + "\n" + TextTable.aligned(depthRows(file))
                + "nats; LL = mean log-likelihood of each RBM's inputs (the states of the layer below); AIS over-, "
                + "RAISE under-estimates it; the DBN bound is a lower bound on the images' mean log p(v)\n";
    }

    static List<String[]> layerRows(LikelihoodFile file) {
        List<String[]> rows = new ArrayList<>();
        rows.add(LAYER_HEADER);
        for (LikelihoodFile.Layer l : file.layers()) {
            rows.add(new String[] {Integer.toString(l.layer()), l.visible() + "-" + l.hidden(), f(l.logZAis()),
                f(l.logZAisStderr()), String.format(Locale.ROOT, "%.1f", l.effectiveSampleSize()), f(l.logZExact()),
                f(l.trainLogLikelihoodAis()), f(l.heldoutLogLikelihoodAis()), f(l.heldoutLogLikelihoodRaise()),
                f(l.heldoutLogLikelihoodRaiseStderr()), f(l.heldoutLogLikelihoodAisRaiseRows()),
                f(l.heldoutLogLikelihoodExact())});
        }
        return rows;
    }

    static List<String[]> depthRows(LikelihoodFile file) {
        List<String[]> rows = new ArrayList<>();
        rows.add(DEPTH_HEADER);
        for (LikelihoodFile.Depth d : file.depths()) {
            rows.add(new String[] {Integer.toString(d.depth()), f(d.dbnBoundTrain()), f(d.dbnBoundTrainStderr()),
                f(d.dbnBoundHeldout()), f(d.dbnBoundHeldoutStderr())});
        }
        return rows;
    }

    private static String f(Double x) {
        return x == null || !Double.isFinite(x) ? "-" : String.format(Locale.ROOT, "%.3f", x);
    }

    static String page(LikelihoodFile file) {
        StringBuilder out = new StringBuilder(Html.head("Likelihood", "", null))
                .append("<h1>Likelihood of every RBM and every depth</h1>\n<p class=\"source\">")
                .append(Html.escape(String.format(Locale.ROOT, "model %s; %d training and %d held-out rows; AIS with "
                                + "%d chains and %d inverse temperatures; RAISE from %d held-out rows; %d samples per "
                                + "image for the bound; seed %d, %d threads", file.model(), file.trainRows(),
                        file.heldoutRows(), file.chains(), file.betas(), file.raiseRows(), file.boundSamples(),
                        file.seed(), file.threads()))).append("</p>\n");
        htmlTable(out, layerRows(file));
        out.append("<p class=\"caption\">").append(Html.escape("Nats per input vector. log Z by annealed importance "
                + "sampling from the base-rate model (± one standard error; ESS: effective sample size of the chains), "
                + "and exactly where the smaller layer can be enumerated. Each RBM's inputs are the states of the layer "
                + "below. AIS tends to over-estimate the log-likelihood and RAISE to under-estimate it: on the first "
                + "held-out rows, which RAISE anneals back from, the truth lies between RAISE and AIS (same rows).")).append("</p>\n");
        out.append("<figure class=\"chart\">\n").append(boundChart(file)).append("</figure>\n");
        htmlTable(out, depthRows(file));
        out.append("<p class=\"caption\">").append(Html.escape("The variational lower bound on the mean log p(v) of "
                + "the images under the stack cut at each depth, with RBM ℓ as the prior and the sigmoid layers below "
                + "it; ± one standard error over images. At depth 1 it is RBM 1's own log-likelihood.")).append("</p>\n")
                .append("<p>The numbers: <a href=\"").append(JSON).append("\">").append(JSON).append("</a> and <a href=\"")
                .append(CSV).append("\">").append(CSV).append("</a>.</p>\n</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void htmlTable(StringBuilder out, List<String[]> rows) {
        out.append("<div class=\"table-wrap\"><table class=\"layers\">\n");
        for (int i = 0; i < rows.size(); i++) {
            String tag = i == 0 ? "th" : "td";
            out.append("<tr>");
            for (String cell : rows.get(i)) {
                out.append('<').append(tag).append('>').append(Html.escape(cell)).append("</").append(tag).append('>');
            }
            out.append("</tr>\n");
        }
        out.append("</table></div>\n");
    }

    /** The DBN bound against depth, training and held-out images, with error bars. */
    static String boundChart(LikelihoodFile file) {
        List<LikelihoodFile.Depth> depths = file.depths();
        int n = depths.size();
        double[] x = new double[n];
        double[] train = new double[n];
        double[] trainError = new double[n];
        double[] held = new double[n];
        double[] heldError = new double[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            LikelihoodFile.Depth d = depths.get(i);
            x[i] = d.depth();
            train[i] = d.dbnBoundTrain();
            trainError[i] = finiteOrZero(d.dbnBoundTrainStderr());
            held[i] = d.dbnBoundHeldout() == null ? Double.NaN : d.dbnBoundHeldout();
            heldError[i] = finiteOrZero(d.dbnBoundHeldoutStderr());
            for (double v : new double[] {train[i] - trainError[i], train[i] + trainError[i], held[i] - heldError[i],
                held[i] + heldError[i]}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double pad = Double.isFinite(hi - lo) && hi > lo ? 0.08 * (hi - lo) : 1;
        SvgPlot plot = SvgPlot.create(720, 420).title("The DBN's lower bound on log p(v) against depth")
                .xLabel("depth ℓ (RBM ℓ is the prior)").yLabel("nats per image").xStep(1)
                .xRange(0.5, n + 0.5).legend(Legend.BOTTOM_RIGHT);
        if (Double.isFinite(lo)) {
            plot.yRange(lo - pad, hi + pad);
        }
        plot.curve(Curve.of("training images", x, train).colour(Palette.depth(0, 2)).width(2));
        plot.points(Points.of("training images ± se", x, train).yErrors(trainError).colour(Palette.depth(0, 2)));
        if (file.heldoutRows() > 0) {
            plot.curve(Curve.of("held-out images", x, held).colour(Palette.depth(1, 2)).width(2));
            plot.points(Points.of("held-out images ± se", x, held).yErrors(heldError).colour(Palette.depth(1, 2)));
        }
        return plot.toSvg();
    }

    private static double finiteOrZero(Double x) {
        return x == null || !Double.isFinite(x) ? 0 : x;
    }
}
