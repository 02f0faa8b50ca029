package rbm.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import rbm.BadInputException;
import rbm.generate.Pictures;
import rbm.io.AtomicFiles;
import rbm.io.Json;

/** Writes the experiment's results: {@code results.json}, the generated-digit grids, and {@code index.html}. */
public final class ReportPage {
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
        int width = results.config.widths()[0];
        for (var e : results.samples.entrySet()) {
            int n = Math.min(100, results.config.generated());
            Pictures.writePatterns(e.getValue()[0], n, width, 10, dir.resolve("images/gibbs-layer-" + e.getKey()
                    + ".png"));
            Pictures.writePatterns(e.getValue()[1], n, width, 10, dir.resolve("images/empirical-layer-"
                    + e.getKey() + ".png"));
        }
        AtomicFiles.writeString(dir.resolve("index.html"), "<!doctype html><title>rbm report</title><pre>"
                + Json.write(json.get("verdicts")).replace("<", "&lt;") + "</pre>");
    }
}
