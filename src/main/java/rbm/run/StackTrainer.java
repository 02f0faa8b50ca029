package rbm.run;

import java.util.ArrayList;
import java.util.List;
import rbm.io.BadInputException;
import rbm.kernels.Compute;
import rbm.model.DeepBeliefNet;
import rbm.model.Rbm;
import rbm.random.BernoulliSampler;
import rbm.random.RandomStreams;
import rbm.train.ContrastiveDivergence;
import rbm.train.LikelihoodProbe;
import rbm.train.Monitor;
import rbm.train.TrainingConfig;
import rbm.train.TrainingDivergedException;

/**
 * Greedy layer-wise training of a deep belief network: RBM 1 learns the data, then the data is passed up through it
 * (sampled states, or probabilities) and RBM 2 learns that, and so on. After every epoch the layer is measured
 * ({@link Monitor}), checked for divergence, and checkpointed, so that {@code --resume} continues from the last
 * completed epoch and gives the same weights as an uninterrupted run.
 *
 * <p>Each layer ℓ draws from its own streams, named "layer ℓ ...", so that a resumed run that starts at layer ℓ
 * needs nothing from the streams of the layers below beyond recomputing their outputs. An estimate of the
 * log-likelihood ({@link LikelihoodMonitoring}) draws from a stream of its own per layer and epoch, so asking for
 * estimates changes no weight.
 */
public final class StackTrainer {

    /** What the trainer reports as it goes. */
    public interface Listener {
        void layerStarted(int layer, int layers, Rbm rbm, int epochsDone, int epochs);

        void batchDone(int layer, int epoch, int done, int total);

        void epochDone(int layer, int epoch, int epochs, MetricsLog.Row metrics);

        void layerDone(int layer, Rbm rbm);
    }

    private final RunConfig config;
    private final RunDirectory run;
    private final Compute compute;
    private final Listener listener;
    private final LikelihoodProbe probe;

    /** A trainer for a run that estimates no log-likelihoods. */
    public StackTrainer(RunConfig config, RunDirectory run, Compute compute, Listener listener) {
        this(config, run, compute, listener, null);
    }

    /** @param probe the estimator of log Z that {@code config.likelihood()} asks for, or null if it asks for none */
    public StackTrainer(RunConfig config, RunDirectory run, Compute compute, Listener listener,
                        LikelihoodProbe probe) {
        if (config.likelihood().on() && probe == null) {
            throw new IllegalArgumentException("the run estimates log-likelihoods, and no estimator was given");
        }
        this.config = config;
        this.run = run;
        this.compute = compute;
        this.listener = listener;
        this.probe = probe;
    }

    /**
     * Reads every checkpoint that training will start from or keep (the RBMs the manifest lists, and the trainer
     * state of the first layer left to train), so that a damaged one is refused before anything in the run changes.
     */
    public void checkCheckpoints() {
        Manifest manifest = run.readManifest();
        int first = firstToTrain(manifest);
        for (int layer = 1; layer <= config.depth() && layer <= first; layer++) {
            Manifest.LayerEntry entry = manifest.layer(layer);
            if (entry != null && entry.epochsDone() > 0) {
                checkShape(run.loadRbm(entry), layer, config.widths());
                if (layer == first) {
                    TrainingConfig tc = config.training();
                    run.loadTrainerState(entry, tc.persistent(), tc.batchSize(), compute.threads());
                }
            }
        }
    }

    /**
     * Trains (or finishes training) every layer on {@code data}, rows × widths[0], and returns the stack.
     * {@code heldout} (may be null) is only measured, never trained on.
     */
    public DeepBeliefNet train(float[] data, int rows, float[] heldout, int heldoutRows) {
        int[] widths = config.widths();
        if (data.length != (long) rows * widths[0]) {
            throw new BadInputException("--layers: the data has " + (data.length / Math.max(rows, 1))
                    + " values per row but the first layer has " + widths[0] + " units");
        }
        Manifest manifest = run.readManifest();
        int first = firstToTrain(manifest);
        Manifest kept = manifest.upTo(first);
        if (!kept.equals(manifest)) {
            run.writeManifest(kept); // the layers above are trained again, on the new output of this one
        }
        Manifest.LayerEntry firstEntry = kept.layer(first);
        MetricsLog metrics = new MetricsLog(run.root());
        run.removeLeftovers(kept);
        metrics.resumeAt(first, firstEntry == null ? 0 : firstEntry.epochsDone());
        manifest = kept;
        List<Rbm> trained = new ArrayList<>();
        float[] input = data;
        float[] held = heldout;
        for (int layer = 1; layer <= config.depth(); layer++) {
            Manifest.LayerEntry entry = manifest.layer(layer);
            Rbm rbm;
            if (layer < first) {
                rbm = run.loadRbm(entry);
                checkShape(rbm, layer, widths);
            } else {
                rbm = trainLayer(layer, entry, input, rows, held, heldoutRows, metrics);
            }
            trained.add(rbm);
            listener.layerDone(layer, rbm);
            if (layer < config.depth()) {
                input = up(rbm, input, rows, "layer " + layer + " propagation");
                held = held == null ? null : up(rbm, held, heldoutRows, "layer " + layer + " held-out propagation");
            }
        }
        return new DeepBeliefNet(trained);
    }

