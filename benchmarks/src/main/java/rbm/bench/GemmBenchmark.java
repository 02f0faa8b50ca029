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
import rbm.kernels.Kernels;

/**
 * The three matrix products of contrastive divergence at RBM shapes, one thread, one kernel call per operation.
 * The shape is "FORM:m×n×k": NN is C = A·B (hidden inputs, batch × hidden), NT is C = A·Bᵀ (reconstruction,
 * batch × visible), TN is C = Aᵀ·B (the gradient, visible × hidden, summed over the batch; k = 200 is the trainer's
 * single product over the positive and the negative batch). GFLOP/s = 2mnk × ops/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GemmBenchmark {
    @Param({"NN:100x500x784", "NT:100x784x500", "TN:784x500x100", "TN:784x500x200", "NN:100x250x500",
        "NT:100x500x250", "TN:500x250x100", "NN:100x120x250", "NN:97x131x257"})
    public String shape;

    @Param({"reference", "vector"})
    public String impl;

    private Kernels kernels;
    private Shape product;

    @Setup
    public void setUp() {
        kernels = Impl.of(impl);
        product = new Shape(shape);
    }

    @Benchmark
    public float[] gemm() {
        return product.run(kernels);
    }
}
