package rbm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rbm.evaluate.LikelihoodFile;
import rbm.io.JsonFiles;

/** {@code rbm likelihood} on a small stack trained here: its files, their consistency, and its bad-input errors. */
class LikelihoodCommandTest {
    @TempDir
    static Path tmp;
    private static Path run;

    @BeforeAll
    static void train() {
        run = tmp.resolve("run");
        Cli r = Cli.run("train", "--limit", "1000", "--layers", "784-16-8", "--epochs", "2", "--seed", "5",
                "--threads", "2", "--out", run.toString());
        assertEquals(0, r.code(), r.err());
    }

    private static Cli likelihood(String... extra) {
        String[] base = {"likelihood", "--model", run.toString(), "--limit", "400", "--chains", "20", "--betas", "400",
            "--raise-rows", "10", "--samples", "4", "--seed", "2", "--threads", "2"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void writesTheTablesAndFilesWithConsistentEstimates() throws Exception {
        Path out = tmp.resolve("lk");
        Cli r = likelihood("--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("logZ(AIS)") && r.out().contains("DBN bound heldout"), r.out());
        for (String f : new String[] {"likelihood.json", "likelihood.csv", "index.html"}) {
            assertTrue(Files.size(out.resolve(f)) > 100, f);
        }
        assertTrue(Files.readString(out.resolve("index.html")).contains("<svg"), "the bound's chart");
        LikelihoodFile file = JsonFiles.read(out.resolve("likelihood.json"), LikelihoodFile.class);
        assertEquals(2, file.layers().size());
        assertEquals(2, file.depths().size());
        for (LikelihoodFile.Layer l : file.layers()) {
            // both RBMs have a layer of 16 units or fewer, so their log Z is also known exactly
            assertNotNull(l.logZExact(), "layer " + l.layer());
            assertEquals(l.logZExact(), l.logZAis(), Math.max(3 * l.logZAisStderr(), 0.1), "layer " + l.layer());
            assertNotNull(l.heldoutLogLikelihoodRaise());
            assertTrue(l.heldoutLogLikelihoodAis() < 0 && l.heldoutLogLikelihoodExact() < 0);
        }
        // the keys that users' scripts read, as the README names them
        JsonNode json = new ObjectMapper().readTree(out.resolve("likelihood.json").toFile());
        for (String key : new String[] {"layer", "log_z_ais", "log_z_ais_stderr", "log_z_exact",
            "heldout_log_likelihood_ais", "heldout_log_likelihood_raise"}) {
            assertTrue(json.get("layers").get(0).has(key), key);
        }
        for (String key : new String[] {"depth", "dbn_bound_train", "dbn_bound_heldout"}) {
            assertTrue(json.get("depths").get(0).has(key), key);
        }
        LikelihoodFile.Layer first = file.layers().getFirst();
        // at depth 1 the bound is RBM 1's own log-likelihood, with its exact log Z: AIS's value shifted by the gap
        double exactTrain = first.trainLogLikelihoodAis() + first.logZAis() - first.logZExact();
        assertEquals(exactTrain, file.depths().getFirst().dbnBoundTrain(), 1e-6 * Math.abs(exactTrain));
        assertEquals(first.heldoutLogLikelihoodExact(), file.depths().getFirst().dbnBoundHeldout(),
                1e-6 * Math.abs(first.heldoutLogLikelihoodExact()));
    }

    @Test
    void theSameSeedGivesTheSameNumbers() throws Exception {
        Cli a = likelihood("--out", tmp.resolve("a").toString());
        Cli b = likelihood("--out", tmp.resolve("b").toString());
        Cli c = likelihood("--out", tmp.resolve("c").toString(), "--seed", "3");
        assertEquals(0, a.code() + b.code() + c.code());
        String ja = Files.readString(tmp.resolve("a/likelihood.json"));
        assertEquals(ja, Files.readString(tmp.resolve("b/likelihood.json")));
        assertNotEquals(ja, Files.readString(tmp.resolve("c/likelihood.json")));
    }

    @Test
    void badInputGetsOneLine() throws Exception {
        assertTrue(likelihood("--chains", "1").errorLine().contains("--chains: must be at least 2"));
        assertTrue(likelihood("--betas", "1").errorLine().contains("--betas: must be at least 2"));
        Cli notAModel = Cli.run("likelihood", "--model", tmp.toString());
        assertEquals(2, notAModel.code());
        assertTrue(notAModel.errorLine().startsWith("rbm: "), notAModel.err());
        Path narrow = tmp.resolve("narrow.txt");
        Files.writeString(narrow, "0,1,0\n1,1,0\n");
        Cli wrongWidth = likelihood("--heldout", narrow.toString());
        assertEquals(2, wrongWidth.code());
        assertTrue(wrongWidth.errorLine().contains("3 values per row"), wrongWidth.err());
        Cli missing = likelihood("--heldout", tmp.resolve("none.txt").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.errorLine().contains("none.txt"), missing.err());
    }
}
