package rbm.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import rbm.kernels.BitHash;
import rbm.kernels.Kernels;

/**
 * The least work that any open-addressing counter with exact keys must do for a workload, done with every advantage
 * a real counter lacks, to bound from above the ratio that any such counter can reach against the HashMap:
 * <ul>
 *   <li>a known state: hash it, read its stored key and compare, add one to its count. The state's id is handed in,
 *       so there is no probe table to read; the stored keys are read ahead in groups, as the counter reads them;
 *   <li>a new state: hash it, write its slot in a table already big enough (so it never grows) whose memory is
 *       already faulted in and need not be cleared (each pass marks its slots with its own number), and copy the key
 *       and a count of one into entries also faulted in already. A slot found taken is stepped over without reading
 *       an entry. The home slots of each group are read ahead, as the counter reads them.
 * </ul>
 * The hash is the counter's own: {@link Kernels#hash} for wide states, {@link BitHash#mix} for one word. Holds its
 * memory in a confined arena until {@link #close()}.
 */
final class LeastWork implements AutoCloseable {
    private static final int GROUP = 16;

    private final int words;
    private final long stride;
    private final Kernels kernels;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment entries;
    private final MemorySegment table;
    private final int tableBits;
    private final long[] hashes = new long[GROUP];
    private long pass;
    private long sink;

    /** Room for {@code capacity} states of {@code bits} bits, the table at most half full. */
    LeastWork(int bits, int capacity, Kernels kernels) {
        this.words = (bits + 63) / 64;
        this.stride = 8L * (words + 1);
        this.kernels = kernels;
        this.entries = arena.allocate(stride * capacity + 64, 64);
        this.tableBits = 64 - Long.numberOfLeadingZeros(2L * capacity - 1);
        this.table = arena.allocate(8L << tableBits, 64);
        entries.fill((byte) 0); // fault every page in now, outside the timed passes
        table.fill((byte) 0);
    }

    /** Stores {@code n} distinct states as entries 0 .. n − 1, for {@link #known}. */
    void store(long[] states, int n) {
        for (int id = 0; id < n; id++) {
            MemorySegment.copy(states, id * words, entries, ValueLayout.JAVA_LONG, id * stride + 8, words);
        }
    }

    /** Counts {@code n} known states, the i-th of which is stored as entry {@code ids[i]}. */
    void known(long[] states, int[] ids, int n) {
        final MemorySegment e = entries;
        final long lastWord = 8L * words;
        long touched = 0;
        for (int g = 0; g < n; g += GROUP) {
            int size = Math.min(GROUP, n - g);
            for (int s = 0; s < size; s++) {
                hashes[s] = hash(states, (g + s) * words);
            }
            for (int s = 0; s < size; s++) { // read ahead: every line of each entry
                long at = ids[g + s] * stride;
                for (long w = 0; w < lastWord; w += 64) {
                    touched += e.get(ValueLayout.JAVA_LONG, at + w);
                }
                touched += e.get(ValueLayout.JAVA_LONG, at + lastWord);
            }
            for (int s = 0; s < size; s++) {
                long at = ids[g + s] * stride;
                if (!kernels.equalWords(states, (g + s) * words, e, at + 8, words)) {
                    throw new IllegalStateException("state " + (g + s) + " is not entry " + ids[g + s]);
                }
                e.set(ValueLayout.JAVA_LONG, at, e.get(ValueLayout.JAVA_LONG, at) + 1);
                touched += hashes[s];
            }
        }
        sink += touched;
    }

    /** Inserts {@code n} new states, as if into an empty counter; each group's home slots are read ahead. */
    void fresh(long[] states, int n) {
        final MemorySegment t = table;
        final MemorySegment e = entries;
        final long mark = ++pass << 32;
        final int shift = 64 - tableBits;
        final long mask = (1L << tableBits) - 1;
        long touched = 0;
        for (int g = 0; g < n; g += GROUP) {
            int size = Math.min(GROUP, n - g);
            for (int s = 0; s < size; s++) {
                hashes[s] = hash(states, (g + s) * words) >>> shift;
            }
            for (int s = 0; s < size; s++) {
                touched += t.getAtIndex(ValueLayout.JAVA_LONG, hashes[s]);
            }
            for (int s = 0; s < size; s++) {
                int id = g + s;
                long i = hashes[s];
                while ((t.getAtIndex(ValueLayout.JAVA_LONG, i) & ~0xFFFF_FFFFL) == mark) {
                    i = (i + 1) & mask;
                }
                t.setAtIndex(ValueLayout.JAVA_LONG, i, mark | id);
                MemorySegment.copy(states, id * words, e, ValueLayout.JAVA_LONG, id * stride + 8, words);
                e.set(ValueLayout.JAVA_LONG, id * stride, 1L);
            }
        }
        sink += touched;
    }

    /** Only the hashes of {@code n} states: the part of {@link #known} and {@link #fresh} that touches no table. */
    void hashOnly(long[] states, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += hash(states, i * words);
        }
        sink += sum;
    }

    long sink() {
        return sink;
    }

    private long hash(long[] states, int off) {
        return words == 1 ? BitHash.mix(states[off]) : kernels.hash(states, off, words);
    }

    @Override
    public void close() {
        arena.close();
    }
}
