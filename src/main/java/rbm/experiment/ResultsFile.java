package rbm.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import rbm.experiment.Results.Stat;
import rbm.io.BadInputException;
import rbm.io.OptionalKey;
import rbm.relevance.RankFrequency;
import rbm.relevance.RelevanceFile;
import rbm.run.MetricsLog;

/**
 * {@code results.json}: everything the experiment measured, with means and standard deviations over seeds, and the
 * verdict on each claim. The report page is drawn from this file alone.
 *
 * <p>A file with parts missing still loads (with {@code JsonFiles.readLenient}): an absent number is NaN, an absent
 * list, map or array is empty, and an absent object is its type's {@code ABSENT}, whose parts are all absent, so a
 * page drawn from it has gaps where the data is missing.
 *
 * @param seconds                wall time of the whole experiment
 * @param kernels                the compute kernels used (plain Java or the Vector API)
 * @param classifierTestAccuracy the accuracy on the MNIST test set of the classifier that scores generated digits
 * @param groups                 per group ("stack stochastic", "single RBM", ...), one summary per layer
 * @param generation             per layer, the generation scores of both methods
 * @param trainingCurves         the per-epoch metrics of the first seed's stack
 * @param heldoutBound           the bound for the held-out sample size, against which the held-out read-out is set
 * @param measures               each layer as a generative model, by seed: what the third claim is decided on
 * @param likelihood             per RBM, how its log Z was found (first seed)
 * @param reliability            the reliability curves of the chains' images, mean over seeds, by layer
 * @param mixing                 per layer, the mixing diagnostic of the first seed's chains
 */
