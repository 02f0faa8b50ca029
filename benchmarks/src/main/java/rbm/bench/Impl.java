package rbm.bench;

import rbm.kernels.Kernels;
import rbm.kernels.KernelsProvider;

/** The kernel implementations a benchmark compares, by the name used in its {@code impl} parameter. */
final class Impl {
    private Impl() {}

    static Kernels of(String name) {
        Kernels k = switch (name) {
            case "reference" -> KernelsProvider.reference();
            case "vector" -> KernelsProvider.best();
            default -> throw new IllegalArgumentException("unknown kernels " + name);
        };
        if (!k.name().equals(name)) {
            throw new IllegalStateException("asked for " + name + " kernels but got " + k.name()
                    + "; run with --add-modules jdk.incubator.vector");
        }
        return k;
    }
}
