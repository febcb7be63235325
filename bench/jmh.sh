#!/bin/bash
# JMH kernel micro-benchmarks on JDK 17 and 25 (results: bench/results/jmh-<jdk>.txt).
#   bench/jmh.sh [JMH options, e.g. KernelBench.lif -p n=400000]
# When the Vector API kernels exist, the forks need --add-modules jdk.incubator.vector: a
# command-line -jvmArgsAppend replaces @Fork(jvmArgsAppend), so repeat it there.
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
