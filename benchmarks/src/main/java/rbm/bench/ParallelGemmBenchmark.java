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
import org.openjdk.jmh.annotations.TearDown;
import rbm.kernels.Compute;

/**
 * The products of a CD step through {@link Compute}, on 1 and on 2 threads, with the vector kernels: how well the
 * static row split scales. Shapes as in {@link GemmBenchmark}; GFLOP/s = 2mnk × ops/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParallelGemmBenchmark {
    @Param({"NN:100x500x784", "NT:100x784x500", "TN:784x500x100"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    private Compute compute;
    private boolean transA;
    private boolean transB;
    private int m;
    private int n;
    private int k;
    private float[] a;
    private float[] b;
    private float[] c;

    @Setup
    public void setUp() {
        compute = new Compute(Impl.of("vector"), threads);
        Shape s = Shape.parse(shape);
        transA = s.transA();
        transB = s.transB();
        m = s.m();
        n = s.n();
        k = s.k();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        a = Shape.random(rng, m * k);
        b = Shape.random(rng, k * n);
        c = new float[m * n];
    }

    @Benchmark
    public float[] gemm() {
        compute.gemm(transA, transB, m, n, k, 1f, a, b, 0f, c);
        return c;
    }

    @TearDown
    public void tearDown() {
        compute.close();
    }
}
