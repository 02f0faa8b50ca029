package rbm.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files of a run directory as the tests compare them: every file by its path relative to the run, in hex, except
 * {@code provenance.json} (it holds the start time and the command line) and {@code .claim} (the process id of the
 * last process that wrote the run), and the metrics without the timing column
 * {@code seconds}, the one value that differs between two runs with the same seed.
 */
public final class RunContents {
    private RunContents() {
    }

    /** The comparable content of every file under {@code run}, by relative path, hidden files included. */
    public static Map<String, String> of(Path run) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(run)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = run.relativize(f).toString();
                if (name.equals("provenance.json") || name.equals(".claim")) {
                    continue;
                }
                out.put(name, switch (name) {
                    case "metrics.csv" -> Files.readAllLines(f).stream()
                            .map(l -> l.replaceFirst("^([^,]*,[^,]*),[^,]*", "$1")).toList().toString();
                    case "metrics.jsonl" -> Files.readAllLines(f).stream()
                            .map(l -> l.replaceFirst("\"seconds\":[^,]*,", "")).toList().toString();
                    default -> HexFormat.of().formatHex(Files.readAllBytes(f));
                });
            }
        }
        return out;
    }

    /** The paths whose content differs between {@code a} and {@code b}, or that only one of them has. */
    public static Set<String> differences(Map<String, String> a, Map<String, String> b) {
        Set<String> differ = new TreeSet<>(a.keySet());
        differ.addAll(b.keySet());
        differ.removeIf(k -> Objects.equals(a.get(k), b.get(k)));
        return differ;
    }

    /** Both versions of each JSON, JSON-lines or CSV file in {@code paths}, to show how they differ. */
    public static String texts(Set<String> paths, Path a, Path b) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String path : paths) {
            if (path.matches(".*\\.(json|jsonl|csv)")) {
                for (Path f : List.of(a.resolve(path), b.resolve(path))) {
                    out.append("\n--- ").append(f).append('\n')
                            .append(Files.exists(f) ? Files.readString(f) : "(none)");
                }
            }
        }
        return out.toString();
    }
}
