#!/usr/bin/env bash
# The relevance engine on large samples from other tools, and a dictionary count in Python on the same files:
#  1. 10^8 states of 64 bits, rows of numpy.packbits in a .npy (800 MB);
#  2. 10^7 states of 784 bits, the same way (980 MB);
#  3. 10^7 lines of 64 0/1 characters in a text file (650 MB).
# The states follow a Zipf law over 2^20 patterns, as the states of a layer do. For each: rbm relevance's wall time
# and peak resident set (GNU time), and the seconds it spent reading and counting (its summary line); then Python's:
# a dict from each row's bytes to a count, written as a user would (collections.Counter over the rows), its time and
# peak resident set.
#
#   [PYTHON=python3] bash benchmarks/relevance-input.sh [SCALE]      SCALE multiplies the state counts (default 1)
#
# Needs NumPy (installs Debian's if /usr/bin/python3 lacks it) and about 2.5 GB of disk under $TMPDIR.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/.."
scale="${1:-1}"
[[ "$scale" =~ ^[0-9]*\.?[0-9]+$ ]] || { echo "relevance-input.sh: SCALE must be a positive number, got '$scale'" >&2; exit 2; }
py="${PYTHON:-/usr/bin/python3}"
$py -c "import numpy" 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-numpy libopenblas0-pthread >/dev/null; }
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
[ -f "$root/target/rbm.jar" ] || (cd "$root" && mvn -q -B package -DskipTests)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB"

echo "writing the samples" >&2
$py - "$tmp" "$scale" <<'PY'
import sys
import numpy as np
tmp, scale = sys.argv[1], float(sys.argv[2])
rng = np.random.default_rng(1)
def zipf_rows(m, nbytes):
    patterns = rng.integers(0, 256, size=(1 << 20, nbytes), dtype=np.uint8)
    out = np.lib.format.open_memmap(f"{tmp}/tmp.npy", mode="w+", dtype=np.uint8, shape=(m, nbytes))
    for s in range(0, m, 1 << 22):
        e = min(m, s + (1 << 22))
        out[s:e] = patterns[(rng.zipf(1.3, e - s) - 1) % (1 << 20)]
    return out
for name, m, nbytes in (("packed64", int(1e8 * scale), 8), ("packed784", int(1e7 * scale), 98)):
    a = zipf_rows(m, nbytes)
    a.flush()
    del a
    import os
    os.replace(f"{tmp}/tmp.npy", f"{tmp}/{name}.npy")
a = np.load(f"{tmp}/packed64.npy", mmap_mode="r")
m = int(1e7 * scale)
with open(f"{tmp}/bits64.txt", "wb") as f:
    for s in range(0, m, 1 << 20):
        e = min(m, s + (1 << 20))
        bits = np.unpackbits(a[s:e], axis=1)
        lines = np.empty((e - s, 65), dtype=np.uint8)
        lines[:, :64] = bits + ord("0")
        lines[:, 64] = ord("\n")
        f.write(lines.tobytes())
PY
ls -l "$tmp" | awk 'NR > 1 {printf "  %s %.0f MB\n", $9, $5 / 1e6}'

run() {  # LABEL FILE ARGS...
  local label="$1" file="$2"; shift 2
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$root/rbm" relevance --input "$file" "$@" --out "$tmp/out" \
    > "$tmp/table" 2> "$tmp/log"
  read -r secs kb < "$tmp/time"
  # the summary line ends with the seconds of reading and counting, without the JVM's start and the report
  local counted states
  counted="$(grep -m1 -oE '[0-9.]+s$' "$tmp/table" | tr -d s)"
  states="$(grep -m1 -oE '^[^ ]+: [0-9]+ states' "$tmp/table" | grep -oE '[0-9]+ states$' | cut -d' ' -f1)"
  printf "%-34s %8.1f s %8.0f MB   %s; read and counted in %s s, %s M states/s\n" "rbm $label" "$secs" \
    "$((kb / 1024))" "$(grep -m1 -o '[0-9]* distinct' "$tmp/table")" "$counted" \
    "$(awk -v n="$states" -v t="$counted" 'BEGIN { printf "%.1f", n / t / 1e6 }')"
}
peer() {  # LABEL FILE KIND
  /usr/bin/time -f "%e %M" -o "$tmp/time" $py - "$2" "$3" > "$tmp/pyout" <<'PY'
import collections, sys
import numpy as np
path, kind = sys.argv[1], sys.argv[2]
if kind == "npy":
    a = np.load(path, mmap_mode="r")
    counts = collections.Counter()
    for s in range(0, a.shape[0], 1 << 20):
        counts.update(row.tobytes() for row in a[s:s + (1 << 20)])
else:
    with open(path, "rb") as f:
        counts = collections.Counter(line.strip() for line in f)
print(len(counts), "distinct")
PY
  read -r secs kb < "$tmp/time"
  printf "%-34s %8.1f s %8.0f MB   %s\n" "Python dict $1" "$secs" "$((kb / 1024))" "$(cat "$tmp/pyout")"
}
printf "%-34s %10s %11s\n" "" "wall" "peak RSS"
run "packed .npy, 64 bits" "$tmp/packed64.npy" --bits 64
peer "packed .npy, 64 bits" "$tmp/packed64.npy" npy
run "packed .npy, 784 bits" "$tmp/packed784.npy" --bits 784
peer "packed .npy, 784 bits" "$tmp/packed784.npy" npy
run "text, 64-bit lines" "$tmp/bits64.txt" --format bits
peer "text, 64-bit lines" "$tmp/bits64.txt" txt
