package rbm.kernels;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * A fixed set of threads that run one task over blocks of rows. The partition is static: block t of T always covers
 * rows [n·t/T, n·(t+1)/T), so every output element is computed by the same code in the same order whatever the
 * timing, and results are deterministic for a fixed thread count. The caller runs block 0 itself.
 */
public final class WorkerPool implements AutoCloseable {

    /** Work on rows [from, to) as block {@code block} of {@link #threads()}. */
    @FunctionalInterface
    public interface BlockTask {
        void run(int block, int from, int to);
    }

    private final int threads;
    private final Thread[] workers;
    private final CyclicBarrier start;
    private final CyclicBarrier done;
    private volatile BlockTask task;
    private volatile int rows;
    private volatile boolean closed;
    private volatile Throwable failure;

    public WorkerPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
        this.start = new CyclicBarrier(threads);
        this.done = new CyclicBarrier(threads);
        this.workers = new Thread[threads - 1];
        for (int t = 1; t < threads; t++) {
            int block = t;
            Thread worker = new Thread(() -> workLoop(block), "rbm-worker-" + t);
            worker.setDaemon(true);
            workers[t - 1] = worker;
            worker.start();
        }
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code task} on all blocks of [0, n) and returns when every block is done. */
    public void run(int n, BlockTask task) {
        if (threads == 1) {
            task.run(0, 0, n);
            return;
        }
        this.task = task;
        this.rows = n;
        this.failure = null;
        await(start);
        try {
            runBlock(0);
        } finally {
            await(done);
            this.task = null;
        }
        Throwable f = failure;
        if (f instanceof RuntimeException re) {
            throw re;
        } else if (f instanceof Error err) {
            throw err;
        } else if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    private void runBlock(int block) {
        int n = rows;
        int from = (int) ((long) n * block / threads);
        int to = (int) ((long) n * (block + 1) / threads);
        if (from < to) {
            task.run(block, from, to);
        }
    }

    private void workLoop(int block) {
        while (true) {
            await(start);
            if (closed) {
                return;
            }
            try {
                runBlock(block);
            } catch (Throwable t) {
                failure = t;
            }
            await(done);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("worker pool broken", e);
        }
    }

    @Override
    public void close() {
        if (closed || threads == 1) {
            closed = true;
            return;
        }
        closed = true;
        try {
            start.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            Thread.currentThread().interrupt();
        }
    }
}
