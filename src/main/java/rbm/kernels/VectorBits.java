package rbm.kernels;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The bit and hash kernels on the Vector API: packing a layer's units into bits and back, {@link BitHash#hash} a
 * vector of words at a time, and comparing a state with the words of a counter's entry. Whole vectors are loaded
 * without a mask; only a last partial vector is handled apart.
 */
final class VectorBits {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Ints in a vector of the same size as a float vector, and the lane index of each. */
    private static final VectorSpecies<Integer> IS = VectorSpecies.of(int.class, S.vectorShape());
    private static final IntVector LANE_INDEX = IntVector.zero(IS).addIndex(1);
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final int LL = LS.length();
    /** The keys k_i = (i + 1)·φ of the first LL words of a state (see {@link BitHash}). */
    private static final LongVector LANE_KEYS = LongVector.broadcast(LS, BitHash.GOLDEN)
            .mul(LongVector.broadcast(LS, 1).addIndex(1));
    /** Row r (r = 0 .. LL) of LL longs: −1 in the first r lanes, 0 in the rest; an AND keeps the first r lanes. */
    private static final long[] LANES_BELOW = lanesBelow();
    private static final LongVector MIX1 = LongVector.broadcast(LS, 0xBF58476D1CE4E5B9L);
    private static final LongVector MIX2 = LongVector.broadcast(LS, 0x94D049BB133111EBL);

    private VectorBits() {}

    private static long[] lanesBelow() {
        long[] rows = new long[(LL + 1) * LL];
        for (int r = 0; r <= LL; r++) {
            Arrays.fill(rows, r * LL, r * LL + r, -1L);
        }
        return rows;
    }

    /**
     * {@link Kernels#packBits}, a vector of L bits at a time, then the last bits one by one. L divides 64 (checked
     * by {@link VectorKernels}), so the L bits of one vector never straddle two words.
     */
    static void packBits(float[] x, int off, int n, float threshold, long[] words, int wordOff) {
        Arrays.fill(words, wordOff, wordOff + ((n + 63) >>> 6), 0L);
        int i = 0;
        for (; i < S.loopBound(n); i += L) {
            long bits = FloatVector.fromArray(S, x, off + i).compare(VectorOperators.GT, threshold).toLong();
            words[wordOff + (i >>> 6)] |= bits << (i & 63);
        }
        for (; i < n; i++) {
            if (x[off + i] > threshold) {
                words[wordOff + (i >>> 6)] |= 1L << (i & 63);
            }
        }
    }

    /**
     * L bits at a time: the bits, broadcast to every lane and shifted right by the lane's index, are 0 or 1 in bit 0,
     * and converted to float: on packed MNIST rows this is faster than a blend of 0 and 1 under a mask made from the
     * bits, and about 2.5 times as fast as copying the rows as floats. The last partial vector is done one by one,
     * because a store that reaches past the end of the array takes a slow path in the Vector API.
     */
    static void unpackBits(long[] words, int wordOff, int n, float[] out, int off) {
        int i = 0;
        for (; i + L <= n; i += L) {
            int bits = (int) (words[wordOff + (i >>> 6)] >>> (i & 63));
            ((FloatVector) IntVector.broadcast(IS, bits).lanewise(VectorOperators.LSHR, LANE_INDEX).and(1)
                    .convert(VectorOperators.I2F, 0)).intoArray(out, off + i);
        }
        for (; i < n; i++) {
            out[off + i] = words[wordOff + (i >>> 6)] >>> (i & 63) & 1L;
        }
    }

    /**
     * {@link BitHash#hash}, LL words at a time: the sum of mix(w_i ⊕ k_i) does not depend on the order of its terms
     * (addition mod 2^64), so lanes summed in any order give the reference's value exactly. Whole vectors are loaded
     * without a mask and only the last, partial vector with one: over a stream of states, a loop of masked loads and
     * masked adds takes 18.5 ns for 13 words (784 bits), this one 6.5–9 ns (and 10–18 against 4.4–6.2 ns for 8
     * words, where no mask is needed at all). Each vector is reduced to a scalar at once, so no vector is carried
     * around the loop: C2 keeps such loop variables boxed in some shapes of this loop.
     */
    static long hash(long[] words, int off, int nWords) {
        long sum = 0;
        int i = 0;
        for (; i <= nWords - LL; i += LL) {
            LongVector z = LongVector.fromArray(LS, words, off + i)
                    .lanewise(VectorOperators.XOR, LANE_KEYS.add(BitHash.GOLDEN * i));
            // BitHash.mix in every lane; written out here and below, not in a helper method, because a helper that
            // C2 declines to inline returns its vector boxed, on the heap
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(MIX1);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(MIX2);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            sum += z.reduceLanes(VectorOperators.ADD);
        }
        if (i < nWords && off + i + LL <= words.length) {
            // the last, partial vector loaded whole (the words past the state belong to whatever follows it), mixed,
            // and its lanes past the state zeroed by an AND before the sum: no mask, whose operations C2 does not
            // always compile to mask instructions
            LongVector z = LongVector.fromArray(LS, words, off + i)
                    .lanewise(VectorOperators.XOR, LANE_KEYS.add(BitHash.GOLDEN * i));
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(MIX1);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(MIX2);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            sum += z.lanewise(VectorOperators.AND, LongVector.fromArray(LS, LANES_BELOW, (nWords - i) * LL))
                    .reduceLanes(VectorOperators.ADD);
        } else if (i < nWords) {
            VectorMask<Long> in = LS.indexInRange(i, nWords);
            LongVector z = LongVector.fromArray(LS, words, off + i, in)
                    .lanewise(VectorOperators.XOR, LANE_KEYS.add(BitHash.GOLDEN * i));
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(MIX1);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(MIX2);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            sum += z.reduceLanes(VectorOperators.ADD, in);
        }
        return BitHash.mix(BitHash.seed(nWords) + sum);
    }

    /**
     * Two vector compares for a 784-bit state instead of thirteen, unmasked but for the last partial vector (as in
     * {@link #hash}). Each compare returns at once on a difference rather than OR-ing the differences into a vector
     * carried around the loop: with that accumulator C2 can keep the vectors boxed (448 bytes allocated per 500-bit
     * state in a JMH fork), and here no vector crosses an iteration.
     */
    static boolean equalWords(long[] words, int off, MemorySegment seg, long at, int nWords) {
        int i = 0;
        for (; i <= nWords - LL; i += LL) {
            LongVector a = LongVector.fromArray(LS, words, off + i);
            LongVector b = LongVector.fromMemorySegment(LS, seg, at + 8L * i, ByteOrder.nativeOrder());
            if (a.compare(VectorOperators.NE, b).anyTrue()) {
                return false;
            }
        }
        if (i < nWords && off + i + LL <= words.length && at + 8L * (i + LL) <= seg.byteSize()) {
            // whole vectors again, and only the differences in the state's lanes count
            LongVector a = LongVector.fromArray(LS, words, off + i);
            LongVector b = LongVector.fromMemorySegment(LS, seg, at + 8L * i, ByteOrder.nativeOrder());
            return (a.compare(VectorOperators.NE, b).toLong() & ((1L << (nWords - i)) - 1)) == 0;
        } else if (i < nWords) {
            VectorMask<Long> in = LS.indexInRange(i, nWords);
            LongVector a = LongVector.fromArray(LS, words, off + i, in);
            LongVector b = LongVector.fromMemorySegment(LS, seg, at + 8L * i, ByteOrder.nativeOrder(), in);
            return !a.compare(VectorOperators.NE, b, in).anyTrue();
        }
        return true;
    }
}
