package rbm.count;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Zeroed off-heap memory for the counter's tables, on 2 MB pages where Linux allows it.
 *
 * <p>Why: the first touch of each 4 KB page costs a page fault, and in a virtual machine a fault is slow. On the
 * machine of {@code benchmarks/README.md}, zeroing 128 MB from {@link Arena#allocate} takes 360–430 ms, nearly all
 * of it in faults, and on such memory counting 600,000 new 784-bit states spends most of its time there. The same
 * 128 MB mapped with {@code mmap} and marked {@code madvise(MADV_HUGEPAGE)} takes 11 ms to touch: one fault per
 * 2 MB. Memory from {@code mmap} is zero already, so it is not written twice either.
 *
 * <p>A block of at least 1 MB is mapped this way when the platform is Linux on x86-64, its transparent huge pages are
 * not switched off, and this code may call native functions: the JVM was started with
 * {@code --enable-native-access=ALL-UNNAMED}, or the jar's manifest grants it, as rbm's does (so do the test suite's
 * run with the Vector API module and the benchmarks). Otherwise, and for smaller blocks, it comes from
 * {@link Arena#allocate}. Either way the block is freed when its arena closes: the mapping is given back with
 * {@code munmap}. {@link #reserve} maps address space that takes memory only where it is written, so that the
 * counter's entries can grow without ever moving.
 */
final class OffHeap {
    /** The size of a transparent huge page on x86-64. */
    static final long HUGE_PAGE = 2L << 20;
    /** The most of a block past its last whole huge page that is left on small pages. */
    private static final long SMALL_TAIL = 64L << 10;

    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20; // Linux's values
    private static final int MAP_NORESERVE = 0x4000;
    private static final int MADV_HUGEPAGE = 14;
    private static final MethodHandle MMAP;
    private static final MethodHandle MADVISE;
    private static final MethodHandle MUNMAP;

    static {
        MethodHandle mmap = null;
        MethodHandle madvise = null;
        MethodHandle munmap = null;
        if (usable()) {
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                mmap = linker.downcallHandle(libc.find("mmap").orElseThrow(), FunctionDescriptor.of(ValueLayout.ADDRESS,
                        ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
                madvise = linker.downcallHandle(libc.find("madvise").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                                ValueLayout.JAVA_INT));
                munmap = linker.downcallHandle(libc.find("munmap").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
            } catch (RuntimeException e) {
                mmap = null; // no such symbols, or no native linker: the arena's memory it is
            }
        }
        MMAP = mmap;
        MADVISE = madvise;
        MUNMAP = munmap;
    }

    private OffHeap() {}

    /** Whether blocks of 1 MB and more, and reservations, are mapped on huge pages. */
    static boolean hugePages() {
        return MMAP != null;
    }

    /**
     * {@code bytes} of zeroed memory aligned to 64 bytes (a cache line), valid until {@code arena} closes, which frees
     * it. A block of 1 MB or more starts a huge page when they are on: one 2 MB fault costs less than 256 small ones.
     * (Smaller blocks come from the arena, whose allocator keeps freed memory for the next block, faults and all.)
     */
    static MemorySegment allocate(Arena arena, long bytes) {
        MemorySegment block = bytes < HUGE_PAGE / 2 ? null : map(arena, bytes, 0);
        return block != null ? block : arena.allocate(bytes, 64);
    }

    /**
     * {@code bytes} of address space, zero, that take memory only where they are written, one 2 MB page at a time;
     * freed when {@code arena} closes. Null when huge pages are off or the kernel refuses (under strict overcommit,
     * for example): the caller then allocates as it grows.
     */
    static MemorySegment reserve(Arena arena, long bytes) {
        return map(arena, bytes, MAP_NORESERVE);
    }

    /** An anonymous mapping on huge pages, or null. */
    private static MemorySegment map(Arena arena, long bytes, int extraFlags) {
        if (MMAP == null) {
            return null;
        }
        // whole pages, as the kernel backs only whole aligned 2 MB ranges of an madvised mapping with huge pages; and room
        // to start on a 2 MB boundary (the untouched rest costs no memory). A tail of less than 64 KB past the last
        // whole page stays on 4 KB pages: a few small faults cost less than zeroing another 2 MB (a counter's table
        // of 2^k slots has one spare slot past the end)
        long pages = (bytes + HUGE_PAGE - SMALL_TAIL) & -HUGE_PAGE;
        long mapped = ((bytes + HUGE_PAGE - 1) & -HUGE_PAGE) + HUGE_PAGE;
        MemorySegment at;
        try {
            at = (MemorySegment) MMAP.invokeExact(MemorySegment.NULL, mapped, PROT_READ_WRITE,
                    MAP_PRIVATE_ANONYMOUS | extraFlags, -1, 0L);
        } catch (Throwable e) {
            throw new IllegalStateException("mmap failed", e);
        }
        if (at.address() == -1L) { // MAP_FAILED
            return null;
        }
        long start = (at.address() + HUGE_PAGE - 1) & -HUGE_PAGE;
        MemorySegment block = MemorySegment.ofAddress(start).reinterpret(bytes, arena, s -> unmap(at, mapped));
        try {
            int refused = (int) MADVISE.invokeExact(block, pages, MADV_HUGEPAGE); // then 4 KB pages it is
        } catch (Throwable e) {
            throw new IllegalStateException("madvise failed", e);
        }
        return block;
    }

    private static void unmap(MemorySegment at, long bytes) {
        try {
            int failed = (int) MUNMAP.invokeExact(at, bytes);
        } catch (Throwable e) {
            throw new IllegalStateException("munmap failed", e);
        }
    }

    /** Linux on x86-64, huge pages not switched off, and native access granted. */
    private static boolean usable() {
        String arch = System.getProperty("os.arch", "");
        if (!System.getProperty("os.name", "").equals("Linux") || !arch.equals("amd64")) {
            return false;
        }
        if (!OffHeap.class.getModule().isNativeAccessEnabled()) {
            return false;
        }
        try {
            String mode = java.nio.file.Files.readString(java.nio.file.Path.of(
                    "/sys/kernel/mm/transparent_hugepage/enabled"));
            return !mode.contains("[never]");
        } catch (java.io.IOException | SecurityException e) {
            return false;
        }
    }
}
