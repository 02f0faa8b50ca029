package rbm.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import rbm.kernels.Kernels;

/**
 * The element-wise work of a CD step on a batch of 100 × 500 hidden units: bias plus sigmoid, fused, then
 * Bernoulli sampling against uniforms drawn beforehand. Also the bit packing and hashing of 100 states of 784 units.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ElementwiseBenchmark {
    @Param({"reference", "vector"})
    public String impl;

    private static final int ROWS = 100;
    private static final int COLS = 500;
    private static final int BITS = 784;

    private Kernels kernels;
    private float[] x;
    private float[] bias;
    private float[] p;
    private float[] u;
    private float[] s;
    private float[] states;
    private long[] words;

    @Setup
    public void setUp() {
        kernels = Impl.of(impl);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2L);
        x = new float[ROWS * COLS];
        bias = new float[COLS];
        p = new float[ROWS * COLS];
        u = new float[ROWS * COLS];
        s = new float[ROWS * COLS];
        for (int i = 0; i < x.length; i++) {
            x[i] = 8 * rng.nextFloat() - 4;
            u[i] = rng.nextFloat();
        }
        for (int j = 0; j < COLS; j++) {
            bias[j] = rng.nextFloat() - 0.5f;
        }
        states = new float[ROWS * BITS];
        for (int i = 0; i < states.length; i++) {
            states[i] = rng.nextFloat();
        }
        words = new long[ROWS * ((BITS + 63) / 64)];
    }

    @Benchmark
    public float[] sigmoidBiasAndSample() {
        kernels.sigmoidBias(x, bias, p, 0, ROWS, COLS);
        kernels.bernoulli(p, u, 0, s, 0, ROWS * COLS);
        return s;
    }

    @Benchmark
    public long packAndHash() {
        int w = (BITS + 63) / 64;
        long h = 0;
        for (int r = 0; r < ROWS; r++) {
            kernels.packBits(states, r * BITS, BITS, 0.5f, words, r * w);
            h ^= kernels.hash(words, r * w, w);
        }
        return h;
    }
}
