package rbm.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import rbm.kernels.Compute;
import rbm.kernels.ReferenceKernels;
import rbm.run.Manifest;
import rbm.run.MetricsLog;
import rbm.run.RunConfig;
import rbm.run.RunDirectory;
import rbm.train.ContrastiveDivergence;

/**
 * The files {@code rbm train --resume} reads back besides model.json and config.json: {@code metrics.jsonl}, one
 * JSON object a line, and a checkpoint's {@code trainer/random.json}, the generators' states, read and restored into
 * the trainer as a resumed run restores them. Each try edits one file of a copy of {@code fixtures/run}.
 */
class RunStateFuzzTest {
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/run");
    static final String RANDOM = "layer-01/epoch-0001/trainer/random.json";
    private static final Compute COMPUTE = new Compute(new ReferenceKernels(), 1);
    /** One copy for the class (its properties edit different files), made once: it costs more than a try. */
    private static final Path RUN = FuzzFiles.copyOf(FIXTURE, "fuzz-resume");
    /** The run's model.json, config.json and weights are not edited here, so they are read once. */
    private static final RunDirectory DIR = RunDirectory.open(RUN);
    private static final Manifest.LayerEntry ENTRY = DIR.readManifest().layer(1);
    private static final RunConfig CONFIG = DIR.readConfig();
    private static final ContrastiveDivergence TRAINER = new ContrastiveDivergence(DIR.loadRbm(ENTRY),
            CONFIG.training(), COMPUTE, CONFIG.seed(), "layer 1");

    @Property(tries = Reading.TRIES)
    void metricsLogsReadOrAreRefused(@ForAll("metrics") byte[] bytes) {
        // every read goes through loadUpTo: rowsOnDisk keeps all rows, a resume (resumeAt) those up to its checkpoint
        Reading.check(RUN.resolve("metrics.jsonl"), bytes, f -> new MetricsLog(RUN).rowsOnDisk());
    }

    @Property(tries = Reading.TRIES)
    void generatorStatesReadOrAreRefused(@ForAll("generators") byte[] bytes) {
        Reading.check(RUN.resolve(RANDOM), bytes, f -> TRAINER.restoreState(DIR.loadTrainerState(ENTRY,
                CONFIG.training().persistent(), CONFIG.training().batchSize(), COMPUTE.threads())));
    }

    /** The fixture's one line, and three lines as {@link MetricsLog} writes them: NaN as null, AIS keys in one. */
    @Provide
    Arbitrary<byte[]> metrics() {
        Path written = FuzzFiles.directory("fuzz-metrics");
        MetricsLog log = new MetricsLog(written);
        double nan = Double.NaN;
        log.add(new MetricsLog.Row(1, 1, 0.5, 60.2, -0.19, 66.5, nan, nan, -195.1, nan, nan, nan, nan, nan));
        log.add(new MetricsLog.Row(1, 2, 0.4, 50.1, -0.17, 60.3, 61.0, 0.7, nan, nan, 12.5, 0.02, -190.3, -191.0));
        log.add(new MetricsLog.Row(2, 1, 0.1, 3.5, -0.4, 2.0, 2.1, 0.1, -5.5, -5.6, nan, nan, nan, nan));
        List<byte[]> seeds = new ArrayList<>(Seeds.resources("fixtures/run/metrics.jsonl"));
        seeds.add(Seeds.file(written.resolve("metrics.jsonl")));
        return Mutants.of(seeds);
    }

    @Provide
    Arbitrary<byte[]> generators() {
        return Mutants.of(Seeds.resources("fixtures/run/" + RANDOM));
    }
}
