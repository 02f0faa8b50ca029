package rbm.report;

import java.util.List;
import java.util.Locale;
import rbm.relevance.RelevanceBound;
import rbm.relevance.RelevanceReport;
import rbm.relevance.ResolutionRelevance;

/**
 * The HTML page of one analysis: what was analysed, the table, and the two charts of {@link RelevanceCharts},
 * inlined so that the page opens offline on its own, with links to the CSV and JSON files beside it.
 */
final class RelevancePage {
    private static final String STYLE = Html.resource("relevance.css");

    private RelevancePage() {
    }

    static String html(RelevanceReport report, String tradeOffSvg, String rankFrequencySvg) {
        RelevanceBound bound = report.bound();
        RelevanceBound.Point zipf = bound.at(1);
        StringBuilder out = new StringBuilder(Html.head("Resolution and relevance", STYLE, null))
                .append("<h1>Resolution and relevance</h1>\n<p class=\"source\">")
                .append(Html.escape(String.join(", ", report.source().describe()))).append("</p>\n");
        out.append("<div class=\"table-wrap\"><table class=\"layers\">\n");
        List<String[]> rows = report.rows();
        for (int i = 0; i < rows.size(); i++) {
            out.append("<tr>");
            for (String cell : rows.get(i)) {
                String tag = i == 0 ? "th" : "td";
                out.append('<').append(tag).append('>').append(Html.escape(cell)).append("</").append(tag).append('>');
            }
            out.append("</tr>\n");
        }
        out.append("</table></div>\n<p class=\"caption\">").append(Html.escape(String.format(Locale.ROOT,
                "Entropies in bits; M = %s states, log2 M = %.3f. The bound's Zipf point (μ = 1) is H[s] = %.3f, "
                        + "H[K] = %.3f.%s", ReportTable.grouped(bound.samples()),
                ResolutionRelevance.log2(bound.samples()), zipf.resolution(), zipf.relevance(),
                report.repeated() ? " Means over the read-out repeats, ± one standard deviation." : "")))
                .append("</p>\n");
        out.append("<figure class=\"chart\">\n").append(tradeOffSvg).append("<figcaption>")
                .append(Html.escape("Each layer's relevance H[K] against its resolution H[s]. No sample of M states "
                        + "lies above the bound. Along it, the slope is −μ: layers right of the Zipf point (μ > 1) "
                        + "are noisy, with most states seen once; layers left of it are compressed."))
                .append("</figcaption>\n</figure>\n");
        out.append("<figure class=\"chart\">\n").append(rankFrequencySvg).append("<figcaption>")
                .append(Html.escape("How often each state occurs, against its rank. A layer that follows Zipf's law "
                        + "runs parallel to the line of slope −1."))
                .append("</figcaption>\n</figure>\n");
        out.append("<p>The numbers: <a href=\"").append(RelevanceReport.CSV).append("\">").append(RelevanceReport.CSV)
                .append("</a> (one row per layer and repeat) and <a href=\"").append(RelevanceReport.JSON).append("\">")
                .append(RelevanceReport.JSON).append("</a> (everything, with m_k, the rank–frequency runs and the "
                        + "bound's curve).</p>\n</main>\n</body>\n</html>\n");
        return out.toString();
    }
}
