#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job: install what is missing, build, run the shipped Shandong scenarios (baseline,
# opinions, accelerated) and write their indicator tables, IAMC tables, plots, target reports
# and peak diagnostics to out/ (or the directory given as $1).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../cmake/bootstrap.sh"
peakpath_build -DPEAKPATH_BUILD_TESTS=OFF -DPEAKPATH_BUILD_BENCHMARKS=OFF -DPEAKPATH_BUILD_EXAMPLES=OFF
OUT="${1:-out}"
PYTHONPATH="$PEAKPATH_BUILD/python${PYTHONPATH:+:$PYTHONPATH}" \
  "$PEAKPATH_PYTHON" -m peakpath main --out "$OUT"
