package rbm.count;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * What the two layouts of {@link StateCounter} share: an open-addressing probe table of a power-of-two number of
 * slots, and the entries, one per distinct state in order of first occurrence (ids 0, 1, ...), in two
 * {@link MemorySegment}s from {@link OffHeap}. Each segment has its own confined {@link Arena}, so that a resize frees
 * the old table at once and {@link #close()} frees everything deterministically. A slot's home is the top
 * log2(capacity) bits of the state's hash, and collisions probe linearly (index + 1, masked by the capacity). Counting
 * never deletes, so there are no tombstones.
 *
 * <p>Entries are only ever appended. Where {@link OffHeap#reserve} gives address space for 2^35 bytes of them, they
 * never move, and memory is taken one 2 MB page at a time as they arrive; else they double with the table, and are
 * copied. With 4 KB pages and entries that move, counting 600,000 new 784-bit states costs 1.2–1.4 µs each, nearly
 * all of it in the page faults of zeroing ever larger blocks; this way 90–130 ns (on the virtual machine of
 * {@code benchmarks/README.md}).
 */
abstract sealed class CountTable permits OneWordTable, WideTable {
    /** 2^31 slots (16 GiB) at most: slot ids have 32 bits and the home comes from the 32-bit tag. */
    static final int MAX_BITS = 31;
    /** The address space reserved for the entries: 2^35 bytes, 300 million 784-bit states or 4 billion one-word ones. */
    private static final long RESERVED_BYTES = 1L << 35;
    /** States per group of {@code addAll}: enough independent loads to keep the memory system busy. */
    static final int GROUP = 16;

    final int widthBits;
    final int words;
    /** The bits of the last word that a state may use. */
    private final long lastWordMask;
    /** Keeps the top bits of every hash: all 64, or fewer in tests, so that many states collide. */
    final long hashMask;
    private final long slotBytes;
    /** Bytes per entry. */
    final long strideBytes;

    private Arena tableArena;
    private Arena entryArena;
    MemorySegment table;
    MemorySegment entries;
    /** log2 of the number of slots. */
    int bits;
    long distinct;
    long total;
    private boolean closed;
    /** The sum of the words that {@code addAll} reads ahead, stored so that the loads stay; never read. */
    long sink;

    /**
     * An empty table of 2^initialBits slots of {@code slotBytes}, and room for the entries of {@code strideBytes}
     * each. {@link #capacity()} must depend on {@link #bits} alone, as it runs here, before a subclass's fields are set.
     */
    CountTable(int widthBits, int hashBits, int initialBits, long slotBytes, long strideBytes) {
        this.widthBits = widthBits;
        this.words = (widthBits + 63) >>> 6;
        this.lastWordMask = (widthBits & 63) == 0 ? -1L : (1L << (widthBits & 63)) - 1;
        this.hashMask = hashBits == 64 ? -1L : ~(-1L >>> hashBits);
        this.slotBytes = slotBytes;
        this.strideBytes = strideBytes;
        allocate(initialBits);
        allocateEntries(true);
    }

    /** Counts one occurrence of the state in {@code key[off .. off + words)}. */
    abstract void add(long[] key, int off);

    /** Counts {@code n} states stored one after another from {@code keys[off]}, as n calls of {@link #add}. */
    abstract void addAll(long[] keys, int off, int n);

    /** How often the state in {@code key[off ..]} was added; 0 if never. */
    abstract long get(long[] key, int off);

    /** The count of the state with this id. */
    abstract long count(long id);

    /** Copies the state with this id into {@code dst[off .. off + words)}. */
    abstract void copyKey(long id, long[] dst, int off);

    /** How many distinct states the table takes before it doubles; a function of {@link #bits} only. */
    abstract long capacity();

    /** Moves every state of {@code oldTable} ({@code oldSlots} slots) into the new, empty, doubled {@link #table}. */
    abstract void rehash(MemorySegment oldTable, long oldSlots);

    /** Throws when the last word of a state has bits set beyond the width. */
    final void checkWidth(long lastWord) {
        if ((lastWord & ~lastWordMask) != 0) {
            throw new IllegalArgumentException("a " + widthBits + "-bit state has bits set beyond its width");
        }
    }

    final void checkId(long id) {
        if (id < 0 || id >= distinct) {
            throw new IndexOutOfBoundsException("state id " + id + " of " + distinct);
        }
    }

    /** Counts a state just stored as entry {@link #distinct}, and doubles the table when it is full. */
    final void appended() {
        distinct++;
        total++;
        if (distinct == capacity()) {
            grow();
        }
    }

    /** Frees the off-heap memory; the table cannot be used afterwards. */
    final void close() {
        if (!closed) {
            closed = true;
            tableArena.close();
            entryArena.close();
        }
    }

    /** A table of 2^newBits empty slots. */
    private void allocate(int newBits) {
        bits = newBits;
        tableArena = Arena.ofConfined();
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
        long bytes = strideBytes * capacity() + 64;
        entries = reserve ? OffHeap.reserve(entryArena, Math.max(bytes, RESERVED_BYTES)) : null;
        if (entries == null) {
            entries = OffHeap.allocate(entryArena, bytes);
        }
    }

    /** Doubles the table. Entries are copied only when they outgrow their room. */
    private void grow() {
        if (bits == MAX_BITS) {
            throw new IllegalStateException("more than " + capacity() + " distinct states");
        }
        Arena oldTableArena = tableArena;
        Arena oldEntryArena = entryArena;
        MemorySegment oldTable = table;
        MemorySegment oldEntries = entries;
        long oldSlots = 1L << bits;
        allocate(bits + 1);
        if (entries.byteSize() < strideBytes * capacity() + 64) {
            allocateEntries(false);
            MemorySegment.copy(oldEntries, 0, entries, 0, strideBytes * distinct);
            oldEntryArena.close();
        }
        rehash(oldTable, oldSlots);
        oldTableArena.close();
    }
}
