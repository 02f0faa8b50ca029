package rbm.relevance;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import rbm.kernels.BitHash;
import rbm.kernels.Kernels;

/**
 * Counts how often each state occurs: an open-addressing hash map from bit vectors of a fixed width (any width from
 * 1 bit up) to counts, held off the Java heap, so that counting 10^8 states does not grow the heap. Keys are compared
 * word for word: two different states never share a count, even when their hashes collide.
 *
 * <p>Memory layout, in two {@link MemorySegment}s, each allocated by its own {@link Arena} so that a resize frees the
 * old one at once and {@link #close()} frees everything deterministically. States wider than 64 bits:
 * <pre>
 *   probe table  capacity slots of one long:  tag (high 32 bits of the hash) | id + 1 (low 32 bits);  0 = empty
 *   entries      capacity/2 entries, by id:   count (one long), then the key's words (little-endian bit order)
 * </pre>
 * A slot's home is the top log2(capacity) bits of the hash, and collisions probe linearly (index + 1, masked by the
 * power-of-two capacity). The hash is {@link Kernels#hash}, which ends in a strong 64-bit finaliser, so its top bits are as
 * good as any; taking the home from the top bits means the tag alone tells where a slot goes after a resize, so growing the
 * table never touches the keys. A probe compares the 32-bit tag first and reads an entry only when the tags agree,
 * and an entry keeps the count next to its key, so a hit touches one slot and one entry: two dependent random
 * memory accesses.
 *
 * <p>States of at most 64 bits (one word), the common case, keep the key and the count in the probe table itself,
 * so that a hit touches one slot and nothing else, one cache line:
 * <pre>
 *   probe table  capacity slots of two longs: key, count;  count 0 = empty (so the all-zero state is a valid key)
 *   entries      capacity/4 entries, by id:   the state's slot index (one int)
 * </pre>
 * Their hash is {@link BitHash#mix} of the word (a bijection, so distinct states never share a full hash), and the
 * home is again its top bits. Slots move when the table grows, so the ids cannot live in the slots: the dense
 * id → slot array keeps the order of first occurrence for {@link #count(long)} and {@link #copyKey}, and a resize
 * walks it in id order, rehashes each key into the doubled table and rewrites the state's slot index. Ids are dense,
 * in order of first occurrence, which makes iterating over the states a linear scan.
 *
 * <p>The table of wide states doubles when it would become more than half full, the one-word table when it would
 * become more than a quarter full (the entries grow with them). At load 1/2 linear probing needs 1.5 probes per hit
 * on average, and a slot costs 8 bytes, so the low load is cheap. A one-word add is so short that the branch that
 * ends its probe, mispredicted whenever a state is not in its home slot, is a large part of its cost: with at most a
 * quarter of the slots full (32–64 bytes of table per state) one-word counting ran 18% faster than with half (three
 * interleaved runs in one JVM, 2^18 adds over 2^16 distinct states: 89–91 against 76–78 million states/s); an eighth
 * was slower again (86), the table then being 16 MB. Wide states gained nothing from the lower load.
 * Counting never deletes, so there are no tombstones.
 *
 * <p>Measured (JDK 25, a loaded 2-core AMD EPYC virtual machine, so the ranges are wide): before the inline one-word
 * table, 2·10^7 64-bit adds over 2·10^6 distinct states ran at 5–8 million states/s against 2–3 million for a
 * {@code HashMap<Long, long[]>}, whose heap grew by 181 MB where this counter's grew by nothing; the inline table
 * brought 64-bit counting from 24 to 61–72 million states/s ({@code bash benchmarks/jmh.sh CountingBenchmark}, 2^18
 * adds over 2^16 distinct states), with no allocation per add (≈10^-4 B/op, against 40 B/op for the map). The
 * current figures are in {@code benchmarks/README.md}.
 *
 * <p>Not thread-safe: one thread adds at a time.
 */
public final class StateCounter implements AutoCloseable {
    /** log2 of the inverse of the highest load: 1/2 for wide states, 1/4 for one-word states (see above). */
    private final int loadShift;
    /** 2^31 slots (16 GiB) at most: slot ids have 32 bits and the home comes from the 32-bit tag. */
    private static final int MAX_BITS = 31;
    private static final int DEFAULT_BITS = 10;
    private static final long ID_MASK = 0xFFFF_FFFFL;
    /** A slot of the one-word table: the key, then its count (0 = empty). */
    private static final long INLINE_SLOT_BYTES = 16;
    /** States per group of {@link #addAll}: enough independent loads to keep the memory system busy. */
    private static final int GROUP = 16;

