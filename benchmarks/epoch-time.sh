#!/usr/bin/env bash
# Seconds per CD-1 epoch of one 784-500 RBM on the 60,000 bundled MNIST training images (batch 100, the default
# Hinton recipe), as `rbm train` measures it (training only, not the per-epoch metrics).
#
#   bash benchmarks/epoch-time.sh [EPOCHS] [THREADS]      defaults: 3 epochs, all cores
#
# Builds the jar if it is missing, prints each epoch's time and the median.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
epochs="${1:-3}"
threads="${2:-$(nproc)}"
[ -f "$here/target/rbm.jar" ] || (cd "$here" && mvn -q -B package -DskipTests)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$here/rbm" train --layers 784-500 --epochs "$epochs" --threads "$threads" --seed 1 --out "$out/run" >/dev/null
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; threads: $threads"
echo "kernels: $(grep -o '"kernels": "[a-z]*"' "$out/run/provenance.json" | cut -d'"' -f4)"
tail -n +2 "$out/run/metrics.csv" | cut -d, -f2,3 | sort -t, -k2 -g | awk -F, '
  { printf "epoch %d: %.2f s\n", $1, $2; t[NR] = $2 }
  END { m = (NR % 2) ? t[(NR+1)/2] : (t[NR/2] + t[NR/2+1]) / 2; printf "median: %.2f s per epoch\n", m }'
