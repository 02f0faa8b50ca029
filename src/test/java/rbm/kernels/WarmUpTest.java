package rbm.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WarmUpTest {
    /** A product at a training shape, before and after a warm-up on another thread and on this one: same bits. */
    @Test
    void warmingUpRunsEveryKernelAndChangesNoResult() throws InterruptedException {
        for (Kernels k : new Kernels[] {KernelsProvider.reference(), KernelsProvider.best()}) {
            Random rng = new Random(2);
            float[] a = new float[30 * 70];
            float[] b = new float[70 * 90];
            for (int i = 0; i < a.length; i++) {
                a[i] = rng.nextFloat() - 0.5f;
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = rng.nextFloat() - 0.5f;
            }
            float[] before = new float[30 * 90];
            k.gemm(false, false, 30, 90, 70, 1f, a, 0, 70, b, 0, 90, 0f, before, 0, 90);
            Thread t = WarmUp.start(k);
            WarmUp.run(k); // the kernels concurrently on two threads, and on this thread's own buffers
            t.join();
            float[] after = new float[30 * 90];
            k.gemm(false, false, 30, 90, 70, 1f, a, 0, 70, b, 0, 90, 0f, after, 0, 90);
            assertArrayEquals(before, after, k.name());
            assertFalse(t.isAlive());
        }
    }
}
