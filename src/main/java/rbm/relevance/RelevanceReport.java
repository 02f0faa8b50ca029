package rbm.relevance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import rbm.io.TextTable;

/**
 * The per-layer statistics of one analysis, with the bound for its sample size, as a printed table (one row per
 * layer, averaged over read-out repeats), a CSV file (one row per layer and repeat), a JSON file (everything,
 * including m_k, the rank-frequency runs and the bound curve), two SVG charts and an HTML page with both.
 */
public final class RelevanceReport {
    public static final String CSV = "relevance.csv";
    public static final String JSON = "relevance.json";
    /** The layers in the resolution–relevance plane, against the bound. */
    public static final String TRADE_OFF_SVG = "relevance.svg";
    public static final String RANK_FREQUENCY_SVG = "rank-frequency.svg";
    /** The table and both charts, on one page that opens offline. */
    public static final String PAGE = "index.html";
    /** Points of the bound curve stored in the JSON file. */
    public static final int CURVE_POINTS = 41;

    private final RelevanceFile.Source source;
    private final RelevanceBound bound;
    private final List<LayerReport> layers;
    private final List<List<LayerReport>> byLayer;

    /**
     * @param source what was analysed and how (model, data, read-out, seed; or the input file), for the JSON file
     * @param layers the samples, all of the bound's size
     */
    public RelevanceReport(RelevanceFile.Source source, RelevanceBound bound, List<LayerReport> layers) {
        this.source = source;
        this.bound = bound;
        this.layers = List.copyOf(layers);
        Map<String, List<LayerReport>> groups = new LinkedHashMap<>();
        for (LayerReport r : this.layers) {
            groups.computeIfAbsent(r.label(), k -> new ArrayList<>()).add(r);
        }
        this.byLayer = groups.values().stream().map(List::copyOf).toList();
    }

    public List<LayerReport> layers() {
        return layers;
    }

    public RelevanceBound bound() {
        return bound;
    }

    /** What was analysed and how, as recorded in the JSON file. */
    public RelevanceFile.Source source() {
        return source;
    }

    /** The reports grouped by layer, in order, each group holding the layer's read-out repeats. */
    public List<List<LayerReport>> byLayer() {
        return byLayer;
    }

    /** Whether some layer was read out more than once. */
    public boolean repeated() {
        return byLayer.stream().anyMatch(rs -> rs.size() > 1);
    }

