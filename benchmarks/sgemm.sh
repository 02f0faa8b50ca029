#!/usr/bin/env bash
# The matrix products of a CD step, on one thread, against OpenBLAS's sgemm on the same shapes: JMH's GemmBenchmark
# (vector kernels) and NumPy's matmul with OPENBLAS_NUM_THREADS=1 (OPENBLAS_CORETYPE unset), in turn, for ROUNDS
# rounds (default 3), so that a change of the machine's load between the two touches one round, not all. Then each
# product through Compute on 2 threads against 1, the two measured in turn in one JVM (ThreadSpeedup).
# Prints GFLOP/s and the ratios of every round, and their medians.
#   [PYTHON=python3] bash benchmarks/sgemm.sh [ROUNDS]      (PYTHON: a Python whose NumPy runs on OpenBLAS)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rounds="${1:-3}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "sgemm.sh: ROUNDS must be a positive whole number, got '$rounds'" >&2; exit 2; }
py="${PYTHON:-/usr/bin/python3}"   # with Debian's NumPy, and OpenBLAS under it (else NumPy runs on the reference BLAS)
$py -c "import numpy" 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-numpy libopenblas0-pthread python3-threadpoolctl >/dev/null; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
shapes="NN:100x500x784,NT:100x784x500,TN:784x500x100,TN:784x500x200"
for r in $(seq 1 "$rounds"); do
  echo "round $r of $rounds: JMH, then NumPy" >&2
  bash "$here/jmh.sh" '\.GemmBenchmark\.' -p shape="$shapes" -p impl=vector -f 1 -wi 2 -i 3 -w 1 -r 1 \
    -rf json -rff "$tmp/jmh$r.json" >/dev/null 2>&1
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 $py "$here/peers.py" sgemm > "$tmp/numpy$r.json"
done
echo "2 threads against 1 (ThreadSpeedup)" >&2
java="$("$here/../rbm" --which-java)"
"$java" --add-modules jdk.incubator.vector -cp "$here/target/benchmarks.jar:$here/../target/rbm.jar" \
  rbm.bench.ThreadSpeedup 21 > "$tmp/speedup.txt" 2> >(grep -v 'incubator modules' >&2)
$py - "$tmp" "$rounds" <<'PY'
import json, statistics, sys
tmp, rounds = sys.argv[1], int(sys.argv[2])
flops = lambda s: 2.0 * eval(s.split(":")[1].replace("x", "*"))
ratios, blas = {}, None
print(f"{'round':5} {'shape':18} {'rbm 1T':>8} {'OpenBLAS 1T':>12} {'ratio':>6}   (GFLOP/s)")
for r in range(1, rounds + 1):
    jmh = json.load(open(f"{tmp}/jmh{r}.json")); blas = json.load(open(f"{tmp}/numpy{r}.json"))
    for res in (x for x in jmh if ".GemmBenchmark." in x["benchmark"]):
        s = res["params"]["shape"]; g = res["primaryMetric"]["score"] * flops(s) / 1e9; b = blas["gflops"][s]
        ratios.setdefault(s, []).append(g / b)
        print(f"{r:5} {s:18} {g:8.1f} {b:12.1f} {g / b:6.2f}")
print("median ratio over the rounds:", ", ".join(f"{s} {statistics.median(v):.2f}" for s, v in ratios.items()))
print("OpenBLAS:", ", ".join(f"{i.get('version')} {i.get('architecture')}" for i in blas["blas"] if "version" in i))
print()
print(open(f"{tmp}/speedup.txt").read(), end="")
PY
