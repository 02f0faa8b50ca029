package rbm.count;

import java.util.Arrays;

/**
 * The frequencies of a sample, which is all that resolution, relevance and the power-law fit depend on: for each
 * count k that occurs, the number m_k of distinct states seen exactly k times. Σ_k m_k is the number of distinct
 * states and Σ_k k·m_k = M, the sample size.
 *
 * @param k        the counts that occur, ascending
 * @param m        m_k for each of them (all positive)
 * @param samples  M = Σ k·m_k
 * @param distinct Σ m_k
 */
public record FrequencyProfile(long[] k, long[] m, long samples, long distinct) {

    public FrequencyProfile {
        if (k.length != m.length) {
            throw new IllegalArgumentException(k.length + " counts but " + m.length + " multiplicities");
        }
        long sum = 0;
        long states = 0;
        for (int i = 0; i < k.length; i++) {
            if (k[i] < 1 || m[i] < 1 || (i > 0 && k[i] <= k[i - 1])) {
                throw new IllegalArgumentException("counts must be positive and ascending, with positive m_k");
            }
            sum = Math.addExact(sum, Math.multiplyExact(k[i], m[i]));
            states += m[i];
        }
        if (sum != samples || states != distinct) {
            throw new IllegalArgumentException("M = " + samples + " and " + distinct + " states do not match m_k");
        }
    }

    /** The profile of the states in a counter. The m_k are themselves counted off heap, in a 64-bit counter. */
    public static FrequencyProfile of(StateCounter counter) {
        try (StateCounter byCount = new StateCounter(64, counter.kernels())) {
            long[] key = new long[1];
            for (long id = 0; id < counter.distinct(); id++) {
                key[0] = counter.count(id);
                byCount.add(key, 0);
            }
            long[][] pairs = new long[(int) byCount.distinct()][];
            for (int i = 0; i < pairs.length; i++) {
                byCount.copyKey(i, key, 0);
                pairs[i] = new long[] {key[0], byCount.count(i)};
            }
            return fromPairs(pairs);
        }
    }

    /** The profile of a list of counts k_s, one per distinct state. */
    public static FrequencyProfile ofCounts(long... counts) {
        long[] sorted = counts.clone();
        Arrays.sort(sorted);
        int n = 0;
        long[][] pairs = new long[sorted.length][];
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            pairs[n++] = new long[] {sorted[i], j - i};
            i = j;
        }
        return fromPairs(Arrays.copyOf(pairs, n));
    }

    private static FrequencyProfile fromPairs(long[][] pairs) {
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        long[] k = new long[pairs.length];
        long[] m = new long[pairs.length];
        long samples = 0;
        long distinct = 0;
        for (int i = 0; i < pairs.length; i++) {
            k[i] = pairs[i][0];
            m[i] = pairs[i][1];
            samples += k[i] * m[i];
            distinct += m[i];
        }
        return new FrequencyProfile(k, m, samples, distinct);
    }

    /** The number of different counts. */
    public int size() {
        return k.length;
    }
}
