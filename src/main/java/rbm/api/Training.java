package rbm.api;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import rbm.data.DataSource;
import rbm.data.Dataset;
import rbm.evaluate.AnnealedImportanceSampling;
import rbm.evaluate.AnnealingSchedule;
import rbm.evaluate.BaseRateModel;
import rbm.evaluate.LogPartitionEstimate;
import rbm.generate.Pictures;
import rbm.io.BadInputException;
import rbm.kernels.Compute;
import rbm.kernels.KernelsProvider;
import rbm.kernels.WarmUp;
import rbm.run.LikelihoodMonitoring;
import rbm.run.Provenance;
import rbm.run.RunConfig;
import rbm.run.RunData;
import rbm.run.RunDirectory;
import rbm.run.RunExtension;
import rbm.run.StackTrainer;
import rbm.run.TrainingMemory;
import rbm.train.LikelihoodProbe;
import rbm.train.TrainingDivergedException;

/**
 * Greedy layer-wise training into a run directory, as {@code rbm train} does it: the sizes are checked against the
 * heap before any work ({@link TrainingMemory}), the data is loaded and checked before the directory is claimed (one
 * that already holds a run is refused before the load), {@code config.json} and {@code provenance.json} are written
 * first, a checkpoint after every epoch, and {@code filters.png} when the first RBM is done. The progress, one line
 * per epoch, goes to {@code out}; on a terminal a progress bar of the current epoch goes to {@code err}. Where the
 * stack asks for estimates of the log-likelihood, log Z comes from annealed importance sampling.
 */
public final class Training {
    private Training() {
    }

    /**
     * Trains {@code stack} on {@code data} into the new run directory {@code dir}, claimed before the data load.
     *
     * @param commandLine how the training was asked for, recorded in {@code provenance.json}
     */
    public static Network start(Data data, Stack stack, Path dir, List<String> commandLine, PrintWriter out,
                                PrintWriter err) {
        RunConfig config = stack.config(data);
        TrainingMemory.check(config, 0, 0); // the weights and batches; the rows are known once the data is read
        return train(config, RunDirectory.create(dir), null, commandLine, out, err);
    }

    /**
     * Trains {@code stack} on {@code data} into a new run directory under {@code parent} named for the date and
     * time, with a suffix -2, -3, ... when another run took that name.
     */
    public static Network startNamed(Data data, Stack stack, Path parent, List<String> commandLine,
                                     PrintWriter out, PrintWriter err) {
        RunConfig config = stack.config(data);
        TrainingMemory.check(config, 0, 0);
        String name = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return train(config, RunDirectory.createNamed(parent, name), null, commandLine, out, err);
    }

    /**
     * Continues the run in {@code dir} from its last completed epoch, with its own configuration; the weights are
     * those of an uninterrupted run. The data files must be the ones the run was started on (their sha256 and row
     * counts in {@code provenance.json}). {@code epochs}, when given, replaces the run's epochs per RBM: a run,
     * finished or not, is extended to them, and ends with the bytes of a run asked for them from the start. An RBM
     * given more epochs continues from its last checkpoint, and every RBM above it is trained again on its new
     * output.
     *
     * @param threads the thread count asked for, or null; it must be the run's own
     * @param epochs  {@code --epochs} as given (one value for all RBMs or one per RBM), or null to keep the run's
     */
    public static Network resume(Path dir, Integer threads, String epochs, PrintWriter out, PrintWriter err) {
        RunDirectory run = RunDirectory.resume(dir);
        try {
            RunConfig config = run.readConfig();
            if (threads != null && threads != config.threads()) {
                throw new BadInputException("--threads " + threads + ": the run in " + dir + " uses "
                        + config.threads() + " threads; resuming with another count would change its numbers");
            }
            RunConfig extended = epochs == null ? config : RunExtension.extend(run, config, epochs);
            TrainingMemory.check(extended, 0, 0);
            return train(extended, run, config, List.of(), out, err);
        } finally {
            run.release();
        }
    }