public record ResultsFile(Config config, double seconds, String kernels, Machine machine,
                          double classifierTestAccuracy, Bound bound, Map<String, List<GroupLayer>> groups,
                          List<GenerationLayer> generation, Verdicts verdicts, List<MetricsLog.Row> trainingCurves,
                          @OptionalKey Bound heldoutBound, @OptionalKey List<Measure> measures,
                          @OptionalKey List<LogPartition> likelihood, @OptionalKey List<ReliabilityLayer> reliability,
                          @OptionalKey List<MixingLayer> mixing) {

    public ResultsFile {
        groups = Objects.requireNonNullElse(groups, Map.of());
        generation = Objects.requireNonNullElse(generation, List.of());
        trainingCurves = Objects.requireNonNullElse(trainingCurves, List.of());
        measures = Objects.requireNonNullElse(measures, List.of());
        likelihood = Objects.requireNonNullElse(likelihood, List.of());
        reliability = Objects.requireNonNullElse(reliability, List.of());
        mixing = Objects.requireNonNullElse(mixing, List.of());
    }

    /**
     * One measure of the layers as generative models: its values by seed (rows) and layer (columns), and their mean
     * and standard deviation by layer.
     */
    public record Measure(String name, String unit, String description, double[][] perSeed, List<Stat> byLayer) {
        public Measure {
            perSeed = Objects.requireNonNullElse(perSeed, new double[0][]);
            byLayer = Objects.requireNonNullElse(byLayer, List.of());
        }
    }

    /** How RBM {@code rbm}'s log Z was found for the likelihood bound: exactly, or by AIS with this error. */
    public record LogPartition(int rbm, double logZ, double aisStandardError, boolean exact) {
    }

    /**
     * The reliability curve of one layer's chains: the fraction of generated images within each Jaccard distance
     * of a training image, mean over seeds; {@code reference} is the median distance of held-out images.
     */
    public record ReliabilityLayer(int layer, double reference, double[] thresholds, double[] fraction,
                                   Stat atReference) {
        public ReliabilityLayer {
            thresholds = Objects.requireNonNullElse(thresholds, new double[0]);
            fraction = Objects.requireNonNullElse(fraction, new double[0]);
        }
    }

    /**
     * How the first seed's chains in one layer mixed: the swap acceptance rate of each pair of neighbouring
     * temperatures of parallel tempering, and the mean free energy of the chains at β = 1 every {@code traceEvery}
     * sweeps.
     */
    public record MixingLayer(int layer, int temperatures, double[] swapRates, int traceEvery,
                              double[] energyTrace) {
        public MixingLayer {
            swapRates = Objects.requireNonNullElse(swapRates, new double[0]);
            energyTrace = Objects.requireNonNullElse(energyTrace, new double[0]);
        }
    }

    /**
     * This file, if the page can be drawn from it: parts may be missing, but a null where a record belongs (a group's
     * layers, a claim, a point of the bound, a row of the training curves) and a training curve of a layer before
     * the first are refused, the message starting with {@code source}.
     */
    public ResultsFile check(String source) {
        for (var g : groups.entrySet()) {
            if (g.getValue() == null) {
                throw new BadInputException(source + ": groups." + g.getKey() + " is null, not a list of layers");
            }
        }
        noNulls(source, "verdicts.claims", verdicts.claims());
        noNulls(source, "bound.curve", bound.curve());
        noNulls(source, "training_curves", trainingCurves);
        for (MetricsLog.Row row : trainingCurves) {
            if (row.layer() < 1) {
                throw new BadInputException(source + ": training_curves holds layer " + row.layer()
                        + "; layers count from 1");
            }
        }
        return this;
    }

    private static void noNulls(String source, String key, List<?> list) {
        // a loop, not contains(null), which List.of lists refuse with a NullPointerException
        for (Object o : list) {
            if (o == null) {
                throw new BadInputException(source + ": " + key + " holds null where an object belongs");
            }
        }
    }

    /** The group's layers, or none. */
    public List<GroupLayer> group(String name) {
        return groups.getOrDefault(name, List.of());
    }

    /** The experiment's settings (see {@link ExperimentConfig}); {@code layers} are the stack's widths. */
    public record Config(int images, int[] layers, int epochs, int seeds, long firstSeed, int[] sweepWidths,
                         int generatedPerLayer, int gibbsSteps, int threads, @OptionalKey String data,
                         @OptionalKey ExperimentConfig.Evaluation evaluation) {
        public static final Config ABSENT = new Config(0, null, 0, 0, 0, null, 0, 0, 0, null, null);

        public Config {
            layers = Objects.requireNonNullElse(layers, new int[0]);
            sweepWidths = Objects.requireNonNullElse(sweepWidths, new int[0]);
        }
    }

    /** The machine: CPU model, cores the JVM may use, Java version. */
    public record Machine(String cpu, int cores, String java) {
        public static final Machine ABSENT = new Machine(null, 0, null);
    }

    /** A point of the bound's curve. */
    public record Point(double mu, double resolutionBits, double relevanceBits) {
    }

    /** The bound's Zipf point (μ = 1). */
    public record Zipf(double resolutionBits, double relevanceBits) {
        public static final Zipf ABSENT = new Zipf(Double.NaN, Double.NaN);
    }

    /** The bound for M = {@code samples}, its Zipf point and points along it. */
    public record Bound(long samples, double log2Samples, Zipf zipf, List<Point> curve) {
        public static final Bound ABSENT = new Bound(0, Double.NaN, Zipf.ABSENT, List.of());

        public Bound {
            curve = Objects.requireNonNullElse(curve, List.of());
        }
    }

    /**
     * One layer of a group, over its runs: statistics of the read-out, the power-law fit and the frequencies of the
     * first run, and the bound's relevance at the layer's resolution.
     */
    public record GroupLayer(int layer, int width, int runs, Stat distinct, Stat resolutionBits, Stat relevanceBits,
                             Stat noiseBits, Stat resolutionNormalised, Stat relevanceNormalised, Stat muBound,
                             Stat muFit, double muFitError, @JsonProperty("fit_k_min") long fitKMin,
                             long fitTailStates, double fitKsDistance, double boundRelevanceBits,
                             RelevanceFile.Frequencies frequencies, RankFrequency rankFrequency) {
        /** A layer missing from the file. */
        public static final GroupLayer ABSENT = new GroupLayer(0, 0, 0, Stat.ABSENT, Stat.ABSENT, Stat.ABSENT,
                Stat.ABSENT, Stat.ABSENT, Stat.ABSENT, Stat.ABSENT, Stat.ABSENT, Double.NaN, 0, 0, Double.NaN,
                Double.NaN, RelevanceFile.Frequencies.ABSENT, RankFrequency.ABSENT);
    }

    /** One layer's generated digits, by Gibbs chains and by states drawn from its empirical distribution. */
    public record GenerationLayer(int layer, int width, Scores gibbs, Scores empirical) {
        /** A layer missing from the file. */
        public static final GenerationLayer ABSENT = new GenerationLayer(0, 0, Scores.ABSENT, Scores.ABSENT);

        /** The scores of {@code "gibbs"} or {@code "empirical"}. */
        public Scores method(String name) {
            return switch (name) {
                case "gibbs" -> gibbs;
                case "empirical" -> empirical;
                default -> throw new IllegalArgumentException("no generation method " + name);
            };
        }
    }

    /** The generation scores of one method over seeds (see {@link rbm.evaluate.GenerationScore}). */
    public record Scores(Stat score, Stat confidence, Stat labelEntropyBits, Stat distinctFraction,
                         Stat nearestDistance, int[] labelCountsFirstSeed, @OptionalKey Stat scoreSamplingError) {
        public static final Scores ABSENT = new Scores(Stat.ABSENT, Stat.ABSENT, Stat.ABSENT, Stat.ABSENT,
                Stat.ABSENT, null, Stat.ABSENT);

        public Scores {
            labelCountsFirstSeed = Objects.requireNonNullElse(labelCountsFirstSeed, new int[0]);
        }
    }
}
