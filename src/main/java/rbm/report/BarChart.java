package rbm.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A bar chart as a self-contained SVG string: one group of bars per category (a layer, say), one bar per series,
 * with optional error bars, on a linear y axis. The plot area and the y mapping are those of {@link SvgPlot}; the
 * categories divide the plot area's width into equal bands, and a band's bars fill its middle 80%. The automatic y
 * range runs from 0 (or the lowest value or error-bar end below 0) to the highest, plus 5% of the span away from 0.
 */
public final class BarChart {
    private static final double GROUP_FRACTION = 0.8;
    private static final double PAD = 0.05;

    private final Frame frame;
    private String title;
    private String xLabel;
    private String yLabel;
    private double[] yRange;
    private Legend legend = Legend.TOP_RIGHT;
    private List<String> categories = List.of();
    private final List<Bars> series = new ArrayList<>();

    private BarChart(int width, int height) {
        this.frame = new Frame(width, height);
    }

    /** An empty bar chart of this size in pixels. */
    public static BarChart create(int width, int height) {
        return new BarChart(width, height);
    }

    public BarChart title(String text) {
        this.title = text;
        return this;
    }

    public BarChart xLabel(String text) {
        this.xLabel = text;
        return this;
    }

    public BarChart yLabel(String text) {
        this.yLabel = text;
        return this;
    }

    /** Shows exactly y ∈ [min, max] instead of the automatic range. */
    public BarChart yRange(double min, double max) {
        this.yRange = Axis.checkRange(false, min, max);
        return this;
    }

    public BarChart legend(Legend corner) {
        this.legend = Objects.requireNonNull(corner, "legend");
        return this;
    }

    /** The category names, left to right; every series needs one value per category. */
    public BarChart categories(String... names) {
        this.categories = List.of(names);
        return this;
    }

    public BarChart bars(Bars... more) {
        for (Bars b : more) {
            series.add(Objects.requireNonNull(b, "bars"));
        }
        return this;
    }

    /** The chart as a complete {@code <svg>} element. */
    public String toSvg() {
        if (categories.isEmpty()) {
            throw new IllegalStateException("a bar chart needs at least one category");
        }
        for (Bars b : series) {
            if (b.values().length != categories.size()) {
                throw new IllegalStateException("series " + b.name() + " has " + b.values().length + " values for "
                        + categories.size() + " categories");
            }
        }
        Axis y = Axis.create(false, yRange != null ? yRange : autoRange(), null, frame.bottom, frame.top);
        Svg svg = new Svg(frame.width, frame.height);
        frame.background(svg);
        frame.grid(svg, null, y);
        drawBars(svg, y);
        frame.border(svg);
        frame.categories(svg, categories);
        frame.yAxis(svg, y);
        frame.titles(svg, title, xLabel, yLabel);
        List<Frame.LegendEntry> entries = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            if (series.get(s).name() != null) {
                entries.add(new Frame.LegendEntry(series.get(s).name(), Stroke.solid(colour(s), 1),
                        Frame.Marker.BOX));
            }
        }
        frame.legend(svg, legend, entries);
        return svg.finish();
    }

    private double[] autoRange() {
        double lo = 0;
        double hi = 0;
        for (Bars b : series) {
            for (int i = 0; i < b.values().length; i++) {
                double v = b.values()[i];
                if (Double.isFinite(v)) {
                    double e = Points.error(b.errors(), i);
                    e = Double.isNaN(e) ? 0 : e;
                    lo = Math.min(lo, v - e);
                    hi = Math.max(hi, v + e);
                }
            }
        }
        double span = hi - lo == 0 ? 1 : hi - lo;
        return new double[] {lo < 0 ? lo - PAD * span : 0, hi > 0 || lo == 0 ? hi + PAD * span : 0};
    }

    private String colour(int s) {
        return series.get(s).colour() != null ? series.get(s).colour() : Palette.series(s);
    }

    private void drawBars(Svg svg, Axis y) {
        double band = (frame.right - frame.left) / categories.size();
        double barWidth = band * GROUP_FRACTION / Math.max(1, series.size());
        double zero = Math.clamp(y.pixel(0), frame.top, frame.bottom);
        svg.openGroup("bars");
        for (int s = 0; s < series.size(); s++) {
            Bars b = series.get(s);
            for (int i = 0; i < categories.size(); i++) {
                double v = b.values()[i];
                if (Double.isFinite(v)) {
                    double x0 = frame.left + band * i + band * (1 - GROUP_FRACTION) / 2 + s * barWidth;
                    double end = Math.clamp(y.pixel(v), frame.top, frame.bottom);
                    svg.rect(x0, Math.min(zero, end), barWidth, Math.abs(zero - end), colour(s), null);
                }
            }
        }
        svg.closeGroup();
        svg.openGroup("error-bars");
        Stroke ink = Stroke.solid("#333333", 1);
        for (int s = 0; s < series.size(); s++) {
            Bars b = series.get(s);
            for (int i = 0; i < categories.size(); i++) {
                double v = b.values()[i];
                if (Double.isFinite(v)) {
                    double centre = frame.left + band * i + band * (1 - GROUP_FRACTION) / 2 + (s + 0.5) * barWidth;
                    Frame.errorBar(svg, y, v, Points.error(b.errors(), i), centre, false, ink);
                }
            }
        }
        svg.closeGroup();
    }
}
