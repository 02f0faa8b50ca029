package rbm.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import rbm.count.StateCounter;
import rbm.kernels.Kernels;
import rbm.kernels.KernelsProvider;

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
 * Each round also times {@link LeastWork}, the least that any open-addressing counter with exact keys must do for the
 * workload (the hash, the stored key's read and compare, or the slot's and the key's write, with no table to probe or
 * grow and no memory to fault in), and the hashes alone. Prints, for each width and workload, the median nanoseconds
 * per state of each; the median and quartiles of the per-round ratios HashMap time / counter time; and the median of
 * HashMap time / least-work time, the ceiling that no such counter passes on this machine, and the same without the
 * hash (least work − hash), the ceiling of one with a free hash.
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
        System.out.printf(Locale.ROOT, "%-8s %5s %9s %9s %9s %9s %8s %13s %8s %9s%n", "workload", "bits", "counter",
                "HashMap", "least", "hash", "ratio", "quartiles", "ceiling", "w/o hash");
        for (int bits : WIDTHS) {
            int words = (bits + 63) / 64;
            long[] pool = CountingWorkloads.randomStates(bits, KNOWN_DISTINCT, 5L);
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(6L);
            long[] known = new long[KNOWN_ADDS * words];
            int[] ids = new int[KNOWN_ADDS];
            for (int i = 0; i < KNOWN_ADDS; i++) {
                ids[i] = rng.nextInt(KNOWN_DISTINCT);
                System.arraycopy(pool, ids[i] * words, known, i * words, words);
            }
            try (StateCounter counter = new StateCounter(bits, kernels);
                 LeastWork least = new LeastWork(bits, KNOWN_DISTINCT, kernels)) {
                least.store(pool, KNOWN_DISTINCT);
                HashMap<CountingBenchmark.Key, long[]> map = new HashMap<>();
                compare("known", bits, rounds, KNOWN_ADDS, () -> addAll(counter, known, KNOWN_ADDS),
                        () -> put(map, known, KNOWN_ADDS, words), () -> least.known(known, ids, KNOWN_ADDS),
                        () -> least.hashOnly(known, KNOWN_ADDS));
                sink += least.sink();
            }
            long[] fresh = CountingWorkloads.randomStates(bits, LARGE, 7L);
            for (int n : new int[] {READOUT, LARGE}) {
                try (LeastWork least = new LeastWork(bits, n, kernels)) {
                    compare(n == READOUT ? "readout" : "large", bits, rounds, n, () -> countNew(bits, fresh, n),
                            () -> put(new HashMap<>(), fresh, n, words), () -> least.fresh(fresh, n),
                            () -> least.hashOnly(fresh, n));
                    sink += least.sink();
                }
            }
        }
        System.out.printf(Locale.ROOT, "(ns per state, medians of %d rounds, the four timed in turn; ratio = HashMap / counter,"
                + " ceiling = HashMap / least, w/o hash = HashMap / (least − hash))%n", rounds);
        if (sink == 42) {
            System.out.println(); // keeps the counts alive; never true in practice
        }
    }

    /**
     * Warms the four up, then times them in turn for {@code rounds} rounds, starting each round one further along, and
     * prints the medians.
     */
    private void compare(String workload, int bits, int rounds, int states, Runnable counter, Runnable map,
                         Runnable least, Runnable hash) {
        Runnable[] runs = {counter, map, least, hash};
        for (long start = System.nanoTime(); System.nanoTime() - start < 3_000_000_000L; ) {
            for (Runnable r : runs) {
                r.run();
            }
        }
        double[][] t = new double[runs.length][rounds];
        double[] ratio = new double[rounds];
        double[] ceiling = new double[rounds];
        double[] noHash = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < runs.length; k++) {
                int which = (r + k) % runs.length;
                t[which][r] = time(runs[which]) / states;
            }
            ratio[r] = t[1][r] / t[0][r];
            ceiling[r] = t[1][r] / t[2][r];
            noHash[r] = t[1][r] / Math.max(t[2][r] - t[3][r], 0.1);
        }
        for (double[] each : t) {
            Arrays.sort(each);
        }
        Arrays.sort(ratio);
        Arrays.sort(ceiling);
        Arrays.sort(noHash);
        int m = rounds / 2;
        System.out.printf(Locale.ROOT, "%-8s %5d %9.1f %9.1f %9.1f %9.1f %8.1f %6.1f–%-6.1f %8.1f %9.1f%n", workload,
                bits, t[0][m], t[1][m], t[2][m], t[3][m], ratio[m], ratio[rounds / 4], ratio[(3 * rounds) / 4],
                ceiling[m], noHash[m]);
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
