#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# peakpath: wall time, runs/s and peak memory of a streamed ensemble (docs/ensembles.md).
"""Run the shipped baseline-uncertainty ensemble with streamed statistics (keep=False) and
print wall time, runs per second and peak resident memory (resource.getrusage).

    PYTHONPATH=build/python python3 benchmarks/ensemble_memory.py [--n 100000] [--threads 2]
"""
import argparse
import os
import resource
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SPEC = os.path.join(ROOT, "data", "shandong", "ensembles", "baseline_uncertainty.yaml")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=100_000, help="samples (default 100000)")
    parser.add_argument(
        "--threads",
        type=int,
        default=os.cpu_count() or 1,
        help="C++ threads (default: the number of CPUs)",
    )
    parser.add_argument("--block-size", type=int, default=256, help="samples per block")
    parser.add_argument("--spec", default=SPEC, help="ensemble spec (YAML)")
    args = parser.parse_args(argv)

    from peakpath.cli_ensemble import ProgressBar, load_ensemble_spec
    from peakpath.ensemble import ensemble

    kwargs = load_ensemble_spec(args.spec)
    kwargs.update(n=args.n, block_size=args.block_size, threads=args.threads)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    result = ensemble(progress=ProgressBar(), **kwargs)
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(
        f"samples        {result.n} ({result.completed} completed, "
        f"{len(result.failures)} failed)"
    )
    print(f"threads        {args.threads}, block size {args.block_size}")
    print(f"wall time      {seconds:.1f} s")
    print(f"runs/s         {result.n / seconds:.0f}")
    print(
        f"peak RSS       {peak_kib / 1024:.1f} MiB (before the ensemble: "
        f"{before / 1024:.1f} MiB)"
    )
    print(f"under 1 GiB    {'yes' if peak_kib < 1024 * 1024 else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
