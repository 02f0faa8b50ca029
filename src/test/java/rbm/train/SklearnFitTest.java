package rbm.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rbm.kernels.Compute;
import rbm.model.Rbm;
import rbm.random.RandomStreams;

/**
 * {@link BatchSchedule#SKLEARN} against a plain transcription, in double precision, of scikit-learn 1.2's
 * {@code BernoulliRBM.fit} and {@code _fit}, fed the uniforms that the trainer's sampling stream gives. Seven rows in
 * batches of 3 make slices [0,3), [3,6), [6,7): a short last batch of one row against three persistent chains, where
 * scikit-learn divides the chains' sums by 1.
 */
class SklearnFitTest {
    static final int ROWS = 7;
    static final int NV = 5;
    static final int NH = 3;
    static final int BATCH = 3;
    static final int EPOCHS = 2;
    static final long SEED = 17;
    static final double LR = 0.5;

    /** Grey levels in [0, 1], or 0/1 values, which the trainer multiplies as sums of rows. */
    static float[] data(boolean binary) {
        UniformRandomProvider rng = RandomStreams.create(5, "sklearn fit test data");
        float[] v = new float[ROWS * NV];
        for (int i = 0; i < v.length; i++) {
            v[i] = binary ? (rng.nextBoolean() ? 1f : 0f) : rng.nextInt(17) / 16f;
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void followsBernoulliRbmFit(boolean binary) {
        float[] v = data(binary);
        TrainingConfig exact = new TrainingConfig(1, true, true, LR, 0, 0, 0, 0, BATCH, 0.5, false,
                BatchSchedule.SKLEARN);
        Rbm start = ContrastiveDivergence.initialise(NV, NH, v, ROWS, exact, RandomStreams.create(SEED, "init"));
        Reference ref = new Reference(start);
        ref.fit(v, RandomStreams.perThread(SEED, "t sampling", 1)[0]);

        double exactError = distance(train(start, exact, v), ref);
        // float32 against float64: about 1e-7 here; a wrong order, slice or divisor moves a weight by 0.3 or more
        assertTrue(exactError < 1e-5, "scikit-learn's schedule is " + exactError + " from the transcription");
        // the shuffled schedule differs, so the comparison can tell them apart
        TrainingConfig shuffled = new TrainingConfig(1, true, true, LR, 0, 0, 0, 0, BATCH, 0.5, false,
                BatchSchedule.SHUFFLED);
        double shuffledError = distance(train(start, shuffled, v), ref);
        assertTrue(shuffledError > 1e-2, "the shuffled schedule is only " + shuffledError + " away");
    }

    private static Rbm train(Rbm start, TrainingConfig config, float[] v) {
        Rbm rbm = start.copy();
        try (Compute compute = Compute.create(1)) {
            ContrastiveDivergence cd = new ContrastiveDivergence(rbm, config, compute, SEED, "t");
            for (int e = 0; e < EPOCHS; e++) {
                cd.trainEpoch(v, ROWS, e, null);
            }
        }
        return rbm;
    }

    /** The largest difference of any weight or bias. */
    private static double distance(Rbm rbm, Reference ref) {
        double worst = 0;
        for (int i = 0; i < NV; i++) {
            worst = Math.max(worst, Math.abs(rbm.visibleBias()[i] - ref.b[i]));
            for (int j = 0; j < NH; j++) {
                worst = Math.max(worst, Math.abs(rbm.weights()[i * NH + j] - ref.w[i][j]));
            }
        }
        for (int j = 0; j < NH; j++) {
            worst = Math.max(worst, Math.abs(rbm.hiddenBias()[j] - ref.c[j]));
        }
        return worst;
    }

    /** scikit-learn's fit, line by line; W is components_ transposed (visible × hidden). */
    static final class Reference {
        final double[][] w = new double[NV][NH];
        final double[] b = new double[NV];
        final double[] c = new double[NH];
        double[][] hSamples = new double[BATCH][NH]; // h_samples_ = np.zeros((batch_size, n_components))

        Reference(Rbm start) {
            for (int i = 0; i < NV; i++) {
                b[i] = start.visibleBias()[i];
                for (int j = 0; j < NH; j++) {
                    w[i][j] = start.weights()[i * NH + j];
                }
            }
            for (int j = 0; j < NH; j++) {
                c[j] = start.hiddenBias()[j];
            }
        }

        void fit(float[] x, UniformRandomProvider rng) {
            int batches = (int) Math.ceil((double) ROWS / BATCH);
            for (int iteration = 0; iteration < EPOCHS; iteration++) {
                // gen_even_slices(n_batches * batch_size, n_batches, n_samples=n_samples)
                int start = 0;
                for (int pack = 0; pack < batches; pack++) {
                    int n = batches * BATCH;
                    int thisN = n / batches + (pack < n % batches ? 1 : 0);
                    int end = Math.min(ROWS, start + thisN);
                    double[][] vPos = new double[end - start][NV];
                    for (int r = start; r < end; r++) {
                        for (int i = 0; i < NV; i++) {
                            vPos[r - start][i] = x[r * NV + i];
                        }
                    }
                    step(vPos, rng);
                    start = end;
                }
            }
        }

        /** {@code _fit}. */
        private void step(double[][] vPos, UniformRandomProvider rng) {
            double[][] hPos = meanHiddens(vPos);
            double[][] vNeg = new double[BATCH][NV]; // _sample_visibles(h_samples_): uniform < σ(h Wᵀ + b)
            for (int r = 0; r < BATCH; r++) {
                double[] u = uniforms(rng, NV);
                for (int i = 0; i < NV; i++) {
                    double p = b[i];
                    for (int j = 0; j < NH; j++) {
                        p += hSamples[r][j] * w[i][j];
                    }
                    vNeg[r][i] = u[i] < sigmoid(p) ? 1 : 0;
                }
            }
            double[][] hNeg = meanHiddens(vNeg);
            double lr = LR / vPos.length;
            for (int i = 0; i < NV; i++) {
                for (int j = 0; j < NH; j++) {
                    double update = 0; // v_posᵀ·h_pos − v_negᵀ·h_neg
                    for (int r = 0; r < vPos.length; r++) {
                        update += vPos[r][i] * hPos[r][j];
                    }
                    for (int r = 0; r < BATCH; r++) {
                        update -= vNeg[r][i] * hNeg[r][j];
                    }
                    w[i][j] += lr * update;
                }
            }
            for (int j = 0; j < NH; j++) {
                c[j] += lr * (columnSum(hPos, j) - columnSum(hNeg, j));
            }
            for (int i = 0; i < NV; i++) {
                b[i] += lr * (columnSum(vPos, i) - columnSum(vNeg, i));
            }
            for (int r = 0; r < BATCH; r++) {
                double[] u = uniforms(rng, NH);
                for (int j = 0; j < NH; j++) {
                    hSamples[r][j] = u[j] < hNeg[r][j] ? 1 : 0;
                }
            }
        }

        private double[][] meanHiddens(double[][] v) {
            double[][] h = new double[v.length][NH];
            for (int r = 0; r < v.length; r++) {
                for (int j = 0; j < NH; j++) {
                    double x = c[j];
                    for (int i = 0; i < NV; i++) {
                        x += v[r][i] * w[i][j];
                    }
                    h[r][j] = sigmoid(x);
                }
            }
            return h;
        }

        private static double columnSum(double[][] m, int col) {
            double s = 0;
            for (double[] row : m) {
                s += row[col];
            }
            return s;
        }

        private static double sigmoid(double x) {
            return 1 / (1 + Math.exp(-x));
        }
    }

    /**
     * One row of uniforms as the trainer's sampler draws them: two from each 64-bit draw, bits 63–40 and 31–8, each
     * times 2^−24, and one from a last draw for an odd count.
     */
    static double[] uniforms(UniformRandomProvider rng, int n) {
        double[] u = new double[n];
        int j = 0;
        for (; j + 1 < n; j += 2) {
            long z = rng.nextLong();
            u[j] = (z >>> 40) * 0x1p-24;
            u[j + 1] = ((int) z >>> 8) * 0x1p-24;
        }
        if (j < n) {
            u[j] = (rng.nextLong() >>> 40) * 0x1p-24;
        }
        return u;
    }
}
