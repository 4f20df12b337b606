"""Monte Carlo and Latin hypercube ensembles over lever paths with streamed statistics
(docs/ensembles.md).

A design (``peakpath.analysis.Sampler``) is cut into fixed row blocks; each block builds its
scenarios, runs them with ``_core.run_batch_outcomes`` (the GIL released; a failed run is
reported from its own outcome, never run again) and returns mergeable partial
statistics, which are merged in block order. Row i of the design and the block boundaries do
not depend on where a block runs, so the statistics are identical on one thread, several
threads, a process pool or a Dask cluster.
"""
from __future__ import annotations

import concurrent.futures as cf
import math
import numbers
import os
from dataclasses import dataclass
from typing import Callable, Mapping, Optional, Sequence

import numpy as np
import pandas as pd

from . import _core
from .analysis import (
    DISTRIBUTION_FACTORIES,
    SAMPLER_NAMES,
    Distribution,
    ProbabilityCounter,
    Sampler,
    StreamingStats,
    Tally,
)
from .batch import _describe, _run_all
from .lever_address import LeverAddress, LeverPlan, parse_address
from .results import INDICATOR_NAMES
from .scenario import Scenario

__all__ = [
    "ensemble",
    "EnsembleResult",
    "EnsembleStats",
    "LeverAddress",
    "SampleFailure",
    "parse_address",
    "distribution_from_spec",
    "SAMPLERS",
    "DEFAULT_PERCENTILES",
]

SAMPLERS = tuple(SAMPLER_NAMES)  # defined in C++ (peakpath::analysis::SAMPLER_NAMES)
DEFAULT_PERCENTILES = (5.0, 25.0, 50.0, 75.0, 95.0)
DEFAULT_BLOCK_SIZE = 256
_WHERE = "ensemble: uncertain address"  # how errors name an address


def distribution_from_spec(spec: Mapping, where: str = "distribution") -> Distribution:
    """A Distribution from ``{"distribution": name, <parameters>}`` (YAML specs).

    Names and parameters: uniform (low, high), triangular (low, mode, high), normal (mean, sd),
    lognormal (mean, sd of the variable), lognormal_log (mu, sigma), discrete (values, weights).
    """
    if not isinstance(spec, Mapping) or "distribution" not in spec:
        raise ValueError(
            f"{where}: {spec!r}: expected a mapping with 'distribution' and its " f"parameters"
        )
    name = spec["distribution"]
    if name not in DISTRIBUTION_FACTORIES:
        raise ValueError(
            f"{where}: distribution = {name!r}: must be one of "
            f"{', '.join(DISTRIBUTION_FACTORIES)}"
        )
    factory, parameters = getattr(_core.analysis, name), DISTRIBUTION_FACTORIES[name]
    given = {k: v for k, v in spec.items() if k not in ("distribution", "note", "source")}
    if set(given) != set(parameters):
        raise ValueError(
            f"{where}: {name} needs parameters {', '.join(parameters)}; "
            f"got {', '.join(map(str, given)) or 'none'}"
        )
    try:
        return factory(**given)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{where}: {error}") from None


# --- partial statistics -----------------------------------------------------------------------


@dataclass(frozen=True)
class SampleFailure:
    """A sample whose run failed: its index in the design, its input values and the error."""

    index: int
    values: dict
    message: str


