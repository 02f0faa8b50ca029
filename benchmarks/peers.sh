#!/usr/bin/env bash
# The same CD-1 epoch, side by side, in one run: a 784-500 RBM, batch 100, float32, the 60,000 bundled MNIST
# training images, Hinton's hyperparameters. Runs rbm, a NumPy loop (OpenBLAS), a PyTorch CPU loop and
# scikit-learn's BernoulliRBM (batch 100; it does PCD-1), and prints seconds per epoch (median) and the ratios.
#
#   bash benchmarks/peers.sh [EPOCHS]        default 3
#
# Installs python3-numpy, python3-torch, python3-sklearn and python3-threadpoolctl from Debian if missing.
# OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are unset for the peers (their values are printed): a machine that sets
# OPENBLAS_CORETYPE=Haswell forces OpenBLAS onto AVX2 kernels. Threads are pinned: NumPy and scikit-learn run with
# OpenBLAS on 1 and on 2 threads; PyTorch on 2 threads with OpenBLAS on 1 (oversubscribing both is ~5x slower).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/.."
epochs="${1:-3}"
py=/usr/bin/python3

missing=()
for m in numpy:python3-numpy torch:python3-torch sklearn:python3-sklearn threadpoolctl:python3-threadpoolctl; do
  $py -c "import ${m%%:*}" 2>/dev/null || missing+=("${m#*:}")
done
# Debian's NumPy runs on the reference BLAS unless OpenBLAS is installed
[[ " ${missing[*]} " == *" python3-numpy "* ]] && missing+=(libopenblas0-pthread)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -f "$root/target/rbm.jar" ] || (cd "$root" && mvn -q -B package -DskipTests)

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB"
echo "OPENBLAS_CORETYPE was '${OPENBLAS_CORETYPE:-}', OPENBLAS_L2_SIZE was '${OPENBLAS_L2_SIZE:-}' (both unset for the peers)"
results="$(mktemp)"
out="$(mktemp -d)"
trap 'rm -rf "$out" "$results"' EXIT

for threads in 2 1; do
  "$root/rbm" train --layers 784-500 --epochs "$epochs" --threads "$threads" --seed 1 --out "$out/rbm$threads" >/dev/null 2>&1
  awk -F, -v t="$threads" -v k="$(grep -o '"kernels": "[a-z]*"' "$out/rbm$threads/provenance.json" | cut -d'"' -f4)" \
    'NR > 1 { s = s (s ? "," : "") $3 } END { printf "{\"peer\": \"rbm (%s kernels, %d threads)\", \"times\": [%s]}\n", k, t, s }' \
    "$out/rbm$threads/metrics.csv" >> "$results"
done
peer() {  # NAME OPENBLAS_THREADS LABEL
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS="$2" OMP_NUM_THREADS=2 \
    $py "$here/peers.py" "$1" "$epochs" "$3" >> "$results"
}
peer numpy 1 "NumPy (OpenBLAS, 1 thread)"
peer numpy 2 "NumPy (OpenBLAS, 2 threads)"
peer torch 1 "PyTorch (2 threads)"
peer sklearn 1 "scikit-learn BernoulliRBM (OpenBLAS, 1 thread)"
peer sklearn 2 "scikit-learn BernoulliRBM (OpenBLAS, 2 threads)"
$py "$here/peers.py" report "$results"
