package rbm.data;

import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import rbm.io.BadInputException;

/**
 * Loads a data file whatever its format, telling IDX from text by its content, and finds the bundled MNIST:
 * in the directory named by the system property {@code rbm.data.dir} if set, else in {@code ./data}, else in
 * {@code data/} beside the directory that holds the jar (the jar is {@code target/rbm.jar}). Fashion-MNIST, which is
 * not bundled, is read where {@link FashionMnist} says.
 */
public final class DataLoader {
    public static final String DATA_DIR_PROPERTY = "rbm.data.dir";
    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    private DataLoader() {
    }

    /** Reads an IDX or text data file, plain or gzipped. */
    public static Dataset load(Path path) {
        RawContent content = RawContent.read(path);
        return isIdx(content) ? IdxReader.images(content) : TextReader.dataset(content);
    }

    /** Reads labels from an IDX file or a text file with one whole number per line, plain or gzipped. */
    public static int[] loadLabels(Path path) {
        RawContent content = RawContent.read(path);
        return isIdx(content) ? IdxReader.labels(content) : TextReader.labels(content);
    }

    /** Reads data and its labels, checking that there is one label per row. */
    public static Dataset load(Path data, Path labels) {
        Dataset dataset = load(data);
        int[] l = loadLabels(labels);
        if (l.length != dataset.rows()) {
            throw new BadInputException(labels + ": has " + l.length + " labels but " + data + " has "
                    + dataset.rows() + " rows; need one label per row");
        }
        return dataset.withLabels(l);
    }

    public static Dataset mnistTrain() {
        return load(bundledTrainImages(), bundledTrainLabels());
    }

    public static Dataset mnistTest() {
        return load(bundledTestImages(), bundledTestLabels());
    }

    /**
     * Fashion-MNIST's 60,000 training images with their labels, from {@link FashionMnist#directory()}; grey levels
     * and labels as in {@link #mnistTrain()}.
     */
    public static Dataset fashionMnistTrain() {
        return fashionMnistTrain(FashionMnist.directory());
    }

    /** Fashion-MNIST's 10,000 test images with their labels, from {@link FashionMnist#directory()}. */
    public static Dataset fashionMnistTest() {
        return fashionMnistTest(FashionMnist.directory());
    }

    /** The Fashion-MNIST training files in {@code dir}, which may hold a cut of them (fewer images). */
    public static Dataset fashionMnistTrain(Path dir) {
        return FashionMnist.load(dir, TRAIN_IMAGES, TRAIN_LABELS);
    }

    /** The Fashion-MNIST test files in {@code dir}, which may hold a cut of them (fewer images). */
    public static Dataset fashionMnistTest(Path dir) {
        return FashionMnist.load(dir, TEST_IMAGES, TEST_LABELS);
    }

    public static Path bundledTrainImages() {
        return bundled(TRAIN_IMAGES);
    }

    public static Path bundledTrainLabels() {
        return bundled(TRAIN_LABELS);
    }

    public static Path bundledTestImages() {
        return bundled(TEST_IMAGES);
    }

    public static Path bundledTestLabels() {
        return bundled(TEST_LABELS);
    }

    /**
     * IDX starts with two zero bytes, which no text file does; a wrong type byte after them is then reported
     * by the IDX reader, more helpfully than as unreadable text.
     */
    private static boolean isIdx(RawContent content) {
        byte[] b = content.bytes();
        return b.length >= 2 && b[0] == 0 && b[1] == 0;
    }

    /** The bundled file {@code name.gz} (or uncompressed {@code name}) in the first data directory that has it. */
    static Path bundled(String name) {
        List<Path> dirs = dataDirs();
        for (Path dir : dirs) {
            Optional<Path> p = find(dir, name);
            if (p.isPresent()) {
                return p.get();
            }
        }
        String searched = dirs.stream().map(d -> d.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(", "));
        throw new BadInputException("bundled MNIST not found: no " + name + ".gz in " + searched
                + "; pass --data FILE to use your own data (or set -D" + DATA_DIR_PROPERTY + "=DIR)");
    }

    /** {@code dir/name.gz}, else {@code dir/name}, if either is a file. */
    static Optional<Path> find(Path dir, String name) {
        return Stream.of(name + ".gz", name).map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }

    static List<Path> dataDirs() {
        String property = System.getProperty(DATA_DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return List.of(Path.of(property));
        }
        List<Path> dirs = new ArrayList<>();
        dirs.add(Path.of("data"));
        besideJar().ifPresent(dirs::add);
        return dirs;
    }

    /** {@code ../data} from the jar (or from target/classes when run from the build tree). */
    private static Optional<Path> besideJar() {
        try {
            CodeSource code = DataLoader.class.getProtectionDomain().getCodeSource();
            if (code == null || code.getLocation() == null) {
                return Optional.empty();
            }
            Path buildDir = Path.of(code.getLocation().toURI()).toAbsolutePath().getParent();
            if (buildDir == null || buildDir.getParent() == null) {
                return Optional.empty();
            }
            return Optional.of(buildDir.getParent().resolve("data"));
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException | SecurityException e) {
            return Optional.empty();
        }
    }
}
