package rbm.report;

import java.util.Objects;

/**
 * A scatter series: points (x[i], y[i]), each with optional symmetric error bars ±xError[i], ±yError[i] and an
 * optional text label drawn beside it. A null or non-finite error draws no bar for that point. The name, if not
 * null, becomes a legend entry; a null colour takes the next palette colour.
 */
public record Points(String name, double[] x, double[] y, double[] xError, double[] yError, String[] labels,
                     String colour) {

    public Points {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        requireLength("y", y.length, x.length);
        requireLength("xError", xError == null ? x.length : xError.length, x.length);
        requireLength("yError", yError == null ? x.length : yError.length, x.length);
        requireLength("labels", labels == null ? x.length : labels.length, x.length);
        if (colour != null) {
            Stroke.checkColour(colour);
        }
        x = x.clone();
        y = y.clone();
        xError = xError == null ? null : xError.clone();
        yError = yError == null ? null : yError.clone();
        labels = labels == null ? null : labels.clone();
    }

    /** Points without error bars or labels, in the next palette colour. */
    public static Points of(String name, double[] x, double[] y) {
        return new Points(name, x, y, null, null, null, null);
    }

    public Points xErrors(double... errors) {
        return new Points(name, x, y, errors, yError, labels, colour);
    }

    public Points yErrors(double... errors) {
        return new Points(name, x, y, xError, errors, labels, colour);
    }

    public Points labels(String... texts) {
        return new Points(name, x, y, xError, yError, texts, colour);
    }

    public Points colour(String newColour) {
        return new Points(name, x, y, xError, yError, labels, newColour);
    }

    /** The half-width of the bar at point i, or NaN for none (no errors, or a negative or non-finite one). */
    static double error(double[] errors, int i) {
        return errors == null || !(errors[i] >= 0 && errors[i] < Double.POSITIVE_INFINITY) ? Double.NaN : errors[i];
    }

    private static void requireLength(String what, int n, int length) {
        if (n != length) {
            throw new IllegalArgumentException(what + " has " + n + " entries for " + length + " points");
        }
    }

    /**
     * Labels of points that sit on top of one another merged into one: consecutive layers within (dx, dy) of the
     * first of their cluster get one label "1–4" on the first point, and none on the others.
     */
    public static String[] mergeLabels(double[] x, double[] y, String[] labels, double dx, double dy) {
        String[] out = new String[labels.length];
        int start = 0;
        while (start < labels.length) {
            int end = start;
            while (end + 1 < labels.length && Math.abs(x[end + 1] - x[start]) <= dx
                    && Math.abs(y[end + 1] - y[start]) <= dy) {
                end++;
            }
            out[start] = end == start ? labels[start] : labels[start] + (end == start + 1 ? "," : "–") + labels[end];
            start = end + 1;
        }
        return out;
    }
}
