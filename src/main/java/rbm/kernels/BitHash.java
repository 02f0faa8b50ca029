package rbm.kernels;

/**
 * A 64-bit hash of a bit vector held in longs: {@code mix(seed + Σ_i mix(w_i ⊕ k_i))}, where mix is the Stafford
 * "Mix13" finaliser of SplitMix64 (a bijection that spreads every input bit over all output bits), k_i = (i + 1)·φ
 * (the Weyl sequence of SplitMix64, so that each position has its own key and words cannot trade places), and the
 * seed depends on the number of words, so that vectors of different widths that agree on their words do not
 * collide trivially.
 *
 * <p>Each word is mixed on its own and the results are summed, so the words' rounds are independent and overlap in
 * the processor, where a chain {@code h = mix(h ⊕ w_i)} waits for one round before it starts the next: 2.0× faster
 * for 13 words (784 bits) and 3.2× for 64, measured in cache on the machine of {@code benchmarks/README.md}. A
 * cheaper sum of products of pairs of words (as XXH3 stripes do) does not serve: with a constant factor, a product
 * is linear in the other word, and states with one or two units on collide ({@code BitHashTest}).
 */
public final class BitHash {
    /** The golden-ratio increment of SplitMix64: odd, and its bits look random. */
    static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private BitHash() {}

    public static long hash(long[] words, int off, int nWords) {
        long sum = seed(nWords);
        long key = GOLDEN;
        for (int i = 0; i < nWords; i++) {
            sum += mix(words[off + i] ^ key);
            key += GOLDEN;
        }
        return mix(sum);
    }

    /** The starting value of the sum, which tells widths apart. */
    static long seed(int nWords) {
        return GOLDEN * (nWords + 1);
    }

    /** Stafford's Mix13 (the SplitMix64 finaliser). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
