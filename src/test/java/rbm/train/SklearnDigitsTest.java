package rbm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import rbm.data.Dataset;
import rbm.data.TextReader;
import rbm.kernels.Compute;
import rbm.model.Rbm;
import rbm.random.RandomStreams;

/**
 * The sklearn-exact preset on scikit-learn's own {@code test_fit} setting (digits divided by 16, 64 hidden units,
 * batch 10, learning rate 0.1, 7 epochs), scored as {@code score_samples(X).mean()}: 64 × the pseudo-log-likelihood
 * per unit of all 1797 rows. Each seed trains as {@code rbm train --preset sklearn-exact --threads 1} would (the
 * streams of layer 1), so {@code benchmarks/sklearn-digits.sh} gives the same figures from the command line.
 */
class SklearnDigitsTest {
    static final int SEEDS = 30;

    static Dataset digits() {
        return TextReader.read(resource("digits.csv.gz"));
    }

    static Path resource(String name) {
        try {
            return Path.of(SklearnDigitsTest.class.getResource("/rbm/sklearn/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The scores of the committed scikit-learn runs, seed by seed. */
    static double[] sklearnScores() throws IOException {
        List<String> rows = Files.readAllLines(resource("test-fit.csv")).stream()
                .filter(l -> !l.startsWith("#") && !l.startsWith("seed")).toList();
        return rows.stream().mapToDouble(l -> Double.parseDouble(l.split(",")[1])).toArray();
    }

    /** 64 hidden units trained for 7 epochs with {@code config} from the streams of {@code seed}. */
    static Rbm train(Dataset x, TrainingConfig config, long seed, Compute compute) {
        Rbm rbm = ContrastiveDivergence.initialise(x.cols(), 64, x.values(), x.rows(), config,
                RandomStreams.create(seed, "layer 1 init"));
        ContrastiveDivergence cd = new ContrastiveDivergence(rbm, config, compute, seed, "layer 1");
        for (int epoch = 0; epoch < 7; epoch++) {
            cd.trainEpoch(x.values(), x.rows(), epoch, null);
        }
        return rbm;
    }

    /** {@code score_samples(X).mean()} by our monitor, with the units it flips drawn from the streams of seed. */
    static double score(Dataset x, Rbm rbm, long seed, Compute compute) {
        Monitor monitor = new Monitor(compute, x.values(), x.rows(), null, 0, x.cols(),
                RandomStreams.create(seed, "layer 1 monitor"), false);
        return x.cols() * monitor.measure(rbm).pseudoLogLikelihood();
    }

    @Test
    void agreesWithScikitLearnOnItsTestFit() throws IOException {
        Dataset x = digits();
        assertEquals(1797, x.rows());
        assertEquals(64, x.cols());
        double[] ours = new double[SEEDS];
        try (Compute compute = Compute.create(1)) {
            for (int s = 0; s < SEEDS; s++) {
                ours[s] = score(x, train(x, TrainingConfig.sklearnExact(), s, compute), s, compute);
            }
        }
        double[] theirs = sklearnScores();
        assertEquals(SEEDS, theirs.length);
        double mean = mean(ours);
        double difference = mean - mean(theirs);
        double se = Math.sqrt(sq(stderr(ours)) + sq(stderr(theirs)));
        System.out.printf("sklearn-exact %.4f ± %.4f (sd %.4f), scikit-learn %.4f ± %.4f (sd %.4f), %d seeds%n", mean,
                stderr(ours), stderr(ours) * Math.sqrt(SEEDS), mean(theirs), stderr(theirs),
                stderr(theirs) * Math.sqrt(SEEDS), SEEDS);
        // test_fit asserts −21 to 0 decimals; the mean over seeds is far tighter than one run
        assertTrue(Math.abs(mean + 21) < 1, "mean score " + mean + " is not −21 ± 1");
        // two independent means: three standard errors of their difference (about 0.4 nats) leave 0.3% to chance
        assertTrue(Math.abs(difference) < 3 * se, String.format("ours %.3f ± %.3f, scikit-learn's %.3f ± %.3f",
                mean, stderr(ours), mean(theirs), stderr(theirs)));
    }

    static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    static double stderr(double[] xs) {
        double m = mean(xs);
        double s = 0;
        for (double x : xs) {
            s += sq(x - m);
        }
        return Math.sqrt(s / (xs.length - 1) / xs.length);
    }

    private static double sq(double x) {
        return x * x;
    }
}
