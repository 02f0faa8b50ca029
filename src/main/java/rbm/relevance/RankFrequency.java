package rbm.relevance;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import rbm.count.FrequencyProfile;

/**
 * The rank-frequency curve of a sample: the r-th most frequent state occurs k(r) times. On the bound
 * k ∝ r^(−1/μ), so Zipf's law (μ = 1) is a straight line of slope −1 on log-log axes. States with the same count
 * form a run of consecutive ranks, so the curve is stored as one run per distinct count, most frequent first:
 * ranks {@code first[i]} to {@code last[i]} (from 1) all have count {@code k[i]}, and there are no more runs than
 * distinct counts.
 */
public record RankFrequency(@JsonProperty("rank_first") long[] first, @JsonProperty("rank_last") long[] last,
                            long[] k) {

    /** No runs: what a partial file without the curve holds. */
    public static final RankFrequency ABSENT = new RankFrequency(null, null, null);

    /** Absent arrays (from a partial file) are empty. */
    public RankFrequency {
        first = Objects.requireNonNullElse(first, new long[0]);
        last = Objects.requireNonNullElse(last, new long[0]);
        k = Objects.requireNonNullElse(k, new long[0]);
    }

    public static RankFrequency of(FrequencyProfile p) {
        int n = p.size();
        long[] first = new long[n];
        long[] last = new long[n];
        long[] k = new long[n];
        long rank = 1;
        for (int i = 0; i < n; i++) {
            int j = n - 1 - i;
            first[i] = rank;
            rank += p.m()[j];
            last[i] = rank - 1;
            k[i] = p.k()[j];
        }
        return new RankFrequency(first, last, k);
    }
}
