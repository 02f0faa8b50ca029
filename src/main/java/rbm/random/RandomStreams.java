package rbm.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.simple.RandomSource;
import rbm.kernels.BitHash;

/**
 * Every random number in the project comes from here. One user seed gives a separate generator for each purpose
 * ("layer 2 training", "layer 2 propagation", ...), so that adding or removing one use of randomness leaves the
 * others unchanged, and a run can be resumed layer by layer. Worker threads get independent streams by jumping:
 * xoroshiro128++ jumps 2^64 steps, so streams never overlap.
 */
public final class RandomStreams {
    static final RandomSource SOURCE = RandomSource.XO_RO_SHI_RO_128_PP;

    private RandomStreams() {}

    /** A generator for one purpose, fully determined by (seed, purpose). */
    public static RestorableUniformRandomProvider create(long seed, String purpose) {
        long h = BitHash.mix(seed);
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = BitHash.mix(h ^ b);
        }
        long[] nativeSeed = {BitHash.mix(h), BitHash.mix(h + 0x9E3779B97F4A7C15L)};
        return RandomSource.create(SOURCE, nativeSeed);
    }

    /** {@code count} non-overlapping streams for one purpose, one per worker thread. */
    /**
     * A seed of its own for a computation that takes a seed (an AIS run, a bound): the first draw of the generator of
     * {@code purpose}, so that two purposes of one seed, or one purpose of two seeds, never share their streams.
     */
    public static long seedFor(long seed, String purpose) {
        return create(seed, purpose).nextLong();
    }

    public static UniformRandomProvider[] perThread(long seed, String purpose, int count) {
        JumpableUniformRandomProvider base = (JumpableUniformRandomProvider) create(seed, purpose);
        UniformRandomProvider[] streams = new UniformRandomProvider[count];
        for (int t = 0; t < count; t++) {
            streams[t] = base.jump(); // a copy of the current state; base moves 2^64 steps on
        }
        return streams;
    }

    public static byte[] saveState(UniformRandomProvider rng) {
        return ((RandomProviderDefaultState) ((RestorableUniformRandomProvider) rng).saveState()).getState();
    }

    public static void restoreState(UniformRandomProvider rng, byte[] state) {
        ((RestorableUniformRandomProvider) rng).restoreState(new RandomProviderDefaultState(state));
    }

    /** Whether {@code state} is one that {@link #restoreState} accepts: a saved state of this generator. */
    public static boolean isState(byte[] state) {
        try {
            restoreState(create(0, "check"), state);
            return true;
        } catch (IllegalStateException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A fresh seed for runs where the user gave none; recorded in the run directory. */
    public static long freshSeed() {
        return RandomSource.createLong();
    }
}
