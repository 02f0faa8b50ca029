package rbm.evaluate;

import java.util.Arrays;

/**
 * How often generated patterns land close to a training pattern, as a curve over the distance threshold: for each
 * threshold d (a Jaccard distance, see {@link GenerationScore#nearestJaccard}), the fraction of samples whose nearest
 * training image is at most d away. The scale comes from real images: {@code reference} is the median distance from
 * a held-out image to its nearest training image, and the summary {@code atReference} is the fraction of samples at
 * least as close to the training set as the typical unseen real image is.
 *
 * @param reference   the median nearest distance of held-out images
 * @param thresholds  the thresholds d of the curve, 0 to min(1, 2 × reference)
 * @param fraction    the fraction of samples within each threshold
 * @param atReference the fraction within {@code reference}
 */
public record Reliability(double reference, double[] thresholds, double[] fraction, double atReference) {

    /** The curve of {@code nearest} (one distance per sample) at {@code points} thresholds. */
    public static Reliability of(double[] nearest, double reference, int points) {
        if (nearest.length == 0 || points < 2 || !(reference >= 0)) {
            throw new IllegalArgumentException("a reliability curve needs samples, two points and a reference");
        }
        double[] sorted = nearest.clone();
        Arrays.sort(sorted);
        double top = Math.min(1, 2 * reference);
        double[] t = new double[points];
        double[] f = new double[points];
        for (int i = 0; i < points; i++) {
            t[i] = top * i / (points - 1);
            f[i] = within(sorted, t[i]);
        }
        return new Reliability(reference, t, f, within(sorted, reference));
    }

    /** The fraction of the sorted distances at most d. */
    private static double within(double[] sorted, double d) {
        int lo = 0;
        int hi = sorted.length; // first index with a distance above d
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= d) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return (double) lo / sorted.length;
    }

    /** The median of the distances (the lower middle value of an even count). */
    public static double median(double[] distances) {
        double[] s = distances.clone();
        Arrays.sort(s);
        return s[(s.length - 1) / 2];
    }
}
