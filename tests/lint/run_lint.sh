#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The lint gates of the test command, on every tracked file (every file outside build trees when
# not in a git checkout): C++ formatting (clang-format with the committed .clang-format), Python
# formatting (black, configured in pyproject.toml) and lint (flake8, configured in .flake8), and
# function length (tests/lint/function_length.py). Every gate runs; the exit status is 1 when
# any failed.
#   bash tests/lint/run_lint.sh          check
#   bash tests/lint/run_lint.sh --fix    first rewrite the files with clang-format -i and black
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../cmake/bootstrap.sh" # installs the tools if missing
cd "$PEAKPATH_ROOT"

fix=0
case "${1:-}" in
  "") ;;
  --fix) fix=1 ;;
  *) echo "usage: bash tests/lint/run_lint.sh [--fix]" >&2; exit 2 ;;
esac

# Tracked files matching the patterns (git pathspecs: '*' crosses directories).
list_files() {
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z -- "$@"
  else
    local names=() pattern
    for pattern in "$@"; do names+=(-o -name "$pattern"); done
    find . \( -path ./.git -o -path './build*' -o -path ./_skbuild -o -path ./dist \
      -o -path ./out -o -name '*.egg-info' -o -name __pycache__ \) -prune \
      -o \( -false "${names[@]}" \) -type f -printf '%P\0' | sort -z
  fi
}
mapfile -d '' cpp_files < <(list_files '*.hpp' '*.cpp' '*.h' '*.cc')
mapfile -d '' python_files < <(list_files '*.py')
if ((${#cpp_files[@]} == 0 || ${#python_files[@]} == 0)); then
  echo "run_lint: no C++ or no Python files found under $PEAKPATH_ROOT" >&2
  exit 1
fi

clang_format_major="$(clang-format --version | sed -n 's/.*version \([0-9]*\).*/\1/p')"
if [ "${clang_format_major:-0}" -lt 14 ]; then
  echo "run_lint: clang-format 14 or newer is needed (.clang-format uses its options)" >&2
  exit 1
fi
style="--style=file:$PEAKPATH_ROOT/.clang-format"

if ((fix)); then
  clang-format -i "$style" "${cpp_files[@]}"
  "$PEAKPATH_PYTHON" -m black --quiet --config pyproject.toml "${python_files[@]}"
fi

status=0
failed=()

echo "== clang-format --dry-run --Werror: ${#cpp_files[@]} C++ files ($(clang-format --version))"
unformatted=0
for file in "${cpp_files[@]}"; do
  if ! report="$(clang-format --dry-run --Werror "$style" "$file" 2>&1)"; then
    echo "$file: $(grep -c 'clang-format-violations' <<<"$report") lines differ"
    unformatted=$((unformatted + 1))
  fi
done
if ((unformatted)); then
  echo "$unformatted files differ from .clang-format (fix: clang-format -i FILE)"
  failed+=(clang-format)
fi

echo "== black --check: ${#python_files[@]} Python files"
"$PEAKPATH_PYTHON" -m black --check --config pyproject.toml "${python_files[@]}" ||
  failed+=(black)

echo "== flake8: ${#python_files[@]} Python files"
"$PEAKPATH_PYTHON" -m flake8 --config .flake8 --count --statistics "${python_files[@]}" ||
  failed+=(flake8)

echo "== function length (include/, src/, python/peakpath/)"
"$PEAKPATH_PYTHON" tests/lint/function_length.py --root "$PEAKPATH_ROOT" ||
  failed+=(function-length)

if ((${#failed[@]})); then
  echo "run_lint: failed: ${failed[*]}"
  case " ${failed[*]} " in
    *" clang-format "* | *" black "*) echo "run_lint: to format: bash tests/lint/run_lint.sh --fix" ;;
  esac
  status=1
else
  echo "run_lint: all gates pass"
fi
exit $status
