package rbm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static rbm.data.TestFiles.assertBadInput;
import static rbm.data.TestFiles.concat;
import static rbm.data.TestFiles.gzip;
import static rbm.data.TestFiles.idxHeader;
import static rbm.data.TestFiles.write;
import static rbm.data.TestFiles.writeText;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLoaderTest {
    @TempDir
    Path dir;

    @Test
    void picksTheReaderByContentNotByName() {
        byte[] idx = concat(idxHeader(0x08, 2, 2), new byte[] {0, (byte) 255, (byte) 255, 0});
        Path idxNamedCsv = write(dir, "looks-like.csv", gzip(idx));
        Dataset a = DataLoader.load(idxNamedCsv);
        assertEquals("idx/ubyte", a.source().format());
        assertArrayEquals(new float[] {0, 1, 1, 0}, a.values());

        Path textNamedIdx = write(dir, "looks-like.idx", gzip("0 1\n1 0\n".getBytes(StandardCharsets.UTF_8)));
        Dataset b = DataLoader.load(textNamedIdx);
        assertEquals("text", b.source().format());
        assertArrayEquals(a.values(), b.values());
    }

    @Test
    void idxWithBadTypeByteIsReportedAsIdx() {
        Path file = write(dir, "odd", concat(idxHeader(0x0A, 1), new byte[1]));
        assertBadInput(() -> DataLoader.load(file), file.toString(), "unsupported IDX data type 0x0A");
    }

    @Test
    void loadsLabelsFromIdxOrText() {
        Path idx = write(dir, "l.idx", concat(idxHeader(0x08, 3), new byte[] {2, 0, 1}));
        Path text = writeText(dir, "l.txt", "2\n0\n1\n");
        assertArrayEquals(new int[] {2, 0, 1}, DataLoader.loadLabels(idx));
        assertArrayEquals(new int[] {2, 0, 1}, DataLoader.loadLabels(text));
    }

    @Test
    void dataWithLabelsNeedsOneLabelPerRow() {
        Path data = writeText(dir, "d.txt", "01\n10\n11\n");
        Path labels = writeText(dir, "l.txt", "1\n2\n3\n");
        assertArrayEquals(new int[] {1, 2, 3}, DataLoader.load(data, labels).labels());
        Path few = writeText(dir, "few.txt", "1\n2\n");
        assertBadInput(() -> DataLoader.load(data, few), few.toString(), data.toString(), "2 labels", "3 rows");
    }

    @Test
    void dataDirPropertyIsSearchedFirst() throws Exception {
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), concat(idxHeader(0x08, 2), new byte[] {4, 2}));
        Path found = withDataDir(dir.toString(), DataLoader::bundledTestLabels);
        assertEquals(dir.resolve("t10k-labels-idx1-ubyte"), found);
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), new byte[] {1});
        assertEquals(dir.resolve("t10k-labels-idx1-ubyte.gz"), withDataDir(dir.toString(),
                DataLoader::bundledTestLabels));
    }

    @Test
    void missingBundledMnistSaysToPassData() {
        Path empty = dir.resolve("nothing-here");
        String message = assertBadInput(() -> withDataDir(empty.toString(), DataLoader::bundledTrainImages),
                "bundled MNIST not found", "train-images-idx3-ubyte.gz", "--data");
        assertEquals(true, message.contains(empty.toString()), message);
    }

    @Test
    void withoutThePropertyTheWorkingDirectoryDataIsFound() {
        // surefire runs in the project directory, which holds data/
        Path found = withDataDir(null, DataLoader::bundledTrainImages);
        assertEquals(Path.of("data", "train-images-idx3-ubyte.gz"), found);
    }

    private static <T> T withDataDir(String value, Supplier<T> action) {
        String old = System.getProperty(DataLoader.DATA_DIR_PROPERTY);
        try {
            if (value == null) {
                System.clearProperty(DataLoader.DATA_DIR_PROPERTY);
            } else {
                System.setProperty(DataLoader.DATA_DIR_PROPERTY, value);
            }
            return action.get();
        } finally {
            if (old == null) {
                System.clearProperty(DataLoader.DATA_DIR_PROPERTY);
            } else {
                System.setProperty(DataLoader.DATA_DIR_PROPERTY, old);
            }
        }
    }
}
