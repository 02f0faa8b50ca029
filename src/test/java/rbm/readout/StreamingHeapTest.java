package rbm.readout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rbm.count.FrequencyProfile;
import rbm.kernels.KernelsProvider;

/**
 * Counting streams: 10^7 states of 64 bits, bit-packed in a .npy of 80 MB, and 2·10^6 of them as 0/1 text lines
 * (130 MB), are counted in a JVM whose heap is capped at 48 MB, smaller than either file. A reader or counter that
 * kept the states on the heap would run out of memory. The counts are checked against the known stream: state
 * r mod 1000.
 */
class StreamingHeapTest {
    static final int STATES = 10_000_000;
    static final int LINES = 2_000_000;
    static final int DISTINCT = 1000;

    @TempDir
    Path tmp;

    /** The child JVM: counts each file given and prints "M distinct" per file. */
    public static void main(String[] args) {
        for (String file : args) {
            for (StateInputs.Counted c : StateInputs.count(file, SampleFile.Format.AUTO,
                    new InputOptions(null, file.endsWith(".npy") ? 64 : null, List.of(), List.of()),
                    KernelsProvider.best(), n -> { })) {
                FrequencyProfile p = c.profile();
                System.out.println(p.samples() + " " + p.distinct() + " " + p.k()[0]);
            }
        }
    }

    private static long state(long r) {
        return (r % DISTINCT) * 0x9E3779B97F4A7C15L;
    }

    @Test
    void tenMillionStatesCountInASmallHeap() throws IOException, InterruptedException {
        Path npy = tmp.resolve("packed.npy");
        String header = "{'descr': '|u1', 'fortran_order': False, 'shape': (" + STATES + ", 8), }";
        int pad = 64 - (10 + header.length() + 1) % 64;
        header = header + " ".repeat(pad % 64) + "\n";
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(npy), 1 << 20))) {
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            out.write(header.length() & 0xff);
            out.write(header.length() >>> 8);
            out.write(header.getBytes(StandardCharsets.ISO_8859_1));
            for (long r = 0; r < STATES; r++) {
                out.writeLong(state(r)); // big-endian bytes: numpy.packbits order, unit 0 first
            }
        }
        Path text = tmp.resolve("lines.txt");
        try (BufferedOutputStream out = new BufferedOutputStream(Files.newOutputStream(text), 1 << 20)) {
            byte[] line = new byte[65];
            line[64] = '\n';
            for (long r = 0; r < LINES; r++) {
                long s = state(r);
                for (int i = 0; i < 64; i++) {
                    line[i] = (byte) ((s >>> (63 - i) & 1) == 1 ? '1' : '0');
                }
                out.write(line);
            }
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx48m"));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            cmd.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                StreamingHeapTest.class.getName(), npy.toString(), text.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(tmp.resolve("err.txt").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "counting took more than 5 minutes");
        assertEquals(0, p.exitValue(), "the child JVM failed: " + Files.readString(tmp.resolve("err.txt")));
        List<String> lines = out.lines().toList();
        assertEquals(2, lines.size(), out);
        // every one of the 1000 states occurs M / 1000 times
        assertEquals(STATES + " " + DISTINCT + " " + (STATES / DISTINCT), lines.get(0));
        assertEquals(LINES + " " + DISTINCT + " " + (LINES / DISTINCT), lines.get(1));
    }
}
