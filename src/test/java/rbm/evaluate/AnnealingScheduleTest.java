package rbm.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnnealingScheduleTest {

    @Test
    void classicScheduleHasSalakhutdinovAndMurraysSteps() {
        AnnealingSchedule s = AnnealingSchedule.classic();
        assertEquals(14_500, s.steps());
        assertEquals(0, s.beta(0));
        assertEquals(0.001, s.beta(1), 1e-15);
        assertEquals(0.5, s.beta(500), 1e-15);
        assertEquals(0.5001, s.beta(501), 1e-15);
        assertEquals(0.9, s.beta(4_500), 1e-15);
        assertEquals(0.90001, s.beta(4_501), 1e-15);
        assertEquals(1, s.beta(14_500));
        for (int k = 1; k <= s.steps(); k++) {
            assertTrue(s.beta(k) > s.beta(k - 1), "β_" + k);
        }
    }

    @Test
    void otherCountsShareTheStepsInTheSameProportions() {
        AnnealingSchedule s = AnnealingSchedule.of(29); // 1, 8 and 20 steps
        assertEquals(29, s.steps());
        assertEquals(0.5, s.beta(1), 1e-15);
        assertEquals(0.55, s.beta(2), 1e-15);
        assertEquals(0.9, s.beta(9), 1e-15);
        assertEquals(0.905, s.beta(10), 1e-15);
        assertEquals(1, s.beta(29));
        AnnealingSchedule two = AnnealingSchedule.of(2);
        assertEquals(0.9, two.beta(1), 1e-15);
        assertEquals(1, two.beta(2));
    }

    @Test
    void rejectsTooFewStepsAndSchedulesThatDoNotRise() {
        assertThrows(IllegalArgumentException.class, () -> AnnealingSchedule.of(1));
        assertThrows(IllegalArgumentException.class, () -> AnnealingSchedule.of(new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> AnnealingSchedule.of(new double[] {0, 0.5, 0.5, 1}));
        assertThrows(IllegalArgumentException.class, () -> AnnealingSchedule.of(new double[] {0, 0.5, 0.9}));
        assertEquals(3, AnnealingSchedule.of(new double[] {0, 0.2, 0.7, 1}).steps());
    }
}
