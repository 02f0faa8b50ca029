package rbm.report;

/**
 * A straight line across the whole plot area, for comparison with the data: the diagonal y = x, a tangent of slope
 * −1, a power law on log–log axes. "Straight" means straight as drawn: the line lives in the displayed coordinates
 * X = x or log10 x, Y = y or log10 y, so {@code slope(-1, 2)} is y = 2 − x on linear axes and y = 100 / x on log–log
 * axes. The line is clipped to the plot area; a line the axes cannot place (through a non-positive value on a log
 * axis) or that misses the plot area is not drawn. The label, if not null, becomes a legend entry.
 */
public final class ReferenceLine {
    /** A point of the line, in data units if {@code anchorInData}, else in displayed coordinates. */
    private final double[] anchor;
    private final boolean anchorInData;
    /** A second point in data units, or null when the line is fixed by {@code direction}. */
    private final double[] second;
    /** (ΔX, ΔY) along the line in displayed coordinates, or null when the line is fixed by {@code second}. */
    private final double[] direction;
    private final String label;
    private final Stroke stroke;

    private ReferenceLine(double[] anchor, boolean anchorInData, double[] second, double[] direction, String label,
                          Stroke stroke) {
        this.anchor = anchor;
        this.anchorInData = anchorInData;
        this.second = second;
        this.direction = direction;
        this.label = label;
        this.stroke = stroke;
    }

    private static ReferenceLine create(double[] anchor, boolean anchorInData, double[] second, double[] direction) {
        for (double[] pair : new double[][] {anchor, second == null ? direction : second}) {
            if (!Double.isFinite(pair[0]) || !Double.isFinite(pair[1])) {
                throw new IllegalArgumentException("a reference line needs finite numbers, got (" + pair[0] + ", "
                        + pair[1] + ")");
            }
        }
        return new ReferenceLine(anchor, anchorInData, second, direction, null,
                new Stroke(Palette.GREY, 1, SvgPlot.DASHED));
    }

    /** The line through the data points (x1, y1) and (x2, y2), extended both ways. */
    public static ReferenceLine through(double x1, double y1, double x2, double y2) {
        return create(new double[] {x1, y1}, true, new double[] {x2, y2}, null);
    }

    /** Y = slope·X + intercept in displayed coordinates (log10 of the values on log axes). */
    public static ReferenceLine slope(double slope, double intercept) {
        return create(new double[] {0, intercept}, false, null, new double[] {1, slope});
    }

    /** The line of the given displayed slope through the data point (x, y): a tangent, say. */
    public static ReferenceLine slopeThrough(double slope, double x, double y) {
        return create(new double[] {x, y}, true, null, new double[] {1, slope});
    }

    /** y = x. */
    public static ReferenceLine diagonal() {
        return slope(1, 0);
    }

    public ReferenceLine label(String text) {
        return new ReferenceLine(anchor, anchorInData, second, direction, text, stroke);
    }

    public ReferenceLine colour(String colour) {
        return new ReferenceLine(anchor, anchorInData, second, direction, label,
                new Stroke(colour, stroke.width(), stroke.dash()));
    }

    public ReferenceLine width(double width) {
        return new ReferenceLine(anchor, anchorInData, second, direction, label,
                new Stroke(stroke.colour(), width, stroke.dash()));
    }

    /** The dash pattern, SVG's stroke-dasharray such as {@link SvgPlot#DOTTED}; null for a solid line. */
    public ReferenceLine dash(String dash) {
        return new ReferenceLine(anchor, anchorInData, second, direction, label,
                new Stroke(stroke.colour(), stroke.width(), dash));
    }

    String label() {
        return label;
    }

    Stroke stroke() {
        return stroke;
    }

    /** Two distinct pixel points on the line, {x1, y1, x2, y2}, or null if the axes cannot place it. */
    double[] pixels(Axis x, Axis y) {
        double[] a = anchorInData ? displayed(anchor, x, y) : anchor;
        if (a == null) {
            return null;
        }
        double[] b = second != null ? displayed(second, x, y) : new double[] {a[0] + direction[0], a[1] + direction[1]};
        if (b == null || (a[0] == b[0] && a[1] == b[1])) {
            return null;
        }
        return new double[] {x.pixelOfTransformed(a[0]), y.pixelOfTransformed(a[1]), x.pixelOfTransformed(b[0]),
                y.pixelOfTransformed(b[1])};
    }

    private static double[] displayed(double[] point, Axis x, Axis y) {
        if (!x.accepts(point[0]) || !y.accepts(point[1])) {
            return null;
        }
        return new double[] {x.transformed(point[0]), y.transformed(point[1])};
    }
}
