package rbm.readout;

import java.nio.charset.StandardCharsets;
import rbm.io.BadInputException;

/**
 * How a field of a CSV or TSV file becomes a bit: with no {@code --binarize} the value must be 0 or 1 (written
 * {@code 0}, {@code 1.0}, {@code 1e0}…, or {@code false} and {@code true} in any case, as pandas writes booleans);
 * with {@code threshold:T} any decimal number is on when it is above T. Numbers are plain decimals (sign, digits,
 * point, exponent); {@code nan} and {@code inf} are not numbers here.
 */
final class FieldBinarization {
    /** 10^k for k ≤ 22: all exact in a double. */
    private static final double[] POWERS = new double[23];

    static {
        POWERS[0] = 1;
        for (int k = 1; k < POWERS.length; k++) {
            POWERS[k] = POWERS[k - 1] * 10;
        }
    }

    private final Double threshold;
    private final int zeroBit;
    private final int oneBit;

    private FieldBinarization(Double threshold) {
        this.threshold = threshold;
        this.zeroBit = threshold != null && 0 > threshold ? 1 : 0;
        this.oneBit = threshold == null || 1 > threshold ? 1 : 0;
    }

    /**
     * The binarisation a {@code --binarize} flag asks for: null for 0/1 values, {@code threshold} or
     * {@code threshold:T}; {@code quantile:q} is refused (it needs every value of a unit before the first state).
     */
    static FieldBinarization of(String binarize, String name) {
        BinarizeRule rule = BinarizeRule.parse(binarize); // the one grammar of --binarize, for arrays and tables
        if (rule == null) {
            return new FieldBinarization(null);
        }
        if (rule.quantile()) {
            throw new BadInputException(name + ": --binarize " + binarize + " needs every value of a unit before "
                    + "the first state, which a text file read in one pass does not give; use --binarize threshold:T");
        }
        return new FieldBinarization(rule.parameter());
    }

    /** As relevance.json records it: "0/1" or "threshold:T". */
    String label() {
        return threshold == null ? "0/1" : "threshold:" + threshold;
    }

    boolean zeroOne() {
        return threshold == null;
    }

    /** The bit of the field {@code b[s .. e)}: 0 or 1, or −1 when it is not a value this binarisation reads. */
    int bit(byte[] b, int s, int e) {
        if (e - s == 1) {
            if (b[s] == '0') {
                return zeroBit;
            }
            if (b[s] == '1') {
                return oneBit;
            }
        }
        double v = parse(b, s, e);
        if (Double.isNaN(v)) {
            v = truth(b, s, e);
            if (Double.isNaN(v)) {
                return -1;
            }
        }
        if (threshold == null) {
            return v == 0 ? 0 : v == 1 ? 1 : -1;
        }
        return v > threshold ? 1 : 0;
    }

    /** 1 for "true", 0 for "false", in any case; NaN for anything else. */
    private static double truth(byte[] b, int s, int e) {
        String word = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        return word.equalsIgnoreCase("true") ? 1 : word.equalsIgnoreCase("false") ? 0 : Double.NaN;
    }

    /**
     * The plain decimal number {@code b[s .. e)}, correctly rounded, or NaN when it is not one. When its digits make
     * an integer m ≤ 2^53 and its power of ten k is at most 22 either way, m and 10^k are exact doubles and one IEEE
     * multiplication or division rounds m·10^k correctly (Clinger's fast path); anything else goes to
     * {@link Double#parseDouble}.
     */
    static double parse(byte[] b, int s, int e) {
        int i = s;
        boolean negative = i < e && b[i] == '-';
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        long m = 0;
        int from = i;
        for (int d; i < e && (d = b[i] - '0') >= 0 && d <= 9; i++) {
            m = m * 10 + d;
        }
        int digits = i - from;
        int fraction = 0;
        if (i < e && b[i] == '.') {
            from = ++i;
            for (int d; i < e && (d = b[i] - '0') >= 0 && d <= 9; i++) {
                m = m * 10 + d;
            }
            fraction = i - from;
            digits += fraction;
        }
        if (digits == 0) {
            return Double.NaN;
        }
        int exponent = 0;
        if (i < e && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = i < e && b[i] == '-';
            if (i < e && (b[i] == '-' || b[i] == '+')) {
                i++;
            }
            from = i;
            for (int d; i < e && (d = b[i] - '0') >= 0 && d <= 9; i++) {
                exponent = Math.min(exponent * 10 + d, 100_000);
            }
            if (i == from) {
                return Double.NaN;
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (i != e) {
            return Double.NaN;
        }
        int k = exponent - fraction;
        // 18 digits cannot overflow m
        if (digits > 18 || m > 1L << 53 || k < -22 || k > 22) {
            return Double.parseDouble(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
        }
        double v = k >= 0 ? m * POWERS[k] : m / POWERS[-k];
        return negative ? -v : v;
    }
}
