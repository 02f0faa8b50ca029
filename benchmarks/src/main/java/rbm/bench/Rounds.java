package rbm.bench;

/** The rounds argument of the plain-{@code main} benchmarks: a positive whole number, or a one-line error and exit 2. */
final class Rounds {
    private Rounds() {
    }

    static int parse(String tool, String arg) {
        try {
            int rounds = Integer.parseInt(arg);
            if (rounds >= 1) {
                return rounds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println(tool + ": rounds must be a positive whole number, got '" + arg + "'");
        System.exit(2);
        return 0;
    }
}
