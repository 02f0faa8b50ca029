package rbm.readout;

import java.util.Locale;
import rbm.io.BadInputException;

/**
 * How {@code --binarize} makes numbers into bits: a unit is on when its value is above a threshold T
 * ({@code threshold:T}; {@code threshold} alone means T = 0, the sign of a pre-activation or a ReLU output), or above
 * the unit's q-quantile over the sample ({@code quantile:q}, as {@link ColumnQuantiles} defines it).
 * {@link #toString()} gives the rule as relevance.json records it: "threshold:0.0", "quantile:0.5".
 */
record BinarizeRule(boolean quantile, double parameter) {
    private static final String CHOICES = "choose threshold, threshold:T or quantile:q with q in [0, 1]";

    /** The rule of a {@code --binarize} value, or null for none. */
    static BinarizeRule parse(String spec) {
        if (spec == null) {
            return null;
        }
        String s = spec.strip().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        String mode = colon < 0 ? s : s.substring(0, colon);
        String arg = colon < 0 ? null : s.substring(colon + 1).strip();
        double value = arg == null ? Double.NaN : number(arg);
        return switch (mode) {
            case "threshold" -> {
                if (arg != null && !Double.isFinite(value)) {
                    throw new BadInputException("--binarize '" + spec + "': the threshold '" + arg
                            + "' must be a finite number");
                }
                yield new BinarizeRule(false, arg == null ? 0 : value);
            }
            case "quantile" -> {
                if (!(value >= 0 && value <= 1)) {
                    throw new BadInputException("--binarize '" + spec + "': " + CHOICES);
                }
                yield new BinarizeRule(true, value);
            }
            default -> throw new BadInputException("--binarize '" + spec + "': unknown rule; " + CHOICES);
        };
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Override
    public String toString() {
        return (quantile ? "quantile:" : "threshold:") + parameter;
    }
}
