package rbm.bench;

import java.util.concurrent.TimeUnit;
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
    @Param({"NN:100x500x784", "NT:100x784x500", "TN:784x500x100", "TN:784x500x200"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    private Compute compute;
    private Shape product;

    @Setup
    public void setUp() {
        compute = new Compute(Impl.of("vector"), threads);
        product = new Shape(shape);
    }

    @Benchmark
    public float[] gemm() {
        return product.run(compute);
    }

    @TearDown
    public void tearDown() {
        compute.close();
    }
}
