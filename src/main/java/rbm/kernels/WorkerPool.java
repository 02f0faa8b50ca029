package rbm.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of threads that run one task over blocks of rows. The partition is static: block t of T always covers
 * rows [n·t/T, n·(t+1)/T), so every output element is computed by the same code in the same order whatever the
 * timing, and results are deterministic for a fixed thread count. The caller runs block 0 itself.
 *
 * <p>A training step makes about ten calls of a few hundred microseconds each, so hand-over latency matters: workers
 * spin briefly on a volatile generation counter before parking, and nothing is allocated per call (a
 * {@link java.util.concurrent.CyclicBarrier} allocates on every trip).
 */
public final class WorkerPool implements AutoCloseable {

    /** Work on rows [from, to) as block {@code block} of {@link #threads()}. */
    @FunctionalInterface
    public interface BlockTask {
        void run(int block, int from, int to);
    }

    /** Below this much work a hand-over to the workers (a few microseconds, more on a busy machine) costs more. */
    public static final long MIN_PARALLEL_WORK = 1L << 17;

    /** Spin iterations before a waiting thread parks: about 20-50 µs on current x86 cores. */
    private static final int SPINS = 20_000;

    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile int generation;
    private volatile boolean closed;
    private volatile Thread caller;
    private BlockTask task;
    private int rows;
    private volatile Throwable failure;

    public WorkerPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
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

    /**
     * Runs {@code task} over [0, n) on the calling thread alone when {@code work} (about the number of
     * floating-point operations) is too small to pay for waking the workers, otherwise as {@link #run(int, BlockTask)}.
     * The choice depends on the sizes only, so results stay deterministic.
     */
    public void run(int n, long work, BlockTask task) {
        if (!parallel(work)) {
            task.run(0, 0, n);
        } else {
            run(n, task);
        }
    }

    /** Whether {@link #run(int, long, BlockTask)} hands this much work to the workers (for n > 1, threads > 1). */
    public boolean parallel(long work) {
        return work >= MIN_PARALLEL_WORK;
    }

    /** Runs {@code task} on all blocks of [0, n) and returns when every block is done. Not reentrant. */
    public void run(int n, BlockTask task) {
        if (threads == 1 || n <= 1) {
            task.run(0, 0, n);
            return;
        }
        this.task = task;
        this.rows = n;
        this.failure = null;
        this.caller = Thread.currentThread();
        pending.set(threads - 1);
        generation++; // volatile write: publishes task and rows to the workers
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        Throwable own = null;
        try {
            runBlock(0);
        } catch (Throwable t) {
            own = t;
        }
        for (int spin = 0; pending.get() != 0; spin++) {
            if (spin < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 100_000L);
            }
        }
        this.task = null;
        Throwable f = own != null ? own : failure;
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
        int seen = 0;
        while (true) {
            for (int spin = 0; generation == seen && !closed; spin++) {
                if (spin < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                runBlock(block);
            } catch (Throwable t) {
                failure = t;
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}
