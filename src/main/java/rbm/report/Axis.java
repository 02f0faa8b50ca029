package rbm.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One axis of a chart: a linear or log10 scale, the range it shows, the map from data to pixels, and the tick marks.
 * The map is linear in the transformed value t (t = v, or log10 v): t = lo lands on {@code pixelStart} and t = hi on
 * {@code pixelEnd}.
 *
 * <p>An automatic range spans the data and adds 5% of that span on each side (in decades on a log axis); a single
 * value gets ±10% of itself (±1 around 0) on a linear axis and ±half a decade on a log axis; no data at all gives
 * [0, 1], or [1, 10] on a log axis.
 *
 * <p>Linear ticks step by 1, 2 or 5 × 10ᵏ, about one per 70 pixels. Log ticks sit at powers of ten, with minor ticks
 * at 2..9 × 10ᵏ when a decade is at least 30 pixels long and every other power unlabelled when the decades are
 * crowded; a range within one decade gets labels at 1, 2 and 5 × 10ᵏ, or linear ticks if even those are too few.
 */
final class Axis {
    private static final double PAD = 0.05;
    private static final double PIXELS_PER_LINEAR_TICK = 70;
    private static final double PIXELS_PER_DECADE_LABEL = 40;
    private static final double PIXELS_PER_DECADE_FOR_MINORS = 30;
    private static final double EPSILON = 1e-9;
    private static final double FAR = 1e4;

    /** A tick at data value {@code value}; {@code label} is null for an unlabelled (minor) tick. */
    record Tick(double value, String label, String superscript) {
        boolean major() {
            return label != null;
        }
    }

    private final boolean log;
    private final double lo;
    private final double hi;
    private final double pixelStart;
    private final double pixelEnd;
    /** The smallest step between linear ticks; 0 for none. */
    private final double minimumStep;

    private Axis(boolean log, double lo, double hi, double pixelStart, double pixelEnd) {
        this(log, lo, hi, pixelStart, pixelEnd, 0);
    }

    private Axis(boolean log, double lo, double hi, double pixelStart, double pixelEnd, double minimumStep) {
        this.log = log;
        this.lo = lo;
        this.hi = hi;
        this.pixelStart = pixelStart;
        this.pixelEnd = pixelEnd;
        this.minimumStep = minimumStep;
    }

    /**
     * The same axis with linear ticks never closer than {@code step} (1 for whole numbers such as epochs); the
     * usual 1, 2, 5 × 10ᵏ step is kept when it is larger. Only linear ticks are affected.
     */
    Axis withMinimumStep(double step) {
        if (!(step >= 0 && step < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("a tick step must be finite and not negative, got " + step);
        }
        return new Axis(log, lo, hi, pixelStart, pixelEnd, step);
    }

    /**
     * An axis over {@code explicit} (data units, {min, max}) if not null, else over the automatic range of the data
     * in {@code extent}.
     */
    static Axis create(boolean log, double[] explicit, Extent extent, double pixelStart, double pixelEnd) {
        if (explicit != null) {
            return new Axis(log, transform(log, explicit[0]), transform(log, explicit[1]), pixelStart, pixelEnd);
        }
        double min = extent.min;
        double max = extent.max;
        if (min > max) { // no data
            return new Axis(log, 0, 1, pixelStart, pixelEnd);
        }
        double pad = min == max ? (log ? 0.5 : min == 0 ? 1 : Math.abs(min) * 0.1) : (max - min) * PAD;
        return new Axis(log, min - pad, max + pad, pixelStart, pixelEnd);
    }

    /** Checks an explicit range given in data units. */
    static double[] checkRange(boolean log, double min, double max) {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
            throw new IllegalArgumentException("axis range needs finite min < max, got [" + min + ", " + max + "]");
        }
        if (log && min <= 0) {
            throw new IllegalArgumentException("a log axis needs a positive range, got [" + min + ", " + max + "]");
        }
        return new double[] {min, max};
    }

    /** Whether the value can be placed on this axis at all: finite, and positive on a log axis. */
    boolean accepts(double v) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    /** Whether an accepted value lies in the range shown (with a hair of tolerance for rounding). */
    boolean inRange(double v) {
        double f = fraction(v);
        return f >= -EPSILON && f <= 1 + EPSILON;
    }

    /**
     * The pixel position of an accepted value, outside the plot area if the value is outside the range, but never
     * more than {@value #FAR} plot lengths away, so that absurd values still give drawable numbers.
     */
    double pixel(double v) {
        return pixelAtFraction(Math.clamp(fraction(v), -FAR, FAR));
    }

    /**
     * The pixel position of any value, held to just beyond the plot area: a value off the range or one the axis
     * cannot show (0 or less on a log axis) lands one percent past the near edge. For error bars that run out of the
     * picture.
     */
    double pixelClamped(double v) {
        double f = accepts(v) ? fraction(v) : v > 0 ? 2 : -1; // +Infinity is far above, NaN and the rest far below
        return pixelAtFraction(Math.clamp(f, -0.01, 1.01));
    }

