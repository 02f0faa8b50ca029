package rbm.bench;

import java.util.Arrays;
import java.util.Locale;
import rbm.kernels.Compute;

/**
 * How much faster each product runs on 2 threads than on 1, with the two measured in turn in one JVM: round after
 * round, a block of products on 1 thread, then a block on 2 (the order swapping every round), and the speed-up of
 * each round is the ratio of its two blocks. On a shared machine the load changes from minute to minute; JMH's
 * {@code ParallelGemmBenchmark} runs its 1-thread and its 2-thread trials minutes apart, so their ratio mixes the
 * speed-up with that change, while two blocks a tenth of a second apart see nearly the same load. Prints, for each
 * shape, the median GFLOP/s on 1 and 2 threads and the median and quartiles of the per-round speed-ups.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp benchmarks.jar:rbm.jar rbm.bench.ThreadSpeedup [rounds] [shape...]</pre>
 */
public final class ThreadSpeedup {
    private static final String[] SHAPES = {"NN:100x500x784", "NT:100x784x500", "TN:784x500x100", "TN:784x500x200"};
    /** Nanoseconds per block: long enough to average over scheduling, short enough that the load barely moves. */
    private static final long BLOCK_NANOS = 100_000_000L;

    private ThreadSpeedup() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Rounds.parse("ThreadSpeedup", args[0]) : 21;
        String[] shapes = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length) : SHAPES;
        System.out.printf(Locale.ROOT, "%-16s %9s %9s %9s %17s   (GFLOP/s; %d rounds of 1T and 2T blocks in turn)%n",
                "shape", "1T", "2T", "2T/1T", "quartiles", rounds);
        try (Compute one = Compute.create(1); Compute two = Compute.create(2)) {
            for (String spec : shapes) {
                Shape shape = shape(spec);
                double flops = 2.0 * shape.m * shape.n * shape.k;
                // warm-up, then the number of products that fills a block on one thread
                for (long start = System.nanoTime(); System.nanoTime() - start < 2_000_000_000L; ) {
                    block(shape, one, 20);
                    block(shape, two, 20);
                }
                double single = block(shape, one, 50) / 50;
                int reps = (int) Math.max(1, BLOCK_NANOS / single);
                double[] t1 = new double[rounds];
                double[] t2 = new double[rounds];
                double[] speedup = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    if (r % 2 == 0) {
                        t1[r] = block(shape, one, reps) / reps;
                        t2[r] = block(shape, two, reps) / reps;
                    } else {
                        t2[r] = block(shape, two, reps) / reps;
                        t1[r] = block(shape, one, reps) / reps;
                    }
                    speedup[r] = t1[r] / t2[r];
                }
                Arrays.sort(t1);
                Arrays.sort(t2);
                Arrays.sort(speedup);
                System.out.printf(Locale.ROOT, "%-16s %9.1f %9.1f %9.2f %8.2f–%-8.2f%n", spec,
                        flops / median(t1), flops / median(t2), median(speedup),
                        speedup[rounds / 4], speedup[(3 * rounds) / 4]);
            }
        }
    }

    private static Shape shape(String spec) {
        try {
            return new Shape(spec);
        } catch (RuntimeException e) {
            System.err.println("ThreadSpeedup: shape '" + spec + "' is not FORM:mxnxk (FORM one of NN, NT, TN, TT)");
            System.exit(2);
            return null;
        }
    }

    /** Nanoseconds for {@code reps} products. */
    private static double block(Shape shape, Compute compute, int reps) {
        long start = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            shape.run(compute);
        }
        return System.nanoTime() - start;
    }

    private static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }
}
