#!/usr/bin/env bash
# Builds rbm and its JMH benchmarks if needed, and runs JMH on Java 25 with the Vector API module.
# Arguments go to JMH, for example:
#   bash benchmarks/jmh.sh GemmBenchmark -p impl=vector -prof gc
#   bash benchmarks/jmh.sh -l                       (list the benchmarks)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -f "$root/target/rbm.jar" ]; then (cd "$root" && mvn -q -B package -DskipTests); fi
if [ ! -f "$root/benchmarks/target/benchmarks.jar" ] || [ "$root/target/rbm.jar" -nt "$root/benchmarks/target/benchmarks.jar" ] \
   || [ -n "$(find "$root/benchmarks/src" -newer "$root/benchmarks/target/benchmarks.jar" -name '*.java' 2>/dev/null)" ]; then
  (cd "$root/benchmarks" && mvn -q -B package)
fi
java="$("$root/rbm" --which-java)"
exec "$java" --add-modules jdk.incubator.vector -cp "$root/benchmarks/target/benchmarks.jar:$root/target/rbm.jar" \
  org.openjdk.jmh.Main -jvmArgsAppend "--add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED" "$@"
