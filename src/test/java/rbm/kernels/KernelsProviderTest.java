package rbm.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The suite runs with and without jdk.incubator.vector; each run must get the kernels its JVM allows. */
class KernelsProviderTest {

    @Test
    void vectorKernelsExactlyWhenTheModuleIsPresent() {
        boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertEquals(present ? "vector" : "reference", KernelsProvider.best().name());
        assertEquals("reference", KernelsProvider.reference().name());
    }
}
