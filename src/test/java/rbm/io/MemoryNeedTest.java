package rbm.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MemoryNeedTest {
    @Test
    void addsArraysInLongArithmetic() {
        MemoryNeed need = new MemoryNeed("training").array("--layers", "weights", 50_000, 40_000, 4)
                .array("--batch", "a batch", 100, 40_000, 4);
        assertEquals(8_000_000_000L + 16_000_000L, need.bytes());
        need.check(9_000_000_000L);
        BadInputException e = assertThrows(BadInputException.class, () -> need.check(2_000_000_000L));
        assertEquals("--layers: training needs about 8.0 GB of memory, more than the 2.0 GB this JVM may use; "
                + "run with RBM_JAVA_OPTS=-Xmx11g, or ask for less", e.getMessage());
    }

    @Test
    void refusesAnArrayLongerThanJavaAllows() {
        MemoryNeed need = new MemoryNeed("training");
        need.array("--layers", "weights", 1, MemoryNeed.MAX_ARRAY, 1);
        BadInputException e = assertThrows(BadInputException.class,
                () -> need.array("--chains", "the states", 3_000_000, 784, 4));
        assertEquals("--chains: the states would hold 2,352,000,000 values (9.4 GB), more than the 2,147,483,639 "
                + "a Java array can hold", e.getMessage());
    }

    @Test
    void humanReadableBytes() {
        assertEquals("999 bytes", MemoryNeed.human(999));
        assertEquals("1.5 kB", MemoryNeed.human(1500));
        assertEquals("2.4 GB", MemoryNeed.human(2_400_000_000L));
        assertEquals("314 GB", MemoryNeed.human(313_600_000_000L));
        assertEquals("9.2 EB", MemoryNeed.human(Long.MAX_VALUE));
        assertEquals("-Xmx1g", MemoryNeed.xmx(1));
        assertEquals("-Xmx3g", MemoryNeed.xmx(2_400_000_000L));
    }
}
