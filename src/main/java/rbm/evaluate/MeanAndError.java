package rbm.evaluate;

/** The mean of some values and its standard error, sd/√n with the n − 1 variance (NaN for a single value). */
record MeanAndError(double mean, double stderr) {

    static MeanAndError of(double[] values) {
        int n = values.length;
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new MeanAndError(mean, n > 1 ? Math.sqrt(squares / (n - 1) / n) : Double.NaN);
    }
}
