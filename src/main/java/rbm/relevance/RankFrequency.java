package rbm.relevance;

import java.util.Map;
import rbm.io.Json;
import rbm.count.FrequencyProfile;

/**
 * The rank-frequency curve of a sample: the r-th most frequent state occurs k(r) times. On the bound
 * k ∝ r^(−1/μ), so Zipf's law (μ = 1) is a straight line of slope −1 on log-log axes. States with the same count
 * form a run of consecutive ranks, so the curve is stored as one run per distinct count, most frequent first:
 * ranks {@code first[i]} to {@code last[i]} (from 1) all have count {@code k[i]}, and there are no more runs than
 * distinct counts.
 */
public record RankFrequency(long[] first, long[] last, long[] k) {

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

    public Map<String, Object> toJson() {
        return Json.object("rank_first", first, "rank_last", last, "k", k);
    }
}
