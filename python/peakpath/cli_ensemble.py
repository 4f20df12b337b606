"""``peakpath ensemble SPEC.yaml``: run an ensemble described in YAML, with a progress bar, and
write percentile tables (docs/ensembles.md)."""
from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any

from tqdm import tqdm

from .analysis import SAMPLER_NAMES

__all__ = ["add_ensemble_parser", "load_ensemble_spec", "ProgressBar"]

_SPEC_KEYS = (
    "name",
    "description",
    "scenario",
    "levers",
    "n",
    "sampler",
    "seed",
    "block_size",
    "targets",
    "indicators",
    "peak_indicators",
    "uncertain",
)


def load_ensemble_spec(path: str) -> dict[str, Any]:
    """The keyword arguments of :func:`peakpath.ensemble.ensemble` from a YAML spec.

    Keys: ``scenario`` (shipped name or a YAML path relative to the spec), optional ``levers``
    applied before sampling, ``n``, ``sampler``, ``seed``, ``block_size``, ``targets``,
    ``indicators``, ``peak_indicators`` and ``uncertain`` (address -> ``{distribution: name,
    <parameters>}``). Errors name the file and the key.
    """
    import yaml

    from .ensemble import distribution_from_spec
    from .scenario import Scenario

    try:
        with open(path, encoding="utf-8") as handle:
            spec = yaml.safe_load(handle)
    except OSError as error:
        raise ValueError(f"{path}: cannot read: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise ValueError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(spec, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    unknown = [k for k in spec if k not in _SPEC_KEYS]
    if unknown:
        raise ValueError(f"{path}: unknown key {unknown[0]!r} (known: {', '.join(_SPEC_KEYS)})")
    for key in ("scenario", "n", "uncertain"):
        if key not in spec:
            raise ValueError(f"{path}: missing key {key!r}")
    if not isinstance(spec["uncertain"], dict) or not spec["uncertain"]:
        raise ValueError(f"{path}: uncertain: expected a mapping address -> distribution")
    scenario = str(spec["scenario"])
    beside = os.path.join(os.path.dirname(os.path.abspath(path)), scenario)
    if scenario.endswith((".yaml", ".yml")) and os.path.exists(beside):
        scenario = beside
    scenario = Scenario.load(scenario)
    if spec.get("levers"):
        scenario = scenario.with_levers(spec["levers"])
    kwargs: dict[str, Any] = {
        "scenario": scenario,
        "uncertain": {
            str(address): distribution_from_spec(law, f"{path}: uncertain.{address}")
            for address, law in spec["uncertain"].items()
        },
    }
    for key in ("n", "sampler", "seed", "block_size", "targets", "indicators", "peak_indicators"):
        if key in spec:
            kwargs[key] = spec[key]
    return kwargs


class ProgressBar:
    """The ``progress`` callback of :func:`peakpath.ensemble.ensemble` drawn by tqdm on a stream
    (stderr): samples done of n, runs per second and the time left, timed from construction."""

    def __init__(self, stream=None):
        self._bar = tqdm(
            file=stream if stream is not None else sys.stderr, unit=" runs", dynamic_ncols=True
        )

    def __call__(self, done: int, total: int) -> None:
        self._bar.total = total  # known from the first report on
        self._bar.update(done - self._bar.n)
        if done >= total:
            self._bar.close()


MAX_SAMPLES = 10**9  # a stated bound: beyond it a run takes months and indices overflow


def _sample_count(text: str) -> int:
    """``--n``: a whole number of samples in [1, 1e9]; "1e5" is accepted."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not (value.is_integer() and 1 <= value <= MAX_SAMPLES):
        raise argparse.ArgumentTypeError(
            f"{text!r}: must be a whole number from 1 to " f"{MAX_SAMPLES:.0e}"
        )
    return int(value)


def _dask_client(address: str, timeout: float = 10.0):
    """A Dask client connected to ``address``; OSError naming the address when none answers
    within ``timeout`` seconds or the address is malformed."""
    try:
        import distributed
    except ImportError:
        raise OSError(
            "--scheduler needs Dask's distributed package " "(Debian: python3-distributed)"
        ) from None
    try:
        return distributed.Client(address, timeout=timeout)
    except (OSError, ValueError, TypeError) as error:  # refused, timed out, malformed
        raise OSError(
            f"cannot reach the Dask scheduler at {address!r}: " f"{type(error).__name__}: {error}"
        ) from None


def _cmd_ensemble(args) -> int:
    from .ensemble import ensemble
    from .io_utils import write_csv

    kwargs = load_ensemble_spec(args.spec)
    for key in ("n", "seed", "sampler"):
        if getattr(args, key) is not None:
            kwargs[key] = getattr(args, key)
    executor, closers = None, []
    if args.scheduler:
        client = _dask_client(args.scheduler)
        closers.append(client.close)
        executor = client.get_executor()
    elif args.processes:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(args.workers)
        closers.append(pool.shutdown)
        executor = pool
    else:
        kwargs["threads"] = args.workers or os.cpu_count() or 1
    try:
        start = time.perf_counter()
        result = ensemble(
            executor=executor, progress=None if args.quiet else ProgressBar(), **kwargs
        )
        seconds = time.perf_counter() - start
    finally:
        for close in closers:
            close()
    stem = os.path.join(args.out, os.path.splitext(os.path.basename(args.spec))[0])
    written = [
        write_csv(result.percentiles(), f"{stem}_percentiles.csv", index=False),
        write_csv(result.peak_summary(), f"{stem}_peak.csv"),
        write_csv(result.peak_years(), f"{stem}_peak_years.csv"),
    ]
    if result.targets:
        written.append(write_csv(result.target_probabilities(), f"{stem}_targets.csv"))
    if result.failures:
        written.append(write_csv(result.failures_frame(), f"{stem}_failures.csv", index=False))
    print(result.summary())
    print(f"  {result.n} samples in {seconds:.1f} s ({result.n / seconds:.0f} runs/s)")
    print("  wrote " + ", ".join(written))
    return 0


def add_ensemble_parser(subparsers) -> None:
    """Adds the ``ensemble`` subcommand to the ``peakpath`` parser's subparsers."""
    p = subparsers.add_parser(
        "ensemble",
        help="run an uncertainty ensemble described in a YAML spec",
        description="Run an ensemble (docs/ensembles.md): sample the uncertain levers, run "
        "every sample, stream percentiles by indicator and year, the peak year and "
        "value and the probability of meeting each target; write them as CSV and "
        "print a summary. The same spec and seed give the same numbers on any "
        "number of workers.",
    )
    p.add_argument(
        "spec",
        help="ensemble spec (YAML), e.g. " "data/shandong/ensembles/baseline_uncertainty.yaml",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        help="local threads (default: the number of CPUs), or processes with " "--processes",
    )
    p.add_argument(
        "--processes",
        action="store_true",
        help="run blocks on a pool of --workers processes instead of threads",
    )
    p.add_argument(
        "--scheduler",
        default=None,
        help="address of a Dask scheduler (tcp://host:8786); blocks run on its " "workers",
    )
    p.add_argument(
        "--n",
        type=_sample_count,
        default=None,
        help="number of samples, 1 to 1e9 (overrides the spec)",
    )
    p.add_argument("--seed", type=int, default=None, help="seed (overrides the spec)")
    p.add_argument(
        "--sampler",
        choices=SAMPLER_NAMES,
        default=None,
        help="sampling design (overrides the spec)",
    )
    p.add_argument("--out", default="out", help="output directory (default: out)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_ensemble)
