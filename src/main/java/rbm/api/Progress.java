package rbm.api;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiConsumer;
import rbm.model.Rbm;
import rbm.run.MetricsLog;
import rbm.run.RunConfig;
import rbm.run.StackTrainer;
import rbm.train.BatchSchedule;

/**
 * What {@code train} prints. One line per epoch with its metrics goes to standard output. On a terminal a progress
 * bar for the current epoch is redrawn in place on standard error; when output is not a terminal, there is no bar
 * and the epoch lines are the progress.
 */
final class Progress {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private long lastDraw;
    private long epochStart; // when the epoch's first batch finished
    private long started;

    Progress(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
        this.terminal = System.console() != null && System.console().isTerminal();
    }

    void start(Path run, RunConfig c, String kernels, int rows, int heldRows, boolean resumed) {
        started = System.nanoTime();
        out.printf(Locale.ROOT, "%s %s%n", resumed ? "resuming" : "run", run);
        out.printf(Locale.ROOT, "data: %d training rows, %d held-out rows, binarize %s%n", rows, heldRows,
                c.binarization());
        String widths = RunConfig.widthsLabel(c.widths());
        var t = c.training();
        String momentum = t.initialMomentum() == t.finalMomentum() ? "momentum " + t.initialMomentum()
                : String.format(Locale.ROOT, "momentum %s then %s after epoch %d", t.initialMomentum(),
                        t.finalMomentum(), t.momentumSwitchEpoch());
        out.printf(Locale.ROOT, "stack: %s; %s-%d, lr %s, %s, decay %s, batch %d%s%n", widths,
                t.persistent() ? "PCD" : "CD", t.cdSteps(), t.learningRate(), momentum, t.weightDecay(),
                t.batchSize(), t.batches() == BatchSchedule.SKLEARN ? " in file order, as scikit-learn's BernoulliRBM"
                        : "");
        out.printf(Locale.ROOT, "seed %d, %d threads, %s kernels%n", c.seed(), c.threads(), kernels);
        var l = c.likelihood();
        if (l.on()) {
            String every = l.every() == 1 ? "epoch" : l.every() + " epochs";
            out.printf(Locale.ROOT, "log-likelihood by AIS after every %s and the last of each RBM: %d chains, %d "
                    + "inverse temperatures%n", every, l.chains(), l.betas());
        }
        out.flush();
    }

    StackTrainer.Listener listener(BiConsumer<Integer, Rbm> onLayerDone) {
        return new StackTrainer.Listener() {
            @Override
            public void layerStarted(int layer, int layers, Rbm rbm, int epochsDone, int epochs) {
                out.printf(Locale.ROOT, "layer %d/%d: %d → %d units%s%n", layer, layers, rbm.visible(),
                        rbm.hidden(), epochsDone > 0 ? ", resuming after epoch " + epochsDone : "");
                out.flush();
            }

            @Override
            public void batchDone(int layer, int epoch, int done, int total) {
                if (!terminal) {
                    return;
                }
                long now = System.nanoTime();
                if (done == 1) {
                    epochStart = now;
                }
                if (done < total && now - lastDraw < REDRAW_NANOS) {
                    return;
                }
                lastDraw = now;
                int width = 30;
                int filled = (int) ((long) width * done / total);
                double elapsed = (now - epochStart) / 1e9;
                double eta = done > 1 ? elapsed * (total - done) / (done - 1) : 0; // timed from the end of batch 1
                err.printf(Locale.ROOT, "\r  layer %d epoch %d [%s%s] %3d%%  %.1fs, %.1fs left ", layer, epoch + 1,
                        "#".repeat(filled), ".".repeat(width - filled), 100L * done / total, elapsed, eta);
                err.flush();
            }

            @Override
            public void epochDone(int layer, int epoch, int epochs, MetricsLog.Row m) {
                if (terminal) {
                    err.print("\r" + " ".repeat(80) + "\r");
                    err.flush();
                }
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                        "  layer %d epoch %d/%d  %.2fs  recon %.4f  pll/unit %.4f", layer, epoch, epochs,
                        m.seconds(), m.reconstructionError(), m.pseudoLogLikelihood()));
                if (!Double.isNaN(m.freeEnergyGap())) { // no held-out set, no gap
                    line.append(String.format(Locale.ROOT, "  F gap %+.3f", m.freeEnergyGap()));
                }
                double ll = m.exactLogLikelihoodTrain();
                if (!Double.isNaN(ll)) {
                    line.append(String.format(Locale.ROOT, "  exact ll %.3f", ll));
                    double llh = m.exactLogLikelihoodHeldout();
                    if (!Double.isNaN(llh)) {
                        line.append(String.format(Locale.ROOT, " (held-out %.3f)", llh));
                    }
                }
                if (!Double.isNaN(m.aisLogZ())) {
                    line.append(String.format(Locale.ROOT, "  AIS ll %.3f", m.aisLogLikelihoodTrain()));
                    if (!Double.isNaN(m.aisLogLikelihoodHeldout())) {
                        line.append(String.format(Locale.ROOT, " (held-out %.3f)", m.aisLogLikelihoodHeldout()));
                    }
                    line.append(String.format(Locale.ROOT, " ± %.3f", m.aisLogZStderr()));
                }
                out.println(line);
                out.flush();
            }

            @Override
            public void layerDone(int layer, Rbm rbm) {
                onLayerDone.accept(layer, rbm);
            }
        };
    }

    void finish(Path run) {
        out.printf(Locale.ROOT, "done in %.1fs: model, metrics and pictures in %s%n",
                (System.nanoTime() - started) / 1e9, run);
        out.flush();
    }
}
