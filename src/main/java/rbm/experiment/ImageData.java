package rbm.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import rbm.data.Binarization;
import rbm.data.Dataset;
import rbm.data.FashionMnist;
import rbm.data.ImageSet;
import rbm.io.BadInputException;

/**
 * The images of the experiment, binarised at 0.5: the first {@code images} training images and the whole test set,
 * with the files they came from as the run directories record them (null: the bundled MNIST).
 */
record ImageData(ImageSet set, Dataset train, Dataset test, String trainSource, String testSource) {

    static ImageData load(ImageSet set, int images) {
        Binarization threshold = Binarization.threshold(0.5);
        Dataset all = set.train();
        if (images > all.rows()) {
            throw new BadInputException("--images: " + set.displayName() + " has " + all.rows()
                    + " training images, got " + images);
        }
        Dataset train = threshold.apply(all.subset(0, images), null);
        Dataset test = threshold.apply(set.test(), null);
        return switch (set) {
            case MNIST -> new ImageData(set, train, test, null, null);
            case FASHION_MNIST -> new ImageData(set, train, test, source("train-images-idx3-ubyte"),
                    source("t10k-images-idx3-ubyte"));
        };
    }

    String name() {
        return set.displayName();
    }

    private static String source(String name) {
        Path dir = FashionMnist.directory();
        Path gz = dir.resolve(name + ".gz");
        return (Files.exists(gz) ? gz : dir.resolve(name)).toAbsolutePath().toString();
    }
}
