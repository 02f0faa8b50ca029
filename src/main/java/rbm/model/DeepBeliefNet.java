package rbm.model;

import java.util.ArrayList;
import java.util.List;
import rbm.kernels.Compute;
import rbm.random.BernoulliSampler;

/**
 * A stack of RBMs trained greedily: the hidden layer of RBM ℓ is the visible layer of RBM ℓ+1. Layer 0 is the data;
 * layer ℓ ≥ 1 is the hidden layer of RBM ℓ (numbered from 1, as in the run directory).
 */
public final class DeepBeliefNet {
    private final List<Rbm> rbms;

    public DeepBeliefNet(List<Rbm> rbms) {
        for (int i = 1; i < rbms.size(); i++) {
            if (rbms.get(i).visible() != rbms.get(i - 1).hidden()) {
                throw new IllegalArgumentException("RBM " + (i + 1) + " has " + rbms.get(i).visible()
                        + " visible units but RBM " + i + " has " + rbms.get(i - 1).hidden() + " hidden units");
            }
        }
        this.rbms = List.copyOf(rbms);
    }

    public List<Rbm> rbms() {
        return rbms;
    }

    /** RBM ℓ, counted from 1. */
    public Rbm rbm(int layer) {
        return rbms.get(layer - 1);
    }

    public int depth() {
        return rbms.size();
    }

    /** Widths of layers 0..depth, data first. */
    public int[] widths() {
        int[] w = new int[rbms.size() + 1];
        w[0] = rbms.getFirst().visible();
        for (int i = 0; i < rbms.size(); i++) {
            w[i + 1] = rbms.get(i).hidden();
        }
        return w;
    }

    /**
     * One step up: p(h | v) = σ(vW + c) for every row, then binary states drawn from it when {@code sampler} is
     * given, otherwise the probabilities themselves.
     */
    public static float[] up(Compute compute, Rbm rbm, float[] v, int rows, BernoulliSampler sampler) {
        float[] h = new float[rows * rbm.hidden()];
        rbm.hiddenProbabilities(compute, v, rows, h);
        if (sampler != null) {
            sampler.sample(h, h, rows, rbm.hidden());
        }
        return h;
    }

    /**
     * One step down: p(v | h) = σ(hWᵀ + b), then states drawn from it when {@code sampler} is given.
     */
    public static float[] down(Compute compute, Rbm rbm, float[] h, int rows, BernoulliSampler sampler) {
        float[] v = new float[rows * rbm.visible()];
        rbm.visibleProbabilities(compute, h, rows, v);
        if (sampler != null) {
            sampler.sample(v, v, rows, rbm.visible());
        }
        return v;
    }

    /** A deep copy, layer by layer. */
    public DeepBeliefNet copy() {
        List<Rbm> copies = new ArrayList<>();
        for (Rbm r : rbms) {
            copies.add(r.copy());
        }
        return new DeepBeliefNet(copies);
    }
}
