#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the Debian packages peakpath needs (only those missing) and builds into build/.
# Sourced by examples/run_shandong.sh and tests/run_all.sh.
set -euo pipefail

PEAKPATH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PEAKPATH_BUILD="${PEAKPATH_BUILD:-$PEAKPATH_ROOT/build}"
PEAKPATH_PYTHON=/usr/bin/python3   # the Debian packages belong to this interpreter
export PEAKPATH_ROOT PEAKPATH_BUILD PEAKPATH_PYTHON

PEAKPATH_PACKAGES=(
  cmake g++ make
  libeigen3-dev libboost-dev libyaml-cpp-dev libsqlite3-dev libssl-dev pybind11-dev
  libgtest-dev libbenchmark-dev
  python3 python3-dev python3-numpy python3-pandas python3-matplotlib python3-yaml
  python3-pytest python3-scipy python3-dask python3-distributed python3-tqdm
  python3-hypothesis          # the property-based tests (tests/python/test_properties.py)
  python3-venv python3-pip python3-setuptools python3-wheel
  clang-format black flake8   # the lint gates (tests/lint/run_lint.sh)
)

peakpath_install_packages() {
  local missing=() package
  for package in "${PEAKPATH_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done
  if ((${#missing[@]})); then
    echo "peakpath: installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  fi
}

peakpath_build() {
  cmake -S "$PEAKPATH_ROOT" -B "$PEAKPATH_BUILD" -DCMAKE_BUILD_TYPE=Release \
    -DPython_EXECUTABLE="$PEAKPATH_PYTHON" "$@" >/dev/null
  cmake --build "$PEAKPATH_BUILD" -j"$(nproc)"
}

peakpath_install_packages
