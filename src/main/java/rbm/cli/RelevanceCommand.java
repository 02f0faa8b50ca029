package rbm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rbm.api.Analysis;
import rbm.api.ReadoutMode;
import rbm.api.SampleFormat;
import rbm.io.BadInputException;

/** {@code rbm relevance}: resolution, relevance and μ of every layer of a trained stack, or of any sample of states. */
@Command(name = "relevance", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Count the states of every layer of a trained stack over a data set (--model), or the states "
                + "in a file (--input), and report per layer: distinct states, resolution H[s], relevance H[K], "
                + "noise, and mu from the bound and from a power-law fit. Prints a table and writes relevance.csv, "
                + "relevance.json, two charts (relevance.svg, rank-frequency.svg) and index.html with all of them."})
final class RelevanceCommand implements Callable<Integer> {

    /** What is analysed: a trained stack or a sample file, one of the two. */
    static final class Source {
        @Option(names = "--model", paramLabel = "DIR", required = true, description = "A run directory from 'train'.")
        Path model;

        @Option(names = "--input", paramLabel = "FILE", required = true,
                description = "A sample of states, '-' for standard input; repeat it for the layers of one sample. "
                        + "A NumPy .npy array (rows of 0/1 bool or integers, real values with --binarize, "
                        + "numpy.packbits rows with --bits, or 1-D integer labels), an .npz (one layer per array), a "
                        + "CSV or TSV table with a header, or text with one state per line (0/1 strings or tokens); "
                        + "any of them gzipped.")
        List<String> inputs;
    }

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--data", paramLabel = "FILE",
            description = "With --model: the inputs, binarised as the run's training data was. "
                    + "Default: the run's training data, with its --limit.")
    Path data;

    @Option(names = "--limit", paramLabel = "N", description = "With --model: use the first N rows of the data.")
    Integer limit;

    @Option(names = "--readout", paramLabel = "MODE", defaultValue = "stochastic",
            description = "stochastic (sample each layer from the one below, as the paper does) or deterministic "
                    + "(a unit is on when its probability is above 0.5). Default: ${DEFAULT-VALUE}.")
    ReadoutMode readout;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "1",
            description = "Stochastic read-outs to draw; the table shows mean ± sd. Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Mixin
    RunOptions run;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "With --input, for text: bits (0/1 strings of one length), tokens (any line, of any "
                    + "bytes), csv (a CSV or TSV table with a header), or auto (csv for a .csv or .tsv name, else bits "
                    + "when the first state is a 0/1 string, else tokens, which must be UTF-8 text). Arrays are told "
                    + "by their first bytes. "
                    + "Default: ${DEFAULT-VALUE}.")
    SampleFormat format;

    @Option(names = "--binarize", paramLabel = "RULE",
            description = "With --input, for real values (float arrays, CSV): threshold[:T] (a unit is on when its "
                    + "value is above T, default 0: the sign of a pre-activation or a ReLU output) or quantile:q "
                    + "(above the unit's q-quantile over the sample). Recorded in relevance.json.")
    String binarize;

    @Option(names = "--bits", paramLabel = "N",
            description = "With --input: the rows are numpy.packbits(x, axis=1) of N units (uint8, ceil(N/8) wide).")
    Integer bits;

    @Option(names = "--keys", paramLabel = "K1,K2", split = ",",
            description = "With an .npz --input: the arrays to read, in this order. Default: all, in file order.")
    List<String> keys;

    @Option(names = "--columns", paramLabel = "C1,C2", split = ",",
            description = "With a CSV or TSV --input: the columns that are units, by header name or 0-based index. "
                    + "Default: all.")
    List<String> columns;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the files go. Default: DIR/relevance with --model, "
                    + "NAME-relevance beside FILE with --input (NAME is the file name without its extension).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Analysis analysis;
        Path dir;
        if (source.model != null) {
            only("--format", format != SampleFormat.AUTO, "--input");
            only("--binarize", binarize != null, "--input");
            only("--bits", bits != null, "--input");
            only("--keys", keys != null, "--input");
            only("--columns", columns != null, "--input");
            analysis = Analysis.ofModel(source.model, data, limit, readout, repeats, run.seed(), run.threads(), o);
            dir = out != null ? out : source.model.resolve("relevance");
        } else {
            only("--data", data != null, "--model");
            only("--limit", limit != null, "--model");
            only("--readout", readout != ReadoutMode.STOCHASTIC, "--model");
            only("--repeats", repeats != 1, "--model");
            only("--seed", run.seed != null, "--model");
            only("--threads", run.threads != null, "--model");
            analysis = Analysis.ofInputs(source.inputs, format, binarize, bits, keys, columns, o,
                    spec.commandLine().getErr());
            dir = out != null ? out : defaultInputOut(source.inputs.getFirst());
        }
        analysis.write(dir);
        o.print(analysis.table());
        o.printf(Locale.ROOT, "wrote %s (the table and both charts) in %s%n", Analysis.FILES, dir);
        o.flush();
        return 0;
    }

    private static void only(String flag, boolean given, String mode) {
        if (given) {
            throw new BadInputException(flag + ": only with " + mode);
        }
    }

    /** NAME-relevance beside the first input (NAME without its extensions), or stdin-relevance here for '-'. */
    private static Path defaultInputOut(String input) {
        if (input.equals("-")) {
            return Path.of("stdin-relevance");
        }
        Path file = Path.of(input);
        String name = file.getFileName().toString();
        name = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path parent = file.toAbsolutePath().getParent();
        return parent.resolve(stem + "-relevance");
    }
}
