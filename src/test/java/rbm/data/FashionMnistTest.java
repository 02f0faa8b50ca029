package rbm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static rbm.data.TestFiles.assertBadInput;
import static rbm.data.TestFiles.assertSpansUnitInterval;
import static rbm.data.TestFiles.concat;
import static rbm.data.TestFiles.gzip;
import static rbm.data.TestFiles.idxHeader;
import static rbm.data.TestFiles.write;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fashion-MNIST: the cut in src/test/resources/fashion-mnist always, and Debian's package dataset-fashion-mnist where
 * it is installed. Expected values come from sha256sum, xxd and {@code uniq -c} on the files.
 */
class FashionMnistTest {
    private static final Path DEBIAN = Path.of(FashionMnist.DEBIAN_DIR);

    @TempDir
    Path dir;

    @Test
    void theCutHasTheShapeGreyLevelsAndLabelsOfItsBytes() {
        Dataset train = FashionMnistSubset.train();
        Dataset test = FashionMnistSubset.test();
        assertEquals(1000, train.rows());
        assertEquals(784, train.cols());
        assertEquals(200, test.rows());
        assertEquals(784, test.cols());
        assertEquals("idx/ubyte", train.source().format());
        // image 0, pixel row 4 holds 0x24 0x88 at columns 14 and 15; row 5 holds 0x66 0xcc there
        assertEquals(0x24 / 255f, train.get(0, 4 * 28 + 14));
        assertEquals(0x88 / 255f, train.get(0, 4 * 28 + 15));
        assertEquals(0xcc / 255f, train.get(0, 5 * 28 + 15));
        assertEquals(0f, train.get(0, 0));
        assertSpansUnitInterval(train.values());
        int[] counts = new int[10];
        for (int label : train.labels()) {
            counts[label]++; // a label outside 0..9 throws here
        }
        assertArrayEquals(new int[] {107, 104, 86, 92, 95, 100, 100, 115, 102, 99}, counts);
        assertEquals(9, train.labels()[0]);
        assertEquals(8, train.labels()[999]);
        assertArrayEquals(new int[] {9, 2, 1}, Arrays.copyOf(test.labels(), 3));
    }

    @Test
    void theCutIsTheFirstRowsOfTheDebianPackagesFiles() {
        assumeTrue(Files.isDirectory(DEBIAN), "dataset-fashion-mnist is not installed");
        Dataset train = DataLoader.fashionMnistTrain(DEBIAN);
        Dataset test = DataLoader.fashionMnistTest(DEBIAN);
        assertEquals(60000, train.rows());
        assertEquals(784, train.cols());
        assertEquals(10000, test.rows());
        assertEquals("c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888", train.source().sha256());
        assertEquals("5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b", test.source().sha256());
        assertSamePrefix(FashionMnistSubset.train(), train);
        assertSamePrefix(FashionMnistSubset.test(), test);
    }

    @Test
    void withoutTheVariableTheLoadersReadTheDebianDirectory() {
        assumeTrue(System.getenv(FashionMnist.DIR_VARIABLE) == null, FashionMnist.DIR_VARIABLE + " is set");
        assertEquals(DEBIAN, FashionMnist.directory());
        assumeTrue(Files.isDirectory(DEBIAN), "dataset-fashion-mnist is not installed");
        Dataset test = DataLoader.fashionMnistTest();
        assertEquals(10000, test.rows());
        assertEquals(DEBIAN.resolve("t10k-images-idx3-ubyte.gz").toString(), test.source().path());
    }

    @Test
    void aMissingDirectoryNamesItAndThePackage() {
        Path absent = dir.resolve("no-such-dir");
        assertBadInput(() -> DataLoader.fashionMnistTrain(absent), "Fashion-MNIST not found in " + absent,
                "train-images-idx3-ubyte.gz", "apt-get install dataset-fashion-mnist", "RBM_FASHION_MNIST",
                "https://github.com/zalandoresearch/fashion-mnist");
    }

    @Test
    void aMissingLabelFileIsNamed() throws IOException {
        Files.copy(FashionMnistSubset.directory().resolve("t10k-images-idx3-ubyte.gz"),
                dir.resolve("t10k-images-idx3-ubyte.gz"));
        assertBadInput(() -> DataLoader.fashionMnistTest(dir), "Fashion-MNIST not found in " + dir,
                "no t10k-labels-idx1-ubyte.gz");
    }

    @Test
    void uncompressedFilesAreReadToo() throws IOException {
        for (String name : new String[] {"t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
            write(dir, name, gunzip(FashionMnistSubset.directory().resolve(name + ".gz")));
        }
        Dataset plain = DataLoader.fashionMnistTest(dir);
        assertArrayEquals(FashionMnistSubset.test().values(), plain.values());
        assertArrayEquals(FashionMnistSubset.test().labels(), plain.labels());
    }

    @Test
    void aGzipFileCutOffIsOneLineNamingIt() throws IOException {
        Path source = FashionMnistSubset.directory();
        byte[] gz = Files.readAllBytes(source.resolve("t10k-images-idx3-ubyte.gz"));
        Path cut = write(dir, "t10k-images-idx3-ubyte.gz", Arrays.copyOf(gz, gz.length / 2));
        Files.copy(source.resolve("t10k-labels-idx1-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"));
        assertBadInput(() -> DataLoader.fashionMnistTest(dir), cut.toString(), "cut off");
    }

    @Test
    void anUncompressedFileCutOffGivesTheExpectedAndFoundSizes() throws IOException {
        Path source = FashionMnistSubset.directory();
        byte[] plain = gunzip(source.resolve("t10k-images-idx3-ubyte.gz"));
        Path cut = write(dir, "t10k-images-idx3-ubyte", Arrays.copyOf(plain, plain.length - 784));
        Files.copy(source.resolve("t10k-labels-idx1-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"));
        // 16-byte header + 200 × 28 × 28 pixels
        assertBadInput(() -> DataLoader.fashionMnistTest(dir), cut.toString(), "truncated", "156816 bytes",
                "found 156032");
    }

    @Test
    void imagesThatAreNot28By28AreRejected() {
        write(dir, "train-images-idx3-ubyte", concat(idxHeader(0x08, 1, 27, 27), new byte[27 * 27]));
        write(dir, "train-labels-idx1-ubyte", concat(idxHeader(0x08, 1), new byte[] {3}));
        assertBadInput(() -> DataLoader.fashionMnistTrain(dir), "images of 729 pixels", "28×28");
    }

    @Test
    void labelsAbove9AreRejected() {
        write(dir, "train-images-idx3-ubyte.gz", gzip(concat(idxHeader(0x08, 2, 28, 28), new byte[2 * 784])));
        Path labels = write(dir, "train-labels-idx1-ubyte.gz", gzip(concat(idxHeader(0x08, 2), new byte[] {9, 10})));
        assertBadInput(() -> DataLoader.fashionMnistTrain(dir), labels.toString(), "label 10 at index 1", "0..9");
    }

    private static void assertSamePrefix(Dataset cut, Dataset full) {
        assertArrayEquals(cut.values(), Arrays.copyOf(full.values(), cut.values().length));
        assertArrayEquals(cut.labels(), Arrays.copyOf(full.labels(), cut.rows()));
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
