package rbm.evaluate;

import rbm.data.Binarization;
import rbm.data.DataLoader;
import rbm.data.Dataset;
import rbm.kernels.Compute;
import rbm.model.DeepBeliefNet;
import rbm.model.Rbm;
import rbm.random.BernoulliSampler;
import rbm.random.RandomStreams;
import rbm.train.ContrastiveDivergence;
import rbm.train.TrainingConfig;

/**
 * A 784-16-10-5 stack trained greedily by CD-1 on 2,000 binarised MNIST digits, a few epochs a layer, each upper
 * layer on binary states drawn upwards: models small enough to enumerate, trained as the real ones are.
 */
final class TinyStack {
    static final int ROWS = 2000;

    final float[] images;
    final Rbm[] rbms;
    /** The data each RBM was trained on: the images, then the states drawn from the layer below. */
    final float[][] inputs;

    TinyStack(Compute compute) {
        images = Binarization.threshold(0.5).apply(DataLoader.mnistTrain().subset(0, ROWS), null).values();
        int[] widths = {784, 16, 10, 5};
        int[] epochs = {3, 10, 10};
        TrainingConfig config = TrainingConfig.hinton();
        rbms = new Rbm[widths.length - 1];
        inputs = new float[widths.length - 1][];
        float[] x = images;
        for (int l = 0; l < rbms.length; l++) {
            inputs[l] = x;
            Rbm rbm = ContrastiveDivergence.initialise(widths[l], widths[l + 1], x, ROWS, config,
                    RandomStreams.create(17, "init " + l));
            ContrastiveDivergence cd = new ContrastiveDivergence(rbm, config, compute, 17, "layer " + l);
            for (int e = 0; e < epochs[l]; e++) {
                cd.trainEpoch(x, ROWS, e, null);
            }
            rbms[l] = rbm;
            x = DeepBeliefNet.up(compute, rbm, x, ROWS,
                    BernoulliSampler.create(compute, 17, "up " + l, widths[l + 1]));
        }
    }

    /** Binarised MNIST test digits, first {@code rows}. */
    static Dataset heldOut(int rows) {
        return Binarization.threshold(0.5).apply(DataLoader.mnistTest().subset(0, rows), null);
    }
}
