package rbm.api;

import rbm.kernels.KernelsProvider;
import rbm.run.Provenance;

/** This software as it runs here: its version, the Java it runs on, and the matrix kernels it chose. */
public final class Software {
    private Software() {
    }

    /** {@code rbm VERSION on Java VERSION, kernels: NAME}. */
    public static String describe() {
        return "rbm " + Provenance.softwareVersion() + " on Java " + Runtime.version() + ", kernels: "
                + KernelsProvider.best().name();
    }
}
