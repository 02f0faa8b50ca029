package rbm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rbm.data.TestFiles.assertSpansUnitInterval;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The MNIST files bundled in data/, checked against values read by hand from the raw bytes (xxd). */
class BundledMnistTest {
    private static Dataset train;
    private static Dataset test;

    @BeforeAll
    static void load() {
        long start = System.nanoTime();
        train = DataLoader.mnistTrain();
        test = DataLoader.mnistTest();
        System.out.printf("loaded bundled MNIST in %.2f s%n", (System.nanoTime() - start) / 1e9);
    }

    @Test
    void shapes() {
        assertEquals(60000, train.rows());
        assertEquals(784, train.cols());
        assertEquals(60000, train.labels().length);
        assertEquals(10000, test.rows());
        assertEquals(784, test.cols());
        assertEquals(10000, test.labels().length);
    }

    @Test
    void provenanceOfTheUncompressedFiles() {
        assertEquals("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db", train.source().sha256());
        assertEquals("0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7", test.source().sha256());
        assertEquals("idx/ubyte", train.source().format());
        assertTrue(train.source().path().endsWith("train-images-idx3-ubyte.gz"), train.source().path());
    }

    @Test
    void labelsAreDigits() {
        for (int[] labels : new int[][] {train.labels(), test.labels()}) {
            int[] counts = new int[10];
            for (int label : labels) {
                assertTrue(label >= 0 && label <= 9, "label " + label);
                counts[label]++;
            }
            for (int digit = 0; digit < 10; digit++) {
                assertTrue(counts[digit] > labels.length / 20, "digit " + digit + " appears " + counts[digit]);
            }
        }
    }

    @Test
    void handCheckedLabelsAndPixels() {
        assertEquals(5, train.labels()[0]);
        assertEquals(0, train.labels()[1]);
        assertEquals(7, test.labels()[0]);
        assertEquals(2, test.labels()[1]);
        // training image 0, pixel row 5: bytes 0x03 at column 12, 0xff at column 21
        assertEquals(0f, train.get(0, 5 * 28 + 11));
        assertEquals(3 / 255f, train.get(0, 5 * 28 + 12));
        assertEquals(1f, train.get(0, 5 * 28 + 21));
        // test image 0, pixel row 7, column 6: 0x54 = 84
        assertEquals(84 / 255f, test.get(0, 7 * 28 + 6));
        assertEquals(0f, test.get(0, 0));
    }

    @Test
    void pixelsAreGreyLevelsInUnitInterval() {
        assertSpansUnitInterval(train.values());
    }
}
