package rbm.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;


/** Checks that a call fails with a one-line BadInputException starting with the source and saying what is wrong. */
final class BadInput {
    private BadInput() {
    }

    static String assertBadInput(Object source, String fragment, Executable call) {
        String message = assertThrows(BadInputException.class, call).getMessage();
        assertTrue(message.startsWith(source.toString()), () -> "should start with " + source + ": " + message);
        assertTrue(message.contains(fragment), () -> "should contain '" + fragment + "': " + message);
        assertFalse(message.contains("\n") || message.contains("\r"), () -> "should be one line: " + message);
        return message;
    }
}
