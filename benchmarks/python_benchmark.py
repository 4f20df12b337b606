# SPDX-License-Identifier: Apache-2.0
# peakpath: times peakpath against the numpy/scipy reference, batch throughput and memory.
"""Benchmark peakpath from Python, side by side with the numpy/scipy reference, in one run.

    PYTHONPATH=build/python python3 benchmarks/python_benchmark.py [--repeat 20]
        [--batch 400] [--ensemble 20000] [--json out.json]

Figures (docs/benchmarks.md explains each):
- median wall (and thread-CPU) time of one Shandong baseline run: ``peakpath.run`` (with its
  Results wrapper), ``peakpath._core.run`` and ``reference_model.run``; the ratio
  reference / peakpath.run;
- ``peakpath._core.run_batch`` throughput with 1 and 2 threads (runs/s);
- peak resident memory (``resource.getrusage``) of an ensemble of N runs that keeps only scalar
  statistics (streamed mean, min and max of 2060 CO2 and the share of runs peaking by 2030),
  measured first, in a child process, so that the other figures do not inflate it.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time

import peakpath
from peakpath import _core
from peakpath.scenario import Scenario

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference"))
import reference_model  # noqa: E402

CO2 = list(_core.INDICATOR_NAMES).index("co2_total_mt")


def median_seconds(function, repeat: int) -> tuple[float, float]:
    """Median wall and thread-CPU time of ``repeat`` calls (after one warm-up call). The CPU
    time is the steadier figure on a loaded machine (single-threaded work only)."""
    function()
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.thread_time()
        function()
        wall.append(time.perf_counter() - start)
        cpu.append(time.thread_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def varied_scenarios(base: Scenario, n: int) -> list:
    """``n`` core scenarios differing in GDP growth and solar capacity (no two identical)."""
    out = []
    for i in range(n):
        x = i / max(1, n - 1)
        out.append(
            base.with_levers(
                gdp_growth={2021: 0.04 + 0.02 * x, 2060: 0.01 + 0.01 * x},
                capacity_gw={"solar": {2020: 22.7, 2060: 100 + 300 * x}},
            )._core
        )
    return out


def batch_runs_per_second(scenarios: list, threads: int, repeat: int) -> float:
    wall, _ = median_seconds(lambda: _core.run_batch(scenarios, threads), repeat)
    return len(scenarios) / wall


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB


def streamed_ensemble(base: Scenario, n: int, chunk: int = 200) -> dict:
    """Run ``n`` scenarios in chunks on 2 threads, keeping only scalar statistics."""
    count, total, low, high, peaked_by_2030 = 0, 0.0, float("inf"), float("-inf"), 0
    start = time.perf_counter()
    for first in range(0, n, chunk):
        size = min(chunk, n - first)
        for result in _core.run_batch(varied_scenarios(base, size), 2):
            co2 = result.indicator_values[:, CO2]
            count += 1
            total += co2[-1]
            low, high = min(low, co2[-1]), max(high, co2[-1])
            peaked_by_2030 += int(result.years[int(co2.argmax())] <= 2030)
    return {
        "runs": count,
        "seconds": time.perf_counter() - start,
        "co2_2060_mean": total / count,
        "co2_2060_min": low,
        "co2_2060_max": high,
        "share_peaking_by_2030": peaked_by_2030 / count,
    }


def ensemble_in_fresh_process(scenario: str, n: int) -> dict:
    """streamed_ensemble() in a child process: its peak RSS is the ensemble's alone."""
    child = subprocess.run(
        [
            sys.executable,
            os.path.abspath(__file__),
            "--scenario",
            scenario,
            "--memory-only",
            str(n),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(child.stdout)


def memory_only(scenario: str, n: int) -> None:
    base = Scenario.load(scenario)
    before = peak_rss_mib()
    figures = streamed_ensemble(base, n)
    figures.update(rss_before_mib=before, peak_rss_mib=peak_rss_mib())
    print(json.dumps(figures))


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scenario", default="shandong/baseline")
    parser.add_argument("--repeat", type=int, default=20, help="timed repetitions (median)")
    parser.add_argument(
        "--reference-repeat", type=int, default=5, help="timed repetitions of the (slow) reference"
    )
    parser.add_argument("--batch", type=int, default=400, help="scenarios per batch")
    parser.add_argument(
        "--ensemble",
        type=int,
        default=20000,
        help="runs of the streamed ensemble for the memory figure (0: skip)",
    )
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument(
        "--memory-only",
        type=int,
        metavar="N",
        help="only run the streamed ensemble of N runs; print its figures as JSON",
    )
    args = parser.parse_args(argv)
    if args.memory_only:
        return memory_only(args.scenario, args.memory_only)

    base = Scenario.load(args.scenario)
    figures: dict = {
        "scenario": args.scenario,
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_average_1min": os.getloadavg()[0],
    }
    # First, while this process is small: Linux keeps ru_maxrss across fork and exec, so the
    # child's figure can never be below this process's resident size at the time.
    if args.ensemble > 0:
        figures["ensemble"] = ensemble_in_fresh_process(args.scenario, args.ensemble)
    for name, function, repeat in [
        ("peakpath_run", lambda: peakpath.run(base), args.repeat),
        ("core_run", lambda: _core.run(base._core), args.repeat),
        ("reference_run", lambda: reference_model.run(base), args.reference_repeat),
    ]:
        wall, cpu = median_seconds(function, repeat)
        figures[f"{name}_ms"], figures[f"{name}_cpu_ms"] = 1e3 * wall, 1e3 * cpu
    figures["ratio_reference_over_peakpath"] = (
        figures["reference_run_ms"] / figures["peakpath_run_ms"]
    )
    figures["ratio_cpu"] = figures["reference_run_cpu_ms"] / figures["peakpath_run_cpu_ms"]
    scenarios = varied_scenarios(base, args.batch)
    batch_repeat = 3
    figures["batch_runs_per_s_1_thread"] = batch_runs_per_second(scenarios, 1, batch_repeat)
    figures["batch_runs_per_s_2_threads"] = batch_runs_per_second(scenarios, 2, batch_repeat)
    del scenarios

    f = figures
    rows = [
        (
            "one run, peakpath.run (wall | CPU)",
            f"{f['peakpath_run_ms']:.3f} | {f['peakpath_run_cpu_ms']:.3f} ms",
        ),
        ("one run, _core.run", f"{f['core_run_ms']:.3f} | {f['core_run_cpu_ms']:.3f} ms"),
        (
            "one run, numpy/scipy reference",
            f"{f['reference_run_ms']:.1f} | {f['reference_run_cpu_ms']:.1f} ms",
        ),
        (
            "ratio reference / peakpath.run",
            f"{f['ratio_reference_over_peakpath']:.0f} | {f['ratio_cpu']:.0f} x",
        ),
        ("run_batch, 1 thread", f"{figures['batch_runs_per_s_1_thread']:.0f} runs/s"),
        ("run_batch, 2 threads", f"{figures['batch_runs_per_s_2_threads']:.0f} runs/s"),
    ]
    if args.ensemble > 0:
        e = figures["ensemble"]
        rows += [
            (
                f"ensemble of {e['runs']} runs (2 threads)",
                f"{e['seconds']:.1f} s = {e['runs'] / e['seconds']:.0f} runs/s",
            ),
            (
                "ensemble peak RSS (before the runs)",
                f"{e['peak_rss_mib']:.0f} MiB ({e['rss_before_mib']:.0f} MiB)",
            ),
        ]
    width = max(len(r[0]) for r in rows)
    print(f"{args.scenario}, {figures['cpus']} CPUs, load {figures['load_average_1min']:.2f}")
    for label, value in rows:
        print(f"  {label:<{width}}  {value:>22}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(figures, handle, indent=2)
    return figures


if __name__ == "__main__":
    main()
