package rbm.report;

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
}
