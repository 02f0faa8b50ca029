package rbm.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rbm.count.FrequencyProfile;

/** The power-law fit gives back the exponent of samples drawn from a known Zipf law. */
class PowerLawFitTest {

    @Test
    void hurwitzZetaMatchesKnownValues() {
        assertEquals(Math.PI * Math.PI / 6, Math.exp(PowerLawFit.logHurwitz(2, 1)), 1e-14);
        assertEquals(1.2020569031595942, Math.exp(PowerLawFit.logHurwitz(3, 1)), 1e-14);
        assertEquals(2.612375348685488, Math.exp(PowerLawFit.logHurwitz(1.5, 1)), 1e-13);
        double tail = Math.PI * Math.PI / 6;
        for (int n = 1; n < 10; n++) {
            tail -= 1.0 / (n * n);
        }
        assertEquals(tail, Math.exp(PowerLawFit.logHurwitz(2, 10)), 1e-14);
        // ζ(40, 10^6) is (10^6)^−40 (1 + 10^6/39 + ...), far below the smallest double
        assertEquals(-40 * Math.log(1e6) + Math.log(1e6 / 39 + 0.5), PowerLawFit.logHurwitz(40, 1e6), 1e-6);
    }

    /** k_s drawn from P(k) ∝ k^−(1+μ): the fit finds μ within two of its standard errors. */
    @ParameterizedTest
    @CsvSource({"0.5, 1", "1, 2", "1, 3", "2, 4"})
    void recoversTheExponentOfZipfSamples(double mu, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        DiscreteSampler zipf = RejectionInversionZipfSampler.of(rng, 100_000_000, 1 + mu);
        long[] counts = new long[5000];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = zipf.sample();
        }
        PowerLawFit fit = PowerLawFit.fit(FrequencyProfile.ofCounts(counts));
        assertEquals(mu, fit.mu(), 2 * fit.error(), fit.toString());
        assertEquals(mu / Math.sqrt(fit.tail()), fit.error(), 0.3 * fit.error(), "close to (α − 1)/√n");
    }

    /** A Zipf tail above k = 20 under uniform clutter: k_min is found near 20 and μ is still recovered. */
    @Test
    void choosesTheCutOffAboveClutter() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        DiscreteSampler zipf = RejectionInversionZipfSampler.of(rng, 100_000_000, 2);
        long[] counts = new long[4000];
        int n = 0;
        while (n < 1000) {
            long k = zipf.sample();
            if (k >= 20) {
                counts[n++] = k;
            }
        }
        while (n < counts.length) {
            counts[n++] = 1 + rng.nextInt(19);
        }
        PowerLawFit fit = PowerLawFit.fit(FrequencyProfile.ofCounts(counts));
        assertTrue(fit.kMin() >= 18 && fit.kMin() <= 40, fit.toString());
        assertEquals(1, fit.mu(), 2 * fit.error(), fit.toString());
    }

    @Test
    void tooFewStatesGiveNoFit() {
        PowerLawFit fit = PowerLawFit.fit(FrequencyProfile.ofCounts(3, 2, 1, 1));
        assertTrue(Double.isNaN(fit.mu()));
        assertEquals(0, fit.kMin());
        long[] allOnes = new long[100];
        java.util.Arrays.fill(allOnes, 1);
        assertTrue(Double.isNaN(PowerLawFit.fit(FrequencyProfile.ofCounts(allOnes)).mu()), "one count: no slope");
    }
}
