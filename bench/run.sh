#!/bin/bash
# The benchmark suite: Brainstem vs Brian2 cpp_standalone on COBA, EINet, CUBA and COBAHH.
#   bench/run.sh [--quick] [suite.py options]      (bench/suite.py --help lists them)
# Builds the project (tests skipped), then runs bench/suite.py with /usr/bin/python3 (Brian2 2.5.1).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o clean package -DskipTests
exec /usr/bin/python3 bench/suite.py "$@"
