package rbm.count;

import rbm.kernels.Kernels;

/**
 * Counts how often each state occurs: an open-addressing hash map from bit vectors of a fixed width (any width from
 * 1 bit up) to counts, held off the Java heap, so that counting 10^8 states does not grow the heap. Keys are compared
 * word for word: two different states never share a count, even when their hashes collide. Ids run from 0 to
 * {@link #distinct()} − 1 in order of first occurrence, which makes iterating over the states a linear scan.
 *
 * <p>Two memory layouts, one class each, chosen by the width: {@link OneWordTable} for states of at most 64 bits
 * keeps the key and the count in the probe table, one cache line per add; {@link WideTable} for wider states keeps a
 * table of tags and ids and a dense array of entries (count and key). {@link CountTable} holds what they share: the
 * off-heap memory ({@link OffHeap}, 2 MB pages where Linux gives them), the order of ids and the growth. The
 * layouts and their measured trade-offs are in those classes; the figures against a {@code HashMap} are in
 * {@code benchmarks/README.md}.
 *
 * <p>Confined to the thread that creates it: its memory lives in confined arenas, which any other thread is refused
 * ({@link WrongThreadException}). A shared arena's close waits for a handshake with every thread of the JVM (65–400
 * µs on a 2-core virtual machine), and the table's arena closes at every doubling: with shared arenas, counting
 * 60,000 new states takes 1.5–1.7 times as long (784 bits: 109 against 73 ns a state).
 */
public final class StateCounter implements AutoCloseable {
    private static final int DEFAULT_BITS = 10;

    private final CountTable table;
    private final Kernels kernels;

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
        if (hashBits < 0 || hashBits > 64 || initialBits < 2 || initialBits > CountTable.MAX_BITS) {
            throw new IllegalArgumentException("hashBits " + hashBits + ", initialBits " + initialBits);
        }
        this.kernels = kernels;
        this.table = widthBits <= 64
                ? new OneWordTable(widthBits, hashBits, initialBits)
                : new WideTable(widthBits, kernels, hashBits, initialBits);
    }

    /** Bits per state. */
    public int width() {
        return table.widthBits;
    }

    /** Longs per state: ⌈width / 64⌉. */
    public int words() {
        return table.words;
    }

    Kernels kernels() {
        return kernels;
    }

    /** Number of distinct states seen. */
    public long distinct() {
        return table.distinct;
    }

    /** Number of states added, M. */
    public long total() {
        return table.total;
    }

    /**
     * Counts one occurrence of the state in {@code words[off .. off + words())}, bit i of the state being bit i % 64
     * of word i / 64 (as {@link Kernels#packBits} writes it). The unused high bits of the last word must be zero.
     */
    public void add(long[] key, int off) {
        table.add(key, off);
    }

    /**
     * Counts the {@code n} states stored one after another from {@code keys[off]}, {@link #words()} longs each, in
     * order: the same counts and ids as {@code n} calls of {@link #add}, and faster where the table is larger than
     * the caches, as it reads a group of states' slots ahead. A state with bits set beyond the width throws
     * {@link IllegalArgumentException}; states before it in the batch may or may not have been counted.
     */
    public void addAll(long[] keys, int off, int n) {
        table.addAll(keys, off, n);
    }

    /** How often the state in {@code words[off ..]} was added; 0 if never. */
    public long get(long[] key, int off) {
        return table.get(key, off);
    }

    /** The count of the state with this id; ids run from 0 to {@link #distinct()} − 1 in order of first occurrence. */
    public long count(long id) {
        return table.count(id);
    }

    /** Copies the state with this id into {@code dst[off .. off + words())}. */
    public void copyKey(long id, long[] dst, int off) {
        table.copyKey(id, dst, off);
    }

    /** Frees the off-heap memory; the counter cannot be used afterwards. */
    @Override
    public void close() {
        table.close();
    }
}
