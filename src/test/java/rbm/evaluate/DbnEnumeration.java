package rbm.evaluate;

import java.util.List;
import rbm.model.Rbm;

/**
 * Exact quantities of a tiny deep belief net, by enumerating its layers in double, with nothing shared with the
 * production code. States are bit patterns: bit i of a layer's int is unit i. RBM j (from 1) joins layer j−1 (its
 * visible side) to layer j.
 */
final class DbnEnumeration {
    private final List<Rbm> rbms;
    /** log Σ_h e^{−E(x, h)} of RBM j for every visible state x, by an explicit sum over h. */
    private final double[][] logUnnormalised;
    private final double[] logZ;

    DbnEnumeration(List<Rbm> rbms) {
        this.rbms = rbms;
        this.logUnnormalised = new double[rbms.size()][];
        this.logZ = new double[rbms.size()];
        for (int j = 1; j <= rbms.size(); j++) {
            Rbm rbm = rbms.get(j - 1);
            double[] lu = new double[1 << rbm.visible()];
            double[] terms = new double[1 << rbm.hidden()];
            for (int x = 0; x < lu.length; x++) {
                // −E(x, h) = bᵀx + hᵀ(c + xW)
                double[] up = upInputs(rbm, x);
                double visibleTerm = 0;
                for (int i = 0; i < rbm.visible(); i++) {
                    visibleTerm += (x >> i & 1) * rbm.visibleBias()[i];
                }
                for (int h = 0; h < terms.length; h++) {
                    terms[h] = visibleTerm;
                    for (int k = 0; k < rbm.hidden(); k++) {
                        terms[h] += (h >> k & 1) * up[k];
                    }
                }
                lu[x] = logSumExp(terms);
            }
            logUnnormalised[j - 1] = lu;
            logZ[j - 1] = logSumExp(lu);
        }
    }

    /** log Z of RBM j. */
    double logPartition(int j) {
        return logZ[j - 1];
    }

    /** Exact log p(v) of the net cut at {@code depth}: a sum over every state of layers 1 … depth−1. */
    double logProbability(int depth, int v) {
        // log p(h_{depth−1}) under the prior, then down one directed layer at a time
        double[] logP = new double[logUnnormalised[depth - 1].length];
        for (int x = 0; x < logP.length; x++) {
            logP[x] = logUnnormalised[depth - 1][x] - logZ[depth - 1];
        }
        if (depth == 1) {
            return logP[v];
        }
        for (int j = depth - 1; j >= 2; j--) {
            logP = down(rbms.get(j - 1), logP, 1 << rbms.get(j - 1).visible());
        }
        double[] terms = new double[logP.length];
        for (int h = 0; h < logP.length; h++) {
            terms[h] = logP[h] + logBernoulli(v, downInputs(rbms.getFirst(), h));
        }
        return logSumExp(terms);
    }

    /** log p(x) = log Σ_h p(h) p(x | h) for every state x of the layer below. */
    private static double[] down(Rbm rbm, double[] logP, int states) {
        double[][] inputs = new double[logP.length][];
        for (int h = 0; h < logP.length; h++) {
            inputs[h] = downInputs(rbm, h);
        }
        double[] out = new double[states];
        double[] terms = new double[logP.length];
        for (int x = 0; x < states; x++) {
            for (int h = 0; h < logP.length; h++) {
                terms[h] = logP[h] + logBernoulli(x, inputs[h]);
            }
            out[x] = logSumExp(terms);
        }
        return out;
    }

    /**
     * The exact variational bound at {@code depth}: E_q[log p(v, h_1 … h_{depth−1}) − log q(h_1 … | v)], summed over
     * every path of the upward pass, weighted by its probability under q.
     */
    double bound(int depth, int v) {
        return expectation(depth, 1, v, 0);
    }

    /** E_q over layers j … depth−1 given h_{j−1} = x, with {@code sum} the terms of the layers below. */
    private double expectation(int depth, int j, int x, double sum) {
        if (j == depth) {
            return sum + logUnnormalised[depth - 1][x] - logZ[depth - 1];
        }
        Rbm rbm = rbms.get(j - 1);
        double[] up = upInputs(rbm, x);
        double total = 0;
        for (int h = 0; h < 1 << rbm.hidden(); h++) {
            double logQ = logBernoulli(h, up);
            double logDown = logBernoulli(x, downInputs(rbm, h));
            total += Math.exp(logQ) * expectation(depth, j + 1, h, sum + logDown - logQ);
        }
        return total;
    }

    /** c + xW, the inputs of the hidden units, for visible state x. */
    private static double[] upInputs(Rbm rbm, int x) {
        return inputs(rbm, x, true);
    }

    /** b + Wh, the inputs of the visible units, for hidden state h. */
    private static double[] downInputs(Rbm rbm, int h) {
        return inputs(rbm, h, false);
    }

    private static double[] inputs(Rbm rbm, int state, boolean up) {
        int nh = rbm.hidden();
        float[] bias = up ? rbm.hiddenBias() : rbm.visibleBias();
        double[] z = new double[bias.length];
        for (int u = 0; u < z.length; u++) {
            z[u] = bias[u];
        }
        for (int i = 0; i < rbm.visible(); i++) {
            for (int k = 0; k < nh; k++) {
                if ((state >> (up ? i : k) & 1) == 1) {
                    z[up ? k : i] += rbm.weights()[i * nh + k];
                }
            }
        }
        return z;
    }

    /** log Π_i σ(z_i)^{x_i} (1 − σ(z_i))^{1−x_i}, each factor written out as a probability. */
    private static double logBernoulli(int bits, double[] z) {
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            double p = 1 / (1 + Math.exp(-z[i]));
            sum += Math.log((bits >> i & 1) == 1 ? p : 1 - p);
        }
        return sum;
    }

    private static double logSumExp(double[] xs) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : xs) {
            max = Math.max(max, x);
        }
        double sum = 0;
        for (double x : xs) {
            sum += Math.exp(x - max);
        }
        return max + Math.log(sum);
    }
}
