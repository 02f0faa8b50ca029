package rbm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rbm.data.Dataset;
import rbm.kernels.Compute;
import rbm.model.Rbm;
import rbm.random.RandomStreams;

/**
 * scikit-learn itself, where a Python with it is installed (Debian's python3-sklearn; skipped otherwise): its
 * {@code score_samples} of a model trained here, with the units that our monitor flips, equals our figure; and its
 * {@code fit} on the fixture gives the committed figures (with the committed version) or −21 ± 1 (with another).
 */
class SklearnLiveTest {
    @TempDir
    Path tmp;

    static final String SCRIPT = """
            import sys
            import numpy as np
            import sklearn
            from sklearn.neural_network import BernoulliRBM
            d = sys.argv[1]
            X = np.loadtxt(sys.argv[2], delimiter=",")
            print("version", sklearn.__version__)
            W = np.loadtxt(d + "/w.csv", delimiter=",", ndmin=2)
            flip = np.loadtxt(d + "/flip.csv", dtype=np.int64)
            class Flips(np.random.RandomState):  # score_samples draws its units from random_state.randint
                def randint(self, low, high, size):
                    return flip
            rbm = BernoulliRBM(n_components=W.shape[1], random_state=Flips())
            rbm.components_ = W.T.copy()
            rbm.intercept_visible_ = np.loadtxt(d + "/b.csv")
            rbm.intercept_hidden_ = np.loadtxt(d + "/c.csv")
            rbm.n_features_in_ = X.shape[1]
            print("score", repr(rbm.score_samples(X).mean()))
            for seed in range(int(sys.argv[3])):
                fit = BernoulliRBM(n_components=64, learning_rate=0.1, batch_size=10, n_iter=7, random_state=seed)
                print("fit%d" % seed, repr(fit.fit(X).score_samples(X).mean()))
            """;
    static final int FITS = 3;

    /** A Python with scikit-learn, or null. */
    static String python() {
        for (String p : List.of("/usr/bin/python3", "python3")) {
            try {
                Process proc = new ProcessBuilder(p, "-c", "import sklearn").redirectErrorStream(true).start();
                proc.getInputStream().readAllBytes();
                if (proc.waitFor(60, TimeUnit.SECONDS) && proc.exitValue() == 0) {
                    return p;
                }
            } catch (IOException e) {
                // not there: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    @Test
    void scikitLearnScoresOurModelAsWeDoAndFitsAsCommitted() throws Exception {
        String python = python();
        assumeTrue(python != null, "no Python with scikit-learn");
        Dataset x = SklearnDigitsTest.digits();
        int nv = x.cols();
        long seed = 3;
        double ours;
        Rbm rbm;
        try (Compute compute = Compute.create(1)) {
            rbm = SklearnDigitsTest.train(x, TrainingConfig.sklearnExact(), seed, compute);
            ours = SklearnDigitsTest.score(x, rbm, seed, compute);
        }
        write(rbm);
        // Monitor draws its units from this stream, one per row in order
        UniformRandomProvider monitor = RandomStreams.create(seed, "layer 1 monitor");
        StringBuilder flips = new StringBuilder();
        for (int r = 0; r < x.rows(); r++) {
            flips.append(monitor.nextInt(nv)).append('\n');
        }
        Files.writeString(tmp.resolve("flip.csv"), flips);

        Map<String, String> out = run(python);
        double theirs = Double.parseDouble(out.get("score"));
        // float32 weights read back exactly; the free energies differ only by rounding
        assertEquals(theirs, ours, 1e-4 * Math.abs(theirs), "score_samples of our model");

        double[] committed = SklearnDigitsTest.sklearnScores();
        String header = Files.readAllLines(SklearnDigitsTest.resource("test-fit.csv")).getFirst();
        boolean sameVersion = header.contains("scikit-learn " + out.get("version") + ",");
        for (int s = 0; s < FITS; s++) {
            double fit = Double.parseDouble(out.get("fit" + s));
            if (sameVersion) {
                assertEquals(committed[s], fit, 1e-5, "scikit-learn's fit, random_state " + s);
            } else {
                assertTrue(Math.abs(fit + 21) < 1.5, "scikit-learn " + out.get("version") + ": " + fit);
            }
        }
    }

    private void write(Rbm rbm) throws IOException {
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < rbm.visible(); i++) {
            for (int j = 0; j < rbm.hidden(); j++) {
                w.append(j == 0 ? "" : ",").append(rbm.weights()[i * rbm.hidden() + j]);
            }
            w.append('\n');
        }
        Files.writeString(tmp.resolve("w.csv"), w);
        Files.writeString(tmp.resolve("b.csv"), lines(rbm.visibleBias()));
        Files.writeString(tmp.resolve("c.csv"), lines(rbm.hiddenBias()));
    }

    private static String lines(float[] xs) {
        StringBuilder s = new StringBuilder();
        for (float x : xs) {
            s.append(x).append('\n');
        }
        return s.toString();
    }

    /** The script's "key value" lines. */
    private Map<String, String> run(String python) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python, "-c", SCRIPT, tmp.toString(),
                SklearnDigitsTest.resource("digits.csv.gz").toString(), Integer.toString(FITS)));
        Process proc = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(proc.waitFor(300, TimeUnit.SECONDS) && proc.exitValue() == 0, "python failed: " + text);
        Map<String, String> out = new HashMap<>();
        for (String line : text.strip().split("\n")) {
            String[] kv = line.split(" ", 2);
            out.put(kv[0], kv[1]);
        }
        return out;
    }
}
