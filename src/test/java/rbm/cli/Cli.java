package rbm.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and keeps what it printed. */
record Cli(int code, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** The error output is one line, starting "rbm: ", with no stack trace. */
    String errorLine() {
        String e = err.strip();
        if (e.contains("\n") && !e.lines().skip(1).allMatch(l -> l.startsWith("Try '"))) {
            throw new AssertionError("expected one error line, got:\n" + err);
        }
        if (e.contains("\tat ") || e.contains("Exception")) {
            throw new AssertionError("stack trace or exception name in:\n" + err);
        }
        return e.lines().findFirst().orElse("");
    }
}
