package rbm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input gets one line that names the file or flag and says what is wrong, and a non-zero exit
 * code; nothing is left half-written.
 */
class BadInputTest {
    @TempDir
    Path tmp;

    /** A small, quick training command; extra arguments override. */
    private Cli train(String... extra) {
        String[] base = {"train", "--limit", "200", "--layers", "784-8", "--epochs", "1", "--batch", "50",
            "--seed", "1", "--threads", "1", "--monitor-rows", "50", "--out", tmp.resolve("run").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    private static void assertError(Cli r, int code, String... fragments) {
        assertEquals(code, r.code(), "exit code; stderr: " + r.err());
        String line = r.errorLine();
        for (String f : fragments) {
            assertTrue(line.contains(f), "'" + f + "' missing from: " + line);
        }
    }

    private Path idx(int magic, int count, int rows, int cols, int pixels, boolean gzip) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16 + pixels);
        b.putInt(magic).putInt(count).putInt(rows).putInt(cols);
        Path p = tmp.resolve("images" + magic + "-" + pixels + (gzip ? ".gz" : ""));
        if (gzip) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (OutputStream out = new GZIPOutputStream(bytes)) {
                out.write(b.array());
            }
            Files.write(p, bytes.toByteArray());
        } else {
            Files.write(p, b.array());
        }
        return p;
    }

    @Test
    void missingDataFile() {
        Path missing = tmp.resolve("nope.idx");
        assertError(train("--data", missing.toString()), 2, missing.toString());
        assertFalse(Files.exists(tmp.resolve("run/model.json")) && Files.exists(tmp.resolve("run/config.json")),
                "no run is recorded for data that could not be read");
    }

    @Test
    void wrongMagicNumber() throws IOException {
        Path p = tmp.resolve("bad.idx");
        Files.write(p, new byte[] {1, 2, 3, 4, 0, 0, 0, 1});
        assertError(train("--data", p.toString()), 2, p.toString());
    }

    @Test
    void idxWithWrongMagicByte() throws IOException {
        Path p = idx(0x00000703, 2, 28, 28, 2 * 784, false);
        assertError(train("--data", p.toString()), 2, p.toString(), "type");
    }

    @Test
    void truncatedIdxFile() throws IOException {
        Path p = idx(0x00000803, 10, 28, 28, 3 * 784, false);
        assertError(train("--data", p.toString()), 2, p.toString(), "truncated");
    }

    @Test
    void corruptGzip() throws IOException {
        Path good = idx(0x00000803, 2, 28, 28, 2 * 784, true);
        byte[] bytes = Files.readAllBytes(good);
        Path p = tmp.resolve("corrupt.gz");
        Files.write(p, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertError(train("--data", p.toString()), 2, p.toString());
    }

    @Test
    void dataWidthDoesNotMatchLayers() throws IOException {
        Path p = tmp.resolve("rows.csv");
        Files.writeString(p, "0,1,0\n1,1,0\n");
        assertError(train("--data", p.toString(), "--layers", "784-8"), 2, "--layers", "3", "784");
    }

    @Test
    void nonNumericValue() throws IOException {
        Path p = tmp.resolve("rows.csv");
        Files.writeString(p, "0,1,0\n1,x1,0\n");
        assertError(train("--data", p.toString(), "--layers", "3-2"), 2, p.toString(), "x1", "2");
    }

    @Test
    void nanValue() throws IOException {
        Path p = tmp.resolve("rows.csv");
        Files.writeString(p, "0,1,0\n1,NaN,0\n");
        assertError(train("--data", p.toString(), "--layers", "3-2"), 2, p.toString(), "NaN");
    }

    @Test
    void zeroOrNegativeSizesAndRates() {
        assertError(train("--batch", "0"), 2, "--batch");
        assertError(train("--learning-rate", "-0.1"), 2, "--learning-rate");
        assertError(train("--learning-rate", "0"), 2, "--learning-rate");
        assertError(train("--layers", "784-0-5"), 2, "--layers");
        assertError(train("--epochs", "0"), 2, "--epochs");
        assertError(train("--threads", "0"), 2, "--threads");
        assertError(train("-k", "0"), 2, "--cd-steps");
        assertError(train("--weight-decay", "-1"), 2, "--weight-decay");
        assertError(train("--limit", "-5"), 2, "--limit");
        assertError(train("--momentum", "1.5"), 2, "--momentum");
        assertError(train("--epochs", "2,2,2"), 2, "--epochs");
        assertError(train("--binarize", "median"), 2, "--binarize");
        assertError(train("--batch", "ten"), 2, "--batch");
        assertError(train("--likelihood-every", "-1"), 2, "--likelihood-every");
        assertError(train("--likelihood-every", "1", "--likelihood-betas", "1"), 2, "--likelihood-betas");
        assertError(train("--likelihood-every", "1", "--likelihood-chains", "0"), 2, "--likelihood-chains");
    }

    /**
     * A full disk is bad input: one line naming the file, exit code 2. /dev/full fails every write with ENOSPC, and
     * stays a device (a rename over it would make it a file).
     */
    @Test
    void fullDiskIsOneLineAndExitTwo() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full) && !Files.isRegularFile(full), "needs the /dev/full device (Linux)");
        assertError(Cli.run("bound", "--samples", "1000", "--out", full.toString()), 2,
                "rbm: /dev/full: no space left on device");
        assertFalse(Files.isRegularFile(full), "/dev/full was replaced by a file");
    }

    @Test
    void unwritableOutputDirectory() throws IOException {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "not a directory");
        Path out = file.resolve("run");
        assertError(Cli.run("train", "--limit", "100", "--layers", "784-4", "--epochs", "1", "--out", out.toString()),
                2, "--out", out.toString());
    }

    @Test
    void modelFromAnIncompatibleVersion() throws IOException {
        Path run = tmp.resolve("run");
        assertEquals(0, train().code());
        Path manifest = run.resolve("model.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"version\": 1", "\"version\": 99"));
        assertError(Cli.run("sample", "--model", run.toString(), "--steps", "1"), 2, manifest.toString(), "99");
        assertError(Cli.run("train", "--resume", run.toString()), 2, manifest.toString(), "99");
    }

    @Test
    void truncatedWeightsFile() throws IOException {
        Path run = tmp.resolve("run");
        assertEquals(0, train().code());
        Path weights;
        try (var files = Files.walk(run)) {
            weights = files.filter(p -> p.getFileName().toString().equals("weights.npy")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertError(Cli.run("sample", "--model", run.toString(), "--steps", "1"), 2, weights.toString());
    }

    @Test
    void samplerFlagsAreChecked() {
        Path run = tmp.resolve("run");
        assertEquals(0, train().code());
        String model = run.toString();
        assertError(Cli.run("sample", "--model", model, "--steps", "1", "--sampler", "pt", "--temperatures", "1"), 2,
                "--temperatures", "at least 2");
        assertError(Cli.run("sample", "--model", model, "--steps", "1", "--temperatures", "4"), 2,
                "--temperatures", "--sampler pt");
        assertError(Cli.run("sample", "--model", model, "--steps", "1", "--sampler", "hot"), 2, "--sampler", "hot");
        assertFalse(Files.exists(run.resolve("samples-layer-1.png")), "no picture for a refused command");
        Cli good = Cli.run("sample", "--model", model, "--chains", "4", "--steps", "3", "--sampler", "pt",
                "--temperatures", "3", "--seed", "1", "--threads", "1");
        assertEquals(0, good.code(), good.err());
        assertEquals(2, good.out().lines().filter(l -> l.contains("↔")).count(), "two neighbouring pairs: " + good.out());
    }

    @Test
    void divergenceStopsWithAClearMessage() {
        Cli r = train("--learning-rate", "1e38", "--epochs", "2");
        assertError(r, 3, "diverged", "--learning-rate");
    }

    @Test
    void unknownOptionAndMissingCommand() {
        assertError(Cli.run("train", "--frobnicate"), 2, "--frobnicate");
        assertEquals(2, Cli.run().code());
    }
}
