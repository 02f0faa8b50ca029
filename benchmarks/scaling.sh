#!/usr/bin/env bash
# How the CD-1 epoch time (60,000 MNIST images) grows with the hidden layer's width and with the batch size, for rbm
# (vector kernels, all cores) and for the NumPy loop of peers.py (OpenBLAS on 1 thread, OPENBLAS_CORETYPE unset).
# rbm's time is its second epoch (the first includes JIT compilation); NumPy's is one epoch.
#   bash benchmarks/scaling.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/.."
py=/usr/bin/python3
$py -c "import numpy" 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-numpy libopenblas0-pthread >/dev/null; }
[ -f "$root/target/rbm.jar" ] || (cd "$root" && mvn -q -B package -DskipTests)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
run() {  # HIDDEN BATCH
  "$root/rbm" train --layers "784-$1" --batch "$2" --epochs 2 --seed 1 --out "$tmp/r-$1-$2" >/dev/null 2>&1
  local ours numpy
  ours="$(awk -F, 'NR == 3 { print $3 }' "$tmp/r-$1-$2/metrics.csv")"
  numpy="$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 RBM_HIDDEN="$1" RBM_BATCH="$2" \
    $py "$here/peers.py" numpy 1 | $py -c 'import json, sys; print(json.load(sys.stdin)["times"][0])')"
  printf "%8d %6d %10.2f %10.2f %8.2f\n" "$1" "$2" "$ours" "$numpy" "$(awk -v a="$ours" -v b="$numpy" 'BEGIN { print a / b }')"
}
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
printf "%8s %6s %10s %10s %8s\n" hidden batch "rbm s" "NumPy s" ratio
for w in 100 250 500 1000 2000; do run "$w" 100; done
for b in 10 50 200 1000; do run 500 "$b"; done