class EnsembleStats:
    """Mergeable, picklable statistics of some samples (one block, or everything merged).

    ``values[i][t]``: StreamingStats of indicator i in year t; ``peak_year`` / ``peak_value`` /
    ``peaked`` per peak indicator; ``targets`` a ProbabilityCounter per target id.
    """

    def __init__(
        self,
        n_indicators: int,
        n_years: int,
        peak_indicators: Sequence[str],
        relative_accuracy: float,
    ):
        self.completed = 0
        self.values = [
            [StreamingStats(relative_accuracy) for _ in range(n_years)] for _ in range(n_indicators)
        ]
        self.peak_year = {name: Tally() for name in peak_indicators}
        self.peak_value = {name: StreamingStats(relative_accuracy) for name in peak_indicators}
        self.peaked = {name: ProbabilityCounter() for name in peak_indicators}
        self.targets: dict = {}
        self.failures: list = []
        self.kept: list = []  # (first sample index, array samples x years x indicators)

    def merge(self, other: "EnsembleStats") -> None:
        """Adds ``other``'s samples (merge blocks in block order for bit-identical moments)."""
        self.completed += other.completed
        for mine, theirs in zip(self.values, other.values):
            for a, b in zip(mine, theirs):
                a.merge(b)
        for name in self.peak_year:
            self.peak_year[name].merge(other.peak_year[name])
            self.peak_value[name].merge(other.peak_value[name])
            self.peaked[name].merge(other.peaked[name])
        for target_id, counter in other.targets.items():
            self.targets.setdefault(target_id, ProbabilityCounter()).merge(counter)
        self.failures.extend(other.failures)
        self.kept.extend(other.kept)


# --- one block, on a worker -------------------------------------------------------------------


@dataclass(frozen=True)
class _Block:
    scenario: Scenario
    lever_plan: LeverPlan
    addresses: tuple
    first: int
    inputs: np.ndarray  # samples x dimensions
    threads: int
    indicators: tuple  # column indices into INDICATOR_NAMES
    peak_indicators: tuple
    tolerance: float
    targets_file: Optional[str]
    keep: bool
    relative_accuracy: float


_TARGET_SETS: dict = {}


def _target_set(file: str):
    # Loaded once per worker process: target sets do not pickle, their file names do.
    if file not in _TARGET_SETS:
        _TARGET_SETS[file] = _core.targets.TargetSet.load(file)
    return _TARGET_SETS[file]


def _run_block(block: _Block) -> EnsembleStats:
    """Runs one block of samples and returns its statistics (executes on the worker)."""
    columns = [INDICATOR_NAMES[i] for i in block.indicators]
    scenario_core = block.scenario._core
    years = np.arange(block.scenario.base_year, block.scenario.horizon + 1, dtype=float)
    stats = EnsembleStats(
        len(block.indicators), len(years), block.peak_indicators, block.relative_accuracy
    )
    targets = _target_set(block.targets_file) if block.targets_file else None

    def fail(j: int, message: str) -> None:
        stats.failures.append(
            SampleFailure(
                block.first + j,
                {a: float(x) for a, x in zip(block.addresses, block.inputs[j])},
                message,
            )
        )

    cores, rows = [], []
    for j, row in enumerate(block.inputs):
        try:
            cores.append(scenario_core.with_levers(block.lever_plan.levers(row)))
            rows.append(j)
        except (ValueError, RuntimeError) as error:
            fail(j, _describe(error))
    outcomes = _run_all(cores, block.threads) if cores else []

    kept = np.full((len(block.inputs), len(years), len(columns)), np.nan) if block.keep else None
    good, good_rows = [], []
    for j, result in zip(rows, outcomes):
        if isinstance(result, BaseException):
            fail(j, _describe(result))
            continue
        values = np.asarray(result.indicator_values)[:, block.indicators]
        bad = np.argwhere(~np.isfinite(values))
        if bad.size:
            t, i = bad[0]
            fail(j, f"non-finite {columns[i]} in {int(years[t])}")
            continue
        good.append(values)
        good_rows.append(j)
        for name in block.peak_indicators:
            p = _core.targets.peak(years, values[:, columns.index(name)], block.tolerance)
            stats.peak_year[name].add(int(p.year))
            stats.peak_value[name].add(p.value)
            stats.peaked[name].add(p.status == "peaked")
        if targets is not None:
            for outcome in _core.targets.check_targets(result, targets).outcomes:
                stats.targets.setdefault(outcome.id, ProbabilityCounter()).add(outcome.passed)
    if good:
        cube = np.stack(good)  # samples x years x indicators
        for i, by_year in enumerate(stats.values):
            for t, s in enumerate(by_year):
                s.add_many(np.ascontiguousarray(cube[:, t, i]))
        if kept is not None:
            kept[good_rows] = cube
    stats.completed = len(good)
    if kept is not None:
        stats.kept.append((block.first, kept))
    return stats


# --- the result -------------------------------------------------------------------------------


