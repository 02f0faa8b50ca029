package rbm.evaluate;

import rbm.model.Rbm;

/**
 * The start of annealing: an RBM with no weights and no hidden biases, whose visible biases give each unit the
 * data's marginal, b_i = log(p_i / (1 − p_i)) with p_i = (count_i + 1) / (M + 2) (Laplace's rule, so that a unit
 * never on in M rows gets a finite bias). Its units are independent, so its partition function is exact:
 * log Z_A = n_h·log 2 + Σ_i softplus(b_i).
 *
 * @param visibleBias b, one per visible unit
 */
public record BaseRateModel(float[] visibleBias) {

    /** The base rates of {@code rows} rows of {@code data}, {@code visible} wide. */
    public static BaseRateModel fromData(float[] data, int rows, int visible) {
        if (rows < 1 || data.length < (long) rows * visible) {
            throw new IllegalArgumentException("the base rates need at least one row of " + visible + " values");
        }
        double[] counts = new double[visible];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < visible; i++) {
                counts[i] += data[r * visible + i];
            }
        }
        float[] bias = new float[visible];
        for (int i = 0; i < visible; i++) {
            double p = (counts[i] + 1) / (rows + 2.0);
            bias[i] = (float) Math.log(p / (1 - p));
        }
        return new BaseRateModel(bias);
    }

    public int visible() {
        return visibleBias.length;
    }

    /** log Z_A of the base model with {@code hidden} hidden units, in nats. */
    public double logPartition(int hidden) {
        double logZ = hidden * Math.log(2);
        for (float b : visibleBias) {
            logZ += Rbm.softplus(b);
        }
        return logZ;
    }
}
