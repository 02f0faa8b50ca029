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

    /** HotSpot's UseFMA flag; true when the flag cannot be read (another JVM), as most CPUs have FMA. */
    private static boolean fusedMultiplyAdd() {
        try {
            var bean = java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class);
            return bean == null || !"false".equals(bean.getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError e) {
            return true;
        }
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
        if (!fusedMultiplyAdd()) {
            // without FMA instructions the Vector API falls back to scalar code that is far slower than plain loops
            System.err.println("rbm: SIMD kernels off: this CPU or JVM has no fused multiply-add (UseFMA is false)"
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
