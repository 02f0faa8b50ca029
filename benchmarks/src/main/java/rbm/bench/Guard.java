package rbm.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The regression guard: a short JMH run of each hot path, with its fast implementation and its baseline measured in
 * the same run, that fails when a speed-up falls below its floor. Ratios, not absolute times, because the machines
 * are shared and noisy; the floors sit well below the measured ratios (see benchmarks/README.md) so that only a real
 * regression trips them.
 *
 * <pre>bash benchmarks/guard.sh</pre>
 */
public final class Guard {

    /** A checked speed-up: the benchmark (with its parameters) of the fast and of the baseline implementation. */
    record Check(String name, String benchmark, Map<String, String> fast, Map<String, String> baseline, double floor) {
    }

    // Floors: about a third of the ratios measured on a 2-core AVX-512 machine (benchmarks/README.md), so that a
    // noisy neighbour does not trip them but losing the SIMD path or the packed layout does.
    static final double FLOOR_GEMM = 10;
    static final double FLOOR_ELEMENTWISE = 4;
    static final double FLOOR_BITS = 8;
    static final double FLOOR_STEP = 8;
    static final double FLOOR_COUNT = 3;
    // wide keys: 1.2–4.9x measured, because the baseline swings most there (a HashMap at 784 bits ran at 2.7 to 8.0
    // million states/s in guard runs of the same code); the floor catches a counter that falls well behind it
    static final double FLOOR_COUNT_WIDE = 0.7;
    // 600,000 new 784-bit states: 11–14x measured; a counter whose memory is on 4 KB pages, or whose entries move as
    // it grows, runs at 0.8–1.4x, which is what this floor guards
    static final double FLOOR_COUNT_NEW = 3;
    // v⁰·W by sums of rows against the dense product at MNIST's density: 1.6–1.9x measured; a kernel on masked loads
    // (0.5x) or one that spills its accumulators falls below this floor
    static final double FLOOR_SUMS = 0.8;

    static List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        for (String shape : new String[] {"NN:100x500x784", "NT:100x784x500", "TN:784x500x100"}) {
            checks.add(new Check("gemm " + shape, "GemmBenchmark.gemm", Map.of("shape", shape, "impl", "vector"),
                    Map.of("shape", shape, "impl", "reference"), FLOOR_GEMM));
        }
        checks.add(new Check("v0·W as sums, MNIST", "BinaryProductBenchmark.multiply",
                Map.of("product", "hidden", "density", "mnist", "impl", "sums"),
                Map.of("product", "hidden", "density", "mnist", "impl", "dense"), FLOOR_SUMS));
        checks.add(new Check("sigmoid + Bernoulli", "ElementwiseBenchmark.sigmoidBiasAndSample",
                Map.of("impl", "vector"), Map.of("impl", "reference"), FLOOR_ELEMENTWISE));
        checks.add(new Check("pack bits + hash", "ElementwiseBenchmark.packAndHash",
                Map.of("impl", "vector"), Map.of("impl", "reference"), FLOOR_BITS));
        checks.add(new Check("CD-1 step, 1 thread", "CdStepBenchmark.step",
                Map.of("impl", "vector", "threads", "1"), Map.of("impl", "reference", "threads", "1"), FLOOR_STEP));
        checks.add(new Check("count 64-bit states", "CountingBenchmark.count",
                Map.of("impl", "offheap", "bits", "64"), Map.of("impl", "hashmap", "bits", "64"), FLOOR_COUNT));
        checks.add(new Check("count 784-bit states", "CountingBenchmark.count",
                Map.of("impl", "offheap", "bits", "784"), Map.of("impl", "hashmap", "bits", "784"), FLOOR_COUNT_WIDE));
        checks.add(new Check("count 600k new 784-bit", "FreshCountingBenchmark.large",
                Map.of("impl", "offheap", "bits", "784"), Map.of("impl", "hashmap", "bits", "784"), FLOOR_COUNT_NEW));
        return checks;
    }

    public static void main(String[] args) throws RunnerException {
        List<Check> checks = checks();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Check c : checks) {
            for (Map<String, String> params : List.of(c.fast(), c.baseline())) {
                String key = c.benchmark() + params;
                if (scores.containsKey(key)) {
                    continue;
                }
                OptionsBuilder ob = new OptionsBuilder();
                ob.include("rbm\\.bench\\." + c.benchmark().replace(".", "\\.") + "$")
                        .forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                        .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                        .jvmArgsAppend("--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED");
                params.forEach(ob::param);
                Options opts = ob.build();
                Collection<RunResult> results = new Runner(opts).run();
                scores.put(key, results.iterator().next().getPrimaryResult().getScore());
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-24s %12s %12s %8s %8s%n", "hot path", "fast ops/s", "base ops/s", "ratio",
                "floor");
        boolean ok = true;
        for (Check c : checks) {
            double fast = scores.get(c.benchmark() + c.fast());
            double base = scores.get(c.benchmark() + c.baseline());
            double ratio = fast / base;
            boolean pass = ratio >= c.floor();
            ok &= pass;
            System.out.printf(Locale.ROOT, "%-24s %12.1f %12.1f %8.2f %8.2f %s%n", c.name(), fast, base, ratio,
                    c.floor(), pass ? "ok" : "BELOW FLOOR");
        }
        System.out.println(ok ? "guard: all hot paths above their floors" : "guard: a hot path regressed");
        System.exit(ok ? 0 : 1);
    }
}
