package rbm.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rbm.api.Reproduction;
import rbm.io.BadInputException;
import rbm.kernels.ReferenceKernels;
import rbm.readout.InputOptions;
import rbm.readout.SampleFile;
import rbm.readout.StateInputs;
import rbm.readout.TextStates;
import rbm.report.ReportPage;
import rbm.run.Manifest;
import rbm.run.RunDirectory;

/** The inputs the properties found, kept under src/test/resources/rbm/fuzz and read as plain tests. */
class CorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/rbm/fuzz");
    private static final InputOptions COLUMN_A = new InputOptions(null, null, List.of(), List.of("a"));

    @Test
    void aHeaderWithACarriageReturnIsQuotedOnOneLine() {
        Path file = CORPUS.resolve("header-with-cr.csv");
        refused(file, f -> Drain.one(TextStates.table(f, COLUMN_A)));
    }

    @Test
    void aValueWithACarriageReturnIsQuotedOnOneLine() {
        Path file = CORPUS.resolve("value-with-cr.csv");
        refused(file, f -> StateInputs.count(f.toString(), SampleFile.Format.AUTO, InputOptions.NONE,
                new ReferenceKernels(), n -> { }));
    }

    @Test
    void aManifestFormatWithANewlineIsQuotedOnOneLine(@TempDir Path run) throws IOException {
        refused(run, "manifest-format-with-newline.json");
    }

    @Test
    void aManifestThatIsJsonNullIsRefused(@TempDir Path run) throws IOException {
        refused(run, "manifest-null.json");
    }

    @Test
    void aConfigWithBatchSizeZeroIsRefused(@TempDir Path run) throws IOException {
        Files.copy(CORPUS.resolve("manifest-format-with-newline.json"), run.resolve("model.json"));
        Path config = run.resolve("config.json");
        Files.copy(CORPUS.resolve("config-batch-size-zero.json"), config);
        refused(config, f -> RunDirectory.open(run).readConfig());
    }

    @ParameterizedTest
    @ValueSource(strings = {"results-curve-layer-zero.json", "results-curve-row-null.json", "results-claim-null.json",
            "results-group-null.json"})
    void aResultsFileThePageCannotDrawIsRefused(String corpus, @TempDir Path dir) throws IOException {
        Path results = dir.resolve(ReportPage.RESULTS);
        Files.copy(CORPUS.resolve(corpus), results);
        refused(results, f -> Reproduction.render(f.getParent()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"random-sampling-null.json", "random-short-state.json", "random-two-streams.json"})
    void aCorruptGeneratorStateIsRefused(String corpus) throws IOException {
        Path run = FuzzFiles.copyOf(RunStateFuzzTest.FIXTURE, "corpus-run");
        Path random = run.resolve(RunStateFuzzTest.RANDOM);
        Files.copy(CORPUS.resolve(corpus), random, StandardCopyOption.REPLACE_EXISTING);
        RunDirectory dir = RunDirectory.open(run);
        Manifest.LayerEntry entry = dir.readManifest().layer(1);
        // the fixture's run was trained with --threads 1
        refused(random, f -> dir.loadTrainerState(entry, false, 100, 1));
    }

    @Test
    void theAllocationCheckCatchesAReadThatBelievesASizeField(@TempDir Path dir) {
        // the guard itself: a reader that allocates what a header claims fails the property
        AssertionError e = assertThrows(AssertionError.class, () -> Reading.check(dir.resolve("x"), new byte[4],
                f -> consume(new byte[(int) Reading.MAX_ALLOCATED + 1])));
        assertTrue(e.getMessage().contains("allocated"), e.getMessage());
    }

    private static void consume(byte[] bytes) {
        assertTrue(bytes.length > 0);
    }

    /** Copies a corpus manifest into a run directory as model.json and reads it as the program does. */
    private static void refused(Path run, String corpus) throws IOException {
        Path model = run.resolve("model.json");
        Files.copy(CORPUS.resolve(corpus), model);
        refused(model, f -> RunDirectory.open(run).readManifest());
    }

    private static void refused(Path file, Reading.Read read) {
        BadInputException e = assertThrows(BadInputException.class, () -> read.run(file));
        String message = e.getMessage();
        assertTrue(message.startsWith(file.toString()) && !message.contains("\n") && !message.contains("\r"),
                message);
    }
}
