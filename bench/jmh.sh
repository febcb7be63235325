#!/bin/bash
# JMH kernel micro-benchmarks on JDK 17 and 25 (results: bench/results/jmh-<jdk>.txt).
#   bench/jmh.sh [JMH options, e.g. KernelBench.lif -p n=400000]
# The forks get --add-modules jdk.incubator.vector from @Fork(jvmArgsAppend); a command-line
# -jvmArgsAppend replaces it, so repeat the flag there if you pass one.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o clean package -DskipTests
CP=bench/target/classes:$(cat bench/target/classpath.txt)
mkdir -p bench/results
for JAVA in /usr/lib/jvm/java-17-openjdk-amd64/bin/java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; do
  V=$("$JAVA" -version 2>&1 | head -1 | sed 's/.*"\(.*\)".*/\1/')
  echo "== JDK $V"
  "$JAVA" -cp "$CP" org.openjdk.jmh.Main -jvm "$JAVA" "${@:-KernelBench}" | tee "bench/results/jmh-$V.txt"
done
