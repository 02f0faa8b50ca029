package rbm.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rbm.kernels.Kernels;
import rbm.kernels.KernelsProvider;

/**
 * The off-heap counter against a {@link java.util.HashMap} reference: the same distinct states, the same counts, in
 * order of first occurrence, with a full hash and with a hash cut to 8 bits (so that thousands of states share each
 * hash and only the key comparison tells them apart), starting from a 4-slot table so that it resizes many times.
 */
class StateCounterTest {
    private static final Kernels KERNELS = KernelsProvider.best();

    /** A key with value semantics, for the reference map. */
    private record Key(long[] words) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(words, k.words);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(words);
        }
    }

    private static long[] randomKey(UniformRandomProvider rng, int width) {
        long[] w = new long[(width + 63) >>> 6];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextLong();
        }
        if ((width & 63) != 0) {
            w[w.length - 1] &= (1L << (width & 63)) - 1;
        }
        return w;
    }

    /**
     * A pool of {@code size} keys: random ones, and a quarter made by flipping one bit of an earlier key (in the
     * first or last word half the time), so that keys differing in a single bit are common.
     */
    private static List<long[]> pool(UniformRandomProvider rng, int width, int size) {
        List<long[]> keys = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (i > 0 && rng.nextInt(4) == 0) {
                long[] k = keys.get(rng.nextInt(i)).clone();
                int bit = switch (rng.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> width - 1;
                    default -> rng.nextInt(width);
                };
                k[bit >>> 6] ^= 1L << (bit & 63);
                keys.add(k);
            } else {
                keys.add(randomKey(rng, width));
            }
        }
        return keys;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 63, 64, 65, 500, 4096})
    void agreesWithHashMapWithFullAndWeakHashes(int width) {
        int adds = switch (width) {
            case 64 -> 1_000_000;
            case 4096 -> 60_000;
            case 500 -> 200_000;
            default -> 300_000;
        };
        int poolSize = Math.max(2, adds / 10);
        checkAgainstReference(width, 64, adds, poolSize, 21L + width, false);
        checkAgainstReference(width, 8, Math.min(adds, 150_000), Math.min(poolSize, 15_000), 22L + width, false);
    }

    /**
     * {@link StateCounter#addAll} against the same reference, in batches of 1 to 60 states (so groups are cut
     * anywhere, a batch often holds the same state twice, and the table grows in the middle of a batch).
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 63, 64, 65, 500, 4096})
    void addAllAgreesWithHashMapWithFullAndWeakHashes(int width) {
        int adds = width == 4096 ? 40_000 : 150_000;
        checkAgainstReference(width, 64, adds, adds / 10, 23L + width, true);
        checkAgainstReference(width, 8, adds / 2, 3_000, 24L + width, true);
    }

    private static void checkAgainstReference(int width, int hashBits, int adds, int poolSize, long seed,
                                              boolean batched) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        List<long[]> pool = pool(rng, width, poolSize);
        Map<Key, long[]> reference = new LinkedHashMap<>();
        String where = width + " bits, " + hashBits + "-bit hash" + (batched ? ", addAll" : "");
        int words = (width + 63) >>> 6;
        long[] batch = new long[60 * words];
        int inBatch = 0;
        int batchSize = 1;
        try (StateCounter counter = new StateCounter(width, KERNELS, hashBits, 2)) {
            for (int i = 0; i < adds; i++) {
                // skewed towards the start of the pool, so counts range from 1 to thousands; some keys are fresh
                long[] key = rng.nextInt(8) == 0 ? randomKey(rng, width)
                        : pool.get((int) (poolSize * Math.pow(rng.nextDouble(), 3)));
                reference.computeIfAbsent(new Key(key), k -> new long[1])[0]++;
                if (!batched) {
                    counter.add(key, 0);
                    continue;
                }
                System.arraycopy(key, 0, batch, inBatch++ * words, words);
                if (inBatch == batchSize || i == adds - 1) {
                    counter.addAll(batch, 0, inBatch);
                    inBatch = 0;
                    batchSize = 1 + rng.nextInt(60);
                }
            }
            assertEquals(reference.size(), counter.distinct(), where);
            assertEquals(adds, counter.total(), where);
            long id = 0;
            long[] copy = new long[counter.words()];
            for (Map.Entry<Key, long[]> e : reference.entrySet()) {
                counter.copyKey(id, copy, 0);
                assertArrayEquals(e.getKey().words(), copy, where + ": state " + id + " in order of first occurrence");
                assertEquals(e.getValue()[0], counter.count(id), where + ": count of state " + id);
                assertEquals(e.getValue()[0], counter.get(e.getKey().words(), 0), where);
                id++;
            }
            for (int i = 0; i < 1000 && width > 20; i++) {
                long[] absent = randomKey(rng, width);
                if (!reference.containsKey(new Key(absent))) {
                    assertEquals(0, counter.get(absent, 0), where + ": a state never added");
                }
            }
        }
    }

    /**
     * One-word states live inline in the probe table, where a count of 0 marks an empty slot: the all-zero state must
     * still count, and ids must stay in order of first occurrence as the table doubles again and again, here with
     * every state hashed to the same home (hashBits 0) and with the full hash.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 64})
    void oneWordStatesIncludingZeroKeepTheirIdsAcrossResizes(int hashBits) {
        try (StateCounter counter = new StateCounter(64, KERNELS, hashBits, 2)) {
            long[] key = new long[1];
            assertEquals(0, counter.get(key, 0));
            int n = 3000;
            for (int round = 1; round <= 3; round++) {
                for (int i = 0; i < n; i++) {
                    key[0] = i == 1 ? -1L : i * 0x9E3779B97F4A7C15L; // state 0 is all zeros, state 1 all ones
                    for (int r = 0; r < (i % 3 == 0 ? round : 1); r++) {
                        counter.add(key, 0);
                    }
                }
            }
            assertEquals(n, counter.distinct());
            long[] copy = new long[1];
            long total = 0;
            for (int i = 0; i < n; i++) {
                long expected = i == 1 ? -1L : i * 0x9E3779B97F4A7C15L;
                counter.copyKey(i, copy, 0);
                assertEquals(expected, copy[0], "state " + i);
                long count = i % 3 == 0 ? 6 : 3;
                assertEquals(count, counter.count(i), "count of state " + i);
                key[0] = expected;
                assertEquals(count, counter.get(key, 0));
                total += count;
            }
            assertEquals(total, counter.total());
            assertThrows(IndexOutOfBoundsException.class, () -> counter.count(n));
        }
        try (StateCounter bit = new StateCounter(1, KERNELS, 64, 2)) {
            bit.add(new long[] {0}, 0);
            bit.add(new long[] {0}, 0);
            bit.add(new long[] {1}, 0);
            assertEquals(2, bit.distinct());
            assertEquals(2, bit.count(0));
            assertEquals(1, bit.count(1));
            assertThrows(IllegalArgumentException.class, () -> bit.add(new long[] {2}, 0));
        }
    }

    /**
     * One-word states past 2^18 distinct: the table reaches 2^20 slots, where {@link StateCounter#addAll} reads each
     * group's slots ahead and the table fills to a half rather than a quarter; ids, keys and counts against the
     * reference, with each state added once, twice or three times, the repeats coming in later batches.
     */
    @Test
    void oneWordAddAllPastAMillionSlots() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(31L);
        int n = 300_000;
        long[] states = new long[n];
        for (int i = 0; i < n; i++) {
            states[i] = rng.nextLong();
        }
        long[] stream = new long[3 * n];
        int m = 0;
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < n; i++) {
                if (i % 3 >= round) {
                    stream[m++] = states[i];
                }
            }
        }
        try (StateCounter counter = new StateCounter(64, KERNELS)) {
            for (int p = 0; p < m; p += 1024) {
                counter.addAll(stream, p, Math.min(1024, m - p));
            }
            assertEquals(n, counter.distinct());
            assertEquals(m, counter.total());
            long[] copy = new long[1];
            for (int i = 0; i < n; i++) {
                counter.copyKey(i, copy, 0);
                assertEquals(states[i], copy[0], "state " + i);
                assertEquals(i % 3 + 1, counter.count(i), "count of state " + i);
            }
        }
    }

    @Test
    void keysAreReadAtAnOffset() {
        try (StateCounter counter = new StateCounter(65, KERNELS)) {
            long[] words = {7, 1, 0, 1, 0, 7, 1};
            counter.add(words, 1);
            counter.add(words, 3);
            counter.add(new long[] {1, 0}, 0);
            assertEquals(1, counter.distinct());
            assertEquals(3, counter.get(words, 1));
            assertEquals(0, counter.get(words, 2));
        }
    }

    @Test
    void rejectsBitsBeyondTheWidth() {
        try (StateCounter counter = new StateCounter(10, KERNELS)) {
            assertThrows(IllegalArgumentException.class, () -> counter.add(new long[] {1L << 10}, 0));
            assertThrows(IllegalArgumentException.class, () -> counter.addAll(new long[] {1, 1L << 10}, 0, 2));
        }
        try (StateCounter wide = new StateCounter(100, KERNELS)) {
            assertThrows(IllegalArgumentException.class, () -> wide.addAll(new long[] {1, 0, 1, 1L << 36}, 0, 2));
        }
        assertThrows(IllegalArgumentException.class, () -> new StateCounter(0, KERNELS));
    }

    /** The counter's memory is confined to the thread that created it: another thread is refused, not corrupted. */
    @Test
    void anotherThreadIsRefused() throws Exception {
        try (StateCounter counter = new StateCounter(500, KERNELS)) {
            long[] key = new long[counter.words()];
            counter.add(key, 0);
            Throwable[] thrown = new Throwable[1];
            Thread other = new Thread(() -> {
                try {
                    counter.add(key, 0);
                } catch (Throwable t) {
                    thrown[0] = t;
                }
            });
            other.start();
            other.join();
            assertTrue(thrown[0] instanceof WrongThreadException, "got " + thrown[0]);
            assertEquals(1, counter.count(0));
        }
    }

    @Test
    void closingFreesTheMemoryAndForbidsFurtherUse() {
        StateCounter counter = new StateCounter(64, KERNELS);
        counter.add(new long[] {42}, 0);
        counter.close();
        counter.close();
        assertThrows(IllegalStateException.class, () -> counter.add(new long[] {42}, 0));
        assertThrows(IllegalStateException.class, () -> counter.count(0));
    }

    /** Two million distinct states take tens of megabytes off heap, and leave the heap as it was. */
    @Test
    void countsOffTheHeap() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        try (StateCounter counter = new StateCounter(64, KERNELS)) {
            long[] key = new long[1];
            for (long i = 0; i < 2_000_000; i++) {
                key[0] = i * 0x9E3779B97F4A7C15L;
                counter.add(key, 0);
                counter.add(key, 0);
            }
            assertEquals(2_000_000, counter.distinct());
            assertEquals(4_000_000, counter.total());
            System.gc();
            long grown = rt.totalMemory() - rt.freeMemory() - before;
            assertTrue(grown < 16 << 20, "the heap grew by " + grown + " bytes");
        }
    }
}
