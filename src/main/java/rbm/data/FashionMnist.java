package rbm.data;

import java.nio.file.Path;
import java.util.Optional;

import rbm.io.BadInputException;

/**
 * Where Zalando's Fashion-MNIST is found, and the checks on what is read from there. The directory is the one named
 * by the environment variable {@value #DIR_VARIABLE} if set, else {@value #DEBIAN_DIR}, where Debian's package
 * {@value #APT_PACKAGE} installs it. The four files have MNIST's names, gzipped or not.
 */
public final class FashionMnist {
    public static final String DIR_VARIABLE = "RBM_FASHION_MNIST";
    /** The same as a Java system property, which takes precedence: for tests and programs that embed the library. */
    public static final String DIR_PROPERTY = "rbm.fashion-mnist";
    public static final String DEBIAN_DIR = "/usr/share/datasets/fashion-mnist";
    public static final String APT_PACKAGE = "dataset-fashion-mnist";
    static final String UPSTREAM = "https://github.com/zalandoresearch/fashion-mnist";
    static final int SIDE = 28;
    static final int CLASSES = 10;

    private FashionMnist() {
    }

    /**
     * The directory the loaders read: the system property {@value #DIR_PROPERTY} if set, else {@value #DIR_VARIABLE}
     * if set and not blank, else {@value #DEBIAN_DIR}.
     */
    public static Path directory() {
        String property = System.getProperty(DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String variable = System.getenv(DIR_VARIABLE);
        return variable == null || variable.isBlank() ? Path.of(DEBIAN_DIR) : Path.of(variable);
    }

    /** The training or test images of {@code dir} with their labels, checked to be 28×28 with labels 0..9. */
    static Dataset load(Path dir, String images, String labels) {
        Dataset d = DataLoader.load(file(dir, images), file(dir, labels));
        if (d.cols() != SIDE * SIDE) {
            throw new BadInputException(d.source().path() + ": images of " + d.cols() + " pixels; Fashion-MNIST's are "
                    + SIDE + "×" + SIDE + " = " + SIDE * SIDE);
        }
        int[] l = d.labels();
        for (int i = 0; i < l.length; i++) {
            if (l[i] >= CLASSES) {
                throw new BadInputException(file(dir, labels) + ": label " + l[i] + " at index " + i
                        + "; Fashion-MNIST's labels are 0.." + (CLASSES - 1));
            }
        }
        return d;
    }

    private static Path file(Path dir, String name) {
        return DataLoader.find(dir, name).orElseThrow(() -> new BadInputException("Fashion-MNIST not found in "
                + dir.toAbsolutePath().normalize() + whose(dir) + ": no " + name + ".gz there; install it with"
                + " 'apt-get install " + APT_PACKAGE + "' (Debian/Ubuntu), or set " + DIR_VARIABLE
                + " to a directory holding the four IDX files of " + UPSTREAM));
    }

    /** Says where the directory came from when the user named it. */
    private static String whose(Path dir) {
        return Optional.ofNullable(System.getenv(DIR_VARIABLE)).filter(v -> dir.equals(Path.of(v)))
                .map(v -> " (from " + DIR_VARIABLE + ")").orElse("");
    }
}
