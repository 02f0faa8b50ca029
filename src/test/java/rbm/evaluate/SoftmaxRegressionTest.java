package rbm.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rbm.data.DataLoader;
import rbm.data.Dataset;
import rbm.io.BadInputException;
import rbm.kernels.Compute;
import rbm.random.RandomStreams;

class SoftmaxRegressionTest {
    private static Compute compute;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        compute = Compute.create(2);
    }

    @AfterAll
    static void stop() {
        compute.close();
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        int rows = 5;
        int inputs = 4;
        int classes = 3;
        double l2 = 0.1;
        UniformRandomProvider rng = RandomStreams.create(7, "test");
        float[] x = new float[rows * inputs];
        float[] w = new float[inputs * classes];
        float[] b = new float[classes];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextFloat();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = 2 * rng.nextFloat() - 1;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = 2 * rng.nextFloat() - 1;
        }
        int[] labels = {0, 2, 1, 1, 2};
        SoftmaxRegression model = new SoftmaxRegression(inputs, classes, w, b);
        SoftmaxRegression.Buffers buffers = new SoftmaxRegression.Buffers(rows, inputs, classes);
        model.lossAndGradient(x, labels, rows, l2, buffers, compute);
        float[] gradW = buffers.gradW.clone();
        float[] gradB = buffers.gradB.clone();
        float eps = 1e-2f;
        for (float[] params : new float[][] {w, b}) {
            float[] grad = params == w ? gradW : gradB;
            for (int i = 0; i < params.length; i++) {
                float saved = params[i];
                params[i] = saved + eps;
                double up = model.lossAndGradient(x, labels, rows, l2, buffers, compute);
                params[i] = saved - eps;
                double down = model.lossAndGradient(x, labels, rows, l2, buffers, compute);
                params[i] = saved;
                double numeric = (up - down) / (2 * eps);
                assertEquals(numeric, grad[i], 1e-3, (params == w ? "W" : "b") + "[" + i + "]");
            }
        }
    }

    /** Four classes in 8 inputs: class c has inputs 2c and 2c+1 in [0.6, 1] and the rest in [0, 0.4]. */
    private static Dataset separable(int rows, long seed) {
        UniformRandomProvider rng = RandomStreams.create(seed, "separable");
        float[] x = new float[rows * 8];
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = rng.nextInt(4);
            for (int j = 0; j < 8; j++) {
                boolean on = j / 2 == labels[r];
                x[r * 8 + j] = (on ? 0.6f : 0f) + 0.4f * rng.nextFloat();
            }
        }
        return Dataset.of(x, rows, 8).withLabels(labels);
    }

    @Test
    void separableDataIsLearnedPerfectly() {
        SoftmaxRegression model = SoftmaxRegression.fit(separable(400, 1), 4,
                SoftmaxRegression.Settings.defaults().withEpochs(20), compute);
        assertEquals(1.0, model.accuracy(separable(400, 1), compute));
        assertEquals(1.0, model.accuracy(separable(1000, 2), compute));
        float[] p = model.predictProbabilities(separable(10, 3).values(), 10, compute);
        for (int r = 0; r < 10; r++) {
            double sum = 0;
            for (int c = 0; c < 4; c++) {
                sum += p[r * 4 + c];
            }
            assertEquals(1, sum, 1e-5);
        }
    }

    @Test
    void mnistAccuracyAfterTrainingOnTenThousandImages() {
        Dataset train = DataLoader.mnistTrain().subset(0, 10_000);
        Dataset test = DataLoader.mnistTest();
        long start = System.nanoTime();
        SoftmaxRegression model = SoftmaxRegression.fit(train, 10, SoftmaxRegression.Settings.defaults(), compute);
        double seconds = (System.nanoTime() - start) / 1e9;
        double accuracy = model.accuracy(test, compute);
        System.out.printf("softmax regression: test accuracy %.4f after %.2f s of training on %s%n", accuracy,
                seconds, compute.kernels().name());
        assertTrue(accuracy >= 0.88, "test accuracy " + accuracy);
        assertTrue(seconds < 20, "training took " + seconds + " s");
    }

    @Test
    void sameSeedGivesIdenticalWeights() {
        Dataset data = separable(300, 4);
        SoftmaxRegression.Settings settings = SoftmaxRegression.Settings.defaults().withEpochs(3).withSeed(11);
        SoftmaxRegression a = SoftmaxRegression.fit(data, 4, settings, compute);
        SoftmaxRegression b = SoftmaxRegression.fit(data, 4, settings, compute);
        SoftmaxRegression c = SoftmaxRegression.fit(data, 4, settings.withSeed(12), compute);
        assertArrayEquals(a.weights(), b.weights());
        assertArrayEquals(a.bias(), b.bias());
        assertFalse(Arrays.equals(a.weights(), c.weights()), "another seed orders the batches differently");
    }

    @Test
    void saveAndLoadKeepThePredictions() {
        Dataset data = separable(200, 5);
        SoftmaxRegression model = SoftmaxRegression.fit(data, 4,
                SoftmaxRegression.Settings.defaults().withEpochs(2), compute);
        model.save(dir.resolve("classifier"));
        SoftmaxRegression loaded = SoftmaxRegression.load(dir.resolve("classifier"));
        assertEquals(8, loaded.inputs());
        assertEquals(4, loaded.classes());
        assertArrayEquals(model.weights(), loaded.weights());
        assertArrayEquals(model.bias(), loaded.bias());
        assertArrayEquals(model.predictProbabilities(data.values(), 200, compute),
                loaded.predictProbabilities(data.values(), 200, compute));
    }

    @Test
    void badInputIsRejected() {
        Dataset unlabelled = Dataset.of(new float[8], 1, 8);
        SoftmaxRegression.Settings settings = SoftmaxRegression.Settings.defaults();
        assertThrows(BadInputException.class, () -> SoftmaxRegression.fit(unlabelled, 4, settings, compute));
        Dataset badLabel = unlabelled.withLabels(new int[] {4});
        assertThrows(BadInputException.class, () -> SoftmaxRegression.fit(badLabel, 4, settings, compute));
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxRegression.Settings(0, 0.1, 0.9, 100, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxRegression.Settings(1, 0.1, 1, 100, 0, 1));
        assertThrows(BadInputException.class, () -> SoftmaxRegression.load(dir.resolve("missing")));
    }
}
