package rbm.relevance;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code relevance.json}: what was analysed, the bound for the sample size, and every layer and read-out repeat
 * with its frequencies. Entropies are in bits.
 *
 * @param source  what was analysed and how: the model, data, read-out and seed, or the input file
 * @param samples M, the states in each sample
 */
public record RelevanceFile(Map<String, Object> source, long samples, Bound bound, List<Layer> layers) {

    /** A point of the bound: its slope μ, H[s], H[K], and the distinct states of the sample that attains it. */
    public record Point(double mu, double resolutionBits, double relevanceBits, long distinct) {
        static Point of(RelevanceBound.Point p) {
            return new Point(p.mu(), p.resolution(), p.relevance(), p.distinct());
        }
    }

    /** The bound for M samples: its Zipf point (μ = 1), its end at μ = 0, and points along it. */
    public record Bound(long samples, double log2Samples, Point zipf, @JsonProperty("mu_0") Point mu0,
                        List<Point> curve) {
    }

    /** The power-law fit of one sample's frequencies (see {@link PowerLawFit}). */
    public record PowerLaw(double mu, double error, long kMin, long tailStates, double ksDistance) {
        static PowerLaw of(PowerLawFit fit) {
            return new PowerLaw(fit.mu(), fit.error(), fit.kMin(), fit.tail(), fit.distance());
        }
    }

    /** m_k: how many states occur exactly k times, for each k that occurs, ascending. */
    public record Frequencies(long[] k, long[] mK) {
        /** None: what a partial file without frequencies holds. */
        public static final Frequencies ABSENT = new Frequencies(null, null);

        /** Absent arrays (from a partial file) are empty. */
        public Frequencies {
            k = Objects.requireNonNullElse(k, new long[0]);
            mK = Objects.requireNonNullElse(mK, new long[0]);
        }
    }

    /** One sample: a layer in one read-out repeat (see {@link LayerReport}). */
    public record Layer(String layer, int width, int repeat, long samples, long distinct, double resolutionBits,
                        double relevanceBits, double noiseBits, double resolutionNormalised,
                        double relevanceNormalised, double noiseNormalised, double muBound, PowerLaw powerLaw,
                        Frequencies frequencies, RankFrequency rankFrequency) {
    }
}
