package rbm.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import rbm.api.Software;
import rbm.api.Training;
import rbm.io.BadInputException;

/**
 * The command line: {@code rbm train}, {@code rbm sample}, ... A thin layer over the library: it parses flags,
 * turns user mistakes into one-line errors with a non-zero exit code, and prints stack traces only with
 * {@code --debug}.
 */
@Command(name = "rbm", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Deep belief networks on the Java Vector API, and the relevance of their hidden states.",
        subcommands = {TrainCommand.class, SampleCommand.class, RelevanceCommand.class, LikelihoodCommand.class, BoundCommand.class, ReproduceCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit codes: 0 success, 2 bad input or usage, 3 training diverged, 1 an internal error. */
    public static final int BAD_INPUT = 2;
    public static final int DIVERGED = 3;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, such as 'train'");
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (OutOfMemoryError e) {
            System.err.println(outOfMemory(args));
            code = 1;
        }
        System.exit(code);
    }

    /** The flags that make each command take less memory: only the command's own. */
    private static final Map<String, String> SMALLER = Map.of(
            "train", "--limit, --batch or --layers",
            "sample", "--chains", "generate", "--chains",
            "relevance", "--limit or --repeats",
            "likelihood", "--limit, --chains, --raise-rows or --samples",
            "reproduce", "--images or --quick");

    /** The line for an out-of-memory error: more heap, or the flags of the command that ask for less. */
    static String outOfMemory(String... args) {
        String command = Arrays.stream(args).filter(SMALLER::containsKey).findFirst().orElse("");
        return "rbm: out of memory; give the JVM more with RBM_JAVA_OPTS=-Xmx8g"
                + (command.isEmpty() ? "" : ", or ask for less with " + SMALLER.get(command));
    }

    /** Runs the command line and returns its exit code, without System.exit. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs the command line with its output and errors going to the given writers (for tests). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** A parser of {@code command}'s flags, set up as the command line's. */
    static CommandLine parser(Object command) {
        CommandLine cli = new CommandLine(command);
        cli.setOverwrittenOptionsAllowed(true); // the last value of a repeated option wins
        cli.setCaseInsensitiveEnumValuesAllowed(true); // enum flags are spelled in lower case
        return cli;
    }

    static CommandLine commandLine() {
        CommandLine cli = parser(new Main());
        cli.setExecutionExceptionHandler((ex, line, parseResult) -> {
            boolean debug = parseResult.hasMatchedOption("--debug")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
            if (debug) {
                ex.printStackTrace(line.getErr());
            }
            if (ex instanceof BadInputException) {
                line.getErr().println("rbm: " + ex.getMessage());
                return BAD_INPUT;
            }
            if (Training.diverged(ex)) {
                line.getErr().println("rbm: " + ex.getMessage());
                return DIVERGED;
            }
            line.getErr().println("rbm: internal error: " + ex + (debug ? "" : " (run with --debug for details)"));
            return 1;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("rbm: " + message(ex));
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more.");
            return BAD_INPUT;
        });
        return cli;
    }

    /**
     * The message of a usage error: for a flag that takes one of an enum's values, the flag, the value and the
     * choices in the lower case the flags use; otherwise picocli's message, without its "Error: " prefix.
     */
    private static String message(CommandLine.ParameterException ex) {
        if (ex.getArgSpec() instanceof CommandLine.Model.OptionSpec o && o.type().isEnum() && ex.getValue() != null) {
            List<String> choices = Arrays.stream(o.type().getEnumConstants())
                    .map(e -> e.toString().toLowerCase(Locale.ROOT)).toList();
            return o.longestName() + ": '" + ex.getValue() + "' is not " + String.join(", ", choices.subList(0,
                    choices.size() - 1)) + " or " + choices.getLast();
        }
        String m = ex.getMessage();
        return m.startsWith("Error: ") ? m.substring("Error: ".length()) : m;
    }

    /** Prints the software and Java versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Software.describe()};
        }
    }
}