    /** Whether {@code failure} is training that diverged (NaN or Inf in the weights). */
    public static boolean diverged(Throwable failure) {
        return failure instanceof TrainingDivergedException;
    }

    /**
     * @param run     the claimed directory: new, or the run being resumed
     * @param resumed the configuration on disk of the run being resumed, or null for a new run
     */
    private static Network train(RunConfig config, RunDirectory run, RunConfig resumed, List<String> commandLine,
                                 PrintWriter out, PrintWriter err) {
        boolean resume = resumed != null;
        Dataset train;
        Dataset held;
        try {
            WarmUp.start(KernelsProvider.best()); // compiles the kernels while the data load
            train = RunData.training(config);
            held = RunData.heldout(config);
            if (train.cols() != config.widths()[0]) {
                throw new BadInputException("--layers: the data in " + train.source().path() + " has "
                        + train.cols() + " values per row, but --layers starts with " + config.widths()[0]);
            }
            if (held != null && held.cols() != train.cols()) {
                throw new BadInputException("--heldout: " + held.source().path() + " has " + held.cols()
                        + " values per row, but the training data has " + train.cols());
            }
            TrainingMemory.check(config, train.rows(), held == null ? 0 : held.rows());
            if (resume) {
                RunExtension.checkData(run, train.source(), held == null ? null : held.source());
            }
        } catch (RuntimeException | Error e) {
            if (!resume) {
                run.abandon();
            }
            throw e;
        }
        Progress progress = new Progress(out, err);
        try (Compute compute = Compute.create(config.threads())) {
            if (!resume) {
                List<DataSource> sources = new ArrayList<>(List.of(train.source()));
                if (held != null) {
                    sources.add(held.source());
                }
                run.writeJson("provenance.json", Provenance.describe(commandLine, compute, sources));
                run.begin(config);
            }
            StackTrainer trainer = new StackTrainer(config, run, compute, progress.listener((layer, rbm) -> {
                if (layer == 1) {
                    Pictures.writeFilters(rbm, 100, run.file("filters.png"));
                }
            }), annealing(config.likelihood()));
            if (resume) {
                trainer.checkCheckpoints(); // a damaged checkpoint is refused before the run's files change
                if (!config.toFile().equals(resumed.toFile())) {
                    RunExtension.announce(run, resumed, config, out);
                    run.writeConfig(config);
                }
            }
            progress.start(run.root(), config, compute.kernels().name(), train.rows(),
                    held == null ? 0 : held.rows(), resume);
            // Ctrl-C (or a kill) while training: say how to go on, as the last checkpoint is complete
            Thread hint = new Thread(() -> {
                err.println("interrupted: the run in " + run.root() + " goes on from its last checkpoint with "
                        + "./rbm train --resume " + run.root());
                err.flush();
            }, "rbm-resume-hint");
            Runtime.getRuntime().addShutdownHook(hint);
            try {
                Network net = new Network(run, config, trainer.train(train.values(), train.rows(),
                        held == null ? null : held.values(), held == null ? 0 : held.rows()));
                progress.finish(run.root());
                return net;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hint);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or has run: nothing to remove
                }
            }
        } finally {
            run.release();
        }
    }

    /** log Z by AIS as {@code monitoring} asks, annealed from the base rates of the rows the probe is given. */
    private static LikelihoodProbe annealing(LikelihoodMonitoring monitoring) {
        AnnealingSchedule schedule = AnnealingSchedule.of(monitoring.betas());
        return (rbm, rows, count, compute, seed) -> {
            LogPartitionEstimate e = new AnnealedImportanceSampling(schedule, monitoring.chains(), seed)
                    .logPartition(rbm, BaseRateModel.fromData(rows, count, rbm.visible()), compute);
            return new LikelihoodProbe.Estimate(e.logZ(), e.stderr());
        };
    }
}
