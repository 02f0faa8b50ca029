package rbm.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Quantiles and the distribution function of the standard normal against tabulated values. */
class StandardNormalTest {

    @Test
    void quantilesMatchTables() {
        assertEquals(0, StandardNormal.quantile(0.5), 1e-12);
        assertEquals(0.8416212335729143, StandardNormal.quantile(0.8), 1e-10);
        assertEquals(1.6448536269514722, StandardNormal.quantile(0.95), 1e-10);
        assertEquals(1.959963984540054, StandardNormal.quantile(0.975), 1e-10);
        assertEquals(2.5758293035489004, StandardNormal.quantile(0.995), 1e-10);
        assertEquals(3.090232306167813, StandardNormal.quantile(0.999), 1e-10);
    }

    @Test
    void theDistributionFunctionMatchesTables() {
        assertEquals(0.8413447460685429, StandardNormal.cdf(1), 1e-13);
        assertEquals(0.9772498680518208, StandardNormal.cdf(2), 1e-13);
        assertEquals(0.9999683287581669, StandardNormal.cdf(4), 1e-13);
    }

    @Test
    void probabilitiesOutsideTheRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> StandardNormal.quantile(0.4));
        assertThrows(IllegalArgumentException.class, () -> StandardNormal.quantile(1));
    }
}
