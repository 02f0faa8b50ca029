#!/usr/bin/env bash
# The off-heap state counter against the HashMap baseline, the two measured in turn in one JVM (CountingRatio), for
# the workloads of CountingBenchmark (known states) and FreshCountingBenchmark (60,000 and 600,000 new states), at 64,
# 500 and 784 bits: the median ns per state of each and the median and quartiles of the per-round ratios; and, timed
# in the same rounds, the least work any open-addressing counter must do (LeastWork), which bounds the ratio any such
# counter can reach on this machine. About two minutes.
#   bash benchmarks/counting.sh [ROUNDS]      (default 11)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rounds="${1:-11}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "counting.sh: ROUNDS must be a positive whole number, got '$rounds'" >&2; exit 2; }
bash "$here/jmh.sh" -l >/dev/null 2> >(grep -v 'incubator modules' >&2)   # builds the jars if needed
java="$("$here/../rbm" --which-java)"
exec "$java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "$here/target/benchmarks.jar:$here/../target/rbm.jar" rbm.bench.CountingRatio "$rounds" \
  2> >(grep -v 'incubator modules' >&2)
