package rbm.report;

import java.util.List;

/**
 * The layout every chart shares, and the drawing of everything around the data: background, grid, axes, titles,
 * legend. The plot area is the picture less fixed margins: {@value #LEFT} pixels on the left (y tick labels and
 * title), {@value #RIGHT} on the right, {@value #TOP} on top (chart title) and {@value #BOTTOM} below (x tick labels
 * and title).
 */
final class Frame {
    static final int LEFT = 64;
    static final int RIGHT = 20;
    static final int TOP = 32;
    static final int BOTTOM = 48;
    private static final int MIN_PLOT = 40;
    private static final int MAJOR_TICK = 5;
    private static final int MINOR_TICK = 3;
    /** Half the length of the cross line at each end of an error bar. */
    private static final double CAP = 3;
    private static final String INK = "#333333";
    private static final String GRID = "#e5e5e5";
    private static final int LEGEND_ROW = 16;
    /** A rough width of one character of the 12-pixel sans-serif font, to size the legend box. */
    private static final double CHAR_WIDTH = 6.8;

    /** What a legend row shows before its text, in the entry's stroke. */
    enum Marker { DOT, LINE, BOX }

    /** One row of a legend: a marker in the series' stroke, then the text. */
    record LegendEntry(String text, Stroke stroke, Marker marker) {
    }

    final int width;
    final int height;
    final double left;
    final double top;
    final double right;
    final double bottom;

    Frame(int width, int height) {
        if (width < LEFT + RIGHT + MIN_PLOT || height < TOP + BOTTOM + MIN_PLOT || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException("a chart needs " + (LEFT + RIGHT + MIN_PLOT) + " to 10000 pixels wide"
                    + " and " + (TOP + BOTTOM + MIN_PLOT) + " to 10000 high, got " + width + "×" + height);
        }
        this.width = width;
        this.height = height;
        this.left = LEFT;
        this.top = TOP;
        this.right = width - RIGHT;
        this.bottom = height - BOTTOM;
    }

