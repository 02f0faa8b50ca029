package rbm.relevance;

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

    /** This sample as it is written to {@code relevance.json}. */
    public RelevanceFile.Layer toFile() {
        return new RelevanceFile.Layer(label, width, repeat, profile.samples(), profile.distinct(),
                entropies.resolution(), entropies.relevance(), entropies.noise(), entropies.normalisedResolution(),
                entropies.normalisedRelevance(), entropies.normalisedNoise(), muBound, RelevanceFile.PowerLaw.of(fit),
                new RelevanceFile.Frequencies(profile.k(), profile.m()), RankFrequency.of(profile));
    }
}
