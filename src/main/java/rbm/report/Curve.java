package rbm.report;

import java.util.Objects;

/**
 * A polyline through (x[i], y[i]) in the given order. A point the axes cannot show (NaN, infinite, or not positive on
 * a log axis) breaks the line in two; the line is clipped to the plot area. The name, if not null, becomes a legend
 * entry; a null colour takes the next palette colour. {@code dash} is null for a solid line, else SVG's
 * stroke-dasharray, such as {@link SvgPlot#DASHED}.
 */
public record Curve(String name, double[] x, double[] y, String colour, double width, String dash) {
    /** The default width of a curve, in pixels. */
    public static final double WIDTH = 1.5;

    public Curve {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
        }
        new Stroke(colour == null ? Palette.BLACK : colour, width, dash); // checks the three
        x = x.clone();
        y = y.clone();
    }

    /** A solid curve of the default width in the next palette colour. */
    public static Curve of(String name, double[] x, double[] y) {
        return new Curve(name, x, y, null, WIDTH, null);
    }

    public Curve colour(String newColour) {
        return new Curve(name, x, y, newColour, width, dash);
    }

    public Curve width(double newWidth) {
        return new Curve(name, x, y, colour, newWidth, dash);
    }

    public Curve dash(String newDash) {
        return new Curve(name, x, y, colour, width, newDash);
    }

    Stroke stroke(String defaultColour) {
        return new Stroke(colour == null ? defaultColour : colour, width, dash);
    }
}
