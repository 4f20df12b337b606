#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Every test: install what is missing, build everything, run ctest (C++, headers, consumers,
# examples) and pytest (Python).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../cmake/bootstrap.sh"
peakpath_build -DPEAKPATH_BUILD_TESTS=ON -DPEAKPATH_BUILD_EXAMPLES=ON -DPEAKPATH_BUILD_BENCHMARKS=ON
status=0
(cd "$PEAKPATH_BUILD" && ctest --output-on-failure -j"$(nproc)") || status=1
PYTHONPATH="$PEAKPATH_BUILD/python${PYTHONPATH:+:$PYTHONPATH}" PEAKPATH_BUILD_DIR="$PEAKPATH_BUILD" \
  "$PEAKPATH_PYTHON" -m pytest -q -ra -p no:cacheprovider "$PEAKPATH_ROOT/tests/python" || status=1
exit $status
