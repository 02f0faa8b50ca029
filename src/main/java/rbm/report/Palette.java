package rbm.report;

import java.util.Locale;

/**
 * The series colours: the Okabe–Ito palette, which stays distinguishable under the common colour-vision
 * deficiencies, without its yellow (too pale on white). Series without an explicit colour take these in turn.
 */
public final class Palette {
    public static final String BLUE = "#0072B2";
    public static final String VERMILLION = "#D55E00";
    public static final String GREEN = "#009E73";
    public static final String PURPLE = "#CC79A7";
    public static final String ORANGE = "#E69F00";
    public static final String SKY_BLUE = "#56B4E9";
    public static final String BLACK = "#000000";
    /** Reference lines, which should not compete with the data. */
    public static final String GREY = "#666666";

    private static final String[] SERIES = {BLUE, VERMILLION, GREEN, PURPLE, ORANGE, SKY_BLUE, BLACK};

    private Palette() {
    }

    /** The colour of the {@code index}-th series (counting from 0), cycling after seven. */
    public static String series(int index) {
        return SERIES[Math.floorMod(index, SERIES.length)];
    }

    /**
     * The colour of layer {@code l} (from 0) of {@code n}: a sequential ramp from dark violet (next to the pixels)
     * through blue and green to yellow-green (the narrowest layer), after the viridis colour map, stopping short of
     * its palest yellow so that every line stands out on white.
     */
    public static String depth(int l, int n) {
        double t = n <= 1 ? 0 : 0.88 * l / (n - 1);
        int[][] stops = {{0x44, 0x01, 0x54}, {0x3b, 0x52, 0x8b}, {0x21, 0x91, 0x8c}, {0x5e, 0xc9, 0x62},
                {0xfd, 0xe7, 0x25}};
        double pos = t * (stops.length - 1);
        int i = Math.min((int) pos, stops.length - 2);
        double f = pos - i;
        int[] rgb = new int[3];
        for (int c = 0; c < 3; c++) {
            rgb[c] = (int) Math.round(stops[i][c] + f * (stops[i + 1][c] - stops[i][c]));
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }
}
