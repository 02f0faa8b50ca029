package rbm.io;

/**
 * A problem with what the user gave us: a file, a flag, a value. The command line prints its message as one line
 * and exits non-zero, without a stack trace. The message names the file or flag and says what is wrong.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
