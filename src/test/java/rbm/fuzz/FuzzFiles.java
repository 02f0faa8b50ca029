package rbm.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A scratch directory per property class; each try overwrites one file in it, and it goes when the JVM ends. */
final class FuzzFiles {
    private FuzzFiles() {
    }

    static Path directory(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scratch copy of the directory tree {@code tree}, for tries that edit one of its files. */
    static Path copyOf(Path tree, String prefix) {
        Path dir = directory(prefix);
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path p : files.toList()) {
                Path to = dir.resolve(tree.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a scratch file left in the temporary directory harms nothing
        }
    }
}
