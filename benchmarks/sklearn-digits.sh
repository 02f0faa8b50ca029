#!/usr/bin/env bash
# scikit-learn's test_fit setting (digits / 16, 64 hidden units, batch 10, lr 0.1, 7 epochs) through `rbm train`,
# seeds 0 .. SEEDS-1, for each preset given (default: sklearn-exact sklearn): score_samples(X).mean() = 64 × the
# pseudo-log-likelihood per unit of all 1797 rows after the last epoch, per seed, then mean ± standard error.
# scikit-learn's own figures: /usr/bin/python3 benchmarks/sklearn_digits.py (src/test/resources/rbm/sklearn/).
#
#   bash benchmarks/sklearn-digits.sh [SEEDS] [PRESET...]        default 30
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/.."
seeds="${1:-30}"
shift || true
presets=("${@:-sklearn-exact sklearn}")
[ -f "$root/target/rbm.jar" ] || (cd "$root" && mvn -q -B package -DskipTests)
digits="$root/src/test/resources/rbm/sklearn/digits.csv.gz"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for preset in ${presets[*]}; do
  for ((s = 0; s < seeds; s++)); do
    "$root/rbm" train --data "$digits" --binarize probabilities --preset "$preset" --layers 64-64 --epochs 7 \
      --monitor-rows 1797 --seed "$s" --threads 1 --out "$tmp/$preset-$s" >/dev/null 2>&1
    pll="$(tail -1 "$tmp/$preset-$s/metrics.csv" | cut -d, -f5)"
    echo "$preset,$s,$(awk -v p="$pll" 'BEGIN {printf "%.6f", 64 * p}')"
  done
done | tee "$tmp/scores.csv"
awk -F, '{n[$1]++; s[$1] += $3; q[$1] += $3 * $3}
  END {for (p in n) {m = s[p] / n[p]; sd = sqrt((q[p] - n[p] * m * m) / (n[p] - 1));
    printf "%s: mean %.4f, standard error %.4f, sd %.4f over %d seeds\n", p, m, sd / sqrt(n[p]), sd, n[p]}}' \
  "$tmp/scores.csv"
