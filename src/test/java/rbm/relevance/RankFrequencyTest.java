package rbm.relevance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import rbm.count.FrequencyProfile;

/** The rank-frequency runs against a sample worked by hand, and against sorting the counts. */
class RankFrequencyTest {
    @Test
    void aaabbcdByHand() {
        // A×3, B×2, C×1, D×1: rank 1 has k = 3, rank 2 has k = 2, ranks 3 and 4 have k = 1
        RankFrequency rf = RankFrequency.of(FrequencyProfile.ofCounts(new long[] {3, 2, 1, 1}));
        assertArrayEquals(new long[] {1, 2, 3}, rf.first());
        assertArrayEquals(new long[] {1, 2, 4}, rf.last());
        assertArrayEquals(new long[] {3, 2, 1}, rf.k());
    }

    @Test
    void allDistinctIsOneRun() {
        RankFrequency rf = RankFrequency.of(FrequencyProfile.ofCounts(new long[] {1, 1, 1, 1, 1, 1, 1, 1}));
        assertArrayEquals(new long[] {1}, rf.first());
        assertArrayEquals(new long[] {8}, rf.last());
        assertArrayEquals(new long[] {1}, rf.k());
    }

    @Test
    void runsExpandToTheCountsSortedDescending() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(4L);
        long[] counts = new long[500];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = 1 + (long) Math.floor(Math.pow(rng.nextDouble(), -1.2));
        }
        RankFrequency rf = RankFrequency.of(FrequencyProfile.ofCounts(counts));
        long[] expanded = new long[counts.length];
        int at = 0;
        for (int run = 0; run < rf.k().length; run++) {
            assertEquals(at + 1, rf.first()[run], "runs are consecutive from rank 1");
            for (long r = rf.first()[run]; r <= rf.last()[run]; r++) {
                expanded[at++] = rf.k()[run];
            }
        }
        assertEquals(counts.length, at, "every state has a rank");
        long[] sorted = counts.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(sorted[sorted.length - 1 - i], expanded[i], "rank " + (i + 1));
        }
    }
}
