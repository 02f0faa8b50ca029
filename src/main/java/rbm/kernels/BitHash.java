package rbm.kernels;

/**
 * A 64-bit hash of a bit vector held in longs. Each word is mixed into the state and the state is passed through
 * the Stafford "Mix13" finaliser of SplitMix64, which spreads every input bit over all output bits; the length is
 * mixed in too, so that vectors of different widths that agree on their words do not collide trivially.
 */
public final class BitHash {
    /** The golden-ratio increment of SplitMix64: odd, and its bits look random. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private BitHash() {}

    public static long hash(long[] words, int off, int nWords) {
        long h = GOLDEN * (nWords + 1);
        for (int i = 0; i < nWords; i++) {
            h = mix(h ^ words[off + i]) + GOLDEN;
        }
        return mix(h);
    }

    /** Stafford's Mix13 (the SplitMix64 finaliser). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
