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
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            System.err.println("rbm: SIMD kernels off: run java with --add-modules jdk.incubator.vector to turn them on"
                    + " (using the plain-Java kernels)");
            return new ReferenceKernels();
        }
        try {
            return (Kernels) Class.forName("rbm.kernels.VectorKernels").getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            System.err.println("rbm: SIMD kernels off: " + cause + " (using the plain-Java kernels)");
            return new ReferenceKernels();
        }
    }
}
