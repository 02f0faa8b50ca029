package rbm.evaluate;

import java.util.List;
import rbm.kernels.Compute;
import rbm.model.DeepBeliefNet;
import rbm.model.ExactLikelihood;
import rbm.model.Rbm;
import rbm.random.BernoulliSampler;
import rbm.random.RandomStreams;

/**
 * The stack cut at every depth as a generative model of the images: for each RBM ℓ, log Z_ℓ (exact where the smaller
 * layer can be enumerated, otherwise by AIS from the base-rate model of its inputs, the states of the layer below
 * drawn by one sampled upward pass), then the DBN's variational lower bound on the mean log p(v) per depth
 * ({@link DbnBoundEstimator}) on the training and on the held-out images, in nats per image. Each depth's bound is
 * computed on the same images and the same upward samples, so the depths are compared pairwise.
 *
 * @param train       per depth, the bound on the training images
 * @param heldout     per depth, the bound on the held-out images
 * @param logZ        per RBM, log Z as used
 * @param logZError   per RBM, the AIS standard error of log Z (0 where exact)
 * @param exact       per RBM, whether log Z is exact
 */
public record StackLikelihood(List<DbnBound> train, List<DbnBound> heldout, double[] logZ, double[] logZError,
                              boolean[] exact) {

    /**
     * Measures {@code dbn} on {@code train} and {@code heldout} (0/1 rows), with AIS of {@code betas} inverse
     * temperatures (14,500: the classic schedule) and {@code chains} chains, and {@code samples} upward samples per image for the bound.
     */
    public static StackLikelihood measure(DeepBeliefNet dbn, float[] train, int trainRows, float[] heldout,
                                          int heldoutRows, int betas, int chains, int samples, long seed,
                                          Compute compute) {
        int depth = dbn.depth();
        double[] logZ = new double[depth];
        double[] error = new double[depth];
        boolean[] exact = new boolean[depth];
        int widest = 0;
        for (int w : dbn.widths()) {
            widest = Math.max(widest, w);
        }
        BernoulliSampler sampler = BernoulliSampler.create(compute, seed, "stack likelihood inputs", widest);
        AnnealingSchedule schedule = betas == AnnealingSchedule.CLASSIC_STEPS ? AnnealingSchedule.classic()
                : AnnealingSchedule.of(betas);
        float[] up = train;
        for (int l = 1; l <= depth; l++) {
            Rbm rbm = dbn.rbm(l);
            if (ExactLikelihood.feasibleOnce(rbm)) {
                logZ[l - 1] = ExactLikelihood.logPartition(rbm, compute);
                exact[l - 1] = true;
            } else {
                LogPartitionEstimate ais = new AnnealedImportanceSampling(schedule, chains,
                        RandomStreams.seedFor(seed, "stack likelihood RBM " + l + " AIS"))
                        .logPartition(rbm, BaseRateModel.fromData(up, trainRows, rbm.visible()), compute);
                logZ[l - 1] = ais.logZ();
                error[l - 1] = ais.stderr();
            }
            if (l < depth) {
                up = DeepBeliefNet.up(compute, rbm, up, trainRows, sampler);
            }
        }
        List<DbnBound> t = DbnBoundEstimator.estimate(dbn, logZ, train, trainRows, samples,
                RandomStreams.seedFor(seed, "stack likelihood bound, training"), compute);
        List<DbnBound> h = DbnBoundEstimator.estimate(dbn, logZ, heldout, heldoutRows, samples,
                RandomStreams.seedFor(seed, "stack likelihood bound, held-out"), compute);
        return new StackLikelihood(t, h, logZ, error, exact);
    }
}
