package rbm.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import rbm.io.BadInputException;
import rbm.generate.Pictures;
import rbm.io.AtomicFiles;
import rbm.io.Json;
import rbm.io.JsonObject;
import rbm.experiment.Results;

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

    private final Results results;

    public ReportPage(Results results) {
        this.results = results;
    }

    public void write(Path dir) {
        try {
            Files.createDirectories(dir.resolve("images"));
        } catch (IOException e) {
            throw new BadInputException("--out " + dir + ": cannot create the directory (" + e.getMessage() + ")");
        }
        Map<String, Object> json = results.toJson();
        Json.writeFile(dir.resolve("results.json"), json);
        int width = results.config().widths()[0];
        for (var e : results.samples().entrySet()) {
            int n = Math.min(100, results.config().generated());
            Pictures.writePatterns(e.getValue()[0], n, width, 10, dir.resolve("images/gibbs-layer-" + e.getKey()
                    + ".png"));
            Pictures.writePatterns(e.getValue()[1], n, width, 10, dir.resolve("images/empirical-layer-"
                    + e.getKey() + ".png"));
        }
        // through the JSON text, so that the page is exactly what render(dir) gives from the file
        render(Json.parse(Json.write(json), "results.json"), dir);
    }

    /**
     * Redraws {@code index.html} and {@code reproduction-table.md} in {@code dir} from its {@code results.json} and
     * pictures, without running anything.
     */
    public static void render(Path dir) {
        Path file = dir.resolve("results.json");
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file; run 'rbm reproduce --out " + dir + "' first");
        }
        render(JsonObject.read(file).map(), dir);
    }

    /** Writes the page and the Markdown table for parsed {@code results.json} content into {@code dir}. */
    static void render(Object results, Path dir) {
        ReportHtml page = new ReportHtml(new JsonView(results), dir);
        String html = page.render();
        AtomicFiles.writeString(dir.resolve(TABLE), page.table().markdown());
        AtomicFiles.writeString(dir.resolve(PAGE), html);
    }
}
