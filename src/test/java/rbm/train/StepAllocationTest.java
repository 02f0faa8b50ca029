package rbm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import rbm.kernels.Compute;
import rbm.model.Rbm;
import rbm.random.RandomStreams;

/**
 * A CD mini-batch step allocates nothing once warm: every buffer, task and random stream is made up front. Measured
 * with the JVM's per-thread allocation counters, on the calling thread and on the workers.
 */
class StepAllocationTest {

    /** Bytes allocated so far by this thread and the workers; reads counters only, so it allocates nothing. */
    private static long allocated(com.sun.management.ThreadMXBean bean, long[] workers) {
        long sum = bean.getCurrentThreadAllocatedBytes();
        for (long id : workers) {
            sum += bean.getThreadAllocatedBytes(id);
        }
        return sum;
    }

    private static long[] workerIds() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("rbm-worker"))
                .mapToLong(Thread::threadId).toArray();
    }

    @Test
    void steadyStateStepsAllocateNothing() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int batch = 100;
        float[] data = new float[batch * 784];
        for (int i = 0; i < data.length; i += 7) {
            data[i] = 1f;
        }
        int[] order = new int[batch];
        for (int i = 0; i < batch; i++) {
            order[i] = i;
        }
        for (TrainingConfig config : new TrainingConfig[] {TrainingConfig.hinton(), TrainingConfig.sklearn()}) {
            try (Compute compute = Compute.create(2)) {
                Rbm rbm = ContrastiveDivergence.initialise(784, 200, data, batch, config, RandomStreams.create(1, "a"));
                ContrastiveDivergence cd = new ContrastiveDivergence(rbm, config, compute, 1, "alloc");
                int size = Math.min(batch, config.batchSize());
                for (int i = 0; i < 300; i++) {
                    cd.trainBatch(data, order, 0, size, 10); // warm up: JIT, thread-local buffers
                }
                long[] workers = workerIds();
                org.junit.jupiter.api.Assertions.assertTrue(workers.length >= 1, "the worker thread is measured too");
                long before = allocated(bean, workers);
                for (int i = 0; i < 200; i++) {
                    cd.trainBatch(data, order, 0, size, 10);
                }
                long after = allocated(bean, workers);
                assertEquals(0, after - before, "bytes allocated by 200 steps, " + (config.persistent() ? "PCD" : "CD"));
            }
        }
    }
}
