package rbm.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The reliability curve against counts made by hand. */
class ReliabilityTest {

    @Test
    void theCurveCountsSamplesWithinEachThreshold() {
        int[] nearest = {0, 3, 3, 5, 9, 10, 12, 20};
        Reliability r = Reliability.of(nearest, 5, 5); // thresholds 0, 2.5→3, 5, 7.5→8, 10
        assertArrayEquals(new int[] {0, 3, 5, 8, 10}, r.thresholds());
        assertArrayEquals(new double[] {1 / 8.0, 3 / 8.0, 4 / 8.0, 4 / 8.0, 6 / 8.0}, r.fraction(), 1e-15);
        assertEquals(4 / 8.0, r.atReference(), 1e-15, "0, 3, 3 and 5 are within 5");
        assertEquals(5, r.reference());
    }

    @Test
    void theMedianIsTheLowerMiddleValue() {
        assertEquals(4, Reliability.median(new int[] {9, 4, 1}));
        assertEquals(4, Reliability.median(new int[] {9, 4, 1, 7}));
        assertEquals(2, Reliability.median(new int[] {2}));
    }

    @Test
    void anEmptySampleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Reliability.of(new int[0], 5, 5));
        assertThrows(IllegalArgumentException.class, () -> Reliability.of(new int[] {1}, 5, 1));
    }
}
