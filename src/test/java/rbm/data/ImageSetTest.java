package rbm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static rbm.data.TestFiles.assertBadInput;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class ImageSetTest {
    @Test
    void parsesTheCommandLineNames() {
        assertEquals(ImageSet.MNIST, ImageSet.parse("mnist"));
        assertEquals(ImageSet.FASHION_MNIST, ImageSet.parse("fashion-mnist"));
        assertEquals(ImageSet.FASHION_MNIST, ImageSet.parse(" Fashion-MNIST "));
        assertEquals("mnist, fashion-mnist", ImageSet.cliNames());
        assertEquals("Fashion-MNIST", ImageSet.FASHION_MNIST.displayName());
        assertEquals("mnist", ImageSet.MNIST.cliName());
    }

    @Test
    void anUnknownNameListsTheValidOnes() {
        assertBadInput(() -> ImageSet.parse("fashion_mnist"), "'fashion_mnist'", "mnist, fashion-mnist");
        assertBadInput(() -> ImageSet.parse(""), "unknown image set ''", "mnist, fashion-mnist");
        assertBadInput(() -> ImageSet.parse(null), "unknown image set 'null'");
    }

    @Test
    void classNamesFollowTheLabels() {
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), ImageSet.MNIST.classNames());
        // Zalando's table of labels: 0 T-shirt/top, 1 Trouser, ..., 9 Ankle boot
        List<String> fashion = ImageSet.FASHION_MNIST.classNames();
        assertEquals(10, fashion.size());
        assertEquals("T-shirt/top", fashion.get(0));
        assertEquals("Sandal", fashion.get(5));
        assertEquals("Ankle boot", fashion.get(9));
    }

    @Test
    void mnistLoadsTheBundledFiles() {
        Dataset test = ImageSet.MNIST.test();
        assertEquals(10000, test.rows());
        assertEquals(7, test.labels()[0]);
        assertEquals(DataLoader.bundledTestImages().toString(), test.source().path());
    }

    @Test
    void fashionMnistLoadsFromItsDirectory() {
        Path dir = FashionMnist.directory();
        assumeTrue(Files.isDirectory(dir), "Fashion-MNIST is not installed in " + dir);
        Dataset test = ImageSet.FASHION_MNIST.test();
        assertEquals(dir.resolve("t10k-images-idx3-ubyte.gz").toString(), test.source().path());
        assertEquals(9, test.labels()[0]); // an ankle boot, as in the cut and the package
    }
}
