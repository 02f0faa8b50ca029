package rbm.io;

/**
 * A problem with what the user gave us: a file, a flag, a value. The command line prints its message as one line
 * and exits non-zero, without a stack trace. The message names the file or flag and says what is wrong.
 *
 * <p>Messages quote what the file holds, and a file may hold anything: control characters (line breaks, a carriage
 * return that rewrites the terminal line) become '?', so the message stays one line.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(oneLine(message));
    }

    public BadInputException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(String message) {
        return message == null ? null : message.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]", "?");
    }
}
