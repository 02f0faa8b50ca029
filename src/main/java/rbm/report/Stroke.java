package rbm.report;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a line is drawn: a colour ({@code #rgb}, {@code #rrggbb} or a CSS colour name), a width in pixels, and a dash
 * pattern ({@code null} for solid, else SVG's stroke-dasharray such as {@code "6 4"}). Both strings are checked here,
 * because they go into the SVG as attribute values.
 */
record Stroke(String colour, double width, String dash) {
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|[a-zA-Z]{3,20}");
    private static final Pattern DASH = Pattern.compile("\\d{1,3}(\\.\\d{1,2})?([ ,]+\\d{1,3}(\\.\\d{1,2})?)*");

    Stroke {
        checkColour(colour);
        if (!(width > 0 && width <= 100)) {
            throw new IllegalArgumentException("line width must be in (0, 100], got " + width);
        }
        if (dash != null && !DASH.matcher(dash).matches()) {
            throw new IllegalArgumentException("dash pattern must be numbers separated by spaces, got '" + dash + "'");
        }
    }

    static Stroke solid(String colour, double width) {
        return new Stroke(colour, width, null);
    }

    static String checkColour(String colour) {
        Objects.requireNonNull(colour, "colour");
        if (!COLOUR.matcher(colour).matches()) {
            throw new IllegalArgumentException("colour must be #rgb, #rrggbb or a colour name, got '" + colour + "'");
        }
        return colour;
    }
}
