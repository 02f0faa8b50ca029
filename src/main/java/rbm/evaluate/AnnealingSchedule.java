package rbm.evaluate;

/**
 * The inverse temperatures 0 = β_0 &lt; β_1 &lt; … &lt; β_K = 1 of annealed importance sampling: K steps, each a
 * Gibbs transition at one β and a factor of the importance weight. The classic schedule (Salakhutdinov &amp; Murray
 * 2008) has K = 14,500: 500 steps of 10⁻³ over [0, 0.5], 4,000 of 10⁻⁴ over [0.5, 0.9] and 10,000 of 10⁻⁵ over
 * [0.9, 1], dense near β = 1 where the distributions change fastest. Another K splits its steps between the three
 * segments in the same proportions.
 */
public final class AnnealingSchedule {
    /** K of the classic schedule. */
    public static final int CLASSIC_STEPS = 14_500;
    /** The segments' ends and their share of the steps: 500, 4,000 and 10,000 of 14,500. */
    private static final double[] ENDS = {0.5, 0.9, 1.0};
    private static final int[] CLASSIC_SEGMENT_STEPS = {500, 4_000, 10_000};

    private final double[] betas;

    private AnnealingSchedule(double[] betas) {
        this.betas = betas;
    }

    /** The classic 14,500 steps. */
    public static AnnealingSchedule classic() {
        return of(CLASSIC_STEPS);
    }

    /** K ≥ 2 steps over the classic segments, each segment's share rounded at the cumulative counts. */
    public static AnnealingSchedule of(int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("annealing needs at least 2 steps: " + steps);
        }
        double[] betas = new double[steps + 1];
        int done = 0;
        int classicDone = 0;
        double start = 0;
        for (int s = 0; s < ENDS.length; s++) {
            classicDone += CLASSIC_SEGMENT_STEPS[s];
            int end = s == ENDS.length - 1 ? steps : (int) Math.round((double) steps * classicDone / CLASSIC_STEPS);
            for (int i = 1; i <= end - done; i++) {
                betas[done + i] = start + (ENDS[s] - start) * i / (end - done);
            }
            done = end;
            start = ENDS[s];
        }
        return new AnnealingSchedule(betas);
    }

    /** A schedule of one's own: strictly increasing from 0 to 1, at least 2 steps. */
    public static AnnealingSchedule of(double[] betas) {
        if (betas.length < 3 || betas[0] != 0 || betas[betas.length - 1] != 1) {
            throw new IllegalArgumentException("a schedule runs from β = 0 to β = 1 in at least 2 steps");
        }
        for (int k = 1; k < betas.length; k++) {
            if (!(betas[k] > betas[k - 1])) {
                throw new IllegalArgumentException("β must increase: β_" + k + " = " + betas[k]);
            }
        }
        return new AnnealingSchedule(betas.clone());
    }

    /** K, the number of steps. */
    public int steps() {
        return betas.length - 1;
    }

    /** β_k for 0 ≤ k ≤ K. */
    public double beta(int k) {
        return betas[k];
    }
}
