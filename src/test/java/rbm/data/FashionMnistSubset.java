package rbm.data;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The cut of Fashion-MNIST in src/test/resources/fashion-mnist (its README says how it was cut): the first 1,000
 * training and 200 test images with their labels, for tests that must run where Debian's package is not installed.
 */
public final class FashionMnistSubset {
    public static final int TRAIN_ROWS = 1000;
    public static final int TEST_ROWS = 200;

    private FashionMnistSubset() {
    }

    /** The directory on the test class path that holds the four cut files. */
    public static Path directory() {
        URL url = FashionMnistSubset.class.getResource("/fashion-mnist");
        if (url == null) {
            throw new IllegalStateException("fashion-mnist/ is missing from the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(url + " is not a file path", e);
        }
    }

    public static Dataset train() {
        return DataLoader.fashionMnistTrain(directory());
    }

    public static Dataset test() {
        return DataLoader.fashionMnistTest(directory());
    }
}
