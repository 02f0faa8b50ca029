package rbm.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rbm.data.DataSource;
import rbm.kernels.Compute;

/**
 * Where a model came from: this software's version, the JVM, the machine, the kernels and threads, the data files
 * with their checksums, and the command line. Written to {@code provenance.json}, so a model can be traced back to
 * how it was made.
 */
public final class Provenance {
    private Provenance() {}

    public static Map<String, Object> describe(List<String> commandLine, Compute compute, List<DataSource> data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("software", "rbm");
        m.put("version", version());
        m.put("started", Instant.now().toString());
        m.put("command_line", commandLine);
        Map<String, Object> jvm = new LinkedHashMap<>();
        jvm.put("java_version", System.getProperty("java.version"));
        jvm.put("java_vendor", System.getProperty("java.vendor"));
        jvm.put("vm", System.getProperty("java.vm.name"));
        jvm.put("jvm_arguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
        m.put("jvm", jvm);
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("arch", System.getProperty("os.arch"));
        machine.put("cpu", cpuModel());
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        m.put("machine", machine);
        m.put("kernels", compute.kernels().name());
        m.put("threads", compute.threads());
        List<Object> files = new java.util.ArrayList<>();
        for (DataSource d : data) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("path", d.path());
            f.put("format", d.format());
            f.put("sha256", d.sha256());
            f.put("rows", d.rows());
            f.put("cols", d.cols());
            files.add(f);
        }
        m.put("data", files);
        return m;
    }

    public static String version() {
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
