package rbm.bench;

/**
 * A product's shape as the benchmarks name it, "FORM:m×n×k": FORM is NN (C = A·B), NT (C = A·Bᵀ) or TN (C = Aᵀ·B),
 * C is m × n and the inner dimension is k.
 */
record Shape(boolean transA, boolean transB, int m, int n, int k) {
    static Shape parse(String spec) {
        String[] parts = spec.split(":");
        String[] dims = parts[1].split("x");
        return new Shape(parts[0].charAt(0) == 'T', parts[0].charAt(1) == 'T', Integer.parseInt(dims[0]),
                Integer.parseInt(dims[1]), Integer.parseInt(dims[2]));
    }

    /** A random matrix of the given size, entries in [0, 1). */
    static float[] random(org.apache.commons.rng.UniformRandomProvider rng, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = rng.nextFloat();
        }
        return x;
    }
}
