package rbm.report;

import java.nio.file.Path;
import rbm.io.AtomicFiles;
import rbm.io.JsonFiles;
import rbm.relevance.RelevanceReport;

/** The files of a relevance analysis: the table as CSV, every number as JSON, both charts as SVG, and the page. */
public final class RelevanceFiles {
    private RelevanceFiles() {
    }

    /**
     * Writes {@value RelevanceReport#CSV}, {@value RelevanceReport#JSON}, the charts
     * {@value RelevanceReport#TRADE_OFF_SVG} and {@value RelevanceReport#RANK_FREQUENCY_SVG}, and the page
     * {@value RelevanceReport#PAGE} into {@code dir}, which must exist.
     */
    public static void write(RelevanceReport report, Path dir) {
        AtomicFiles.writeString(dir.resolve(RelevanceReport.CSV), report.csv());
        JsonFiles.write(dir.resolve(RelevanceReport.JSON), report.toFile());
        String tradeOff = RelevanceCharts.tradeOff(report);
        String rankFrequency = RelevanceCharts.rankFrequency(report);
        AtomicFiles.writeString(dir.resolve(RelevanceReport.TRADE_OFF_SVG), tradeOff);
        AtomicFiles.writeString(dir.resolve(RelevanceReport.RANK_FREQUENCY_SVG), rankFrequency);
        AtomicFiles.writeString(dir.resolve(RelevanceReport.PAGE), RelevancePage.html(report, tradeOff, rankFrequency));
    }
}
