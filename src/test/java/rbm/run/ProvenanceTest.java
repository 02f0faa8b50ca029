package rbm.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rbm.data.DataSource;
import rbm.io.JsonFiles;
import rbm.kernels.Compute;

class ProvenanceTest {
    @TempDir
    Path tmp;

    private static final DataSource DATA = new DataSource("data/train.gz", "idx/ubyte", "ab12", 60000, 784);

    /** Each field holds what this JVM and machine say, and the file gives back the same record. */
    @Test
    void describesThisRunAndRoundTripsThroughTheFile() throws Exception {
        Instant before = Instant.now();
        Provenance p;
        String kernels;
        try (Compute compute = Compute.create(2)) {
            p = Provenance.describe(List.of("rbm", "train", "--seed", "4"), compute, List.of(DATA));
            kernels = compute.kernels().name();
        }
        Instant started = Instant.parse(p.started());
        assertFalse(started.isBefore(before) || started.isAfter(Instant.now()), p.started());
        assertEquals("rbm", p.software());
        assertEquals("dev", p.version(), "run from classes, not from the jar");
        assertEquals(List.of("rbm", "train", "--seed", "4"), p.commandLine());
        assertEquals(System.getProperty("java.version"), p.jvm().javaVersion());
        assertEquals(System.getProperty("java.vendor"), p.jvm().javaVendor());
        assertEquals(ManagementFactory.getRuntimeMXBean().getInputArguments(), p.jvm().jvmArguments());
        assertEquals(System.getProperty("os.arch"), p.machine().arch());
        assertTrue(p.machine().os().startsWith(System.getProperty("os.name")), p.machine().os());
        assertEquals(Runtime.getRuntime().availableProcessors(), p.machine().cores());
        assertEquals(Runtime.getRuntime().maxMemory(), p.machine().maxHeapBytes());
        assertEquals(kernels, p.kernels());
        assertEquals(2, p.threads());
        assertEquals(List.of(DATA), p.data());

        Path file = tmp.resolve("provenance.json");
        JsonFiles.write(file, p);
        assertEquals(p, JsonFiles.read(file, Provenance.class));
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals("--seed", json.get("command_line").get(2).textValue());
        assertEquals(p.machine().maxHeapBytes(), json.get("machine").get("max_heap_bytes").longValue());
        assertEquals(p.jvm().javaVersion(), json.get("jvm").get("java_version").textValue());
        assertEquals("ab12", json.get("data").get(0).get("sha256").textValue());
    }
}
