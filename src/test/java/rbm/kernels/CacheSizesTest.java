package rbm.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The cache sizes as Linux writes them, and sizes the blocks can use whatever the machine. */
class CacheSizesTest {
    @Test
    void sizesParseAsLinuxWritesThem() {
        assertEquals(48 * 1024, CacheSizes.parseSize("48K"));
        assertEquals(2048 * 1024, CacheSizes.parseSize("2048K"));
        assertEquals(32L * 1024 * 1024, CacheSizes.parseSize("32M"));
        assertEquals(65536, CacheSizes.parseSize("65536"));
        assertEquals(0, CacheSizes.parseSize(""));
        assertEquals(0, CacheSizes.parseSize("lots"));
    }

    @Test
    void theMachinesCachesAreReadOrStoodInFor() {
        assertTrue(CacheSizes.L1 >= 16 * 1024 && CacheSizes.L1 <= 1024 * 1024, "L1 " + CacheSizes.L1);
        assertTrue(CacheSizes.L2 >= 256 * 1024 && CacheSizes.L2 <= 64L * 1024 * 1024, "L2 " + CacheSizes.L2);
        assertTrue(CacheSizes.L2 > CacheSizes.L1);
    }
}
