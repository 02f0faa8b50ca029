package rbm.train;

import org.apache.commons.rng.UniformRandomProvider;
import rbm.kernels.Compute;
import rbm.model.ExactLikelihood;
import rbm.model.Rbm;

/**
 * Measures an RBM after each epoch on fixed monitoring rows, so that numbers from different epochs compare:
 * <ul>
 *   <li>reconstruction error: Σ_i (v_i − v̂_i)² per row, averaged over rows, with the mean-field reconstruction
 *       v̂ = σ(σ(vW + c)Wᵀ + b);</li>
 *   <li>pseudo-log-likelihood per visible unit, in nats: the mean over rows of log p(v_i | v_−i) for one fixed
 *       random unit i per row, log σ(F(ṽ) − F(v)) with ṽ = v with unit i flipped. scikit-learn's
 *       {@code score_samples} reports the same estimate multiplied by the number of visible units;</li>
 *   <li>the free-energy gap: mean F(held-out) − mean F(train), which grows when the model over-fits;</li>
 *   <li>for small models, the exact mean log-likelihood log p(v) of the training and held-out rows, in nats;</li>
 *   <li>when asked, the same with log Z estimated by a {@link LikelihoodProbe}, and log Z itself.</li>
 * </ul>
 */
public final class Monitor {
    private final Compute compute;
    private final float[] train;
    private final int trainRows;
    private final float[] heldout;
    private final int heldoutRows;
    private final int visible;
    private final int[] flipUnit;
    private final boolean exact;

    /**
     * @param train   monitoring rows from the training data
     * @param heldout rows not trained on, or null
     * @param exact   compute the exact likelihood when the model is small enough
     */
    public Monitor(Compute compute, float[] train, int trainRows, float[] heldout, int heldoutRows, int visible,
                   UniformRandomProvider rng, boolean exact) {
        this.compute = compute;
        this.train = train;
        this.trainRows = trainRows;
        this.heldout = heldout;
        this.heldoutRows = heldout == null ? 0 : heldoutRows;
        this.visible = visible;
        this.exact = exact;
        this.flipUnit = new int[trainRows];
        for (int r = 0; r < trainRows; r++) {
            flipUnit[r] = rng.nextInt(visible);
        }
    }

    /** The numbers reported after an epoch. NaN where a number does not apply or was not asked for. */
    public record Measurement(double reconstructionError, double pseudoLogLikelihood, double freeEnergyTrain,
                              double freeEnergyHeldout, double freeEnergyGap, double exactLogLikelihoodTrain,
                              double exactLogLikelihoodHeldout, double aisLogZ, double aisLogZStderr,
                              double aisLogLikelihoodTrain, double aisLogLikelihoodHeldout) {
    }

    public Measurement measure(Rbm rbm) {
        return measure(rbm, null);
    }

    /**
     * The measurements with log Z estimated by {@code probe}, which starts from the base rates of the training
     * monitoring rows and draws from streams fixed by {@code seed}.
     */
    public Measurement measure(Rbm rbm, LikelihoodProbe probe, long seed) {
        return measure(rbm, probe.logPartition(rbm, train, trainRows, compute, seed));
    }

    private Measurement measure(Rbm rbm, LikelihoodProbe.Estimate estimate) {
        int nh = rbm.hidden();
        float[] hidden = new float[trainRows * nh];
        float[] recon = new float[trainRows * visible];
        rbm.hiddenProbabilities(compute, train, trainRows, hidden);
        rbm.visibleProbabilities(compute, hidden, trainRows, recon);
        double err = 0;
        for (int i = 0; i < trainRows * visible; i++) {
            double d = train[i] - recon[i];
            err += d * d;
        }
        err /= trainRows;

        double[] fTrain = new double[trainRows];
        rbm.freeEnergies(compute, train, trainRows, hidden, fTrain);
        double pll = pseudoLogLikelihood(rbm, hidden, fTrain);
        double meanTrain = mean(fTrain);
        double meanHeld = Double.NaN;
        if (heldoutRows > 0) {
            double[] fHeld = new double[heldoutRows];
            rbm.freeEnergies(compute, heldout, heldoutRows, new float[heldoutRows * nh], fHeld);
            meanHeld = mean(fHeld);
        }
        double llTrain = Double.NaN;
        double llHeld = Double.NaN;
        if (exact && ExactLikelihood.feasible(rbm)) {
            double logZ = ExactLikelihood.logPartition(rbm, compute);
            llTrain = -meanTrain - logZ;
            llHeld = heldoutRows > 0 ? -meanHeld - logZ : Double.NaN;
        }
        double logZ = estimate == null ? Double.NaN : estimate.logZ();
        return new Measurement(err, pll, meanTrain, meanHeld, meanHeld - meanTrain, llTrain, llHeld, logZ,
                estimate == null ? Double.NaN : estimate.stderr(), -meanTrain - logZ, -meanHeld - logZ);
    }

    /**
     * Flipping unit i changes only two terms of F: −b_i·v_i and the hidden inputs x_j by ±W_ij.
     * {@code inputs} holds vW (without c) for every training row; {@code f} holds F(v).
     */
    private double pseudoLogLikelihood(Rbm rbm, float[] inputs, double[] f) {
        int nh = rbm.hidden();
        float[] w = rbm.weights();
        float[] b = rbm.visibleBias();
        float[] c = rbm.hiddenBias();
        double total = 0;
        for (int r = 0; r < trainRows; r++) {
            int i = flipUnit[r];
            float vi = train[r * visible + i];
            float delta = 1f - 2f * vi; // ṽ_i − v_i for a flip v_i → 1 − v_i
            double flipped = f[r] - b[i] * delta;
            for (int j = 0; j < nh; j++) {
                double x = inputs[r * nh + j] + c[j];
                flipped += Rbm.softplus(x) - Rbm.softplus(x + delta * w[i * nh + j]);
            }
            total += -Rbm.softplus(f[r] - flipped); // log σ(F(ṽ) − F(v))
        }
        return total / trainRows;
    }

    private static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }
}