    /** The pixel position of transformed value t (log10 of the value on a log axis). */
    double pixelOfTransformed(double t) {
        return pixelAtFraction(Math.clamp((t - lo) / (hi - lo), -FAR, FAR));
    }

    /** The value as displayed: itself, or its log10 on a log axis. */
    double transformed(double v) {
        return transform(log, v);
    }

    private double fraction(double v) {
        return (transform(log, v) - lo) / (hi - lo);
    }

    private double pixelAtFraction(double f) {
        return pixelStart + f * (pixelEnd - pixelStart);
    }

    private static double transform(boolean log, double v) {
        return log ? Math.log10(v) : v;
    }

    private double pixelLength() {
        return Math.abs(pixelEnd - pixelStart);
    }

    /** The ticks inside the range, in increasing order of value. */
    List<Tick> ticks() {
        return log ? logTicks() : linearTicks(lo, hi);
    }

    private List<Tick> linearTicks(double min, double max) {
        int target = Math.max(2, (int) Math.round(pixelLength() / PIXELS_PER_LINEAR_TICK));
        double step = Math.max(niceStep((max - min) / target), minimumStep);
        List<Tick> ticks = new ArrayList<>();
        double largest = Math.max(Math.abs(min), Math.abs(max));
        for (long i = (long) Math.ceil(min / step - EPSILON); i <= (long) Math.floor(max / step + EPSILON); i++) {
            double value = i * step;
            ticks.add(new Tick(value, linearLabel(value, step, largest), null));
        }
        return ticks;
    }

    /** 1, 2 or 5 × 10ᵏ, whichever is nearest above {@code raw} in the sense of the usual chart rule. */
    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double normalised = raw / magnitude;
        double nice = normalised < 1.5 ? 1 : normalised < 3 ? 2 : normalised < 7 ? 5 : 10;
        return nice * magnitude;
    }

    /** A tick label with just the decimals the step needs; scientific notation for very large or small numbers. */
    static String linearLabel(double value, double step, double largest) {
        if (Math.abs(value) < step * EPSILON) {
            return "0";
        }
        if (largest >= 1e6 || step < 1e-4) {
            int exponent = (int) Math.floor(Math.log10(largest));
            double scale = Math.pow(10, exponent);
            return fixed(value / scale, step / scale) + "e" + exponent;
        }
        return fixed(value, step);
    }

    private static String fixed(double value, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + EPSILON));
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
    }

    private List<Tick> logTicks() {
        int first = (int) Math.ceil(lo - EPSILON);
        int last = (int) Math.floor(hi + EPSILON);
        double pixelsPerDecade = pixelLength() / (hi - lo);
        if (last - first + 1 >= 2) {
            return decadeTicks(first, last, pixelsPerDecade);
        }
        List<Tick> ticks = new ArrayList<>();
        int labelled = 0;
        for (int k = (int) Math.floor(lo); k <= (int) Math.floor(hi); k++) {
            for (int m = 1; m <= 9; m++) {
                double t = Math.log10(m) + k;
                if (t >= lo - EPSILON && t <= hi + EPSILON) {
                    boolean major = m == 1 || m == 2 || m == 5;
                    labelled += major ? 1 : 0;
                    ticks.add(major ? powerTick(m, k) : new Tick(m * Math.pow(10, k), null, null));
                }
            }
        }
        return labelled >= 2 ? ticks : linearTicks(Math.pow(10, lo), Math.pow(10, hi));
    }

    private List<Tick> decadeTicks(int first, int last, double pixelsPerDecade) {
        int every = Math.max(1, (int) Math.ceil(PIXELS_PER_DECADE_LABEL / pixelsPerDecade));
        boolean minors = every == 1 && pixelsPerDecade >= PIXELS_PER_DECADE_FOR_MINORS;
        List<Tick> ticks = new ArrayList<>();
        for (int k = (int) Math.floor(lo); k <= last; k++) {
            if (k >= first) {
                ticks.add(Math.floorMod(k, every) == 0 ? powerTick(1, k) : new Tick(Math.pow(10, k), null, null));
            }
            for (int m = 2; minors && m <= 9; m++) {
                double t = Math.log10(m) + k;
                if (t >= lo - EPSILON && t <= hi + EPSILON) {
                    ticks.add(new Tick(m * Math.pow(10, k), null, null));
                }
            }
        }
        return ticks;
    }

    /** A labelled tick at m × 10ᵏ: plain digits from 0.001 to 50000, else "m·10" with k raised. */
    private static Tick powerTick(int m, int k) {
        double value = m * Math.pow(10, k);
        if (k >= -3 && k <= 4) {
            return new Tick(value, BigDecimal.valueOf(m).scaleByPowerOfTen(k).toPlainString(), null);
        }
        return new Tick(value, (m == 1 ? "" : m + "·") + "10", Integer.toString(k));
    }

    /** The smallest and largest transformed values an axis has to show; values it cannot show are ignored. */
    static final class Extent {
        private final boolean log;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;

        Extent(boolean log) {
            this.log = log;
        }

        void include(double v) {
            if (Double.isFinite(v) && (!log || v > 0)) {
                double t = transform(log, v);
                min = Math.min(min, t);
                max = Math.max(max, t);
            }
        }
    }
}
