package rbm.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The quality of {@link BitHash#hash} on the states the relevance engine sees: sparse ones (few units on), states
 * that differ in one bit, and states that differ by the order of their words. A weak hash does not make the counter
 * wrong (keys are compared exactly) but slow, so these check what would make it slow.
 */
class BitHashTest {
    private static final int WORDS = 13; // 784 bits, the input layer

    @Test
    void allStatesWithOneOrTwoBitsOnHaveDistinctHashes() {
        int bits = 64 * WORDS;
        Set<Long> seen = new HashSet<>();
        long[] w = new long[WORDS];
        int states = 1;
        seen.add(BitHash.hash(w, 0, WORDS));
        for (int i = 0; i < bits; i++) {
            w[i >>> 6] ^= 1L << i;
            states++;
            seen.add(BitHash.hash(w, 0, WORDS));
            for (int j = i + 1; j < bits; j++) {
                w[j >>> 6] ^= 1L << j;
                states++;
                seen.add(BitHash.hash(w, 0, WORDS));
                w[j >>> 6] ^= 1L << j;
            }
            w[i >>> 6] ^= 1L << i;
        }
        // 340,000 states; a random 64-bit function collides among them with probability 3e-9
        assertEquals(states, seen.size(), "states sharing a hash");
    }

    @Test
    void flippingAnyInputBitFlipsAboutHalfTheOutputBits() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        int keys = 200;
        for (int bit = 0; bit < 64 * WORDS; bit++) {
            long flips = 0;
            for (int r = 0; r < keys; r++) {
                long[] w = new long[WORDS];
                for (int i = 0; i < WORDS; i++) {
                    w[i] = r % 2 == 0 ? rng.nextLong() : rng.nextLong() & rng.nextLong() & rng.nextLong(); // dense, sparse
                }
                long before = BitHash.hash(w, 0, WORDS);
                w[bit >>> 6] ^= 1L << bit;
                flips += Long.bitCount(before ^ BitHash.hash(w, 0, WORDS));
            }
            // 200 keys × 64 output bits, each flipping with probability 1/2: mean 32, sd 0.28
            assertEquals(32.0, flips / (double) keys, 1.5, "mean output bits flipped by input bit " + bit);
        }
    }

    @Test
    void wordOrderAndWidthChangeTheHash() {
        long[] w = {5L, 7L, 11L};
        long[] swapped = {7L, 5L, 11L};
        assertNotEquals(BitHash.hash(w, 0, 3), BitHash.hash(swapped, 0, 3));
        assertNotEquals(BitHash.hash(new long[] {0L, 0L}, 0, 1), BitHash.hash(new long[] {0L, 0L}, 0, 2));
        // a first word equal to its key constant zeroes the product of its pair; the second word must still count
        long golden = 0x9E3779B97F4A7C15L;
        Set<Long> seen = new HashSet<>();
        for (long b = 0; b < 1000; b++) {
            seen.add(BitHash.hash(new long[] {golden, b}, 0, 2));
        }
        assertEquals(1000, seen.size());
        // and reading at an offset sees the same words
        long[] padded = {-1L, 5L, 7L, 11L};
        assertEquals(BitHash.hash(w, 0, 3), BitHash.hash(padded, 1, 3));
        assertTrue(BitHash.hash(w, 0, 3) != BitHash.hash(w, 0, 2));
    }
}
