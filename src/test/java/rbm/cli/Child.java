package rbm.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts {@code rbm} in a child JVM, as {@code ./rbm} would: this JVM's java and class path, and the Vector API
 * module when this JVM has it, so the child computes with the same kernels as the test. Tests that stop a process
 * from outside (a signal, a kill) or race two of them need a process of its own.
 */
final class Child {
    /** The warning the JVM prints on standard error when the Vector API module is added; not rbm's own output. */
    static final String INCUBATOR_WARNING = "WARNING: Using incubator modules";

    private Child() {
    }

    /** Starts {@code rbm args...}, its standard output and error going to {@code out} and {@code err}. */
    static Process start(Path out, Path err, List<String> args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            cmd.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        // the serial collector: many children share two cores, and the GC changes no number
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "rbm.cli.Main"));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    /** The lines of a child's standard error that rbm wrote: without the JVM's warning about incubator modules. */
    static List<String> errorLines(Path err) throws IOException {
        try (Stream<String> lines = Files.lines(err)) {
            return lines.filter(l -> !l.startsWith(INCUBATOR_WARNING)).toList();
        }
    }

    /** The exit code of {@code p}; a child that still runs after two minutes is killed, and the test fails. */
    static int exitCode(Process p) throws InterruptedException {
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("a child still runs after two minutes");
        }
        return p.exitValue();
    }
}
