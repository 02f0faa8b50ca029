package rbm.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The reliability curve against counts made by hand. */
class ReliabilityTest {

    @Test
    void theCurveCountsSamplesWithinEachThreshold() {
        double[] nearest = {0, 0.1, 0.1, 0.2, 0.35, 0.4, 0.5, 0.9};
        Reliability r = Reliability.of(nearest, 0.2, 5); // thresholds 0, 0.1, 0.2, 0.3, 0.4
        assertArrayEquals(new double[] {0, 0.1, 0.2, 0.3, 0.4}, r.thresholds(), 1e-15);
        assertArrayEquals(new double[] {1 / 8.0, 3 / 8.0, 4 / 8.0, 4 / 8.0, 6 / 8.0}, r.fraction(), 1e-15);
        assertEquals(4 / 8.0, r.atReference(), 1e-15, "0, 0.1, 0.1 and 0.2 are within 0.2");
        assertEquals(0.2, r.reference());
    }

    @Test
    void thresholdsStopAtTheLargestDistance() {
        Reliability r = Reliability.of(new double[] {0.3, 0.9, 1.0}, 0.7, 3);
        assertArrayEquals(new double[] {0, 0.5, 1}, r.thresholds(), 1e-15, "2 × 0.7 capped at 1");
        assertArrayEquals(new double[] {0, 1 / 3.0, 1}, r.fraction(), 1e-15);
    }

    @Test
    void theMedianIsTheLowerMiddleValue() {
        assertEquals(0.4, Reliability.median(new double[] {0.9, 0.4, 0.1}));
        assertEquals(0.4, Reliability.median(new double[] {0.9, 0.4, 0.1, 0.7}));
        assertEquals(0.2, Reliability.median(new double[] {0.2}));
    }

    @Test
    void anEmptySampleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Reliability.of(new double[0], 0.5, 5));
        assertThrows(IllegalArgumentException.class, () -> Reliability.of(new double[] {0.1}, 0.5, 1));
    }
}
