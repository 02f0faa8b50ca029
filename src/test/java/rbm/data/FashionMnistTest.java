package rbm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Fashion-MNIST as Debian's package dataset-fashion-mnist installs it; skipped where that package is not installed.
 * Expected values come from sha256sum and xxd on the installed files.
 */
class FashionMnistTest {
    private static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void readsTheDebianPackagesFiles() {
        assumeTrue(Files.isDirectory(DIR), "dataset-fashion-mnist is not installed");
        Dataset train = DataLoader.load(DIR.resolve("train-images-idx3-ubyte.gz"),
                DIR.resolve("train-labels-idx1-ubyte.gz"));
        Dataset test = DataLoader.load(DIR.resolve("t10k-images-idx3-ubyte.gz"),
                DIR.resolve("t10k-labels-idx1-ubyte.gz"));
        assertEquals(60000, train.rows());
        assertEquals(784, train.cols());
        assertEquals(10000, test.rows());
        assertEquals("c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888", train.source().sha256());
        assertEquals(9, train.labels()[0]); // ankle boot
        assertEquals(0, train.labels()[1]); // T-shirt/top
        assertEquals(9, test.labels()[0]);
        assertEquals(2, test.labels()[1]); // pullover
    }
}
