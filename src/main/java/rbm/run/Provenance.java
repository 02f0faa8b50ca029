package rbm.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import rbm.data.DataSource;
import rbm.kernels.Compute;

/**
 * Where a model came from: this software's version, the JVM, the machine, the kernels and threads, the data files
 * with their checksums, and the command line. Written to {@code provenance.json}, so a model can be traced back to
 * how it was made.
 *
 * @param started     when training started, as an ISO-8601 instant
 * @param commandLine the arguments the command was given
 * @param kernels     the name of the compute kernels (plain Java or the Vector API)
 */
public record Provenance(String software, String version, String started, List<String> commandLine, Jvm jvm,
                         Machine machine, String kernels, int threads, List<DataSource> data) {

    /** The Java runtime, with the arguments it was started with. */
    public record Jvm(String javaVersion, String javaVendor, String vm, List<String> jvmArguments) {
    }

    /** The machine: operating system, architecture, CPU model, cores the JVM may use and its heap limit. */
    public record Machine(String os, String arch, String cpu, int cores, long maxHeapBytes) {
    }

    /** The provenance of a run starting now, on this JVM and machine. */
    public static Provenance describe(List<String> commandLine, Compute compute, List<DataSource> data) {
        Jvm jvm = new Jvm(System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.vm.name"), ManagementFactory.getRuntimeMXBean().getInputArguments());
        Machine machine = new Machine(System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"), cpuModel(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory());
        return new Provenance("rbm", softwareVersion(), Instant.now().toString(), List.copyOf(commandLine), jvm, machine,
                compute.kernels().name(), compute.threads(), List.copyOf(data));
    }

    /** This build's version from the jar manifest, or "dev" when run from classes. */
    public static String softwareVersion() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The CPU model from /proc/cpuinfo where there is one. */
    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: fall through
        }
        return System.getProperty("os.arch");
    }
}
