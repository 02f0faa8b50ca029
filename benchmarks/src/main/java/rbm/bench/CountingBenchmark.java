package rbm.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import rbm.count.StateCounter;
import rbm.kernels.KernelsProvider;

/**
 * Counting states, in states per second: the off-heap {@link StateCounter} against the straightforward Java map, a
 * {@code HashMap} from a key object (a copy of the state's words, as the caller's buffer is reused) to a count.
 * The stream has 2^18 states drawn uniformly from 2^16 distinct ones; after warm-up every state is known, so every
 * add is a hit. That is what a narrow layer gives (a layer of 10 units has at most 1024 states, seen again and again),
 * not a wide one: a layer of 30 units or more gives nearly every MNIST image a state of its own (REPRODUCTION.md), so
 * for wide states this is a stress test of hits, and {@link FreshCountingBenchmark} counts what such a layer gives.
 * Run with {@code -prof gc} for allocation per insert.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CountingBenchmark {
    private static final int STREAM = 1 << 18;
    private static final int DISTINCT = 1 << 16;
    /** States counted per benchmark call. */
    static final int BATCH = 1024;

    @Param({"64", "500", "784"})
    public int bits;

    /** offheap: {@link StateCounter#addAll} on each batch; single: {@link StateCounter#add} one state at a time. */
    @Param({"offheap", "single", "hashmap"})
    public String impl;

    private int words;
    private long[] stream;
    private int position;
    private StateCounter counter;
    private HashMap<Key, long[]> map;

    /** The baseline's key: the words of one state, compared and hashed by content. */
    record Key(long[] words) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(words, k.words);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(words);
        }
    }

    @Setup
    public void setUp() {
        words = (bits + 63) / 64;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        long[] pool = new long[DISTINCT * words];
        long lastMask = bits % 64 == 0 ? -1L : (1L << (bits % 64)) - 1;
        for (int s = 0; s < DISTINCT; s++) {
            for (int w = 0; w < words; w++) {
                pool[s * words + w] = rng.nextLong() & (w == words - 1 ? lastMask : -1L);
            }
        }
        stream = new long[STREAM * words];
        for (int i = 0; i < STREAM; i++) {
            System.arraycopy(pool, rng.nextInt(DISTINCT) * words, stream, i * words, words);
        }
        counter = new StateCounter(bits, KernelsProvider.best());
        map = new HashMap<>();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long count() {
        int p = position;
        if (impl.equals("offheap")) {
            counter.addAll(stream, p * words, BATCH); // BATCH divides STREAM: a batch never wraps
            p = (p + BATCH) & (STREAM - 1);
        } else if (impl.equals("single")) {
            for (int i = 0; i < BATCH; i++) {
                counter.add(stream, p * words);
                p = (p + 1) & (STREAM - 1);
            }
        } else {
            for (int i = 0; i < BATCH; i++) {
                long[] key = Arrays.copyOfRange(stream, p * words, (p + 1) * words);
                map.computeIfAbsent(new Key(key), k -> new long[1])[0]++;
                p = (p + 1) & (STREAM - 1);
            }
        }
        position = p;
        return p;
    }

    @TearDown
    public void tearDown() {
        counter.close();
    }
}
