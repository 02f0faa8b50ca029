package rbm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rbm.kernels.BinaryRows;
import rbm.kernels.Kernels;
import rbm.kernels.KernelsProvider;

class BatchGatherTest {
    private static final int COLS = 97; // not a multiple of 64 nor of a vector: every row ends in a partial word
    private static final int ROWS = 300;

    private static float[] binary(Random rng) {
        float[] data = new float[ROWS * COLS];
        for (int i = 0; i < data.length; i++) {
            data[i] = rng.nextInt(3) == 0 ? 1f : 0f;
        }
        return data;
    }

    /** The rows as System.arraycopy copies them: the truth either path must give. */
    private static float[] copied(float[] data, int[] order, int from, int size) {
        float[] out = new float[size * COLS];
        for (int r = 0; r < size; r++) {
            System.arraycopy(data, order[from + r] * COLS, out, r * COLS, COLS);
        }
        return out;
    }

    private static int[] order(Random rng) {
        int[] order = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            order[i] = rng.nextInt(ROWS);
        }
        return order;
    }

    @Test
    void binaryDataArePackedAndGiveTheSameRows() {
        Random rng = new Random(3);
        float[] data = binary(rng);
        int[] order = order(rng);
        for (Kernels kernels : new Kernels[] {KernelsProvider.reference(), KernelsProvider.best()}) {
            BatchGather gather = new BatchGather(kernels, COLS);
            float[] out = new float[40 * COLS];
            gather.gather(data, order, 17, 40, out);
            assertTrue(gather.packs(), kernels.name());
            assertArrayEquals(copied(data, order, 17, 40), out, kernels.name());
            gather.gather(data, order, 260, 40, out);
            assertArrayEquals(copied(data, order, 260, 40), out, kernels.name());
        }
    }

    /** After prepare, the epoch's own order reads the reordered copy; any other order array still gets its rows. */
    @Test
    void preparedOrderGivesTheSameRows() {
        Random rng = new Random(6);
        float[] data = binary(rng);
        int[] order = order(rng);
        int[] other = order(rng);
        for (Kernels kernels : new Kernels[] {KernelsProvider.reference(), KernelsProvider.best()}) {
            BatchGather gather = new BatchGather(kernels, COLS);
            gather.prepare(data, order);
            float[] out = new float[100 * COLS];
            for (int from = 0; from < ROWS; from += 100) {
                gather.gather(data, order, from, 100, out);
                assertArrayEquals(copied(data, order, from, 100), out, kernels.name() + " from " + from);
                gather.gather(data, other, from, 100, out);
                assertArrayEquals(copied(data, other, from, 100), out, kernels.name() + " other order, from " + from);
            }
            float[] grey = binary(rng);
            grey[5] = 0.5f;
            gather.prepare(grey, order); // not binary: copied, whatever the order
            gather.gather(grey, order, 100, 100, out);
            assertArrayEquals(copied(grey, order, 100, 100), out, kernels.name() + " grey");
        }
    }

    @Test
    void dataThatAreNotAllZeroOrOneAreCopied() {
        Random rng = new Random(4);
        int[] order = order(rng);
        for (float odd : new float[] {0.5f, -0f, 2f, Float.NaN}) {
            float[] data = binary(rng);
            data[rng.nextInt(data.length)] = odd;
            BatchGather gather = new BatchGather(KernelsProvider.best(), COLS);
            float[] out = new float[ROWS * COLS];
            gather.gather(data, order, 0, ROWS, out);
            assertFalse(gather.packs(), "a value " + odd);
            assertArrayEquals(copied(data, order, 0, ROWS), out, "a value " + odd);
        }
    }

    @Test
    void anotherArrayIsLookedAtAfresh() {
        Random rng = new Random(5);
        int[] order = order(rng);
        BatchGather gather = new BatchGather(KernelsProvider.best(), COLS);
        float[] out = new float[10 * COLS];
        float[] grey = binary(rng);
        grey[0] = 0.25f;
        gather.gather(grey, order, 0, 10, out);
        assertFalse(gather.packs());
        float[] data = binary(rng);
        gather.gather(data, order, 0, 10, out);
        assertTrue(gather.packs());
        assertArrayEquals(copied(data, order, 0, 10), out);
    }

    /** The index lists from the packed bits are those of the gathered rows, in both the prepared and any other order. */
    @Test
    void onesListTheGatheredRows() {
        Random rng = new Random(9);
        float[] data = binary(rng);
        int[] order = order(rng);
        BatchGather gather = new BatchGather(KernelsProvider.best(), COLS);
        BinaryRows fromBits = new BinaryRows(40, COLS);
        BinaryRows fromFloats = new BinaryRows(40, COLS);
        int[] prepared = order.clone();
        gather.prepare(data, prepared);
        for (int[] o : new int[][] {prepared, order}) {
            float[] out = new float[40 * COLS];
            gather.gather(data, o, 100, 40, out);
            assertTrue(gather.ones(data, o, 100, 40, fromBits));
            assertTrue(fromFloats.setFromFloats(out, 0, 40, COLS));
            assertArrayEquals(Arrays.copyOf(fromFloats.start(), 41), Arrays.copyOf(fromBits.start(), 41));
            assertArrayEquals(Arrays.copyOf(fromFloats.index(), fromFloats.ones()),
                    Arrays.copyOf(fromBits.index(), fromBits.ones()));
        }
        float[] grey = data.clone();
        grey[5] = 0.5f;
        assertFalse(gather.ones(grey, order, 0, 40, fromBits), "not 0/1: no lists");
    }
}