    /**
     * The part of the line through (x1, y1) and (x2, y2) inside the plot area, {x1, y1, x2, y2}, or null if there is
     * none. With {@code infinite}, the line extends beyond both points; otherwise only the segment between them counts.
     * Liang–Barsky: the parameter t along the line is cut by each of the four edges in turn.
     */
    double[] clip(double x1, double y1, double x2, double y2, boolean infinite) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double t0 = infinite ? Double.NEGATIVE_INFINITY : 0;
        double t1 = infinite ? Double.POSITIVE_INFINITY : 1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x1 - left, right - x1, y1 - top, bottom - y1};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return null; // parallel to this edge and outside it
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        if (t0 > t1 || !Double.isFinite(t0) || !Double.isFinite(t1)) {
            return null;
        }
        return new double[] {x1 + t0 * dx, y1 + t0 * dy, x1 + t1 * dx, y1 + t1 * dy};
    }

    void background(Svg svg) {
        svg.rect(0, 0, width, height, "#ffffff", null);
    }

    /** The plot area's outline, drawn over the data so that clipped lines end cleanly at the edge. */
    void border(Svg svg) {
        svg.rect(left, top, right - left, bottom - top, "none", INK);
    }

    void titles(Svg svg, String title, String xLabel, String yLabel) {
        svg.openGroup("titles");
        if (title != null) {
            svg.text(width / 2.0, 20, "middle", "font-size=\"14\" font-weight=\"bold\"", title, null);
        }
        if (xLabel != null) {
            svg.text((left + right) / 2, height - 10, "middle", "", xLabel, null);
        }
        if (yLabel != null) {
            double cy = (top + bottom) / 2;
            svg.text(0, 0, "middle", "transform=\"translate(16," + Svg.number(cy) + ") rotate(-90)\"", yLabel, null);
        }
        svg.closeGroup();
    }

    /** Grid lines at the labelled ticks of both axes, under the data. */
    void grid(Svg svg, Axis x, Axis y) {
        svg.openGroup("grid");
        Stroke grid = Stroke.solid(GRID, 1);
        if (x != null) {
            for (Axis.Tick tick : x.ticks()) {
                if (tick.major()) {
                    double px = x.pixel(tick.value());
                    svg.line(px, top, px, bottom, grid);
                }
            }
        }
        for (Axis.Tick tick : y.ticks()) {
            if (tick.major()) {
                double py = y.pixel(tick.value());
                svg.line(left, py, right, py, grid);
            }
        }
        svg.closeGroup();
    }

    void xAxis(Svg svg, Axis x) {
        svg.openGroup("x-axis");
        Stroke ink = Stroke.solid(INK, 1);
        for (Axis.Tick tick : x.ticks()) {
            double px = x.pixel(tick.value());
            svg.line(px, bottom, px, bottom + (tick.major() ? MAJOR_TICK : MINOR_TICK), ink);
            if (tick.major()) {
                svg.text(px, bottom + 18, "middle", "", tick.label(), tick.superscript());
            }
        }
        svg.closeGroup();
    }

    void yAxis(Svg svg, Axis y) {
        svg.openGroup("y-axis");
        Stroke ink = Stroke.solid(INK, 1);
        for (Axis.Tick tick : y.ticks()) {
            double py = y.pixel(tick.value());
            svg.line(left - (tick.major() ? MAJOR_TICK : MINOR_TICK), py, left, py, ink);
            if (tick.major()) {
                svg.text(left - 8, py + 4, "end", "", tick.label(), tick.superscript());
            }
        }
        svg.closeGroup();
    }

    /** Category names under a categorical x axis, centred on each band. */
    void categories(Svg svg, List<String> names) {
        svg.openGroup("x-axis");
        double band = (right - left) / names.size();
        for (int i = 0; i < names.size(); i++) {
            svg.text(left + band * (i + 0.5), bottom + 18, "middle", "", names.get(i), null);
        }
        svg.closeGroup();
    }

    /**
     * An error bar value ± error along {@code axis}, drawn across the other axis at pixel {@code at}: horizontal for
     * the x axis, vertical for the y axis. Ends beyond the plot area stop just past its edge and get no cap. A NaN or
     * zero error draws nothing.
     */
    static void errorBar(Svg svg, Axis axis, double value, double error, double at, boolean horizontal,
                         Stroke stroke) {
        if (Double.isNaN(error) || error == 0) {
            return;
        }
        double low = axis.pixelClamped(value - error);
        double high = axis.pixelClamped(value + error);
        if (horizontal) {
            svg.line(low, at, high, at, stroke);
        } else {
            svg.line(at, low, at, high, stroke);
        }
        for (double end : new double[] {value - error, value + error}) {
            if (axis.accepts(end) && axis.inRange(end)) {
                double p = axis.pixel(end);
                if (horizontal) {
                    svg.line(p, at - CAP, p, at + CAP, stroke);
                } else {
                    svg.line(at - CAP, p, at + CAP, p, stroke);
                }
            }
        }
    }

    void legend(Svg svg, Legend corner, List<LegendEntry> entries) {
        if (corner == Legend.NONE || entries.isEmpty()) {
            return;
        }
        int longest = entries.stream().mapToInt(e -> e.text().length()).max().orElse(0);
        double boxWidth = 38 + longest * CHAR_WIDTH;
        double boxHeight = 8 + entries.size() * LEGEND_ROW;
        boolean east = corner == Legend.TOP_RIGHT || corner == Legend.BOTTOM_RIGHT;
        boolean south = corner == Legend.BOTTOM_LEFT || corner == Legend.BOTTOM_RIGHT;
        double x0 = east ? right - 8 - boxWidth : left + 8;
        double y0 = south ? bottom - 8 - boxHeight : top + 8;
        svg.openGroup("legend");
        svg.rect(x0, y0, boxWidth, boxHeight, "#ffffff", "#cccccc");
        for (int i = 0; i < entries.size(); i++) {
            LegendEntry entry = entries.get(i);
            double cy = y0 + 4 + LEGEND_ROW * (i + 0.5);
            switch (entry.marker()) {
                case DOT -> svg.circle(x0 + 15, cy, 3.5, entry.stroke().colour());
                case LINE -> svg.line(x0 + 6, cy, x0 + 24, cy, entry.stroke());
                case BOX -> svg.rect(x0 + 9, cy - 5, 12, 10, entry.stroke().colour(), null);
            }
            svg.text(x0 + 30, cy + 4, "start", "", entry.text(), null);
        }
        svg.closeGroup();
    }
}
