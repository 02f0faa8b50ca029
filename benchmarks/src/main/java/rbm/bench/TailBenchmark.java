package rbm.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
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

/**
 * Two forms of an element-wise vector loop over rows of an odd length, with the same body: {@code masked} runs every
 * pass with a mask ({@code S.indexInRange}), {@code tail} runs whole vectors up to {@code S.loopBound(n)} and the rest
 * one by one. The kernels of {@code rbm.kernels.VectorElementwise} and {@code VectorBits} use the tail form; this
 * benchmark is the figure behind that choice. The bodies are those of the kernels: bias plus sigmoid (with the
 * polynomial e^x), Bernoulli sampling, and packing bits, on 100 rows of {@code cols} values.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TailBenchmark {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private static final FloatVector ZERO = FloatVector.zero(S);
    private static final float[] TAYLOR = {1f / 720, 1f / 120, 1f / 24, 1f / 6, 0.5f, 1f, 1f};
    private static final int ROWS = 100;

    @Param({"masked", "tail"})
    public String form;

    /** Values per row: odd, so that every row ends in a partial vector. */
    @Param({"499", "783"})
    public int cols;

    private float[] x;
    private float[] bias;
    private float[] u;
    private float[] out;
    private long[] words;

    @Setup
    public void setUp() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        x = new float[ROWS * cols];
        u = new float[ROWS * cols];
        out = new float[ROWS * cols];
        bias = new float[cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = 8 * rng.nextFloat() - 4;
            u[i] = rng.nextFloat();
        }
        for (int j = 0; j < cols; j++) {
            bias[j] = rng.nextFloat() - 0.5f;
        }
        words = new long[ROWS * ((cols + 63) / 64)];
    }

    @Benchmark
    public float[] sigmoidBias() {
        boolean masked = form.equals("masked");
        for (int r = 0; r < ROWS; r++) {
            if (masked) {
                sigmoidMasked(r * cols);
            } else {
                sigmoidTail(r * cols);
            }
        }
        return out;
    }

    private void sigmoidMasked(int base) {
        for (int j = 0; j < cols; j += L) {
            VectorMask<Float> in = S.indexInRange(j, cols);
            FloatVector z = FloatVector.fromArray(S, x, base + j, in).add(FloatVector.fromArray(S, bias, j, in));
            ONE.div(exp(z.neg()).add(1f)).intoArray(out, base + j, in);
        }
    }

    private void sigmoidTail(int base) {
        int j = 0;
        for (; j < S.loopBound(cols); j += L) {
            FloatVector z = FloatVector.fromArray(S, x, base + j).add(FloatVector.fromArray(S, bias, j));
            ONE.div(exp(z.neg()).add(1f)).intoArray(out, base + j);
        }
        for (; j < cols; j++) {
            out[base + j] = 1f / (exp(-(x[base + j] + bias[j])) + 1f);
        }
    }

    @Benchmark
    public float[] bernoulli() {
        int n = ROWS * cols;
        if (form.equals("masked")) {
            for (int i = 0; i < n; i += L) {
                VectorMask<Float> in = S.indexInRange(i, n);
                VectorMask<Float> on = FloatVector.fromArray(S, u, i, in).lt(FloatVector.fromArray(S, x, i, in));
                ZERO.blend(ONE, on).intoArray(out, i, in);
            }
            return out;
        }
        int i = 0;
        for (; i < S.loopBound(n); i += L) {
            VectorMask<Float> on = FloatVector.fromArray(S, u, i).lt(FloatVector.fromArray(S, x, i));
            ZERO.blend(ONE, on).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = u[i] < x[i] ? 1f : 0f;
        }
        return out;
    }

    @Benchmark
    public long[] packBits() {
        int w = (cols + 63) / 64;
        Arrays.fill(words, 0L);
        boolean masked = form.equals("masked");
        for (int r = 0; r < ROWS; r++) {
            int off = r * cols;
            int at = r * w;
            if (masked) {
                for (int i = 0; i < cols; i += L) {
                    VectorMask<Float> in = S.indexInRange(i, cols);
                    long bits = FloatVector.fromArray(S, x, off + i, in).compare(VectorOperators.GT, 0f, in).toLong();
                    words[at + (i >>> 6)] |= bits << (i & 63);
                }
                continue;
            }
            int i = 0;
            for (; i < S.loopBound(cols); i += L) {
                long bits = FloatVector.fromArray(S, x, off + i).compare(VectorOperators.GT, 0f).toLong();
                words[at + (i >>> 6)] |= bits << (i & 63);
            }
            for (; i < cols; i++) {
                if (x[off + i] > 0f) {
                    words[at + (i >>> 6)] |= 1L << (i & 63);
                }
            }
        }
        return words;
    }

    /** The kernels' e^x: 2^k · (Taylor polynomial of degree 7 at r = x − k ln 2), with x clamped to [−87.3, 88.3]. */
    private static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(-87.3f).min(88.3f);
        FloatVector k = xc.mul(1.44269504f).add(12582912f).sub(12582912f);
        FloatVector p = FloatVector.broadcast(S, 1f / 5040);
        FloatVector r = k.fma(FloatVector.broadcast(S, -0.693359375f), xc).sub(k.mul(-2.12194440e-4f));
        for (float c : TAYLOR) {
            p = p.fma(r, FloatVector.broadcast(S, c));
        }
        IntVector e = ((IntVector) k.convert(VectorOperators.F2I, 0)).add(127).lanewise(VectorOperators.LSHL, 23);
        return p.mul(e.reinterpretAsFloats());
    }

    /** One lane of {@link #exp(FloatVector)}. */
    private static float exp(float x) {
        float xc = Math.min(Math.max(x, -87.3f), 88.3f);
        float k = xc * 1.44269504f + 12582912f - 12582912f;
        float r = Math.fma(k, -0.693359375f, xc) - k * -2.12194440e-4f;
        float p = 1f / 5040;
        for (float c : TAYLOR) {
            p = Math.fma(p, r, c);
        }
        return p * Float.intBitsToFloat(((int) k + 127) << 23);
    }
}
