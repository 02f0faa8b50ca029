package rbm.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rbm.experiment.Results.Stat;
import rbm.experiment.ResultsFile;
import rbm.experiment.Verdicts;

/**
 * The report's summary table, one row per layer of the trained stack (stochastic read-out): width, distinct states,
 * H[s], H[K], noise, both estimates of μ and the generation scores. The same cells give the HTML table of the page
 * and the Markdown table of {@code reproduction-table.md}, which REPRODUCTION.md in the repository quotes.
 */
final class ReportTable {
    static final List<String> HEADER = List.of("layer", "width", "distinct states", "H[s]", "H[K]",
            "noise H[s]−H[K]", "μ (bound slope)", "μ (power-law fit)", "score (Gibbs chains)",
            "score (empirical states)", "note");

    private final List<List<String>> rows = new ArrayList<>();
    private final int zipfLayer;
    private final int bestLayer;
    private final String caption;

    ReportTable(ResultsFile root) {
        zipfLayer = root.verdicts().zipfLayer();
        bestLayer = root.verdicts().bestGibbsLayer();
        List<ResultsFile.GroupLayer> layers = root.group(Verdicts.STACK);
        List<ResultsFile.GenerationLayer> generation = root.generation();
        double log2M = root.bound().log2Samples();
        for (int l = 0; l < layers.size(); l++) {
            ResultsFile.GroupLayer layer = layers.get(l);
            ResultsFile.GenerationLayer gen = l < generation.size() ? generation.get(l)
                    : ResultsFile.GenerationLayer.ABSENT;
            int number = l + 1;
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(number));
            row.add(Integer.toString(layer.width()));
            row.add(stat(layer.distinct(), 0));
            row.add(stat(layer.resolutionBits(), 2));
            row.add(stat(layer.relevanceBits(), 2));
            row.add(stat(layer.noiseBits(), 2));
            row.add(muBound(layer, log2M));
            row.add(muFit(layer));
            row.add(stat(gen.gibbs().score(), 3));
            row.add(stat(gen.empirical().score(), 3));
            List<String> notes = new ArrayList<>();
            if (number == zipfLayer) {
                notes.add("μ closest to 1");
            }
            if (number == bestLayer) {
                notes.add("best generator");
            }
            row.add(String.join("; ", notes));
            rows.add(row);
        }
        int seeds = root.config().seeds();
        caption = String.format(Locale.ROOT, "Stochastic read-out of the trained stack, M = %s images; entropies "
                + "in bits; mean ± sd over %d seed%s (the power-law fit: mean ± the first seed's standard error). μ "
                + "from the bound is −1 on its diagonal part (few states, H[K] = H[s]) and ∞ where every image has "
                + "its own state. The generation score (digits generated from the layer) is confidence × label "
                + "entropy / log2 10 × fraction distinct, in [0, 1].",
                grouped(root.config().images()), seeds, seeds == 1 ? "" : "s");
    }

    List<List<String>> rows() {
        return rows;
    }

    int zipfLayer() {
        return zipfLayer;
    }

    int bestLayer() {
        return bestLayer;
    }

    String caption() {
        return caption;
    }

    /** The table as GitHub-flavoured Markdown, with its caption below. */
    String markdown() {
        StringBuilder s = new StringBuilder();
        s.append("| ").append(String.join(" | ", HEADER)).append(" |\n|");
        for (int i = 0; i < HEADER.size(); i++) {
            s.append(i == HEADER.size() - 1 ? " --- |" : " ---: |");
        }
        s.append('\n');
        for (List<String> row : rows) {
            s.append("| ");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i).replace("|", "\\|");
                s.append(i == 0 ? "" : " | ").append(cell);
            }
            s.append(" |\n");
        }
        s.append('\n').append(caption).append('\n');
        return s.toString();
    }

    /** The table as an HTML {@code <table>}; the rows of the Zipf layer and the best generator are marked. */
    String html() {
        StringBuilder s = new StringBuilder("<div class=\"table-wrap\"><table class=\"layers\">\n<thead><tr>");
        for (String h : HEADER) {
            s.append("<th>").append(Html.escape(h)).append("</th>");
        }
        s.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            int n = number(row.get(0));
            List<String> classes = new ArrayList<>();
            if (n == zipfLayer) {
                classes.add("zipf");
            }
            if (n == bestLayer) {
                classes.add("best");
            }
            s.append(classes.isEmpty() ? "<tr>" : "<tr class=\"" + String.join(" ", classes) + "\">");
            for (int i = 0; i < row.size(); i++) {
                s.append(i == row.size() - 1 ? "<td class=\"note\">" : "<td>").append(Html.escape(row.get(i)))
                        .append("</td>");
            }
            s.append("</tr>\n");
        }
        s.append("</tbody></table></div>\n<p class=\"caption\">").append(Html.escape(caption)).append("</p>\n");
        return s.toString();
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A measure's value: 2 decimals from 10 up (likelihoods in nats), 3 below (scores and fractions). */
    static String number(double v) {
        return !Double.isFinite(v) ? "—" : fixed(v, Math.abs(v) >= 10 ? 2 : 3);
    }

    /** "mean ± sd" with the given decimals; just the mean for one run; "—" when absent. */
    static String stat(Stat v, int decimals) {
        double mean = v.mean();
        if (!Double.isFinite(mean)) {
            return "—";
        }
        double sd = v.sd();
        String m = fixed(mean, decimals);
        return Double.isFinite(sd) && v.n() > 1 ? m + " ± " + fixed(sd, decimals) : m;
    }

    static String muBound(ResultsFile.GroupLayer layer, double log2M) {
        double mu = layer.muBound().mean();
        if (!Double.isFinite(mu)) {
            // Results writes an infinite μ (every state distinct, H[s] = log2 M) as null
            return layer.resolutionBits().mean() >= 0.99 * log2M ? "∞" : "—";
        }
        return stat(layer.muBound(), 2);
    }

    static String muFit(ResultsFile.GroupLayer layer) {
        double mu = layer.muFit().mean();
        if (!Double.isFinite(mu)) {
            return "—";
        }
        double err = layer.muFitError();
        return fixed(mu, 2) + (Double.isFinite(err) ? " ± " + fixed(err, 2) : "");
    }

    static String fixed(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.matches("-0(\\.0*)?")) {
            s = s.substring(1);
        }
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    /**
     * 60000 as "60,000": counts as every page and chart of this package writes them. "?" when not finite or not
     * positive: a count missing from a partial results.json reads as NaN or 0, and no count shown is ever 0.
     */
    static String grouped(double v) {
        return Double.isFinite(v) && v > 0 ? String.format(Locale.ROOT, "%,d", Math.round(v)) : "?";
    }
}
