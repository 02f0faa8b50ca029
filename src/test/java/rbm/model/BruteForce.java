package rbm.model;

/**
 * Exact quantities of a tiny RBM by summing over every joint state (v, h), with nothing shared with the production
 * code: p(v, h) = e^−E(v,h) / Z, E(v, h) = −bᵀv − cᵀh − vᵀWh.
 */
final class BruteForce {
    private final Rbm rbm;
    private final double logZ;

    BruteForce(Rbm rbm) {
        this.rbm = rbm;
        double max = Double.NEGATIVE_INFINITY;
        int nv = rbm.visible();
        int nh = rbm.hidden();
        double[] neg = new double[1 << (nv + nh)];
        for (int v = 0; v < 1 << nv; v++) {
            for (int h = 0; h < 1 << nh; h++) {
                neg[v << nh | h] = -energy(v, h);
                max = Math.max(max, neg[v << nh | h]);
            }
        }
        double sum = 0;
        for (double x : neg) {
            sum += Math.exp(x - max);
        }
        this.logZ = max + Math.log(sum);
    }

    double logZ() {
        return logZ;
    }

    double energy(int v, int h) {
        int nv = rbm.visible();
        int nh = rbm.hidden();
        double e = 0;
        for (int i = 0; i < nv; i++) {
            if ((v >> i & 1) == 1) {
                e -= rbm.visibleBias()[i];
                for (int j = 0; j < nh; j++) {
                    if ((h >> j & 1) == 1) {
                        e -= rbm.weights()[i * nh + j];
                    }
                }
            }
        }
        for (int j = 0; j < nh; j++) {
            if ((h >> j & 1) == 1) {
                e -= rbm.hiddenBias()[j];
            }
        }
        return e;
    }

    /** log p(v) = log Σ_h e^−E(v,h) − log Z. */
    double logProbability(int v) {
        double max = Double.NEGATIVE_INFINITY;
        int nh = rbm.hidden();
        for (int h = 0; h < 1 << nh; h++) {
            max = Math.max(max, -energy(v, h));
        }
        double sum = 0;
        for (int h = 0; h < 1 << nh; h++) {
            sum += Math.exp(-energy(v, h) - max);
        }
        return max + Math.log(sum) - logZ;
    }

    /** ⟨v_i h_j⟩ under the model, as a visible × hidden array. */
    double[] modelCorrelations() {
        int nv = rbm.visible();
        int nh = rbm.hidden();
        double[] out = new double[nv * nh];
        for (int v = 0; v < 1 << nv; v++) {
            for (int h = 0; h < 1 << nh; h++) {
                double p = Math.exp(-energy(v, h) - logZ);
                for (int i = 0; i < nv; i++) {
                    for (int j = 0; j < nh; j++) {
                        if ((v >> i & 1) == 1 && (h >> j & 1) == 1) {
                            out[i * nh + j] += p;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** ⟨v_i h_j⟩ with v from the data (as bit patterns) and h from the model's p(h | v), by summing over h. */
    double[] dataCorrelations(int[] data) {
        int nv = rbm.visible();
        int nh = rbm.hidden();
        double[] out = new double[nv * nh];
        for (int v : data) {
            double lp = logProbability(v) + logZ; // log Σ_h e^−E(v,h)
            for (int h = 0; h < 1 << nh; h++) {
                double p = Math.exp(-energy(v, h) - lp);
                for (int i = 0; i < nv; i++) {
                    for (int j = 0; j < nh; j++) {
                        if ((v >> i & 1) == 1 && (h >> j & 1) == 1) {
                            out[i * nh + j] += p / data.length;
                        }
                    }
                }
            }
        }
        return out;
    }
}
