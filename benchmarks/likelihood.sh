#!/usr/bin/env bash
# The likelihood estimators' speed, on the default stack trained with seed 1 (or on RUN):
#  1. AnnealingTime: the classic AIS run (100 chains, 14,500 inverse temperatures) on the 784-500 RBM, on 1 and on 2
#     threads, each against the two dense products of its steps alone, in turn for ROUNDS rounds (default 1);
#  2. the same AIS run in NumPy (annealing.py, OpenBLAS on 2 threads), its time and its estimate of log Z;
#  3. the whole `rbm likelihood` of the stack (every RBM: AIS, RAISE, exact values, the DBN bound), on 2 threads.
#
#   [PYTHON=python3] bash benchmarks/likelihood.sh [ROUNDS] [RUN]
#
# Trains the default stack (about 30 s) when RUN is not given. Installs Debian's NumPy and OpenBLAS if missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/.."
rounds="${1:-1}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "likelihood.sh: ROUNDS must be a positive whole number, got '$rounds'" >&2; exit 2; }
run="${2:-}"
if [ -n "$run" ] && [ ! -f "$run/config.json" ]; then
  echo "likelihood.sh: RUN '$run' is not a run directory from 'rbm train' (no config.json)" >&2
  exit 2
fi
py="${PYTHON:-/usr/bin/python3}"
$py -c "import numpy" 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-numpy libopenblas0-pthread >/dev/null; }
bash "$here/jmh.sh" -l >/dev/null 2> >(grep -v 'incubator modules' >&2)   # builds rbm.jar and benchmarks.jar if they are missing or stale
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB"
if [ -z "$run" ]; then
  echo "training the default stack, seed 1, 2 threads" >&2
  "$root/rbm" train --seed 1 --threads 2 --out "$tmp/run" >/dev/null 2>&1
  run="$tmp/run"
fi
java="$("$root/rbm" --which-java)"
"$java" --add-modules jdk.incubator.vector -cp "$here/target/benchmarks.jar:$root/target/rbm.jar" \
  rbm.bench.AnnealingTime "$run" "$rounds" 2> >(grep -v 'incubator modules' >&2)
echo "NumPy AIS, OpenBLAS on 2 threads" >&2
env -u OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=2 $py "$here/annealing.py" "$run" 100 14500 1
echo "rbm likelihood of the whole stack, 2 threads" >&2
start=$(date +%s%N)
"$root/rbm" likelihood --model "$run" --seed 1 --threads 2 --out "$tmp/likelihood" 2>&1 | grep -E '^  RBM|^ +1 '
awk -v s="$start" -v e="$(date +%s%N)" 'BEGIN { printf "rbm likelihood, whole stack: %.1f s\n", (e - s) / 1e9 }'
