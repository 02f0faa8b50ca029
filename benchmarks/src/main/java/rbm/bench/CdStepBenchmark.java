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
import rbm.model.Rbm;
import rbm.random.RandomStreams;
import rbm.train.ContrastiveDivergence;
import rbm.train.TrainingConfig;

/**
 * One whole CD-1 mini-batch step of a 784-500 RBM with batch 100 (Hinton's recipe), on binary MNIST-like input:
 * three products, the sigmoids, the sampling and the parameter update. 600 of these make an epoch of MNIST.
 * Run with {@code -prof gc} to see that a step allocates nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CdStepBenchmark {
    @Param({"reference", "vector"})
    public String impl;

    @Param({"1", "2"})
    public int threads;

    private static final int BATCH = 100;
    private Compute compute;
    private ContrastiveDivergence cd;
    private float[] data;
    private int[] order;

    @Setup
    public void setUp() {
        compute = new Compute(Impl.of(impl), threads);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        data = new float[BATCH * 784];
        for (int i = 0; i < data.length; i++) {
            data[i] = rng.nextFloat() < 0.13f ? 1f : 0f; // about MNIST's share of ink
        }
        order = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            order[i] = i;
        }
        TrainingConfig config = TrainingConfig.hinton();
        Rbm rbm = ContrastiveDivergence.initialise(784, 500, data, BATCH, config, RandomStreams.create(1, "init"));
        cd = new ContrastiveDivergence(rbm, config, compute, 1, "bench");
    }

    @Benchmark
    public Rbm step() {
        cd.trainBatch(data, order, 0, BATCH, 10);
        return cd.rbm();
    }

    @TearDown
    public void tearDown() {
        compute.close();
    }
}
