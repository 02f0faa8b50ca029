package rbm.evaluate;

/**
 * The variational lower bound on the mean log p(v) of a set of images under the deep belief net cut at one depth, as
 * {@link DbnBoundEstimator} estimates it, in nats per image.
 *
 * <p>Two errors, for two questions. {@code standardError} is the Monte Carlo error for these images:
 * √(Σ_i s_i² / S) / N, with s_i² the variance of the S samples of image i; the estimate is unbiased for the bound, so
 * it is the distance to expect between the estimate and the exact bound of these N images. {@code imagesStandardError}
 * is the standard deviation of the N per-image estimates over √N: the error of the bound as a mean over the
 * distribution the images were drawn from (NaN for a single image).
 *
 * @param depth               ℓ, counted from 1: RBM ℓ is the prior
 * @param bound               the estimated bound, nats per image
 * @param standardError       its Monte Carlo standard error (zero at depth 1, where nothing is sampled)
 * @param imagesStandardError its standard error over images, Monte Carlo noise included
 * @param images              N
 * @param samples             S, samples of q per image
 */
public record DbnBound(int depth, double bound, double standardError, double imagesStandardError, int images,
                       int samples) {

    /** The record of depth {@code depth} from one mean per image and the Monte Carlo variance Σ_i s_i² / S. */
    static DbnBound of(int depth, double[] imageMeans, double monteCarloVariance, int samples) {
        int n = imageMeans.length;
        MeanAndError m = MeanAndError.of(imageMeans);
        return new DbnBound(depth, m.mean(), Math.sqrt(monteCarloVariance) / n, m.stderr(), n, samples);
    }
}
