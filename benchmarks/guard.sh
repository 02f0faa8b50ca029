#!/usr/bin/env bash
# The benchmark guard (a few minutes): each hot path against its baseline in the same run; fails when a speed-up
# falls below its floor. Run by .ci/run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$here/jmh.sh" -l >/dev/null   # builds the jars if needed
java="$("$here/../rbm" --which-java)"
exec "$java" --add-modules jdk.incubator.vector -cp "$here/target/benchmarks.jar:$here/../target/rbm.jar" rbm.bench.Guard
