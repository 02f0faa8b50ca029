package rbm.data;

import java.util.Locale;
import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;

import rbm.io.BadInputException;

/**
 * How grey levels in [0,1] become the visible input of the RBM: {@code threshold[:T]} sets values above T
 * (default 0.5) to 1 and the rest to 0, {@code stochastic} sets each value to 1 with probability equal to its grey
 * level, {@code probabilities} keeps the grey levels. {@link #toString()} gives the spec back for {@link #parse}.
 *
 * @param threshold T for {@link Mode#THRESHOLD}; NaN for the other modes, which have none
 */
public record Binarization(Mode mode, double threshold) {
    public static final double DEFAULT_THRESHOLD = 0.5;
    private static final String CHOICES =
            "choose threshold, threshold:T with T in [0,1] (default 0.5), stochastic or probabilities";

    public enum Mode { THRESHOLD, STOCHASTIC, PROBABILITIES }

    public Binarization {
        Objects.requireNonNull(mode, "mode");
        if (mode != Mode.THRESHOLD) {
            threshold = Double.NaN;
        } else if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0,1], got " + threshold);
        }
    }

    public static Binarization threshold(double t) {
        return new Binarization(Mode.THRESHOLD, t);
    }

    public static Binarization stochastic() {
        return new Binarization(Mode.STOCHASTIC, Double.NaN);
    }

    public static Binarization probabilities() {
        return new Binarization(Mode.PROBABILITIES, Double.NaN);
    }

    /** Parses {@code threshold}, {@code threshold:0.3}, {@code stochastic} or {@code probabilities}. */
    public static Binarization parse(String spec) {
        String s = spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        String mode = colon < 0 ? s : s.substring(0, colon);
        String arg = colon < 0 ? null : s.substring(colon + 1).strip();
        switch (mode) {
            case "threshold" -> {
                if (arg == null) {
                    return threshold(DEFAULT_THRESHOLD);
                }
                double t;
                try {
                    t = Double.parseDouble(arg);
                } catch (NumberFormatException e) {
                    t = Double.NaN;
                }
                if (!(t >= 0 && t <= 1)) {
                    throw new BadInputException("--binarize '" + spec + "': the threshold '" + arg
                            + "' must be a number in [0,1]");
                }
                return threshold(t);
            }
            case "stochastic", "probabilities" -> {
                if (arg != null) {
                    throw new BadInputException("--binarize '" + spec + "': " + mode + " takes no ':' value; "
                            + CHOICES);
                }
                return mode.equals("stochastic") ? stochastic() : probabilities();
            }
            default -> throw new BadInputException("--binarize '" + spec + "': unknown mode; " + CHOICES);
        }
    }

    /**
     * The dataset as RBM input, with the same labels and source. {@code random} is used only by
     * {@link Mode#STOCHASTIC}, which needs it; the other modes accept null.
     */
    public Dataset apply(Dataset data, UniformRandomProvider random) {
        if (mode == Mode.PROBABILITIES) {
            return data;
        }
        if (mode == Mode.STOCHASTIC) {
            Objects.requireNonNull(random, "stochastic binarization needs a random source");
        }
        float t = (float) threshold; // compare in float, so that threshold:0.3 leaves a stored 0.3f at 0
        float[] in = data.values();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            boolean on = mode == Mode.THRESHOLD
                    ? in[i] > t
                    : random.nextFloat() < in[i]; // nextFloat is in [0,1): P(on) = grey level, 0 never, 1 always
            out[i] = on ? 1f : 0f;
        }
        return new Dataset(out, data.rows(), data.cols(), data.labels(), data.source());
    }

    @Override
    public String toString() {
        return switch (mode) {
            case THRESHOLD -> "threshold:" + threshold;
            case STOCHASTIC -> "stochastic";
            case PROBABILITIES -> "probabilities";
        };
    }
}
