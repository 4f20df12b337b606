#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Every test: install what is missing, run the lint gates (tests/lint/run_lint.sh: clang-format,
# black, flake8, function length), build everything, run ctest (C++, headers, consumers,
# examples) and pytest (Python), then the C++ tests again under AddressSanitizer and
# UndefinedBehaviorSanitizer. A failing gate fails the run but the tests still run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../cmake/bootstrap.sh"
status=0
bash "$PEAKPATH_ROOT/tests/lint/run_lint.sh" || status=1
peakpath_build -DPEAKPATH_BUILD_TESTS=ON -DPEAKPATH_BUILD_EXAMPLES=ON -DPEAKPATH_BUILD_BENCHMARKS=ON
(cd "$PEAKPATH_BUILD" && ctest --output-on-failure -j"$(nproc)") || status=1
PYTHONPATH="$PEAKPATH_BUILD/python${PYTHONPATH:+:$PYTHONPATH}" PEAKPATH_BUILD_DIR="$PEAKPATH_BUILD" \
  "$PEAKPATH_PYTHON" -m pytest -q -ra -p no:cacheprovider "$PEAKPATH_ROOT/tests/python" || status=1

# Sanitized C++ tests (the consumers and the header check add nothing under sanitizers).
sanitize_build="$PEAKPATH_BUILD-sanitize"
cmake -S "$PEAKPATH_ROOT" -B "$sanitize_build" -DCMAKE_BUILD_TYPE=Debug \
  -DPEAKPATH_SANITIZE=address,undefined -DPEAKPATH_BUILD_PYTHON=OFF \
  -DPEAKPATH_BUILD_BENCHMARKS=OFF -DPEAKPATH_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$sanitize_build" -j"$(nproc)"
(cd "$sanitize_build" &&
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  ctest --output-on-failure -j"$(nproc)" -E "^(consumer|headers)\.") || status=1
exit $status
