package rbm.bench;

import java.util.Arrays;
import java.util.HashMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import rbm.count.StateCounter;

/** The states and the two ways of counting them that the counting benchmarks share. */
final class CountingWorkloads {
    /** States per {@link StateCounter#addAll} call, as the read-out counts them. */
    static final int BATCH = 1024;

    private CountingWorkloads() {
    }

    /** {@code n} random states of {@code bits} bits, one after another, ⌈bits / 64⌉ words each. */
    static long[] randomStates(int bits, int n, long seed) {
        int words = (bits + 63) / 64;
        long lastMask = bits % 64 == 0 ? -1L : (1L << (bits % 64)) - 1;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        long[] states = new long[n * words];
        for (int i = 0; i < states.length; i++) {
            states[i] = rng.nextLong() & (i % words == words - 1 ? lastMask : -1L);
        }
        return states;
    }

    /** Counts the first {@code n} states with {@link StateCounter#addAll}, a batch at a time. */
    static void addAll(StateCounter counter, long[] states, int n) {
        int words = counter.words();
        for (int p = 0; p < n; p += BATCH) {
            counter.addAll(states, p * words, Math.min(BATCH, n - p));
        }
    }

    /** The baseline: the first {@code n} states into the map, each key a copy of the state's words. */
    static void putAll(HashMap<CountingBenchmark.Key, long[]> map, long[] states, int n, int words) {
        for (int p = 0; p < n; p++) {
            long[] key = Arrays.copyOfRange(states, p * words, (p + 1) * words);
            map.computeIfAbsent(new CountingBenchmark.Key(key), k -> new long[1])[0]++;
        }
    }
}
