package rbm.count;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import rbm.kernels.Kernels;

/**
 * The layout of {@link StateCounter} for states wider than 64 bits:
 * <pre>
 *   probe table  capacity slots of one long:  tag (high 32 bits of the hash) | id + 1 (low 32 bits);  0 = empty
 *   entries      capacity/2 entries, by id:   count (one long), then the key's words (little-endian bit order)
 * </pre>
 * The hash is {@link Kernels#hash}, which ends in a strong 64-bit finaliser, so its top bits are as good as any;
 * taking the home from the top bits means the tag alone tells where a slot goes after a resize, so growing the table
 * never touches the keys. A probe compares the 32-bit tag first and reads an entry only when the tags agree, and an
 * entry keeps the count next to its key, so a hit touches one slot and one entry: two dependent random memory
 * accesses. The table doubles when it would become more than half full: at load 1/2 linear probing needs 1.5 probes
 * per hit on average, and a lower load gains nothing here.
 */
final class WideTable extends CountTable {
    private static final long ID_MASK = 0xFFFF_FFFFL;

    private final Kernels kernels;
    /** Scratch of {@link #addAll}: the hashes and home slots of one group. */
    private final long[] groupHashes = new long[GROUP];
    private final long[] groupSlots = new long[GROUP];

    WideTable(int widthBits, Kernels kernels, int hashBits, int initialBits) {
        super(widthBits, hashBits, initialBits, 8, 8L * (1 + (widthBits + 63) / 64));
        this.kernels = kernels;
    }

    @Override
    long capacity() {
        return 1L << (bits - 1);
    }

    @Override
    void add(long[] key, int off) {
        add(key, off, hash(key, off));
    }

    /**
     * An add is two dependent random memory accesses (slot, then entry) that mostly miss the caches; one at a time,
     * each waits for the one before. Here a group of states first computes its hashes and reads its slots, then reads
     * the entries those slots point to, and only then counts: the loads of a group are independent, so the processor
     * overlaps their misses, and the counting finds the lines in cache. The reads are only a prefetch: counting redoes
     * every probe, so a state that appears twice in a group, or a slot that an insert of the same group fills, is
     * counted right.
     */
    @Override
    void addAll(long[] keys, int off, int n) {
        for (int g = 0; g < n; g += GROUP) {
            int size = Math.min(GROUP, n - g);
            int first = off + g * words;
            prefetch(keys, first, size);
            for (int s = 0; s < size; s++) {
                add(keys, first + s * words, groupHashes[s]);
            }
        }
    }

    /**
     * Hashes each state of a group into {@link #groupHashes}, reads its home slot, then the entry that slot names, so
     * that all of them are in cache when the group is counted. Each kind of read is a loop of its own: the reads of
     * one loop do not wait for each other, and with nothing else between them the processor has all of a group's
     * misses in flight at once (reading each slot right after its hash, some 50 instructions apart, is 1.05–1.3×
     * slower in interleaved runs in one JVM, about the machine's noise). One word per cache line of an entry is
     * enough to bring the line. The entry is read only when the home slot's tag is the state's: a new state's home is
     * empty or another state's, whose entry it does not need (600,000 new states: 0.79× the time at 784 bits, 0.83×
     * at 500; with all states known, 0.90–1.04×, noise).
     */
    private void prefetch(long[] keys, int first, int size) {
        final MemorySegment t = table;
        final MemorySegment e = entries;
        final int shift = 64 - bits;
        final long[] hashes = groupHashes;
        final long[] slots = groupSlots;
        for (int s = 0; s < size; s++) {
            hashes[s] = hash(keys, first + s * words);
        }
        for (int s = 0; s < size; s++) {
            slots[s] = t.getAtIndex(ValueLayout.JAVA_LONG, hashes[s] >>> shift);
        }
        long touched = 0;
        final int lastWord = 8 * words;
        for (int s = 0; s < size; s++) {
            long slot = slots[s];
            if (slot != 0 && (slot >>> 32) == (hashes[s] >>> 32)) {
                long at = ((slot & ID_MASK) - 1) * strideBytes;
                touched += e.get(ValueLayout.JAVA_LONG, at) + e.get(ValueLayout.JAVA_LONG, at + lastWord);
                for (int w = 64; w < lastWord; w += 64) { // the lines between, if the entry spans more than two
                    touched += e.get(ValueLayout.JAVA_LONG, at + w);
                }
            }
        }
        sink += touched;
    }

