package rbm.io;

import java.util.Locale;

/**
 * The heap a command will take, added up array by array from its flags before it allocates anything, so that an
 * impossible request is refused at once with one line, not with an overflowed size or an out-of-memory error after
 * minutes of work. Each array is charged to the flag that sets its size; the error names the flag of the largest.
 */
public final class MemoryNeed {
    /** The longest array a JVM allocates: a few header words below Integer.MAX_VALUE. */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final long GB = 1_000_000_000L;

    private final String task;
    private long bytes;
    private long largest;
    private String largestFlag = "";

    /** @param task what the memory is for, as the error says it: "training RBM 2 (500×250)" */
    public MemoryNeed(String task) {
        this.task = task;
    }

    /**
     * Adds an array of {@code rows}×{@code cols} elements of {@code elementBytes} each, set by {@code flag}; an array
     * longer than {@link #MAX_ARRAY} is refused here, whatever the heap.
     */
    public MemoryNeed array(String flag, String what, long rows, long cols, int elementBytes) {
        long length = Math.multiplyExact(rows, cols); // two ints: always fits a long
        if (length > MAX_ARRAY) {
            throw new BadInputException(String.format(Locale.ROOT, "%s: %s would hold %,d values (%s), more than "
                    + "the %,d a Java array can hold", flag, what, length,
                    human(Math.multiplyExact(length, (long) elementBytes)), MAX_ARRAY));
        }
        long size = length * elementBytes;
        bytes = Math.addExact(bytes, size);
        if (size > largest) {
            largest = size;
            largestFlag = flag;
        }
        return this;
    }

    public long bytes() {
        return bytes;
    }

    /** Refuses the task if it needs more than the JVM may use. */
    public void check() {
        check(Runtime.getRuntime().maxMemory());
    }

    /** Refuses the task if it needs more than {@code available} bytes. */
    public void check(long available) {
        if (bytes > available) {
            throw new BadInputException(String.format(Locale.ROOT, "%s: %s needs about %s of memory, more than the "
                    + "%s this JVM may use; run with RBM_JAVA_OPTS=%s, or ask for less", largestFlag, task,
                    human(bytes), human(available), xmx(bytes)));
        }
    }

    /** Bytes in decimal units, two significant figures or more: "940 MB", "2.4 GB", "78 GB". */
    public static String human(long bytes) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int u = 0;
        while (value >= 1000 && u < units.length - 1) {
            value /= 1000;
            u++;
        }
        return u == 0 ? bytes + " bytes"
                : String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[u]);
    }

    /** The -Xmx that fits {@code bytes}: a quarter more for the collector and the JVM, in whole gigabytes. */
    static String xmx(long bytes) {
        long gigabytes = Math.max(1, Math.ceilDiv(bytes + bytes / 4, GB));
        return "-Xmx" + gigabytes + "g";
    }
}
