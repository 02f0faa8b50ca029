package rbm.api;

import java.nio.file.Path;
import rbm.data.Binarization;
import rbm.io.BadInputException;
import rbm.run.RunConfig;

/**
 * Which data a stack learns or reads, and how its grey levels become binary inputs; it is loaded when used, cut to
 * the limit first and binarised then, as in training.
 *
 * @param file         an IDX file (gzipped or not) or text rows; null for the bundled MNIST training set
 * @param heldout      rows only measured during training, for the free-energy gap; null for none (or, with the
 *                     bundled training set, the bundled MNIST test set)
 * @param binarization {@code threshold[:T]}, {@code stochastic} or {@code probabilities}
 * @param limit        the first {@code limit} rows only; 0 for all
 */
public record Data(Path file, Path heldout, String binarization, int limit) {

    public Data {
        binarization = Binarization.parse(binarization).toString();
        if (limit < 0) {
            throw new BadInputException("--limit: must be 0 (all rows) or positive, got " + limit);
        }
    }

    /** The 60,000 bundled MNIST training images, 1 where the grey level is above 0.5. */
    public static Data mnist() {
        return new Data(null, null, "threshold", 0);
    }

    /** The first {@code images} bundled MNIST training images, 1 where the grey level is above 0.5. */
    public static Data mnist(int images) {
        return mnist().limit(images);
    }

    /** The rows of an IDX or text file, 1 where the value is above 0.5. */
    public static Data file(Path file) {
        return new Data(file, null, "threshold", 0);
    }

    /** The same data with the held-out rows of {@code file}. */
    public Data heldout(Path file) {
        return new Data(this.file, file, binarization, limit);
    }

    /** The same data binarised by {@code spec}: {@code threshold[:T]}, {@code stochastic} or {@code probabilities}. */
    public Data binarize(String spec) {
        return new Data(file, heldout, spec, limit);
    }

    /** The first {@code rows} rows only. */
    public Data limit(int rows) {
        if (rows < 1) {
            throw new BadInputException("--limit: must be at least 1, got " + rows);
        }
        return new Data(file, heldout, binarization, rows);
    }

    static Data of(RunConfig c) {
        return new Data(c.data() == null ? null : Path.of(c.data()), c.heldout() == null ? null : Path.of(c.heldout()),
                c.binarization(), c.limit());
    }
}