    /**
     * The table's rows, the header first: one row per layer, the mean over repeats, with the standard deviation after
     * ± when there are several repeats.
     */
    public List<String[]> rows() {
        boolean repeated = repeated();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"layer", "width", "M", "distinct", "H[s]", "H[K]", "noise", "H[s]/log2M",
            "H[K]/log2M", "mu(bound)", repeated ? "mu(fit)" : "mu(fit) ± err", "k_min"});
        for (List<LayerReport> rs : byLayer) {
            LayerReport first = rs.getFirst();
            PowerLawFit fit = first.fit();
            rows.add(new String[] {
                first.label(),
                first.width() == 0 ? "-" : Integer.toString(first.width()),
                Long.toString(first.profile().samples()),
                stat(rs, r -> r.profile().distinct(), 0, false),
                stat(rs, r -> r.entropies().resolution(), 3, repeated),
                stat(rs, r -> r.entropies().relevance(), 3, repeated),
                stat(rs, r -> r.entropies().noise(), 3, repeated),
                stat(rs, r -> r.entropies().normalisedResolution(), 3, false),
                stat(rs, r -> r.entropies().normalisedRelevance(), 3, false),
                stat(rs, LayerReport::muBound, 3, repeated),
                repeated ? stat(rs, r -> r.fit().mu(), 3, true)
                        : Double.isNaN(fit.mu()) ? "-" : format(fit.mu(), 3) + " ± " + format(fit.error(), 3),
                repeated ? stat(rs, r -> r.fit().kMin(), 0, false) : fit.kMin() == 0 ? "-" : Long.toString(fit.kMin())
            });
        }
        return rows;
    }

    /** The table of {@link #rows}, right-aligned, with a note on the units and the bound's Zipf point. */
    public String table() {
        List<String[]> rows = rows();
        boolean repeated = repeated();
        StringBuilder out = new StringBuilder(TextTable.aligned(rows));
        long m = bound.samples();
        RelevanceBound.Point zipf = bound.at(1);
        out.append(String.format(Locale.ROOT,
                "entropies in bits; log2 M = %.3f; the bound's Zipf point (mu = 1) is H[s] = %.3f, H[K] = %.3f%n",
                ResolutionRelevance.log2(m), zipf.resolution(), zipf.relevance()));
        if (repeated) {
            out.append(String.format(Locale.ROOT, "means over %d read-out repeats, ± one standard deviation%n",
                    byLayer.getFirst().size()));
        }
        return out.toString();
    }

    /** One row per layer and repeat. */
    public String csv() {
        StringBuilder out = new StringBuilder("layer,width,repeat,samples,distinct,resolution_bits,relevance_bits,"
                + "noise_bits,resolution_normalised,relevance_normalised,noise_normalised,mu_bound,mu_fit,"
                + "mu_fit_error,k_min,fit_tail_states,ks_distance\n");
        for (LayerReport r : layers) {
            ResolutionRelevance h = r.entropies();
            PowerLawFit f = r.fit();
            out.append(String.join(",", r.label(), Integer.toString(r.width()), Integer.toString(r.repeat()),
                    Long.toString(r.profile().samples()), Long.toString(r.profile().distinct()),
                    num(h.resolution()), num(h.relevance()), num(h.noise()), num(h.normalisedResolution()),
                    num(h.normalisedRelevance()), num(h.normalisedNoise()), num(r.muBound()), num(f.mu()),
                    num(f.error()), Long.toString(f.kMin()), Long.toString(f.tail()), num(f.distance())));
            out.append('\n');
        }
        return out.toString();
    }

    /** Everything, as it is written to {@value #JSON}. */
    public RelevanceFile toFile() {
        List<RelevanceFile.Point> curve = bound.curve(CURVE_POINTS).stream().map(RelevanceFile.Point::of).toList();
        List<RelevanceFile.Layer> layerFiles = layers.stream().map(LayerReport::toFile).toList();
        return new RelevanceFile(source, bound.samples(), new RelevanceFile.Bound(bound.samples(),
                ResolutionRelevance.log2(bound.samples()), RelevanceFile.Point.of(bound.at(1)),
                RelevanceFile.Point.of(bound.at(0)), curve), layerFiles);
    }

    /** The mean over repeats, and "±sd" after it when asked; "-" when undefined, "inf" when infinite. */
    private static String stat(List<LayerReport> rs, ToDoubleFunction<LayerReport> f, int decimals, boolean sd) {
        double mean = mean(rs, f);
        if (!sd || rs.size() < 2 || !Double.isFinite(mean)) {
            return format(mean, decimals);
        }
        return format(mean, decimals) + "±" + format(sd(rs, f), decimals);
    }

    public static double mean(List<LayerReport> rs, ToDoubleFunction<LayerReport> f) {
        double sum = 0;
        for (LayerReport r : rs) {
            sum += f.applyAsDouble(r);
        }
        return sum / rs.size();
    }

    /** The sample standard deviation over repeats; NaN for a single one. */
    public static double sd(List<LayerReport> rs, ToDoubleFunction<LayerReport> f) {
        if (rs.size() < 2) {
            return Double.NaN;
        }
        double mean = mean(rs, f);
        double ss = 0;
        for (LayerReport r : rs) {
            double d = f.applyAsDouble(r) - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (rs.size() - 1));
    }

    private static String format(double x, int decimals) {
        if (Double.isNaN(x)) {
            return "-";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", x);
    }

    /** A number for CSV: shortest round-trip form; empty when undefined, inf when infinite. */
    private static String num(double x) {
        return Double.isNaN(x) ? "" : Double.isInfinite(x) ? (x > 0 ? "inf" : "-inf") : Double.toString(x);
    }
}
