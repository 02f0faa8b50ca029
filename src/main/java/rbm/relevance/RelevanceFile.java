package rbm.relevance;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import rbm.io.OptionalKey;

/**
 * {@code relevance.json}: what was analysed, the bound for the sample size, and every layer and read-out repeat
 * with its frequencies. Entropies are in bits.
 *
 * @param source  what was analysed and how: the model, data, read-out and seed, or the input file
 * @param samples M, the states in each sample
 */
public record RelevanceFile(Source source, long samples, Bound bound, List<Layer> layers) {

    /**
     * What was analysed: a trained stack read out over its data (model, layers, data, rows, binarization, readout,
     * repeats, seed, threads, kernels), or a file of states (input, format, width). The other fields are null and
     * are left out of the file; so is the seed of a deterministic read-out. Each key is optional, as one kind of
     * source lacks the other's.
     */
    public record Source(@OptionalKey String model, @OptionalKey int[] layers, @OptionalKey String data,
                         @OptionalKey Integer rows, @OptionalKey String binarization, @OptionalKey String readout,
                         @OptionalKey Integer repeats, @OptionalKey Long seed, @OptionalKey Integer threads,
                         @OptionalKey String kernels, @OptionalKey String input, @OptionalKey String format,
                         @OptionalKey Integer width) {

        /** A trained stack read out over its data; {@code seed} is null for the deterministic read-out. */
        public static Source ofModel(String model, int[] layers, String data, int rows, String binarization,
                                     String readout, int repeats, Long seed, int threads, String kernels) {
            return new Source(model, layers, data, rows, binarization, readout, repeats, seed, threads, kernels, null,
                    null, null);
        }

        /** A file of states, one per line, read as {@code format} ("bits" of {@code width}, or "tokens"). */
        public static Source ofInput(String input, String format, int width) {
            return new Source(null, null, null, null, null, null, null, null, null, null, input, format, width);
        }

        /**
         * Samples read from {@code inputs} (their names joined), as {@code format} (npy, csv, bits, labels), their values
         * made states by {@code binarization}; {@code width} when there is one sample of bit vectors, else null.
         */
        public static Source ofInputs(String inputs, String format, String binarization, Integer width) {
            return new Source(null, null, null, null, binarization, null, null, null, null, null, inputs, format,
                    width);
        }

        /** The fields that are set, in order, each as "name value"; layers as 784-500-250. */
        public List<String> describe() {
            List<String> out = new ArrayList<>();
            add(out, "model", model);
            add(out, "layers", layers == null ? null
                    : Arrays.stream(layers).mapToObj(Integer::toString).collect(Collectors.joining("-")));
            add(out, "data", data);
            add(out, "rows", rows);
            add(out, "binarization", binarization);
            add(out, "readout", readout);
            add(out, "repeats", repeats);
            add(out, "seed", seed);
            add(out, "threads", threads);
            add(out, "kernels", kernels);
            add(out, "input", input);
            add(out, "format", format);
            add(out, "width", width);
            return out;
        }

        private static void add(List<String> out, String name, Object value) {
            if (value != null) {
                out.add(name + " " + value);
            }
        }
    }

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
