#!/bin/bash
# JMH kernel micro-benchmarks on JDK 17 and 25 (results: bench/results/jmh-<jdk>.txt).
#   bench/jmh.sh [JMH options, e.g. KernelBench.lif -p n=400000]
# The JDKs: JAVA17_HOME and JAVA25_HOME, else the java on PATH for the JDK it is (others are
# skipped); BENCH_JDKS="17" runs one. See docs/benchmarks.md, "Where the tools are".
# The forks get --add-modules jdk.incubator.vector from @Fork(jvmArgsAppend); a command-line
# -jvmArgsAppend replaces it, so repeat the flag there if you pass one.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q clean package -DskipTests
CP=bench/target/classes:$(cat bench/target/classpath.txt)
mkdir -p bench/results

# The java of JDK $1: $JAVA<major>_HOME/bin/java, else java on PATH if it is that major version.
java_for() {
  local home_var="JAVA$1_HOME"
  if [ -n "${!home_var:-}" ]; then
    echo "${!home_var}/bin/java"
  elif command -v java >/dev/null 2>&1 \
      && java -version 2>&1 | sed -n 1p | grep -Eq "version \"$1([.\"])"; then
    command -v java
  fi
}

for major in ${BENCH_JDKS:-17 25}; do
  JAVA=$(java_for "$major")
  if [ -z "$JAVA" ]; then
    echo "== JDK $major skipped: set JAVA${major}_HOME (java on PATH is another version)" >&2
    continue
  fi
  V=$("$JAVA" -version 2>&1 | sed -n 1p | sed 's/.*"\(.*\)".*/\1/')
  echo "== JDK $V"
  "$JAVA" -cp "$CP" org.openjdk.jmh.Main -jvm "$JAVA" "${@:-KernelBench}" | tee "bench/results/jmh-$V.txt"
done
