package rbm.report;

import java.nio.file.Files;
import java.nio.file.Path;
import rbm.experiment.Results;
import rbm.experiment.ResultsFile;
import rbm.generate.Pictures;
import rbm.io.AtomicFiles;
import rbm.io.BadInputException;
import rbm.io.JsonFiles;

/**
 * Writes the experiment's results into an output directory: {@code results.json}, the generated-digit grids
 * ({@code images/gibbs-layer-L.png}, {@code images/empirical-layer-L.png}), the report page {@code index.html} and
 * the layer table as Markdown, {@code reproduction-table.md}.
 *
 * <p>The page is drawn from {@code results.json} alone (plus the pictures in the directory), never from the
 * in-memory {@link Results}: {@link #render(Path)} redraws it from the file on disk, and gives the same page.
 */
public final class ReportPage {
    /** The page's file name in the output directory. */
    public static final String PAGE = "index.html";
    /** The layer table as Markdown, for REPRODUCTION.md. */
    public static final String TABLE = "reproduction-table.md";
    /** Every number of the experiment, the page's only source. */
    public static final String RESULTS = "results.json";

    private final Results results;

    public ReportPage(Results results) {
        this.results = results;
    }

    public void write(Path dir) {
        AtomicFiles.createOutputDirectory(dir);
        AtomicFiles.createOutputDirectory(dir.resolve("images"));
        JsonFiles.write(dir.resolve(RESULTS), results.toFile());
        int width = results.config().widths()[0];
        for (var e : results.samples().entrySet()) {
            int n = Math.min(100, results.config().generated());
            Pictures.writePatterns(e.getValue()[0], n, width, 10, dir.resolve("images/gibbs-layer-" + e.getKey()
                    + ".png"));
            Pictures.writePatterns(e.getValue()[1], n, width, 10, dir.resolve("images/empirical-layer-"
                    + e.getKey() + ".png"));
        }
        // from the file just written, so that the page is exactly what render(dir) gives
        render(dir);
    }

    /**
     * Redraws {@code index.html} and {@code reproduction-table.md} in {@code dir} from its {@code results.json} and
     * pictures, without running anything.
     */
    public static void render(Path dir) {
        render(read(dir), dir);
    }

    /** The {@code results.json} of {@code dir}, parts missing or not, checked so that a page can be drawn from it. */
    public static ResultsFile read(Path dir) {
        Path file = dir.resolve(RESULTS);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file; run 'rbm reproduce --out " + dir + "' first");
        }
        return JsonFiles.readLenient(file, ResultsFile.class).check(file.toString());
    }

    /** Writes the page and the Markdown table for {@code results.json} content into {@code dir}. */
    static void render(ResultsFile results, Path dir) {
        ReportHtml page = new ReportHtml(results, dir);
        String html = page.render();
        StringBuilder md = new StringBuilder(page.table().markdown());
        String heldout = ReportTable.heldoutMarkdown(results);
        if (!heldout.isEmpty()) {
            md.append("\n**Held-out read-out.**\n\n").append(heldout);
        }
        String decisions = ReportTable.decisionsMarkdown(results);
        if (!decisions.isEmpty()) {
            md.append("\n**The third claim, measure by measure.**\n\n").append(decisions);
        }
        AtomicFiles.writeString(dir.resolve(TABLE), md.toString());
        AtomicFiles.writeString(dir.resolve(PAGE), html);
    }
}
