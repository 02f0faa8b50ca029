package rbm.count;

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
 * old one at once and {@link #close()} frees everything deterministically, both from {@link OffHeap} (2 MB pages where
 * Linux gives them). States wider than 64 bits:
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
 *   entries      by id:                       the key (one long)
 * </pre>
 * Their hash is {@link BitHash#mix} of the word (a bijection, so distinct states never share a full hash), and the
 * home is again its top bits. The dense id → key array keeps the order of first occurrence for {@link #copyKey}, and
 * {@link #count(long)} looks the key up. A resize walks the old table in order and rehashes each key into the doubled
 * table; as the home is the hash's top bits, a state's new home is its old one doubled (or one more), so the walk
 * reads and writes memory in order. (It used to walk an id → slot array and rewrite it: a random read and a random
 * write per state, which made 600,000 new 64-bit states cost 190 ns each, against 102 ns with the walk in order.) Ids are
 * dense, in order of first occurrence, which makes iterating over the states a linear scan.
 *
 * <p>Entries are only ever appended. Where {@link OffHeap#reserve} gives address space for 2^35 bytes of them, they
 * never move, and memory is taken one 2 MB page at a time as they arrive; else they double with the table, and are
 * copied. Counting 600,000 new 784-bit states took 1.2–1.4 µs each before (with 4 KB pages, nearly all of it in the
 * page faults of zeroing ever larger blocks, on the virtual machine of {@code benchmarks/README.md}), and 90–130 ns now.
 *
 * <p>The table of wide states doubles when it would become more than half full, the one-word table when it would
 * become more than a quarter full, or half once it has 2^20 slots. At load 1/2 linear probing needs 1.5 probes per hit
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
 * <p>Confined to the thread that creates it: its memory lives in confined arenas, which any other thread is refused
 * ({@link WrongThreadException}). A shared arena's close waits for a handshake with every thread of the JVM (65–400
 * µs on the machine above), and the table's arena closes at every doubling: with shared arenas, counting 60,000 new
 * states took 1.5–1.7 times as long (784 bits: 109 against 73 ns a state).
 */
public final class StateCounter implements AutoCloseable {
    /** log2 of the inverse of the highest load: 1/2 for wide states, 1/4 for small one-word tables (see above). */
    private final int loadShift;
    /** 2^31 slots (16 GiB) at most: slot ids have 32 bits and the home comes from the 32-bit tag. */
    private static final int MAX_BITS = 31;
    private static final int DEFAULT_BITS = 10;
    private static final long ID_MASK = 0xFFFF_FFFFL;
    /** A slot of the one-word table: the key, then its count (0 = empty). */
    private static final long INLINE_SLOT_BYTES = 16;
    /** The address space reserved for the entries: 2^35 bytes, 300 million 784-bit states or 4 billion one-word ones. */
    private static final long RESERVED_BYTES = 1L << 35;
    /** One-word tables of 2^20 slots (16 MB) and more are read ahead in {@link #addAll}. */
    private static final int READ_AHEAD_INLINE_BITS = 20;
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
        // one-word keys: an entry is only the key (the count lives in the inline table)
        this.strideBytes = words == 1 ? 8 : 8L * (1 + words);
        this.kernels = kernels;
        this.hashMask = hashBits == 64 ? -1L : ~(-1L >>> hashBits);
        allocate(initialBits);
        allocateEntries(true);
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
            addAllInline(keys, off, n);
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
     * {@link #addAll} of one-word states: one cache line per add. Reading the slots ahead gained nothing while the table
     * fits in the caches (and lost 20% where it fits in the first levels), but pays once it is larger: 2^18 and 2^20
     * distinct states took 0.73–0.76× the time with it. The read-ahead's hash is computed again by {@link #addInline}
     * rather than kept: passing it on made one-word counting 0.63–0.94× as fast, even with the table in cache.
     */
    private void addAllInline(long[] keys, int off, int n) {
        if (bits < READ_AHEAD_INLINE_BITS) {
            for (int s = 0; s < n; s++) {
                addInline(keys[off + s]);
            }
            return;
        }
        for (int g = 0; g < n; g += GROUP) {
            int size = Math.min(GROUP, n - g);
            long touched = 0;
            final MemorySegment t = table;
            final int shift = 64 - bits;
            for (int s = 0; s < size; s++) {
                touched += t.get(ValueLayout.JAVA_LONG, (hashInline(keys[off + g + s]) >>> shift) * INLINE_SLOT_BYTES);
            }
            sink += touched;
            for (int s = 0; s < size; s++) {
                addInline(keys[off + g + s]);
            }
        }
    }

    /**
     * Hashes each wide state of a group into {@link #groupHashes}, reads its home slot, then the entry that slot
     * names, so that all of them are in cache when the group is counted. Each kind of read is a loop of its own: the
     * reads of one loop do not wait for each other, and with nothing else between them the processor has all of a
     * group's misses in flight at once. (Reading each slot right after its hash, the slot reads were some 50
     * instructions apart and fewer overlapped: 1.05–1.3× slower in interleaved runs in one JVM, though the machine's
     * noise is of that order.) One word per cache line of an entry is enough to bring the line. The entry is read only
     * when the home slot's tag is the state's: a new state's home is empty or another state's, whose entry it does not
     * need (600,000 new states: 0.79× the time at 784 bits, 0.83× at 500; with all states known, 0.90–1.04×, noise).
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
            return getInline(entries.getAtIndex(ValueLayout.JAVA_LONG, id));
        }
        return entries.get(ValueLayout.JAVA_LONG, id * strideBytes);
    }

    /** Copies the state with this id into {@code dst[off .. off + words())}. */
    public void copyKey(long id, long[] dst, int off) {
        checkId(id);
        if (words == 1) {
            dst[off] = entries.getAtIndex(ValueLayout.JAVA_LONG, id);
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
        // one-word tables of 2^20 slots and more fill to 1/2 like wide ones: there the quarter gained nothing, and it
        // doubled the memory that each growth maps and rehashes
        return 1L << (bits - (bits >= READ_AHEAD_INLINE_BITS ? 1 : loadShift));
    }

    /** A table of 2^newBits empty slots. */
    private void allocate(int newBits) {
        bits = newBits;
        tableArena = Arena.ofConfined();
        long slotBytes = words == 1 ? INLINE_SLOT_BYTES : 8;
        // zeroed: every slot empty; and one spare slot past the end, which a resize writes empty slots to
        table = OffHeap.allocate(tableArena, (slotBytes << newBits) + slotBytes);
    }

    /**
     * Room for the entries: address space for 2^35 bytes of them at once where {@link OffHeap} can reserve it (and
     * {@code reserve} asks), so that they never move; else the current capacity.
     */
    private void allocateEntries(boolean reserve) {
        entryArena = Arena.ofConfined();
        // 64 bytes more, so that the kernels can compare the last entry's key a whole vector at a time
        long bytes = strideBytes * capacityOfEntries() + 64;
        entries = reserve ? OffHeap.reserve(entryArena, Math.max(bytes, RESERVED_BYTES)) : null;
        if (entries == null) {
            entries = OffHeap.allocate(entryArena, bytes);
        }
    }

    /**
     * Doubles the table. Entries are copied only when they outgrow their room. Wide states' slots move by their tag
     * alone; one-word states are rehashed into the new table in the old table's order.
     */
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
        if (entries.byteSize() < strideBytes * capacityOfEntries() + 64) {
            allocateEntries(false);
            MemorySegment.copy(oldEntries, 0, entries, 0, strideBytes * distinct);
            oldEntryArena.close();
        }
        if (words == 1) {
            rehashInline(oldTable, oldSlots);
        } else {
            rehashWide(oldTable, oldSlots);
        }
        oldTableArena.close();
    }

    /**
     * Moves every wide state's slot into the new (empty, doubled) table, in the old table's order, by its tag alone.
     * An empty old slot is "moved" to the spare slot past the end, which stays empty, rather than skipped: the test
     * for empty, true for half the slots at random, would be a branch mispredicted half the time, and as a
     * conditional move it is none (a doubling from 2^20 slots took 2.3–3.2 ms instead of 5.5–5.8).
     */
    private void rehashWide(MemorySegment oldTable, long oldSlots) {
        final MemorySegment t = table;
        final int shift = 64 - bits;
        final long mask = (1L << bits) - 1;
        final long spare = 1L << bits;
        for (long s = 0; s < oldSlots; s++) {
            long slot = oldTable.getAtIndex(ValueLayout.JAVA_LONG, s);
            long i = slot == 0 ? spare : slot >>> shift; // the tag is the hash's top 32 bits, and bits ≤ 31
            while (t.getAtIndex(ValueLayout.JAVA_LONG, i) != 0) {
                i = (i + 1) & mask;
            }
            t.setAtIndex(ValueLayout.JAVA_LONG, i, slot);
        }
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
        entries.setAtIndex(ValueLayout.JAVA_LONG, id, k);
        distinct++;
        total++;
        if (distinct == capacityOfEntries()) {
            grow();
        }
    }

    /**
     * Moves every one-word state into the new (empty, doubled) inline table, in the old table's order: a state's new
     * home is its old home doubled (or one more), so the reads and the writes both run through memory in order. (The
     * conditional move of {@link #rehashWide} did not pay here: it hashes every empty slot too, three in four of a
     * small table's, and counting 60,000 and 600,000 new states took 1.04–1.11× the time.)
     */
    private void rehashInline(MemorySegment oldTable, long oldSlots) {
        final MemorySegment t = table;
        final int shift = 64 - bits;
        final long mask = (1L << bits) - 1;
        for (long s = 0; s < oldSlots; s++) {
            long c = oldTable.get(ValueLayout.JAVA_LONG, s * INLINE_SLOT_BYTES + 8);
            if (c != 0) {
                long k = oldTable.get(ValueLayout.JAVA_LONG, s * INLINE_SLOT_BYTES);
                long i = (BitHash.mix(k) & hashMask) >>> shift;
                while (t.get(ValueLayout.JAVA_LONG, i * INLINE_SLOT_BYTES + 8) != 0) {
                    i = (i + 1) & mask;
                }
                t.set(ValueLayout.JAVA_LONG, i * INLINE_SLOT_BYTES, k);
                t.set(ValueLayout.JAVA_LONG, i * INLINE_SLOT_BYTES + 8, c);
            }
        }
    }

    private void checkId(long id) {
        if (id < 0 || id >= distinct) {
            throw new IndexOutOfBoundsException("state id " + id + " of " + distinct);
        }
    }
}
