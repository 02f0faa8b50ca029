package rbm.report;

import java.util.Objects;

/**
 * One series of a {@link BarChart}: a value per category, with optional symmetric error bars ±errors[i]. A
 * non-finite value draws no bar; a null, negative or non-finite error draws no error bar. The name, if not null,
 * becomes a legend entry; a null colour takes the next palette colour.
 */
public record Bars(String name, double[] values, double[] errors, String colour) {

    public Bars {
        Objects.requireNonNull(values, "values");
        if (errors != null && errors.length != values.length) {
            throw new IllegalArgumentException(errors.length + " errors for " + values.length + " values");
        }
        if (colour != null) {
            Stroke.checkColour(colour);
        }
        values = values.clone();
        errors = errors == null ? null : errors.clone();
    }

    public static Bars of(String name, double... values) {
        return new Bars(name, values, null, null);
    }

    public Bars errors(double... newErrors) {
        return new Bars(name, values, newErrors, colour);
    }

    public Bars colour(String newColour) {
        return new Bars(name, values, errors, newColour);
    }
}