def _label(q: float) -> str:
    return f"p{q:g}"


class EnsembleResult:
    """Statistics of an ensemble run by :func:`ensemble`.

    ``completed`` samples ran; ``failures`` lists the others (index, input values, error).
    Percentiles follow numpy's default definition within the StreamingStats relative accuracy.
    """

    def __init__(
        self,
        stats: EnsembleStats,
        *,
        scenario: str,
        n: int,
        sampler: str,
        seed: int,
        block_size: int,
        uncertain: dict,
        years: np.ndarray,
        indicators: list,
        targets: Optional[str],
        relative_accuracy: float,
    ):
        self._stats = stats
        self.scenario = scenario
        self.n = n
        self.sampler = sampler
        self.seed = seed
        self.block_size = block_size
        self.uncertain = dict(uncertain)
        self.years = years
        self.indicators = list(indicators)
        self.targets = targets
        self.relative_accuracy = relative_accuracy

    completed = property(lambda self: self._stats.completed)
    failures = property(lambda self: list(self._stats.failures))

    def stats(self, indicator: str, year: int) -> StreamingStats:
        """The StreamingStats of ``indicator`` in ``year``."""
        return self._stats.values[self._indicator(indicator)][self._year(year)]

    def percentiles(
        self, indicator: Optional[str] = None, q: Sequence[float] = DEFAULT_PERCENTILES
    ) -> pd.DataFrame:
        """count, mean, sd, min, percentiles ``q`` (in %, columns ``p5``...) and max by year.

        One indicator: indexed by year. None: every indicator, a long table with an
        ``indicator`` column (the CSV the CLI writes).
        """
        if indicator is None:
            frames = [self.percentiles(name, q).reset_index() for name in self.indicators]
            for name, frame in zip(self.indicators, frames):
                frame.insert(0, "indicator", name)
            return pd.concat(frames, ignore_index=True)
        q = [float(x) for x in q]
        for x in q:
            if not 0.0 <= x <= 100.0:
                raise ValueError(f"percentiles: q = {x}: must lie in [0, 100]")
        rows = []
        for s in self._stats.values[self._indicator(indicator)]:
            empty = s.count == 0
            rows.append(
                [s.count]
                + (
                    [math.nan] * (4 + len(q))
                    if empty
                    else [s.mean(), s.sd(), s.min()]
                    + list(np.atleast_1d(s.quantile(np.array(q) / 100.0)))
                    + [s.max()]
                )
            )
        return pd.DataFrame(
            rows,
            index=pd.Index(self.years, name="year"),
            columns=["count", "mean", "sd", "min"] + [_label(x) for x in q] + ["max"],
        )

    def peak_years(self, indicator: str = "co2_total_mt") -> pd.Series:
        """Share of completed samples whose ``indicator`` peaks in each year."""
        counts = self._stats.peak_year[self._peak(indicator)].counts
        total = max(self.completed, 1)
        return pd.Series(
            {year: c / total for year, c in sorted(counts.items())}, name="probability", dtype=float
        ).rename_axis("peak_year")

    def peak_value(self, indicator: str = "co2_total_mt") -> StreamingStats:
        """StreamingStats of the peak value of ``indicator``."""
        return self._stats.peak_value[self._peak(indicator)]

    def peak_summary(self, q: Sequence[float] = DEFAULT_PERCENTILES) -> pd.DataFrame:
        """Per peak indicator: probability of a peak before the horizon, the most likely peak
        year and its probability, and the peak value's mean, sd and percentiles."""
        rows = {}
        for name in self._stats.peak_year:
            years = self.peak_years(name)
            value = self._stats.peak_value[name]
            row = {
                "probability_peaked": self._stats.peaked[name].probability()
                if self.completed
                else math.nan,
                "mode_year": int(years.idxmax()) if len(years) else None,
                "mode_year_probability": float(years.max()) if len(years) else math.nan,
                "value_mean": value.mean() if value.count else math.nan,
                "value_sd": value.sd() if value.count else math.nan,
            }
            for x in q:
                row[f"value_{_label(x)}"] = (
                    float(value.quantile(x / 100.0)) if value.count else math.nan
                )
            rows[name] = row
        return pd.DataFrame.from_dict(rows, orient="index").rename_axis("indicator")

    def target_probabilities(self) -> pd.Series:
        """Probability of meeting each target (by target id; empty without targets)."""
        return pd.Series(
            {k: c.probability() for k, c in self._stats.targets.items()},
            name="probability",
            dtype=float,
        ).rename_axis("target")

    @property
    def trajectories(self) -> Optional[np.ndarray]:
        """samples x years x indicators (NaN for failed samples) when run with keep=True."""
        if not self._stats.kept:
            return None
        return np.concatenate([a for _, a in sorted(self._stats.kept, key=lambda p: p[0])])

    def samples(self) -> pd.DataFrame:
        """The input values of every sample (regenerated from the design), one column per
        address."""
        names = list(self.uncertain)
        values = Sampler(self.sampler, self.n, len(names), self.seed).sample(
            list(self.uncertain.values())
        )
        return pd.DataFrame(values, columns=names).rename_axis("sample")

    def failures_frame(self) -> pd.DataFrame:
        """The failures as a table: sample, the input values, message."""
        return pd.DataFrame(
            [{"sample": f.index, **f.values, "message": f.message} for f in self._stats.failures],
            columns=["sample", *self.uncertain, "message"],
        )

    def summary(
        self, indicator: str = "co2_total_mt", years: Sequence[int] = (2025, 2030, 2035, 2060)
    ) -> str:
        """A few lines for a terminal: runs, percentiles in some years, peak, targets."""
        lines = [
            f"ensemble of {self.scenario}: {self.n} samples ({self.sampler}, seed "
            f"{self.seed}), {self.completed} completed, {len(self._stats.failures)} failed"
        ]
        if indicator in self.indicators and self.completed:
            table = self.percentiles(indicator, (5, 50, 95))
            lines.append(f"  {indicator}: {'year':>6} {'p5':>10} {'p50':>10} {'p95':>10}")
            for year in years:
                if year in table.index:
                    r = table.loc[year]
                    lines.append(
                        f"  {'':{len(indicator)}}  {year:>6} {r.p5:>10.4g} "
                        f"{r.p50:>10.4g} {r.p95:>10.4g}"
                    )
        if self.completed:
            for name, row in self.peak_summary((5, 50, 95)).iterrows():
                lines.append(
                    f"  peak of {name}: P(peaked before the horizon) = "
                    f"{row.probability_peaked:.1%}; most likely {int(row.mode_year)} "
                    f"({row.mode_year_probability:.1%}); value p5/p50/p95 = "
                    f"{row.value_p5:.4g} / {row.value_p50:.4g} / {row.value_p95:.4g}"
                )
        for target_id, p in self.target_probabilities().items():
            lines.append(f"  P({target_id} met) = {p:.1%}")
        for f in self._stats.failures[:5]:
            lines.append(f"  sample {f.index} failed: {f.message}")
        return "\n".join(lines)

    def _indicator(self, name: str) -> int:
        if name not in self.indicators:
            raise ValueError(
                f"unknown indicator {name!r} (in this ensemble: " f"{', '.join(self.indicators)})"
            )
        return self.indicators.index(name)

    def _year(self, year: int) -> int:
        where = np.flatnonzero(self.years == year)
        if where.size == 0:
            raise ValueError(f"year {year} outside {self.years[0]}-{self.years[-1]}")
        return int(where[0])

    def _peak(self, name: str) -> str:
        if name not in self._stats.peak_year:
            raise ValueError(
                f"no peak statistics for {name!r} (peak_indicators: "
                f"{', '.join(self._stats.peak_year)})"
            )
        return name

    def __repr__(self) -> str:
        return (
            f"EnsembleResult({self.scenario!r}, n={self.n}, completed={self.completed}, "
            f"failures={len(self._stats.failures)})"
        )


