package rbm.api;

import rbm.relevance.LayerReport;

/**
 * What one layer's states say: with k_s the number of inputs on state s, m_k the number of states seen exactly k
 * times and M = Σ_s k_s, the resolution H[s] = −Σ_k (k·m_k/M) log2(k/M) and the relevance
 * H[K] = −Σ_k (k·m_k/M) log2(k·m_k/M), in bits, and μ, the slope −dH[K]/dH[s] of the curve of maximal relevance at
 * the layer's H[s] (μ = 1 is Zipf's law).
 *
 * @param layer      the layer, from 1 (the first hidden layer)
 * @param width      units in the layer
 * @param samples    M, the inputs read out
 * @param distinct   the distinct states
 * @param resolution H[s], bits
 * @param relevance  H[K], bits
 * @param mu         μ of the bound at this resolution: −1 where the bound is the diagonal, +∞ when every state is
 *                   distinct
 * @param muFit      μ of a maximum-likelihood power-law fit P(k) ∝ k^−(1+μ) to the counts; NaN without a fit
 * @param k          the counts k that occur, ascending
 * @param m          m_k for each of them
 */
public record LayerRelevance(int layer, int width, long samples, long distinct, double resolution, double relevance,
                             double mu, double muFit, long[] k, long[] m) {

    /** The noise H[s] − H[K], bits. */
    public double noise() {
        return resolution - relevance;
    }

    static LayerRelevance of(int layer, LayerReport r) {
        return new LayerRelevance(layer, r.width(), r.profile().samples(), r.profile().distinct(),
                r.entropies().resolution(), r.entropies().relevance(), r.muBound(), r.fit().mu(),
                r.profile().k().clone(), r.profile().m().clone());
    }
}
