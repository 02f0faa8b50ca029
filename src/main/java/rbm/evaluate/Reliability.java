package rbm.evaluate;

import java.util.Arrays;

/**
 * How often generated patterns land close to a training pattern, as a curve over the distance threshold: for each
 * threshold d (pixels that differ, see {@link GenerationScore#nearestHamming}), the fraction of samples whose nearest
 * training image is at most d away. The scale comes from real digits: {@code reference} is the median distance from
 * a held-out image to its nearest training image, and the summary {@code atReference} is the fraction of samples at
 * least as close to the training set as the typical unseen real digit is.
 *
 * @param reference   the median nearest distance of held-out images, pixels
 * @param thresholds  the thresholds d of the curve, 0 to 2 × reference
 * @param fraction    the fraction of samples within each threshold
 * @param atReference the fraction within {@code reference}
 */
public record Reliability(int reference, int[] thresholds, double[] fraction, double atReference) {

    /** The curve of {@code nearest} (one distance per sample) at {@code points} thresholds from 0 to 2 × reference. */
    public static Reliability of(int[] nearest, int reference, int points) {
        if (nearest.length == 0 || points < 2 || reference < 0) {
            throw new IllegalArgumentException("a reliability curve needs samples, two points and a reference");
        }
        int[] sorted = nearest.clone();
        Arrays.sort(sorted);
        int[] t = new int[points];
        double[] f = new double[points];
        for (int i = 0; i < points; i++) {
            t[i] = (int) Math.round(2.0 * reference * i / (points - 1));
            f[i] = within(sorted, t[i]);
        }
        return new Reliability(reference, t, f, within(sorted, reference));
    }

    /** The fraction of the sorted distances at most d. */
    private static double within(int[] sorted, int d) {
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
    public static int median(int[] distances) {
        int[] s = distances.clone();
        Arrays.sort(s);
        return s[(s.length - 1) / 2];
    }
}
