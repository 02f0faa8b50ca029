package rbm.model;

/** Lets tests in other packages use the enumeration helpers of this package. */
public final class BruteForceAccess {
    private BruteForceAccess() {}

    public static Rbm randomRbm(int nv, int nh, double scale, long seed) {
        return ExactLikelihoodTest.randomRbm(nv, nh, scale, seed);
    }

    /** ∂⟨log p(v)⟩/∂W for the data patterns, by enumeration. */
    public static double[] exactGradient(Rbm rbm, int[] data) {
        BruteForce bf = new BruteForce(rbm);
        double[] pos = bf.dataCorrelations(data);
        double[] neg = bf.modelCorrelations();
        for (int i = 0; i < pos.length; i++) {
            pos[i] -= neg[i];
        }
        return pos;
    }

    public static double logProbability(Rbm rbm, int v) {
        return new BruteForce(rbm).logProbability(v);
    }
}
