package rbm.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rbm.count.FrequencyProfile;

/** Resolution, relevance and noise against the hand-checked values of PAPER.md, and their invariants. */
class ResolutionRelevanceTest {

    /** The profile of a sample written as one character per state. */
    static FrequencyProfile sample(String states) {
        Map<Character, Long> counts = new HashMap<>();
        for (char c : states.toCharArray()) {
            counts.merge(c, 1L, Long::sum);
        }
        return FrequencyProfile.ofCounts(counts.values().stream().mapToLong(Long::longValue).toArray());
    }

    @ParameterizedTest
    @CsvSource({
        "AAABBCD, 1.842371, 1.556657, 0.285714",
        "ABCDEFGH, 3, 0, 3",
        "AAAABBBB, 1, 0, 1",
        "AAAAAAABBBBBCCCDDE, 2.057924, 2.057924, 0"})
    void handCheckedSamples(String states, double hs, double hk, double noise) {
        ResolutionRelevance h = ResolutionRelevance.of(sample(states));
        assertEquals(states.length(), h.samples());
        assertEquals(hs, h.resolution(), 1e-6);
        assertEquals(hk, h.relevance(), 1e-6);
        assertEquals(noise, h.noise(), 1e-6);
        assertEquals(hs / (Math.log(states.length()) / Math.log(2)), h.normalisedResolution(), 1e-6);
    }

    @Test
    void profileOfAHandCheckedSample() {
        FrequencyProfile p = sample("AAABBCD");
        assertEquals(7, p.samples());
        assertEquals(4, p.distinct());
        assertEquals("[1, 2, 3]", java.util.Arrays.toString(p.k()));
        assertEquals("[2, 1, 1]", java.util.Arrays.toString(p.m()));
    }

    @Test
    void allDistinctStatesHaveFullResolutionAndNoRelevance() {
        for (int m = 1; m <= 3000; m += 37) {
            long[] ones = new long[m];
            java.util.Arrays.fill(ones, 1);
            ResolutionRelevance h = ResolutionRelevance.of(FrequencyProfile.ofCounts(ones));
            assertEquals(Math.log(m) / Math.log(2), h.resolution(), 1e-12, "M = " + m);
            assertEquals(0, h.relevance(), 1e-12, "M = " + m);
        }
    }

    @Test
    void allDifferentFrequenciesHaveNoNoise() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        for (int trial = 0; trial < 200; trial++) {
            long[] counts = rng.longs(1 + rng.nextInt(50), 1, 10_000).distinct().toArray();
            ResolutionRelevance h = ResolutionRelevance.of(FrequencyProfile.ofCounts(counts));
            assertEquals(h.resolution(), h.relevance(), 1e-12);
        }
    }

    /** On random samples: 0 ≤ H[K] ≤ H[s] ≤ log2 M exactly, and both agree with the definitions summed per state. */
    @Test
    void orderAndDefinitionsOnRandomSamples() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(12L);
        for (int trial = 0; trial < 2000; trial++) {
            int states = 1 + rng.nextInt(300);
            int maxCount = 1 + rng.nextInt(trial % 2 == 0 ? 5 : 1000);
            long[] counts = new long[states];
            long m = 0;
            for (int i = 0; i < states; i++) {
                counts[i] = 1 + rng.nextInt(maxCount);
                m += counts[i];
            }
            FrequencyProfile p = FrequencyProfile.ofCounts(counts);
            ResolutionRelevance h = ResolutionRelevance.of(p);
            assertTrue(0 <= h.relevance() && h.relevance() <= h.resolution()
                    && h.resolution() <= h.maxResolution(), h.toString());
            double hs = 0;
            for (long k : counts) {
                hs -= (double) k / m * Math.log((double) k / m) / Math.log(2);
            }
            double hk = 0;
            for (int i = 0; i < p.size(); i++) {
                double pk = (double) p.k()[i] * p.m()[i] / m;
                hk -= pk * Math.log(pk) / Math.log(2);
            }
            assertEquals(hs, h.resolution(), 1e-9);
            assertEquals(hk, h.relevance(), 1e-9);
        }
    }

    @Test
    void eulerMaclaurinRangeSumsMatchDirectSums() {
        for (long[] range : new long[][] {{1, 10}, {65_536, 300_000}, {70_000, 1_000_000}, {5, 200_000}}) {
            double direct = 0;
            for (long k = range[0]; k <= range[1]; k++) {
                direct += k * Math.log(k);
            }
            double sum = ResolutionRelevance.Sums.sumKLnK(range[0], range[1]);
            assertEquals(direct, sum, 1e-12 * direct, range[0] + ".." + range[1]);
        }
    }
}
