package rbm.generate;

import java.nio.file.Path;
import rbm.io.ImageGrid;
import rbm.model.Rbm;

/** The pictures of a run: layer-1 weight filters and generated patterns, as PNG grids. */
public final class Pictures {
    /** Each value of a pattern is a 2 × 2 square of pixels. */
    private static final int PATTERN_SCALE = 2;

    private Pictures() {}

    /** Tile shape for a pattern of n units: the most nearly square h × w with h·w = n (28 × 28 for MNIST). */
    public static int[] tileShape(int n) {
        int h = (int) Math.sqrt(n);
        while (n % h != 0) {
            h--;
        }
        return new int[] {h, n / h};
    }

    /** One tile per hidden unit showing its incoming weights W[·, j], each tile scaled to its own range. */
    public static void writeFilters(Rbm rbm, int maxTiles, Path png) {
        int nv = rbm.visible();
        int count = Math.min(maxTiles, rbm.hidden());
        float[] tiles = new float[count * nv];
        float[] w = rbm.weights();
        for (int j = 0; j < count; j++) {
            for (int i = 0; i < nv; i++) {
                tiles[j * nv + i] = w[i * rbm.hidden() + j];
            }
        }
        int[] shape = tileShape(nv);
        int columns = (int) Math.ceil(Math.sqrt(count));
        ImageGrid.writeGrid(png, tiles, count, shape[0], shape[1], columns, 2, true);
    }

    /** Patterns with values in [0, 1], one tile each. */
    public static void writePatterns(float[] patterns, int count, int width, int columns, Path png) {
        int[] shape = tileShape(width);
        ImageGrid.writeGrid(png, patterns, count, shape[0], shape[1], columns, PATTERN_SCALE, false);
    }

    /** The width and height in pixels of {@link #writePatterns}'s grid. */
    public static long[] patternsSize(int count, int width, int columns) {
        int[] shape = tileShape(width);
        return ImageGrid.imageSize(count, shape[0], shape[1], columns, PATTERN_SCALE);
    }
}