    private final int widthBits;
    private final int words;
    private final long lastWordMask;
    private final long strideBytes;
    private final Kernels kernels;
    private final long hashMask;

    private Arena tableArena;
    private Arena entryArena;
    private MemorySegment table;
    private MemorySegment entries;
    private int bits;
    private long distinct;
    private long total;
    private boolean closed;
    /** Scratch of {@link #addAll}: the hashes and home slots of one group. */
    private final long[] groupHashes = new long[GROUP];
    private final long[] groupSlots = new long[GROUP];
    /** The sum of the prefetched words, stored so that the loads stay; never read. */
    private long sink;

    /** An empty counter of {@code widthBits}-bit states, hashed by {@code kernels}. */
    public StateCounter(int widthBits, Kernels kernels) {
        this(widthBits, kernels, 64, DEFAULT_BITS);
    }

    /**
     * For tests: {@code hashBits} < 64 keeps only the top {@code hashBits} bits of every hash, so that many states
     * collide; {@code initialBits} sets the first table size to 2^initialBits slots, so that it must grow.
     */
    StateCounter(int widthBits, Kernels kernels, int hashBits, int initialBits) {
        if (widthBits < 1) {
            throw new IllegalArgumentException("states need at least one bit, got " + widthBits);
        }
        if (hashBits < 0 || hashBits > 64 || initialBits < 2 || initialBits > MAX_BITS) {
            throw new IllegalArgumentException("hashBits " + hashBits + ", initialBits " + initialBits);
        }
        this.widthBits = widthBits;
        this.words = (widthBits + 63) >>> 6;
        this.lastWordMask = (widthBits & 63) == 0 ? -1L : (1L << (widthBits & 63)) - 1;
        this.loadShift = words == 1 ? 2 : 1;
        // one-word keys: an entry is only the slot index (an int) of the state in the inline table
        this.strideBytes = words == 1 ? 4 : 8L * (1 + words);
        this.kernels = kernels;
        this.hashMask = hashBits == 64 ? -1L : ~(-1L >>> hashBits);
        allocate(initialBits);
    }

    /** Bits per state. */
    public int width() {
        return widthBits;
    }

    /** Longs per state: ⌈width / 64⌉. */
    public int words() {
        return words;
    }

    Kernels kernels() {
        return kernels;
    }

    /** Number of distinct states seen. */
    public long distinct() {
        return distinct;
    }

    /** Number of states added, M. */
    public long total() {
        return total;
    }

    /**
     * Counts one occurrence of the state in {@code words[off .. off + words())}, bit i of the state being bit i % 64
     * of word i / 64 (as {@link Kernels#packBits} writes it). The unused high bits of the last word must be zero.
     */
    public void add(long[] key, int off) {
        if (words == 1) {
            addInline(key[off]);
        } else {
            addHashed(key, off, hash(key, off));
        }
    }

    /**
     * Counts the {@code n} states stored one after another from {@code keys[off]}, {@link #words()} longs each, in
     * order: the same counts and ids as {@code n} calls of {@link #add}, and faster. An add is two dependent random
     * memory accesses (slot, then entry) that mostly miss the caches; one at a time, each waits for the one before.
     * Here a group of states first computes its hashes and reads its slots, then reads the entries those slots point
     * to, and only then counts: the loads of a group are independent, so the processor overlaps their misses, and
     * the counting finds the lines in cache. The reads are only a prefetch: counting redoes every probe, so a state
     * that appears twice in a group, or a slot that an insert of the same group fills, is counted right. A state
     * with bits set beyond the width throws {@link IllegalArgumentException}; states before it in the batch may or
     * may not have been counted.
     */
    public void addAll(long[] keys, int off, int n) {
        if (words == 1) {
            // one cache line per add, and reading the slots ahead was measured to gain nothing (and to lose 20%
            // when the table fits in cache)
            for (int s = 0; s < n; s++) {
                addInline(keys[off + s]);
            }
            return;
        }
        for (int g = 0; g < n; g += GROUP) {
            int size = Math.min(GROUP, n - g);
            int first = off + g * words;
            prefetch(keys, first, size);
            for (int s = 0; s < size; s++) {
                addHashed(keys, first + s * words, groupHashes[s]);
            }
        }
    }

