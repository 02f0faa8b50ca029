package rbm.cli;

import rbm.io.BadInputException;

/** Checks of numeric flags: the value, or the fallback when the flag was not given; a bad value names the flag. */
final class Flags {
    private Flags() {}

    static int positive(String flag, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new BadInputException(flag + ": must be at least 1, got " + value);
        }
        return value;
    }

    static double positive(String flag, Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new BadInputException(flag + ": must be a positive number, got " + value);
        }
        return value;
    }

    static double nonNegative(String flag, Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new BadInputException(flag + ": must be zero or positive, got " + value);
        }
        return value;
    }

    static int nonNegative(String flag, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 0) {
            throw new BadInputException(flag + ": must be zero or positive, got " + value);
        }
        return value;
    }

    static double fraction(String flag, Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value >= 0 && value < 1)) {
            throw new BadInputException(flag + ": must lie in [0, 1), got " + value);
        }
        return value;
    }
}
