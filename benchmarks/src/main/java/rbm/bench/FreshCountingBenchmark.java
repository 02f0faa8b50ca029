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
import rbm.kernels.Kernels;
import rbm.kernels.KernelsProvider;
import rbm.relevance.StateCounter;

/**
 * Counting a layer as a wide layer shows it, in states per second: 600,000 states (ten stochastic read-outs of the
 * MNIST training set), nearly all of them distinct, counted from an empty counter, which grows as they arrive, and
 * closed. {@link CountingBenchmark} counts a stream whose states are all known; here nearly every add is an insert,
 * and the cost of growing (new tables, the first touch of their pages, rehashing) is part of the figure. The baseline
 * is the same {@code HashMap} from a copy of the state's words to a count.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FreshCountingBenchmark {
    /** States per benchmark call. */
    static final int STATES = 600_000;
    private static final int BATCH = 1024;

    @Param({"64", "500", "784"})
    public int bits;

    @Param({"offheap", "hashmap"})
    public String impl;

    private int words;
    private long[] stream;
    private Kernels kernels;

    @Setup
    public void setUp() {
        words = (bits + 63) / 64;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        long lastMask = bits % 64 == 0 ? -1L : (1L << (bits % 64)) - 1;
        stream = new long[STATES * words];
        for (int i = 0; i < stream.length; i++) {
            stream[i] = rng.nextLong() & (i % words == words - 1 ? lastMask : -1L);
        }
        kernels = KernelsProvider.best();
    }

    @Benchmark
    @OperationsPerInvocation(STATES)
    public long count() {
        if (impl.equals("offheap")) {
            try (StateCounter counter = new StateCounter(bits, kernels)) {
                for (int p = 0; p < STATES; p += BATCH) {
                    counter.addAll(stream, p * words, Math.min(BATCH, STATES - p));
                }
                return counter.distinct();
            }
        }
        HashMap<CountingBenchmark.Key, long[]> map = new HashMap<>();
        for (int p = 0; p < STATES; p++) {
            long[] key = Arrays.copyOfRange(stream, p * words, (p + 1) * words);
            map.computeIfAbsent(new CountingBenchmark.Key(key), k -> new long[1])[0]++;
        }
        return map.size();
    }
}
