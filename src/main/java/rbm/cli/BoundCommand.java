package rbm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rbm.io.BadInputException;
import rbm.io.AtomicFiles;
import rbm.relevance.RelevanceBound;
import rbm.report.RelevanceCharts;

/** {@code rbm bound}: the curve of maximal relevance H[K] against resolution H[s] for samples of M states. */
@Command(name = "bound", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the curve of maximal relevance for samples of M states: for each mu, the resolution "
                + "H[s] and relevance H[K] (bits) of the optimal sample, m_k ∝ k^-(1+mu); its slope is -mu. "
                + "mu = 1 is Zipf's law."})
final class BoundCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--samples", paramLabel = "M", required = true, description = "Sample size M.")
    long samples;

    @Option(names = "--points", paramLabel = "N", defaultValue = "21",
            description = "Points spaced evenly in H[s] along the branch mu > -1 (the points mu = 0 and mu = 1 are "
                    + "added). Default: ${DEFAULT-VALUE}.")
    int points;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the curve as CSV.")
    Path out;

    @Option(names = "--svg", paramLabel = "FILE", description = "Also draw the curve, with the diagonal and the Zipf "
            + "point and its tangent, as SVG.")
    Path svg;

    @Override
    public Integer call() {
        if (samples < 1) {
            throw new BadInputException("--samples: must be at least 1, got " + samples);
        }
        if (points < 2) {
            throw new BadInputException("--points: must be at least 2, got " + points);
        }
        List<RelevanceBound.Point> curve = new RelevanceBound(samples).curve(points);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "bound of relevance for M = %d states (bits; log2 M = %.3f)%n", samples,
                Math.log(samples) / Math.log(2));
        o.printf(Locale.ROOT, "%8s  %8s  %8s  %9s%n", "mu", "H[s]", "H[K]", "distinct");
        StringBuilder csv = new StringBuilder("mu,resolution_bits,relevance_bits,distinct,mark\n");
        for (RelevanceBound.Point p : curve) {
            String mark = mark(p.mu());
            o.printf(Locale.ROOT, "%8.3f  %8.3f  %8.3f  %9s%s%n", p.mu(), p.resolution(), p.relevance(),
                    p.distinct() < 0 ? "-" : Long.toString(p.distinct()), mark.isEmpty() ? "" : "  <- " + mark);
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s%n", p.mu(), p.resolution(), p.relevance(),
                    p.distinct() < 0 ? "" : Long.toString(p.distinct()), mark));
        }
        if (out != null) {
            AtomicFiles.writeString(out, csv.toString());
            o.printf(Locale.ROOT, "wrote %s%n", out);
        }
        if (svg != null) {
            AtomicFiles.writeString(svg, RelevanceCharts.bound(new RelevanceBound(samples), points));
            o.printf(Locale.ROOT, "wrote %s%n", svg);
        }
        o.flush();
        return 0;
    }

    private static String mark(double mu) {
        if (mu == -1) {
            return "diagonal H[K] = H[s] up to the next point";
        }
        if (mu == 0) {
            return "top of the curve (mu = 0)";
        }
        return mu == 1 ? "Zipf (mu = 1)" : "";
    }
}
