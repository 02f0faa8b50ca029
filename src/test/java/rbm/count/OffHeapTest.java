package rbm.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/**
 * The counter's memory: zeroed, aligned, as large as asked, and unusable once its arena is closed, whether it was
 * mapped on huge pages (the suite's run with native access on Linux) or allocated by the arena (the run without).
 */
class OffHeapTest {

    @Test
    void blocksAreZeroedAlignedAndFreedWithTheirArena() {
        for (long bytes : new long[] {64, 100_000, OffHeap.HUGE_PAGE / 2, 3 * OffHeap.HUGE_PAGE + 8,
                OffHeap.HUGE_PAGE + (64 << 10)}) {
            MemorySegment block;
            try (Arena arena = Arena.ofShared()) {
                block = OffHeap.allocate(arena, bytes);
                assertEquals(bytes, block.byteSize());
                assertEquals(0, block.address() % 64, "aligned to a cache line");
                assertAllZero(block);
                block.set(ValueLayout.JAVA_LONG, bytes - 8, -1L); // the last word is writable
                assertEquals(-1L, block.get(ValueLayout.JAVA_LONG, bytes - 8));
            }
            MemorySegment closed = block;
            assertThrows(IllegalStateException.class, () -> closed.get(ValueLayout.JAVA_BYTE, 0));
        }
    }

    @Test
    void hugePagesOnlyWithNativeAccess() {
        if (!OffHeap.class.getModule().isNativeAccessEnabled()) {
            assertFalse(OffHeap.hugePages());
            try (Arena arena = Arena.ofShared()) {
                assertNull(OffHeap.reserve(arena, 1L << 30));
            }
        }
        if (OffHeap.hugePages()) {
            try (Arena arena = Arena.ofShared()) {
                MemorySegment big = OffHeap.allocate(arena, OffHeap.HUGE_PAGE);
                assertEquals(0, big.address() % OffHeap.HUGE_PAGE, "a mapped block starts a huge page");
            }
        }
    }

    /** A reservation far larger than the memory it will get takes memory only where it is written. */
    @Test
    void reservationsAreZeroWhereverTheyAreRead() {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment reserved = OffHeap.reserve(arena, 1L << 35);
            if (reserved == null) {
                assertFalse(OffHeap.hugePages() && System.getProperty("os.name").equals("Linux")
                        && readsOvercommitMode() == 0, "the kernel overcommits, so the reservation should succeed");
                return;
            }
            assertEquals(1L << 35, reserved.byteSize());
            for (long at = 0; at < reserved.byteSize(); at += 1L << 31) {
                assertEquals(0, reserved.get(ValueLayout.JAVA_LONG, at));
                reserved.set(ValueLayout.JAVA_LONG, at, at + 1);
                assertEquals(at + 1, reserved.get(ValueLayout.JAVA_LONG, at));
            }
        }
    }

    private static int readsOvercommitMode() {
        try {
            return Integer.parseInt(java.nio.file.Files.readString(
                    java.nio.file.Path.of("/proc/sys/vm/overcommit_memory")).trim());
        } catch (java.io.IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static void assertAllZero(MemorySegment block) {
        long n = block.byteSize();
        long sum = 0;
        for (long at = 0; at + 8 <= n; at += 8) {
            sum |= block.get(ValueLayout.JAVA_LONG, at);
        }
        for (long at = n & ~7L; at < n; at++) {
            sum |= block.get(ValueLayout.JAVA_BYTE, at);
        }
        assertTrue(sum == 0, "zeroed");
    }
}
