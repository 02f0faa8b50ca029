package rbm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static rbm.data.TestFiles.assertBadInput;

import org.junit.jupiter.api.Test;

class DatasetTest {
    private static final float[] SIX = {0f, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f};

    @Test
    void ofKeepsValuesRowMajor() {
        Dataset d = Dataset.of(SIX.clone(), 3, 2);
        assertEquals(3, d.rows());
        assertEquals(2, d.cols());
        assertEquals(0.3f, d.get(1, 1));
        assertEquals(0.4f, d.get(2, 0));
        assertNull(d.labels());
        assertEquals("memory", d.source().format());
        assertThrows(IndexOutOfBoundsException.class, () -> d.get(3, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> d.get(0, 2));
    }

    @Test
    void ofChecksSizes() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.of(SIX.clone(), 4, 2));
        assertThrows(IllegalArgumentException.class, () -> Dataset.of(SIX.clone(), 6, 0));
    }

    @Test
    void valuesMustBeFiniteAndInUnitInterval() {
        float[] bad = SIX.clone();
        bad[3] = 1.01f;
        assertBadInput(() -> Dataset.of(bad, 3, 2), "(in memory)", "row 1, column 1", "[0,1]");
        bad[3] = Float.NaN;
        assertBadInput(() -> Dataset.of(bad, 3, 2), "NaN", "row 1, column 1");
        bad[3] = -0.0001f;
        assertBadInput(() -> Dataset.of(bad, 3, 2), "row 1, column 1");
        bad[3] = Float.POSITIVE_INFINITY;
        assertBadInput(() -> Dataset.of(bad, 3, 2), "Infinity");
    }

    @Test
    void subsetCopiesRowsAndLabels() {
        Dataset d = Dataset.of(SIX.clone(), 3, 2).withLabels(new int[] {7, 8, 9});
        Dataset s = d.subset(1, 3);
        assertEquals(2, s.rows());
        assertArrayEquals(new float[] {0.2f, 0.3f, 0.4f, 0.5f}, s.values());
        assertArrayEquals(new int[] {8, 9}, s.labels());
        assertNotSame(d.values(), s.values());
        assertSame(d.source(), s.source());
        assertEquals(0, d.subset(2, 2).rows());
        assertThrows(IndexOutOfBoundsException.class, () -> d.subset(2, 4));
    }

    @Test
    void withLabelsNeedsOneLabelPerRow() {
        Dataset d = Dataset.of(SIX.clone(), 3, 2);
        int[] labels = {1, 2, 3};
        Dataset labelled = d.withLabels(labels);
        labels[0] = 99;
        assertArrayEquals(new int[] {1, 2, 3}, labelled.labels());
        assertNull(d.labels());
        assertBadInput(() -> d.withLabels(new int[] {1, 2}), "3 rows", "2 labels");
    }
}
