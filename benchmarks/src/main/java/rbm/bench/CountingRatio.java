package rbm.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import rbm.kernels.Kernels;
import rbm.kernels.KernelsProvider;
import rbm.relevance.StateCounter;

/**
 * The off-heap counter against the HashMap baseline, the two measured in turn in one JVM: round after round, one pass
 * of a workload with each (the order swapping every round), and the ratio of each round is that of its two times.
 * JMH measures the two in separate forks minutes apart, and the HashMap's speed swings with its collector from
 * minute to minute, so JMH's ratios mix the two; here each ratio compares passes a fraction of a second apart.
 * The workloads are those of {@link CountingBenchmark} and {@link FreshCountingBenchmark}:
 * <ul>
 *   <li>known: 2^18 adds over 2^16 distinct states, all already counted (both structures persist over the rounds);
 *   <li>readout: 60,000 new states into an empty counter, closed after (one read-out of MNIST);
 *   <li>large: 600,000 new states, the same way.
 * </ul>
 * Prints, for each width and workload, the median nanoseconds per state of each and the median and quartiles of the
 * per-round ratios HashMap time / counter time.
 *
 * <pre>java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED
 *     -cp benchmarks.jar:rbm.jar rbm.bench.CountingRatio [rounds]</pre>
 */
public final class CountingRatio {
    private static final int[] WIDTHS = {64, 500, 784};
    private static final int KNOWN_ADDS = 1 << 18;
    private static final int KNOWN_DISTINCT = 1 << 16;
    private static final int READOUT = 60_000;
    private static final int LARGE = 600_000;

    private final Kernels kernels = KernelsProvider.best();
    private long sink;

    private CountingRatio() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Rounds.parse("CountingRatio", args[0]) : 11;
        new CountingRatio().run(rounds);
    }

    private void run(int rounds) {
        System.out.printf(Locale.ROOT, "%-8s %6s %12s %12s %8s %13s   (ns per state; %d rounds, the two in turn)%n",
                "workload", "bits", "counter", "HashMap", "ratio", "quartiles", rounds);
        for (int bits : WIDTHS) {
            int words = (bits + 63) / 64;
            long[] pool = CountingWorkloads.randomStates(bits, KNOWN_DISTINCT, 5L);
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(6L);
            long[] known = new long[KNOWN_ADDS * words];
            for (int i = 0; i < KNOWN_ADDS; i++) {
                System.arraycopy(pool, rng.nextInt(KNOWN_DISTINCT) * words, known, i * words, words);
            }
            try (StateCounter counter = new StateCounter(bits, kernels)) {
                HashMap<CountingBenchmark.Key, long[]> map = new HashMap<>();
                compare("known", bits, rounds, () -> addAll(counter, known, KNOWN_ADDS),
                        () -> put(map, known, KNOWN_ADDS, words), KNOWN_ADDS);
            }
            long[] fresh = CountingWorkloads.randomStates(bits, LARGE, 7L);
            compare("readout", bits, rounds, () -> countNew(bits, fresh, READOUT),
                    () -> put(new HashMap<>(), fresh, READOUT, words), READOUT);
            compare("large", bits, rounds, () -> countNew(bits, fresh, LARGE),
                    () -> put(new HashMap<>(), fresh, LARGE, words), LARGE);
        }
        if (sink == 42) {
            System.out.println(); // keeps the counts alive; never true in practice
        }
    }

    /** Warms both up, then times them in turn for {@code rounds} rounds and prints the medians. */
    private void compare(String workload, int bits, int rounds, Runnable counter, Runnable map, int states) {
        for (long start = System.nanoTime(); System.nanoTime() - start < 3_000_000_000L; ) {
            counter.run();
            map.run();
        }
        double[] tc = new double[rounds];
        double[] tm = new double[rounds];
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                tc[r] = time(counter) / states;
                tm[r] = time(map) / states;
            } else {
                tm[r] = time(map) / states;
                tc[r] = time(counter) / states;
            }
            ratio[r] = tm[r] / tc[r];
        }
        Arrays.sort(tc);
        Arrays.sort(tm);
        Arrays.sort(ratio);
        System.out.printf(Locale.ROOT, "%-8s %6d %12.1f %12.1f %8.1f %6.1f–%-6.1f%n", workload, bits, tc[rounds / 2],
                tm[rounds / 2], ratio[rounds / 2], ratio[rounds / 4], ratio[(3 * rounds) / 4]);
    }

    private static double time(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return System.nanoTime() - start;
    }

    private void addAll(StateCounter counter, long[] states, int n) {
        CountingWorkloads.addAll(counter, states, n);
        sink += counter.total();
    }

    private void countNew(int bits, long[] states, int n) {
        try (StateCounter counter = new StateCounter(bits, kernels)) {
            addAll(counter, states, n);
        }
    }

    private void put(HashMap<CountingBenchmark.Key, long[]> map, long[] states, int n, int words) {
        CountingWorkloads.putAll(map, states, n, words);
        sink += map.size();
    }
}
