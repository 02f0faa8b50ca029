package rbm.report;

/**
 * Builds SVG markup: one method per element the charts draw, with every number written in {@link #number} form and
 * every text escaped. Attribute values never come from outside unescaped, so the output is well-formed XML whatever
 * the titles and labels hold.
 */
final class Svg {
    private final StringBuilder out = new StringBuilder(4096);

    /** Opens the root element: a fixed size, a matching viewBox, and the default font for every text. */
    Svg(int width, int height) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    }

    /** Closes the root element and returns the whole document. */
    String finish() {
        return out.append("</svg>\n").toString();
    }

    void openGroup(String cssClass) {
        out.append("<g class=\"").append(Html.escape(cssClass)).append("\">\n");
    }

    void closeGroup() {
        out.append("</g>\n");
    }

    void rect(double x, double y, double w, double h, String fill, String stroke) {
        out.append("<rect x=\"").append(number(x)).append("\" y=\"").append(number(y))
                .append("\" width=\"").append(number(w)).append("\" height=\"").append(number(h))
                .append("\" fill=\"").append(fill).append('"');
        if (stroke != null) {
            out.append(" stroke=\"").append(stroke).append('"');
        }
        out.append("/>\n");
    }

    void line(double x1, double y1, double x2, double y2, Stroke stroke) {
        out.append("<line x1=\"").append(number(x1)).append("\" y1=\"").append(number(y1))
                .append("\" x2=\"").append(number(x2)).append("\" y2=\"").append(number(y2)).append('"');
        strokeAttributes(stroke);
        out.append("/>\n");
    }

    /** An open polyline through {@code count} points, x and y interleaved in {@code xy}. */
    void polyline(double[] xy, int count, Stroke stroke) {
        out.append("<polyline fill=\"none\"");
        strokeAttributes(stroke);
        out.append(" points=\"");
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : " ").append(number(xy[2 * i])).append(',').append(number(xy[2 * i + 1]));
        }
        out.append("\"/>\n");
    }

    void circle(double cx, double cy, double r, String fill) {
        out.append("<circle cx=\"").append(number(cx)).append("\" cy=\"").append(number(cy))
                .append("\" r=\"").append(number(r)).append("\" fill=\"").append(fill).append("\"/>\n");
    }

    /**
     * A text at (x, y) with the given anchor ("start", "middle", "end"); {@code attributes} is extra markup written
     * inside the tag as is, so it must come from this package. {@code superscript}, if not null, is raised after the
     * text (used for the exponent of 10ᵏ).
     */
    void text(double x, double y, String anchor, String attributes, String text, String superscript) {
        out.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y)).append('"');
        if (!"start".equals(anchor)) {
            out.append(" text-anchor=\"").append(anchor).append('"');
        }
        if (!attributes.isEmpty()) {
            out.append(' ').append(attributes);
        }
        out.append('>').append(Html.escape(text));
        if (superscript != null) {
            // dy rather than baseline-shift, which not every browser supports on tspan
            out.append("<tspan dy=\"-5\" font-size=\"9\">").append(Html.escape(superscript)).append("</tspan>");
        }
        out.append("</text>\n");
    }

    private void strokeAttributes(Stroke stroke) {
        out.append(" stroke=\"").append(stroke.colour()).append("\" stroke-width=\"").append(number(stroke.width()))
                .append('"');
        if (stroke.dash() != null) {
            out.append(" stroke-dasharray=\"").append(stroke.dash()).append('"');
        }
    }

    /**
     * A coordinate with at most two decimals and no trailing zeros, independent of the default locale: 12.5, 3, -0.25.
     * Callers pass only finite values inside the picture (clipping sees to that), so NaN is a bug here, not data.
     */
    static String number(double v) {
        if (!Double.isFinite(v) || Math.abs(v) > 1e9) {
            throw new IllegalStateException("not a drawable coordinate: " + v);
        }
        long hundredths = Math.round(v * 100);
        StringBuilder s = new StringBuilder(12);
        if (hundredths < 0) {
            s.append('-');
            hundredths = -hundredths;
        }
        s.append(hundredths / 100);
        long fraction = hundredths % 100;
        if (fraction != 0) {
            s.append('.').append(fraction / 10);
            if (fraction % 10 != 0) {
                s.append(fraction % 10);
            }
        }
        return s.toString();
    }
}
