package rbm.data;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import rbm.io.BadInputException;

/**
 * The 28×28 grey-level image sets the experiment runs on, each with a training and a test set of labelled images
 * (grey levels g/255, labels 0..9) and the names of its ten classes.
 */
public enum ImageSet {
    MNIST("mnist", "MNIST", DataLoader::mnistTrain, DataLoader::mnistTest,
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
    FASHION_MNIST("fashion-mnist", "Fashion-MNIST", DataLoader::fashionMnistTrain, DataLoader::fashionMnistTest,
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot"));

    private final String cliName;
    private final String displayName;
    private final Supplier<Dataset> train;
    private final Supplier<Dataset> test;
    private final List<String> classNames;

    ImageSet(String cliName, String displayName, Supplier<Dataset> train, Supplier<Dataset> test,
            List<String> classNames) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.train = train;
        this.test = test;
        this.classNames = classNames;
    }

    /** The set named {@code name} on the command line, ignoring case and surrounding blanks. */
    public static ImageSet parse(String name) {
        for (ImageSet set : values()) {
            if (set.cliName.equalsIgnoreCase(name == null ? "" : name.strip())) {
                return set;
            }
        }
        throw new BadInputException("unknown image set '" + name + "'; valid names: " + cliNames());
    }

    /** The command-line names, comma-separated: {@code mnist, fashion-mnist}. */
    public static String cliNames() {
        return Arrays.stream(values()).map(ImageSet::cliName).collect(Collectors.joining(", "));
    }

    /** The name on the command line and in run records: {@code mnist} or {@code fashion-mnist}. */
    public String cliName() {
        return cliName;
    }

    /** The name for people: {@code MNIST} or {@code Fashion-MNIST}. */
    public String displayName() {
        return displayName;
    }

    /** The training images with their labels. */
    public Dataset train() {
        return train.get();
    }

    /** The test images with their labels. */
    public Dataset test() {
        return test.get();
    }

    /** The name of each label, by label: index 9 is "9" for MNIST and "Ankle boot" for Fashion-MNIST. */
    public List<String> classNames() {
        return classNames;
    }
}