    /** {@link #add} of a state whose hash is known. */
    private void add(long[] key, int off, long hash) {
        final MemorySegment t = table;
        final int shift = 64 - bits;
        final long mask = (1L << bits) - 1;
        final long tag = hash >>> 32;
        long i = hash >>> shift;
        while (true) {
            long slot = t.getAtIndex(ValueLayout.JAVA_LONG, i);
            if (slot == 0) {
                insert(key, off, tag, i);
                return;
            }
            if (slot >>> 32 == tag) {
                long id = (slot & ID_MASK) - 1;
                if (keyEquals(id, key, off)) {
                    long countAt = id * strideBytes;
                    entries.set(ValueLayout.JAVA_LONG, countAt, entries.get(ValueLayout.JAVA_LONG, countAt) + 1);
                    total++;
                    return;
                }
            }
            i = (i + 1) & mask;
        }
    }

    @Override
    long get(long[] key, int off) {
        final MemorySegment t = table;
        final long mask = (1L << bits) - 1;
        final long hash = hash(key, off);
        final long tag = hash >>> 32;
        long i = hash >>> (64 - bits);
        while (true) {
            long slot = t.getAtIndex(ValueLayout.JAVA_LONG, i);
            if (slot == 0) {
                return 0;
            }
            if (slot >>> 32 == tag) {
                long id = (slot & ID_MASK) - 1;
                if (keyEquals(id, key, off)) {
                    return count(id);
                }
            }
            i = (i + 1) & mask;
        }
    }

    @Override
    long count(long id) {
        checkId(id);
        return entries.get(ValueLayout.JAVA_LONG, id * strideBytes);
    }

    @Override
    void copyKey(long id, long[] dst, int off) {
        checkId(id);
        MemorySegment.copy(entries, ValueLayout.JAVA_LONG, id * strideBytes + 8, dst, off, words);
    }

    private long hash(long[] key, int off) {
        checkWidth(key[off + words - 1]);
        return kernels.hash(key, off, words) & hashMask;
    }

    private boolean keyEquals(long id, long[] key, int off) {
        return kernels.equalWords(key, off, entries, id * strideBytes + 8, words);
    }

    private void insert(long[] key, int off, long tag, long slotIndex) {
        long id = distinct;
        MemorySegment.copy(key, off, entries, ValueLayout.JAVA_LONG, id * strideBytes + 8, words);
        entries.set(ValueLayout.JAVA_LONG, id * strideBytes, 1L);
        table.setAtIndex(ValueLayout.JAVA_LONG, slotIndex, tag << 32 | (id + 1));
        appended();
    }

    /**
     * Moves every slot into the new table in the old table's order, by its tag alone (the tag is the hash's top 32
     * bits, and bits ≤ 31). An empty old slot is "moved" to the spare slot past the end, which stays empty, rather
     * than skipped: the test for empty, true for half the slots at random, would be a branch mispredicted half the
     * time, and as a conditional move it is none (a doubling from 2^20 slots: 2.3–3.2 ms against 5.5–5.8).
     */
    @Override
    void rehash(MemorySegment oldTable, long oldSlots) {
        final MemorySegment t = table;
        final int shift = 64 - bits;
        final long mask = (1L << bits) - 1;
        final long spare = 1L << bits;
        for (long s = 0; s < oldSlots; s++) {
            long slot = oldTable.getAtIndex(ValueLayout.JAVA_LONG, s);
            long i = slot == 0 ? spare : slot >>> shift;
            while (t.getAtIndex(ValueLayout.JAVA_LONG, i) != 0) {
                i = (i + 1) & mask;
            }
            t.setAtIndex(ValueLayout.JAVA_LONG, i, slot);
        }
    }
}