    private Rbm trainLayer(int layer, Manifest.LayerEntry entry, float[] input, int rows, float[] held,
                           int heldRows, MetricsLog metrics) {
        TrainingConfig tc = config.training();
        int epochs = config.epochs()[layer - 1];
        String name = "layer " + layer;
        Rbm rbm;
        int start = 0;
        if (entry != null && entry.epochsDone() > 0) {
            rbm = run.loadRbm(entry);
            checkShape(rbm, layer, config.widths());
            start = entry.epochsDone();
        } else {
            rbm = ContrastiveDivergence.initialise(config.widths()[layer - 1], config.widths()[layer], input, rows,
                    tc, RandomStreams.create(config.seed(), name + " init"));
        }
        ContrastiveDivergence cd = new ContrastiveDivergence(rbm, tc, compute, config.seed(), name);
        if (start > 0) {
            cd.restoreState(run.loadTrainerState(entry, tc.persistent(), tc.batchSize(), compute.threads()));
        }
        int nv = rbm.visible();
        int monitorRows = Math.min(config.monitorRows(), rows);
        int heldMonitor = held == null ? 0 : Math.min(config.monitorRows(), heldRows);
        Monitor monitor = new Monitor(compute, java.util.Arrays.copyOf(input, monitorRows * nv), monitorRows,
                held == null ? null : java.util.Arrays.copyOf(held, heldMonitor * nv), heldMonitor, nv,
                RandomStreams.create(config.seed(), name + " monitor"), true);
        listener.layerStarted(layer, config.depth(), rbm, start, epochs);
        for (int epoch = start; epoch < epochs; epoch++) {
            final int e = epoch;
            long t0 = System.nanoTime();
            cd.trainEpoch(input, rows, epoch, (done, total) -> listener.batchDone(layer, e, done, total));
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!rbm.isFinite()) {
                throw new TrainingDivergedException(name + " diverged in epoch " + (epoch + 1)
                        + ": NaN or Inf in the weights; " + (epoch == 0 ? "no checkpoint of this layer was written"
                        : "the last good checkpoint (epoch " + epoch + ") is kept in " + run.root())
                        + "; try a smaller --learning-rate");
            }
            Monitor.Measurement m = config.likelihood().due(epoch + 1, epochs)
                    ? monitor.measure(rbm, probe, RandomStreams.seedFor(config.seed(),
                            name + " likelihood epoch " + (epoch + 1)))
                    : monitor.measure(rbm);
            MetricsLog.Row row = new MetricsLog.Row(layer, epoch + 1, seconds, m.reconstructionError(),
                    m.pseudoLogLikelihood(), m.freeEnergyTrain(), m.freeEnergyHeldout(), m.freeEnergyGap(),
                    m.exactLogLikelihoodTrain(), m.exactLogLikelihoodHeldout(), m.aisLogZ(), m.aisLogZStderr(),
                    m.aisLogLikelihoodTrain(), m.aisLogLikelihoodHeldout());
            // the row goes to disk before the manifest moves on, so no checkpoint lacks its row
            run.saveCheckpoint(layer, epoch + 1, epochs, rbm, cd.saveState(), () -> metrics.add(row));
            listener.epochDone(layer, epoch + 1, epochs, row);
        }
        return rbm;
    }

    /** The representation of {@code v} one layer up, as the next RBM is trained on it. */
    private float[] up(Rbm rbm, float[] v, int rows, String purpose) {
        BernoulliSampler sampler = config.sampleUp()
                ? BernoulliSampler.create(compute, config.seed(), purpose, rbm.hidden()) : null;
        return DeepBeliefNet.up(compute, rbm, v, rows, sampler);
    }

    private static void checkShape(Rbm rbm, int layer, int[] widths) {
        if (rbm.visible() != widths[layer - 1] || rbm.hidden() != widths[layer]) {
            throw new BadInputException("layer " + layer + " on disk is " + rbm.visible() + "×" + rbm.hidden()
                    + " but the configuration says " + widths[layer - 1] + "×" + widths[layer]);
        }
    }

    /**
     * The first layer with epochs left to train: a layer without a checkpoint, or with fewer epochs than the
     * configuration asks for (a run cut short, or one whose {@code --epochs} were raised); one past the top when all
     * are done. Everything above it is trained from scratch, as an uninterrupted run trains it on this layer's final
     * output, so an extended run ends with the bytes of a run asked for that many epochs from the start.
     */
    private int firstToTrain(Manifest m) {
        for (int layer = 1; layer <= config.depth(); layer++) {
            Manifest.LayerEntry e = m.layer(layer);
            if (e == null || e.epochsDone() < config.epochs()[layer - 1]) {
                return layer;
            }
        }
        return config.depth() + 1;
    }
}
