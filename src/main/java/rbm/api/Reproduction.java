package rbm.api;

import java.io.PrintWriter;
import java.nio.file.Path;
import rbm.data.ImageSet;
import rbm.experiment.ExperimentConfig;
import rbm.experiment.PaperExperiment;
import rbm.experiment.Results;
import rbm.io.BadInputException;
import rbm.report.ReportPage;

/**
 * The experiment of Song, Marsili &amp; Jo (2018) end to end, into a report directory: {@code results.json} (every
 * number), {@code index.html} (the report page), {@code reproduction-table.md} and the trained stacks in
 * {@code runs/}. {@link #full()} is the paper's run; {@link #quick()} the same pipeline on fewer images, epochs,
 * seeds and sweep widths.
 *
 * @param quickPipeline the quick pipeline's sweep, generation and classifier settings
 * @param data      the image set, by its command-line name (mnist, fashion-mnist)
 * @param images    training images, at most 60,000
 * @param epochs    epochs per RBM
 * @param seeds     training runs, seeds {@code firstSeed}, {@code firstSeed + 1}, ...
 * @param firstSeed the first seed
 * @param controls  run the controls (an untrained stack, shuffled pixels)
 * @param threads   worker threads
 */
public record Reproduction(boolean quickPipeline, String data, int images, int epochs, int seeds, long firstSeed,
                           boolean controls, int threads) {

    public Reproduction {
        ImageSet set = imageSet(data);
        if (images > 60000) {
            throw new BadInputException("--images: " + set.displayName() + " has 60000 training images, got "
                    + images);
        }
    }

    /** The image set named {@code name}; an unknown name is refused with the flag's name. */
    private static ImageSet imageSet(String name) {
        try {
            return ImageSet.parse(name);
        } catch (BadInputException e) {
            throw new BadInputException("--data: " + e.getMessage());
        }
    }

    /** The same run on the image set named {@code name} (mnist or fashion-mnist). */
    public Reproduction withData(String name) {
        return new Reproduction(quickPipeline, name, images, epochs, seeds, firstSeed, controls, threads);
    }

    /** The image set's display name. */
    public String dataName() {
        return imageSet(data).displayName();
    }

    /** The paper's run: 60,000 MNIST images, 10 epochs, 10 seeds from 1, the controls, all cores. */
    public static Reproduction full() {
        return of(false, ExperimentConfig.full());
    }

    /** 5,000 MNIST images, 2 epochs, 3 seeds from 1, the controls, all cores. */
    public static Reproduction quick() {
        return of(true, ExperimentConfig.quick());
    }

    private static Reproduction of(boolean quick, ExperimentConfig c) {
        return new Reproduction(quick, c.data().cliName(), c.images(), c.epochs(), c.seeds(), c.firstSeed(), c.controls(),
                c.threads());
    }

    /** Runs the experiment into {@code out}, logging each step, and returns its wall time in seconds. */
    public double run(Path out, PrintWriter log) {
        ExperimentConfig b = quickPipeline ? ExperimentConfig.quick() : ExperimentConfig.full();
        ExperimentConfig c = new ExperimentConfig(imageSet(data), images, b.widths(), epochs, seeds, firstSeed,
                b.sweepWidths(), b.generated(), b.gibbsSteps(), controls && b.controls(), b.classifierEpochs(),
                threads, b.evaluation());
        Results results = new PaperExperiment(c, out, log).run();
        new ReportPage(results).write(out);
        return results.seconds();
    }

    /** Redraws the page and the table of {@code dir} from its {@code results.json}, and returns the page. */
    public static Path render(Path dir) {
        ReportPage.render(dir);
        return dir.resolve(ReportPage.PAGE);
    }
}