    /**
     * Hashes each wide state of a group into {@link #groupHashes}, reads its home slot, then the entry that slot
     * names, so that all of them are in cache when the group is counted. Each kind of read is a loop of its own: the
     * reads of one loop do not wait for each other, and with nothing else between them the processor has all of a
     * group's misses in flight at once. (Reading each slot right after its hash, the slot reads were some 50
     * instructions apart and fewer overlapped: 1.05–1.3× slower in interleaved runs in one JVM, though the machine's
     * noise is of that order.) One word per cache line of an entry is enough to bring the line. (Reading the entry
     * only when the slot's tag agrees was no faster: a branch that mispredicts in the middle of the loads.)
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
            if (slot != 0) {
                long at = ((slot & ID_MASK) - 1) * strideBytes;
                touched += e.get(ValueLayout.JAVA_LONG, at) + e.get(ValueLayout.JAVA_LONG, at + lastWord);
                for (int w = 64; w < lastWord; w += 64) { // the lines between, if the entry spans more than two
                    touched += e.get(ValueLayout.JAVA_LONG, at + w);
                }
            }
        }
        sink += touched;
    }

    /** {@link #add} of a wide state whose hash is known. */
    private void addHashed(long[] key, int off, long hash) {
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

    /** How often the state in {@code words[off ..]} was added; 0 if never. */
    public long get(long[] key, int off) {
        if (words == 1) {
            return getInline(key[off]);
        }
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

    /** The count of the state with this id; ids run from 0 to {@link #distinct()} − 1 in order of first occurrence. */
    public long count(long id) {
        checkId(id);
        if (words == 1) {
            return table.get(ValueLayout.JAVA_LONG, slotOf(id) * INLINE_SLOT_BYTES + 8);
        }
        return entries.get(ValueLayout.JAVA_LONG, id * strideBytes);
    }

    /** Copies the state with this id into {@code dst[off .. off + words())}. */
    public void copyKey(long id, long[] dst, int off) {
        checkId(id);
        if (words == 1) {
            dst[off] = table.get(ValueLayout.JAVA_LONG, slotOf(id) * INLINE_SLOT_BYTES);
            return;
        }
        MemorySegment.copy(entries, ValueLayout.JAVA_LONG, id * strideBytes + 8, dst, off, words);
    }

    /** Frees the off-heap memory; the counter cannot be used afterwards. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            tableArena.close();
            entryArena.close();
        }
    }

    private long hash(long[] key, int off) {
        if ((key[off + words - 1] & ~lastWordMask) != 0) {
            throw new IllegalArgumentException("a " + widthBits + "-bit state has bits set beyond its width");
        }
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
        distinct++;
        total++;
        if (distinct == capacityOfEntries()) {
            grow();
        }
    }

    private long capacityOfEntries() {
        return 1L << (bits - loadShift);
    }

    private void allocate(int newBits) {
        bits = newBits;
        tableArena = Arena.ofShared();
        long slotBytes = words == 1 ? INLINE_SLOT_BYTES : 8;
        table = tableArena.allocate(slotBytes << newBits, 64); // zeroed: every slot empty; aligned to a cache line
        entryArena = Arena.ofShared();
        // aligned to a cache line, and 64 bytes more, so that the kernels can compare the last entry's key a whole
        // vector at a time
        entries = entryArena.allocate(strideBytes * capacityOfEntries() + 64, 64);
    }

    /** Doubles the table and the entries; slots move by their tag alone, entries are copied as they are. */
    private void grow() {
        if (bits == MAX_BITS) {
            throw new IllegalStateException("more than " + capacityOfEntries() + " distinct states");
        }
        Arena oldTableArena = tableArena;
        Arena oldEntryArena = entryArena;
        MemorySegment oldTable = table;
        MemorySegment oldEntries = entries;
        long oldSlots = 1L << bits;
        allocate(bits + 1);
        if (words == 1) {
            rehashInline(oldTable, oldEntries);
            oldTableArena.close();
            oldEntryArena.close();
            return;
        }
        MemorySegment.copy(oldEntries, 0, entries, 0, strideBytes * distinct);
        final MemorySegment t = table;
        final int shift = 64 - bits;
        final long mask = (1L << bits) - 1;
        for (long s = 0; s < oldSlots; s++) {
            long slot = oldTable.getAtIndex(ValueLayout.JAVA_LONG, s);
            if (slot != 0) {
                long i = slot >>> shift; // the tag is the hash's top 32 bits, and bits ≤ 31
                while (t.getAtIndex(ValueLayout.JAVA_LONG, i) != 0) {
                    i = (i + 1) & mask;
                }
                t.setAtIndex(ValueLayout.JAVA_LONG, i, slot);
            }
        }
        oldTableArena.close();
        oldEntryArena.close();
    }

    /** {@link #add} for one-word keys: one probe of the inline table touches the key and the count together. */
    private void addInline(long k) {
        final MemorySegment t = table;
        final long mask = (1L << bits) - 1;
        long i = hashInline(k) >>> (64 - bits);
        while (true) {
            long at = i * INLINE_SLOT_BYTES;
            long c = t.get(ValueLayout.JAVA_LONG, at + 8);
            if (c == 0) {
                insertInline(k, i);
                return;
            }
            if (t.get(ValueLayout.JAVA_LONG, at) == k) {
                t.set(ValueLayout.JAVA_LONG, at + 8, c + 1);
                total++;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    private long getInline(long k) {
        final MemorySegment t = table;
        final long mask = (1L << bits) - 1;
        long i = hashInline(k) >>> (64 - bits);
        while (true) {
            long at = i * INLINE_SLOT_BYTES;
            long c = t.get(ValueLayout.JAVA_LONG, at + 8);
            if (c == 0) {
                return 0;
            }
            if (t.get(ValueLayout.JAVA_LONG, at) == k) {
                return c;
            }
            i = (i + 1) & mask;
        }
    }

    private long hashInline(long k) {
        if ((k & ~lastWordMask) != 0) {
            throw new IllegalArgumentException("a " + widthBits + "-bit state has bits set beyond its width");
        }
        return BitHash.mix(k) & hashMask;
    }

    private void insertInline(long k, long slotIndex) {
        long id = distinct;
        long at = slotIndex * INLINE_SLOT_BYTES;
        table.set(ValueLayout.JAVA_LONG, at, k);
        table.set(ValueLayout.JAVA_LONG, at + 8, 1L);
        entries.setAtIndex(ValueLayout.JAVA_INT, id, (int) slotIndex);
        distinct++;
        total++;
        if (distinct == capacityOfEntries()) {
            grow();
        }
    }

    /** The inline-table slot of the one-word state with this id. */
    private long slotOf(long id) {
        return entries.getAtIndex(ValueLayout.JAVA_INT, id);
    }

    /**
     * Moves every one-word state into the new (empty, doubled) inline table, in order of id, rehashing its key, and
     * records its new slot under the same id.
     */
    private void rehashInline(MemorySegment oldTable, MemorySegment oldSlots) {
        final MemorySegment t = table;
        final MemorySegment e = entries;
        final int shift = 64 - bits;
        final long mask = (1L << bits) - 1;
        for (long id = 0; id < distinct; id++) {
            long from = oldSlots.getAtIndex(ValueLayout.JAVA_INT, id) * INLINE_SLOT_BYTES;
            long k = oldTable.get(ValueLayout.JAVA_LONG, from);
            long c = oldTable.get(ValueLayout.JAVA_LONG, from + 8);
            long i = (BitHash.mix(k) & hashMask) >>> shift;
            while (t.get(ValueLayout.JAVA_LONG, i * INLINE_SLOT_BYTES + 8) != 0) {
                i = (i + 1) & mask;
            }
            t.set(ValueLayout.JAVA_LONG, i * INLINE_SLOT_BYTES, k);
            t.set(ValueLayout.JAVA_LONG, i * INLINE_SLOT_BYTES + 8, c);
            e.setAtIndex(ValueLayout.JAVA_INT, id, (int) i);
        }
    }

    private void checkId(long id) {
        if (id < 0 || id >= distinct) {
            throw new IndexOutOfBoundsException("state id " + id + " of " + distinct);
        }
    }
}
