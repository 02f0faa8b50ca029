package rbm.fuzz;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import rbm.api.Reproduction;
import rbm.experiment.TinyResults;
import rbm.io.JsonFiles;
import rbm.report.ReportPage;

/**
 * {@code results.json} as {@code rbm reproduce --render-only} reads it: parsed leniently and checked, then drawn into
 * the page and the Markdown table, so that a field the page reads and the file lacks or holds oddly fails here too.
 */
class ResultsFuzzTest {
    /**
     * Pages drawn per pass. A page takes 10-20 ms, several times a read of the largest seed, so the read and its check
     * (which let through only what the page can draw) get {@link Reading#TRIES}, and the page these.
     */
    static final int RENDER_TRIES = 300;
    private final Path dir = FuzzFiles.directory("fuzz-results");

    @Property(tries = Reading.TRIES)
    void resultsReadOrAreRefused(@ForAll("thinned") byte[] bytes) {
        Reading.check(dir.resolve(ReportPage.RESULTS), bytes, f -> ReportPage.read(f.getParent()));
    }

    @Property(tries = RENDER_TRIES)
    void resultsRenderOrAreRefused(@ForAll("results") byte[] bytes) {
        Reading.check(dir.resolve(ReportPage.RESULTS), bytes, f -> Reproduction.render(f.getParent()));
    }

    /**
     * The tiny experiment's file with every array cut to one element: every key of the format, every group, the
     * controls and the verdicts, in about 10 KB (whole, it is 39 KB, and the time of a read grows with the size).
     */
    @Provide
    Arbitrary<byte[]> thinned() {
        return Mutants.of(List.of(Seeds.thinned(tinyResults(), 1)));
    }

    /** The tiny experiment's file whole, and a quick reproduction's (55 KB). */
    @Provide
    Arbitrary<byte[]> results() {
        return Mutants.of(List.of(tinyResults(), Seeds.resources("fixtures/results.json").getFirst()));
    }

    private byte[] tinyResults() {
        return (JsonFiles.pretty(TinyResults.of(dir).toFile()) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
