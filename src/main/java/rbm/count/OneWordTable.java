package rbm.count;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import rbm.kernels.BitHash;

/**
 * The layout of {@link StateCounter} for states of at most 64 bits, the common case: the key and the count sit in
 * the probe table itself, so that a hit touches one slot and nothing else, one cache line.
 * <pre>
 *   probe table  capacity slots of two longs: key, count;  count 0 = empty (so the all-zero state is a valid key)
 *   entries      by id:                       the key (one long)
 * </pre>
 * The hash is {@link BitHash#mix} of the word (a bijection, so distinct states never share a full hash). The dense
 * id → key array keeps the order of first occurrence for {@link #copyKey}, and {@link #count} looks the key up.
 *
 * <p>The table doubles when it would become more than a quarter full, or half once it has 2^20 slots. An add is so
 * short that the branch that ends its probe, mispredicted whenever a state is not in its home slot, is a large part
 * of its cost: with at most a quarter of the slots full (32–64 bytes of table per state), counting runs 18% faster
 * than with half (2^18 adds over 2^16 distinct states: 89–91 against 76–78 million states/s, interleaved in one
 * JVM); an eighth is slower again (86), the table then being 16 MB. From 2^20 slots on the quarter gains nothing, and
 * it doubles the memory that each growth maps and rehashes.
 */
final class OneWordTable extends CountTable {
    /** A slot: the key, then its count (0 = empty). */
    private static final long SLOT_BYTES = 16;
    /** Tables of 2^20 slots (16 MB) and more fill to 1/2 and are read ahead in {@link #addAll}. */
    private static final int LARGE_BITS = 20;

    OneWordTable(int widthBits, int hashBits, int initialBits) {
        super(widthBits, hashBits, initialBits, SLOT_BYTES, 8);
    }

    @Override
    long capacity() {
        return 1L << (bits - (bits >= LARGE_BITS ? 1 : 2));
    }

    @Override
    void add(long[] key, int off) {
        add(key[off]);
    }

    /**
     * One cache line per add. Reading the slots of a group ahead gains nothing while the table fits in the caches
     * (and loses 20% where it fits in the first levels), but pays once it is larger: 2^18 and 2^20 distinct states
     * take 0.73–0.76× the time with it. The read-ahead's hash is computed again by {@link #add(long)} rather than
     * kept: passing it on makes counting 0.63–0.94× as fast, even with the table in cache.
     */
    @Override
    void addAll(long[] keys, int off, int n) {
        if (bits < LARGE_BITS) {
            for (int s = 0; s < n; s++) {
                add(keys[off + s]);
            }
            return;
        }
        for (int g = 0; g < n; g += GROUP) {
            int size = Math.min(GROUP, n - g);
            long touched = 0;
            final MemorySegment t = table;
            final int shift = 64 - bits;
            for (int s = 0; s < size; s++) {
                touched += t.get(ValueLayout.JAVA_LONG, (hash(keys[off + g + s]) >>> shift) * SLOT_BYTES);
            }
            sink += touched;
            for (int s = 0; s < size; s++) {
                add(keys[off + g + s]);
            }
        }
    }

    /** One probe touches the key and the count together. */
    private void add(long k) {
        long at = slotOf(k);
        long c = table.get(ValueLayout.JAVA_LONG, at + 8);
        if (c == 0) {
            insert(k, at);
        } else {
            table.set(ValueLayout.JAVA_LONG, at + 8, c + 1);
            total++;
        }
    }

    @Override
    long get(long[] key, int off) {
        return table.get(ValueLayout.JAVA_LONG, slotOf(key[off]) + 8);
    }

    /** The byte offset of the slot that holds k, or of the empty slot where k goes. */
    private long slotOf(long k) {
        final MemorySegment t = table;
        final long mask = (1L << bits) - 1;
        long i = hash(k) >>> (64 - bits);
        while (true) {
            long at = i * SLOT_BYTES;
            if (t.get(ValueLayout.JAVA_LONG, at + 8) == 0 || t.get(ValueLayout.JAVA_LONG, at) == k) {
                return at;
            }
            i = (i + 1) & mask;
        }
    }

    @Override
    long count(long id) {
        checkId(id);
        return table.get(ValueLayout.JAVA_LONG, slotOf(entries.getAtIndex(ValueLayout.JAVA_LONG, id)) + 8);
    }

    @Override
    void copyKey(long id, long[] dst, int off) {
        checkId(id);
        dst[off] = entries.getAtIndex(ValueLayout.JAVA_LONG, id);
    }

    private long hash(long k) {
        checkWidth(k);
        return BitHash.mix(k) & hashMask;
    }

    private void insert(long k, long at) {
        table.set(ValueLayout.JAVA_LONG, at, k);
        table.set(ValueLayout.JAVA_LONG, at + 8, 1L);
        entries.setAtIndex(ValueLayout.JAVA_LONG, distinct, k);
        appended();
    }

    /**
     * In the old table's order: a state's new home is its old home doubled (or one more), as the home is the hash's
     * top bits, so the reads and the writes both run through memory in order. Walking an id → slot array instead
     * costs a random read and a random write per state (600,000 new states: 190 against 102 ns each). The
     * conditional move of {@link WideTable#rehash} does not pay here: it would hash every empty slot too, three in
     * four of a small table's (counting 60,000 and 600,000 new states: 1.04–1.11× the time).
     */
    @Override
    void rehash(MemorySegment oldTable, long oldSlots) {
        final MemorySegment t = table;
        final int shift = 64 - bits;
        final long mask = (1L << bits) - 1;
        for (long s = 0; s < oldSlots; s++) {
            long c = oldTable.get(ValueLayout.JAVA_LONG, s * SLOT_BYTES + 8);
            if (c != 0) {
                long k = oldTable.get(ValueLayout.JAVA_LONG, s * SLOT_BYTES);
                long i = (BitHash.mix(k) & hashMask) >>> shift;
                while (t.get(ValueLayout.JAVA_LONG, i * SLOT_BYTES + 8) != 0) {
                    i = (i + 1) & mask;
                }
                t.set(ValueLayout.JAVA_LONG, i * SLOT_BYTES, k);
                t.set(ValueLayout.JAVA_LONG, i * SLOT_BYTES + 8, c);
            }
        }
    }
}
