package rbm.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import rbm.io.AtomicFiles;
import rbm.io.BadInputException;
import rbm.relevance.RelevanceBound;
import rbm.report.RelevanceCharts;

/**
 * The curve of maximal relevance H[K] against resolution H[s] for samples of M states: along it m_k ∝ k^−(1+μ), and
 * its slope is −μ. μ = 1 is Zipf's law.
 *
 * @param samples M, at least 1
 */
public record Bound(long samples) {
    /** The largest M for which the curve is exact; above it each point comes with its band. */
    public static final int EXACT_LIMIT = RelevanceBound.EXACT_LIMIT;

    /**
     * A point of the curve, with a note on the points that matter (the diagonal, the top, Zipf's law).
     *
     * @param distinct the number of distinct states, or −1 where it is not a whole number of states
     * @param band     how far (bits) the optimum of H[K] + μ·H[s] can lie above this point: 0 where it is exact
     */
    public record Point(double mu, double resolution, double relevance, long distinct, double band) {
        public String mark() {
            if (mu == -1) {
                return "diagonal H[K] = H[s] up to the next point";
            }
            if (mu == 0) {
                return "top of the curve (mu = 0)";
            }
            return mu == 1 ? "Zipf (mu = 1)" : "";
        }
    }

    public Bound {
        if (samples < 1) {
            throw new BadInputException("--samples: must be at least 1, got " + samples);
        }
    }

    /** Points spaced evenly in H[s] along the branch μ > −1, with the points μ = 0 and μ = 1. */
    public List<Point> curve(int points) {
        return new RelevanceBound(samples).curve(checked(points)).stream()
                .map(p -> new Point(p.mu(), p.resolution(), p.relevance(), p.distinct(), p.band())).toList();
    }

    /** Whether the curve is exact for this M: up to {@link #EXACT_LIMIT} samples. */
    public boolean exact() {
        return samples <= RelevanceBound.EXACT_LIMIT;
    }

    /** log2 M, the largest resolution a sample of M states can have. */
    public double log2Samples() {
        return Math.log(samples) / Math.log(2);
    }

    /** Writes the {@link #curve} as CSV: mu, resolution_bits, relevance_bits, distinct, mark. */
    public void writeCsv(int points, Path file) {
        StringBuilder csv = new StringBuilder("mu,resolution_bits,relevance_bits,distinct,mark\n");
        for (Point p : curve(points)) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s%n", p.mu(), p.resolution(), p.relevance(),
                    p.distinct() < 0 ? "" : Long.toString(p.distinct()), p.mark()));
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    /** Draws the curve with the diagonal, the Zipf point and its tangent, as SVG. */
    public void writeSvg(int points, Path file) {
        AtomicFiles.writeString(file, RelevanceCharts.bound(new RelevanceBound(samples), checked(points)));
    }

    private static int checked(int points) {
        if (points < 2) {
            throw new BadInputException("--points: must be at least 2, got " + points);
        }
        return points;
    }
}
