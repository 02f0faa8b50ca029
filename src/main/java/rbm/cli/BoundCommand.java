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
import rbm.api.Bound;

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
        Bound bound = new Bound(samples);
        List<Bound.Point> curve = bound.curve(points);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "bound of relevance for M = %d states (bits; log2 M = %.3f)%n", samples,
                bound.log2Samples());
        if (bound.exact()) {
            o.printf(Locale.ROOT, "exact: every point is an optimal sample of M states%n");
        } else {
            o.printf(Locale.ROOT, "not exact above M = %d: each point is a constructed sample, and the optimum of "
                    + "H[K] + mu*H[s] lies at most 'band' bits above it%n", Bound.EXACT_LIMIT);
        }
        o.printf(Locale.ROOT, "%8s  %8s  %8s  %9s%s%n", "mu", "H[s]", "H[K]", "distinct",
                bound.exact() ? "" : String.format(Locale.ROOT, "  %9s", "band"));
        for (Bound.Point p : curve) {
            o.printf(Locale.ROOT, "%8.3f  %8.3f  %8.3f  %9s%s%s%n", p.mu(), p.resolution(), p.relevance(),
                    p.distinct() < 0 ? "-" : Long.toString(p.distinct()),
                    bound.exact() ? "" : String.format(Locale.ROOT, "  %9.2e", p.band()),
                    p.mark().isEmpty() ? "" : "  <- " + p.mark());
        }
        if (out != null) {
            bound.writeCsv(points, out);
            o.printf(Locale.ROOT, "wrote %s%n", out);
        }
        if (svg != null) {
            bound.writeSvg(points, svg);
            o.printf(Locale.ROOT, "wrote %s%n", svg);
        }
        o.flush();
        return 0;
    }
}
