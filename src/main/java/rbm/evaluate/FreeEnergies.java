package rbm.evaluate;

import rbm.kernels.Compute;
import rbm.model.Rbm;

/** F(v) of many rows, a block of rows at a time so that the scratch stays small. */
final class FreeEnergies {
    private static final int BLOCK = 1024;

    private FreeEnergies() {}

    /** F(v) for each of the {@code rows} rows of {@code v}. */
    static double[] of(Rbm rbm, Compute compute, float[] v, int rows) {
        int nv = rbm.visible();
        if (v.length < (long) rows * nv) {
            throw new IllegalArgumentException(rows + " rows of " + nv + " values do not fit " + v.length);
        }
        double[] out = new double[rows];
        int block = Math.min(rows, BLOCK);
        float[] rowsV = new float[block * nv];
        float[] scratch = new float[block * rbm.hidden()];
        double[] f = new double[block];
        for (int first = 0; first < rows; first += block) {
            int n = Math.min(block, rows - first);
            System.arraycopy(v, first * nv, rowsV, 0, n * nv);
            rbm.freeEnergies(compute, rowsV, n, scratch, f);
            System.arraycopy(f, 0, out, first, n);
        }
        return out;
    }
}
