package rbm.launch;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Entry point of {@code rbm.jar}. Compiled for Java 8 so that any old {@code java} can load it and say, in one
 * line, which version it needs, instead of failing with an {@code UnsupportedClassVersionError} stack trace.
 */
public final class Launcher {
    static final int REQUIRED = 25;

    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        String spec = System.getProperty("java.specification.version", "0");
        int feature = spec.startsWith("1.") ? Integer.parseInt(spec.substring(2)) : Integer.parseInt(spec);
        if (feature < REQUIRED) {
            System.err.println("rbm: needs Java " + REQUIRED + " or newer, but this is Java " + spec
                    + " (" + System.getProperty("java.home") + "); use the ./rbm launcher, which finds a JDK "
                    + REQUIRED + " under /usr/lib/jvm, or set JAVA_HOME");
            System.exit(2);
        }
        Method main = Class.forName("rbm.cli.Main").getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
