#!/usr/bin/env bash
# The matrix products of a CD step, on one thread, against OpenBLAS's sgemm on the same shapes in the same run:
# JMH's GemmBenchmark (vector kernels) and NumPy's matmul with OPENBLAS_NUM_THREADS=1 (OPENBLAS_CORETYPE unset).
# Also each product on 1 and 2 threads through Compute (ParallelGemmBenchmark). Prints GFLOP/s and the ratios.
#   bash benchmarks/sgemm.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
py=/usr/bin/python3
$py -c "import numpy" 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-numpy python3-threadpoolctl >/dev/null; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
shapes="NN:100x500x784,NT:100x784x500,TN:784x500x100,TN:784x500x200"
bash "$here/jmh.sh" 'GemmBenchmark|ParallelGemmBenchmark' -p shape="$shapes" -p impl=vector -f 1 -wi 3 -i 5 -w 1 -r 1 \
  -rf json -rff "$tmp/jmh.json" >/dev/null 2>&1
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 $py "$here/peers.py" sgemm > "$tmp/numpy.json"
$py - "$tmp/jmh.json" "$tmp/numpy.json" <<'PY'
import json, sys
jmh = json.load(open(sys.argv[1])); blas = json.load(open(sys.argv[2]))
flops = lambda s: 2.0 * eval(s.split(":")[1].replace("x", "*"))
one, par = {}, {}
for r in jmh:
    p = r["params"]; g = r["primaryMetric"]["score"] * flops(p["shape"]) / 1e9
    if r["benchmark"].endswith("ParallelGemmBenchmark.gemm"):
        par[(p["shape"], p["threads"])] = g
    else:
        one[p["shape"]] = g
print(f"{'shape':18} {'rbm 1T':>8} {'OpenBLAS 1T':>12} {'ratio':>6} {'rbm 2T/1T':>10}   (GFLOP/s)")
for s, g in one.items():
    b = blas["gflops"][s]
    sp = par.get((s, "2"), float("nan")) / par.get((s, "1"), float("nan"))
    print(f"{s:18} {g:8.1f} {b:12.1f} {g / b:6.2f} {sp:10.2f}")
print("OpenBLAS:", ", ".join(f"{i.get('version')} {i.get('architecture')}" for i in blas["blas"] if "version" in i))
PY
