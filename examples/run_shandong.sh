#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job: install what is missing, build, run the shipped Shandong scenarios and write
# the indicator tables, IAMC tables and plots to out/ (or the directory given as $1).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../cmake/bootstrap.sh"
peakpath_build -DPEAKPATH_BUILD_TESTS=OFF -DPEAKPATH_BUILD_BENCHMARKS=OFF -DPEAKPATH_BUILD_EXAMPLES=OFF
OUT="${1:-out}"
PYTHONPATH="$PEAKPATH_BUILD/python${PYTHONPATH:+:$PYTHONPATH}" \
  "$PEAKPATH_PYTHON" -m peakpath run shandong/baseline --out "$OUT"
