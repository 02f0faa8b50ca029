package rbm.relevance;

import java.util.LinkedHashMap;
import java.util.Map;
import rbm.io.Json;
import rbm.count.FrequencyProfile;

/**
 * Everything measured on one sample of states: a layer of a stack in one read-out repeat, or a sample read from a
 * file.
 *
 * @param label     the layer number, or the name of the sample
 * @param width     bits per state; 0 for samples of arbitrary tokens
 * @param repeat    the read-out repeat, from 1
 * @param profile   k_s → m_k, M and the number of distinct states
 * @param entropies H[s], H[K] and the noise
 * @param muBound   μ of the bound at this resolution (−1 on the diagonal, +∞ when every state is distinct)
 * @param fit       the power-law fit of the frequencies
 */
public record LayerReport(String label, int width, int repeat, FrequencyProfile profile,
                          ResolutionRelevance entropies, double muBound, PowerLawFit fit) {

    /** Measures a sample against the bound for its size. */
    public static LayerReport of(String label, int width, int repeat, FrequencyProfile profile, RelevanceBound bound) {
        if (bound.samples() != profile.samples()) {
            throw new IllegalArgumentException("a bound for M = " + bound.samples() + " and a sample of "
                    + profile.samples());
        }
        ResolutionRelevance h = ResolutionRelevance.of(profile);
        return new LayerReport(label, width, repeat, profile, h, bound.muAt(h.resolution()), PowerLawFit.fit(profile));
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer", label);
        m.put("width", width);
        m.put("repeat", repeat);
        m.put("samples", profile.samples());
        m.put("distinct", profile.distinct());
        m.put("resolution_bits", entropies.resolution());
        m.put("relevance_bits", entropies.relevance());
        m.put("noise_bits", entropies.noise());
        m.put("resolution_normalised", entropies.normalisedResolution());
        m.put("relevance_normalised", entropies.normalisedRelevance());
        m.put("noise_normalised", entropies.normalisedNoise());
        m.put("mu_bound", muBound);
        m.put("power_law", Json.object("mu", fit.mu(), "error", fit.error(), "k_min", fit.kMin(),
                "tail_states", fit.tail(), "ks_distance", fit.distance()));
        m.put("frequencies", Json.object("k", profile.k(), "m_k", profile.m()));
        m.put("rank_frequency", RankFrequency.of(profile).toJson());
        return m;
    }
}
