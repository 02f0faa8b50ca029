package rbm.run;

import java.nio.file.Path;
import rbm.data.Binarization;
import rbm.data.DataLoader;
import rbm.data.Dataset;
import rbm.random.RandomStreams;

/**
 * The data of a run as its RBMs see it: the file named in its {@link RunConfig} or the bundled MNIST, cut to its
 * limit, binarised as it says. Stochastic binarisation draws from a stream named after its purpose, so the training
 * data of a run is the same whenever it is loaded again.
 */
public final class RunData {
    private RunData() {
    }

    /** The run's training data: its file or the bundled MNIST training set, cut to the limit, binarised. */
    public static Dataset training(RunConfig config) {
        Dataset d = config.data() == null ? DataLoader.mnistTrain() : DataLoader.load(Path.of(config.data()));
        if (config.limit() > 0 && config.limit() < d.rows()) {
            d = d.subset(0, config.limit());
        }
        return binarize(d, config, "binarize training data");
    }

    /**
     * The run's held-out data, binarised: its file, or the bundled MNIST test set when it trains on the bundled
     * training set; null when there is none.
     */
    public static Dataset heldout(RunConfig config) {
        Dataset d;
        if (config.heldout() != null) {
            d = DataLoader.load(Path.of(config.heldout()));
        } else if (config.data() == null) {
            d = DataLoader.mnistTest();
        } else {
            return null;
        }
        return binarize(d, config, "binarize held-out data");
    }

    /** The run's binarisation of {@code d}; {@code purpose} names the random stream of stochastic binarisation. */
    public static Dataset binarize(Dataset d, RunConfig config, String purpose) {
        return Binarization.parse(config.binarization()).apply(d, RandomStreams.create(config.seed(), purpose));
    }
}
