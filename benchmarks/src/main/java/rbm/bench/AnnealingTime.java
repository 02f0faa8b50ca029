package rbm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import rbm.data.Dataset;
import rbm.evaluate.AnnealedImportanceSampling;
import rbm.evaluate.BaseRateModel;
import rbm.evaluate.LogPartitionEstimate;
import rbm.kernels.Compute;
import rbm.model.Rbm;
import rbm.run.RunConfig;
import rbm.run.RunData;
import rbm.run.RunDirectory;

/**
 * The classic AIS run (100 chains, 14,500 inverse temperatures) on the first RBM of a trained stack, timed on 1 and on
 * 2 threads, each against its baseline in the same round: the two dense products that every step of it makes
 * (chains × x-width · x-width × s-width, then its transpose, through {@link Compute}) repeated for as many steps on the
 * same threads. The ratio is what the estimator costs beyond the arithmetic it cannot avoid with dense kernels: the
 * weights, the sigmoids, the draws and the hand-overs between the threads. Prints every round, then the medians.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp benchmarks.jar:rbm.jar rbm.bench.AnnealingTime RUN [rounds]</pre>
 */
public final class AnnealingTime {
    private static final int CHAINS = AnnealedImportanceSampling.DEFAULT_CHAINS;

    private AnnealingTime() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("AnnealingTime: the first argument must be a run directory from 'rbm train', got "
                    + (args.length < 1 ? "nothing" : "'" + args[0] + "'"));
            System.exit(2);
        }
        int rounds = args.length > 1 ? Rounds.parse("AnnealingTime", args[1]) : 3;
        RunDirectory run = RunDirectory.open(Path.of(args[0]));
        RunConfig config = run.readConfig();
        Rbm rbm = run.loadModel().rbm(1);
        Dataset train = RunData.training(config);
        BaseRateModel base = BaseRateModel.fromData(train.values(), train.rows(), rbm.visible());
        int nx = Math.max(rbm.visible(), rbm.hidden());
        int ns = Math.min(rbm.visible(), rbm.hidden());
        System.out.printf(Locale.ROOT, "AIS on RBM 1 (%d-%d) of %s: %d chains, 14,500 inverse temperatures; "
                + "products: %d×%d·%d×%d and its transpose, 14,500 times%n", rbm.visible(), rbm.hidden(), args[0],
                CHAINS, CHAINS, nx, nx, ns);
        System.out.printf(Locale.ROOT, "%5s %8s %8s %10s %8s %8s %10s %12s%n", "round", "AIS 1T", "gemm 1T",
                "AIS/gemm", "AIS 2T", "gemm 2T", "AIS/gemm", "AIS 1T/2T");
        double[][] table = new double[6][rounds];
        try (Compute one = Compute.create(1); Compute two = Compute.create(2)) {
            products(one, nx, ns, 200); // warm-up
            products(two, nx, ns, 200);
            for (int r = 0; r < rounds; r++) {
                double ais2 = ais(rbm, base, two, r);
                double gemm2 = products(two, nx, ns, 14_500);
                double ais1 = ais(rbm, base, one, r);
                double gemm1 = products(one, nx, ns, 14_500);
                double[] row = {ais1, gemm1, ais1 / gemm1, ais2, gemm2, ais2 / gemm2};
                for (int c = 0; c < row.length; c++) {
                    table[c][r] = row[c];
                }
                System.out.printf(Locale.ROOT, "%5d %7.2fs %7.2fs %10.2f %7.2fs %7.2fs %10.2f %12.2f%n", r + 1,
                        ais1, gemm1, ais1 / gemm1, ais2, gemm2, ais2 / gemm2, ais1 / ais2);
            }
        }
        System.out.printf(Locale.ROOT, "%5s %7.2fs %7.2fs %10.2f %7.2fs %7.2fs %10.2f %12.2f%n", "median",
                median(table[0]), median(table[1]), median(table[2]), median(table[3]), median(table[4]),
                median(table[5]), median(table[0]) / median(table[3]));
    }

    /** Seconds for the classic AIS run; prints its estimate so that a broken run shows. */
    private static double ais(Rbm rbm, BaseRateModel base, Compute compute, int round) {
        long start = System.nanoTime();
        LogPartitionEstimate e = AnnealedImportanceSampling.classic(round + 1).logPartition(rbm, base, compute);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "  %d thread(s), seed %d: log Z %.3f ± %.3f%n", compute.threads(), round + 1,
                e.logZ(), e.stderr());
        return seconds;
    }

    /** Seconds for {@code steps} pairs of the products of an annealing step, on binary operands. */
    private static double products(Compute compute, int nx, int ns, int steps) {
        float[] x = new float[CHAINS * nx];
        float[] w = new float[nx * ns];
        float[] s = new float[CHAINS * ns];
        float[] y = new float[CHAINS * nx];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i * 2_654_435_761L >>> 7) % 5 == 0 ? 1 : 0;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = ((i * 2_654_435_761L >>> 9) % 201 - 100) / 1000f;
        }
        long start = System.nanoTime();
        for (int k = 0; k < steps; k++) {
            compute.gemm(false, false, CHAINS, ns, nx, 1f, x, w, 0f, s);
            compute.gemm(false, true, CHAINS, nx, ns, 1f, s, w, 0f, y);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] xs) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
