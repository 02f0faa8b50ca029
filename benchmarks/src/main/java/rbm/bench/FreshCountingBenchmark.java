package rbm.bench;

import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import rbm.count.StateCounter;
import rbm.kernels.Kernels;
import rbm.kernels.KernelsProvider;

/**
 * Counting a sample whose states are nearly all distinct, as a wide layer gives them, in states per second: an empty
 * counter counts random states, growing as they arrive, and is closed. {@link #readout} counts 60,000 states, one
 * read-out of the MNIST training set (what {@code relevance} counts per layer and repeat); {@link #large} 600,000, a
 * larger sample such as {@code relevance --input} takes. {@link CountingBenchmark} counts a stream whose states are all known; here nearly
 * every add is an insert, and the cost of growing (new tables, the first touch of their pages, rehashing) is part of
 * the figure. The baseline is the same {@code HashMap} from a copy of the state's words to a count.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FreshCountingBenchmark {
    private static final int READOUT = 60_000;
    private static final int LARGE = 600_000;

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
        stream = CountingWorkloads.randomStates(bits, LARGE, 7L);
        kernels = KernelsProvider.best();
    }

    @Benchmark
    @OperationsPerInvocation(READOUT)
    public long readout() {
        return count(READOUT);
    }

    @Benchmark
    @OperationsPerInvocation(LARGE)
    public long large() {
        return count(LARGE);
    }

    private long count(int states) {
        if (impl.equals("offheap")) {
            try (StateCounter counter = new StateCounter(bits, kernels)) {
                CountingWorkloads.addAll(counter, stream, states);
                return counter.distinct();
            }
        }
        HashMap<CountingBenchmark.Key, long[]> map = new HashMap<>();
        CountingWorkloads.putAll(map, stream, states, words);
        return map.size();
    }
}
