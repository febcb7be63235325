#!/bin/bash
# The benchmark suite: Brainstem vs Brian2 cpp_standalone on COBA, EINet, CUBA and COBAHH.
#   bench/run.sh [--quick] [suite.py options]      (bench/suite.py --help lists them)
# Builds the project (tests skipped), then runs bench/suite.py. Where things are comes from the
# environment (docs/benchmarks.md, "Where the tools are"): BRIAN2_PYTHON (a python3 with Brian2,
# default python3 on PATH), BRIAN2_PEERS, JAVA17_HOME, JAVA25_HOME, GNU_TIME.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q clean package -DskipTests
exec "${BRIAN2_PYTHON:-python3}" bench/suite.py "$@"