# --- the driver -------------------------------------------------------------------------------


def _positive_int(name: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value <= 0:
        raise ValueError(f"ensemble: {name} = {value!r}: must be a positive integer")
    return int(value)


def _targets_file(targets) -> Optional[str]:
    if targets is None:
        return None
    if isinstance(targets, (str, os.PathLike)):
        return _core.targets.TargetSet.load(os.fspath(targets)).file
    file = getattr(targets, "file", None)
    if not isinstance(file, str) or not file:
        raise ValueError(
            f"ensemble: targets = {targets!r}: expected a Targets, a target-set "
            f"name or a YAML path"
        )
    return file


def _blocks(n: int, block_size: int):
    return [(first, min(block_size, n - first)) for first in range(0, n, block_size)]


# long: the public entry point; its signature and docstring are half of it.
def ensemble(
    scenario,
    uncertain: Mapping[str, Distribution],
    n: int,
    sampler: str = "lhs",
    seed: int = 0,
    executor: Optional[cf.Executor] = None,
    targets=None,
    keep: bool = False,
    block_size: int = DEFAULT_BLOCK_SIZE,
    threads: Optional[int] = None,
    indicators: Optional[Sequence[str]] = None,
    peak_indicators: Sequence[str] = ("co2_total_mt",),
    tolerance: float = 0.01,
    relative_accuracy: float = 1e-3,
    max_pending: Optional[int] = None,
    progress: Optional[Callable[[int, int], None]] = None,
) -> EnsembleResult:
    """Run ``n`` samples of ``scenario`` with the levers in ``uncertain`` drawn from their
    distributions and return streamed statistics.

    ``uncertain``: address -> Distribution (addresses: :func:`parse_address`). ``sampler``:
    ``"lhs"``, ``"random"`` or ``"sobol"`` (n a power of two). ``executor``: None runs blocks
    here on ``threads`` C++ threads (default: the number of CPUs); any
    ``concurrent.futures.Executor`` (threads, processes, Dask ``Client.get_executor()``) runs
    one block per task on ``threads`` threads (default 1). The statistics depend on ``seed``,
    ``n``, ``sampler`` and ``block_size``, never on the executor or thread count.
    ``targets``: a Targets, a target-set name or YAML path (probability of meeting each).
    ``keep``: also keep every trajectory (``EnsembleResult.trajectories``). ``progress``:
    called with (samples done, n) after each block. Samples that fail are listed in
    ``failures``; the statistics cover the others.
    """
    n = _positive_int("n", n)
    block_size = _positive_int("block_size", block_size)
    _check_choices(sampler, seed, executor)
    threads = _positive_int(
        "threads",
        threads if threads is not None else (os.cpu_count() or 1) if executor is None else 1,
    )
    scenario = _scenario_of(scenario)
    addresses = _addresses_of(uncertain)
    indicators = _indicators_of(indicators, peak_indicators)
    lever_plan = LeverPlan(scenario, addresses, _WHERE)
    targets_file = _targets_file(targets)
    design = Sampler(sampler, n, len(addresses), int(seed))
    distributions = list(uncertain.values())
    years = np.arange(scenario.base_year, scenario.horizon + 1)

    def block(first: int, count: int) -> _Block:
        return _Block(
            scenario,
            lever_plan,
            tuple(uncertain),
            first,
            np.asarray(design.sample(distributions, first, count)),
            threads,
            tuple(INDICATOR_NAMES.index(i) for i in indicators),
            tuple(peak_indicators),
            float(tolerance),
            targets_file,
            bool(keep),
            float(relative_accuracy),
        )

    total = EnsembleStats(len(indicators), len(years), peak_indicators, relative_accuracy)
    done = 0

    def absorb(part: EnsembleStats, count: int) -> None:
        nonlocal done
        total.merge(part)
        done += count
        if progress is not None:
            progress(done, n)

    plan = _blocks(n, block_size)
    if executor is None:
        for first, count in plan:
            absorb(_run_block(block(first, count)), count)
    else:
        _drive(
            executor,
            plan,
            block,
            absorb,
            max_pending or 2 * (getattr(executor, "_max_workers", None) or 4),
        )
    return EnsembleResult(
        total,
        scenario=scenario.name,
        n=n,
        sampler=sampler,
        seed=int(seed),
        block_size=block_size,
        uncertain=uncertain,
        years=years,
        indicators=indicators,
        targets=targets_file,
        relative_accuracy=relative_accuracy,
    )


def _check_choices(sampler, seed, executor) -> None:
    """Refuses an unknown sampler, a seed that is not a non-negative integer, or an executor
    that is not a concurrent.futures.Executor."""
    if sampler not in SAMPLERS:
        raise ValueError(f"ensemble: sampler = {sampler!r}: must be one of {', '.join(SAMPLERS)}")
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise ValueError(f"ensemble: seed = {seed!r}: must be a non-negative integer")
    if executor is not None and not isinstance(executor, cf.Executor):
        raise ValueError(
            f"ensemble: executor = {executor!r}: must be None or a " f"concurrent.futures.Executor"
        )


def _scenario_of(scenario) -> Scenario:
    """A Scenario, or the shipped scenario of that name."""
    if isinstance(scenario, str):
        scenario = Scenario.load(scenario)
    if not isinstance(scenario, Scenario):
        raise ValueError(f"ensemble: scenario = {scenario!r}: expected a Scenario or a name")
    return scenario


def _addresses_of(uncertain) -> list:
    """The parsed lever addresses of ``uncertain`` (address -> Distribution), checked."""
    if not isinstance(uncertain, Mapping) or not uncertain:
        raise ValueError(
            f"ensemble: uncertain = {uncertain!r}: expected a non-empty mapping "
            f"address -> Distribution"
        )
    for text, dist in uncertain.items():
        if not isinstance(dist, Distribution):
            raise ValueError(
                f"ensemble: uncertain[{text!r}] = {dist!r}: expected a "
                f"Distribution (peakpath.analysis.uniform, triangular, ...)"
            )
    return [parse_address(text, _WHERE) for text in uncertain]


def _indicators_of(indicators, peak_indicators) -> list:
    """The indicators to summarise (default all), with the peak indicators added, checked."""
    indicators = list(INDICATOR_NAMES if indicators is None else indicators)
    for name in list(indicators) + list(peak_indicators):
        if name not in INDICATOR_NAMES:
            raise ValueError(
                f"ensemble: unknown indicator {name!r} (known: " f"{', '.join(INDICATOR_NAMES)})"
            )
    for name in peak_indicators:
        if name not in indicators:
            indicators.append(name)
    return indicators


def _lost_block(b: _Block, error: BaseException) -> EnsembleStats:
    """Statistics of a block whose task failed as a whole (worker lost, pickling error)."""
    stats = EnsembleStats(
        len(b.indicators),
        b.scenario.horizon - b.scenario.base_year + 1,
        b.peak_indicators,
        b.relative_accuracy,
    )
    message = (
        f"block of samples {b.first}-{b.first + len(b.inputs) - 1} failed: " f"{_describe(error)}"
    )
    stats.failures = [
        SampleFailure(b.first + j, {a: float(x) for a, x in zip(b.addresses, row)}, message)
        for j, row in enumerate(b.inputs)
    ]
    return stats


def _drive(executor, plan, make_block, absorb, max_pending: int) -> None:
    """Submits blocks with at most ``max_pending`` in flight; merges results in block order."""
    pending: dict = {}
    finished: dict = {}
    blocks: dict = {}
    next_submit = next_merge = 0
    try:
        while next_merge < len(plan):
            while next_submit < len(plan) and len(pending) < max_pending:
                b = blocks[next_submit] = make_block(*plan[next_submit])
                try:
                    pending[executor.submit(_run_block, b)] = next_submit
                except Exception as error:  # noqa: BLE001 - e.g. a broken pool
                    finished[next_submit] = _lost_block(b, error)
                next_submit += 1
            if pending:
                done, _ = cf.wait(list(pending), return_when=cf.FIRST_COMPLETED)
                for future in done:
                    index = pending.pop(future)
                    try:
                        finished[index] = future.result()
                    except Exception as error:  # noqa: BLE001 - keep the other blocks
                        finished[index] = _lost_block(blocks[index], error)
            while next_merge in finished:
                absorb(finished.pop(next_merge), plan[next_merge][1])
                del blocks[next_merge]
                next_merge += 1
    finally:
        for future in pending:
            future.cancel()
