"""Running many scenarios: on C++ threads here, or on any ``concurrent.futures.Executor``
(threads, processes, a Dask cluster) in chunks (docs/ensembles.md)."""
from __future__ import annotations

import concurrent.futures as cf
import os
from typing import Any, Callable, Optional, Sequence

from . import _core
from .results import Results
from .scenario import Scenario

__all__ = ["run_many"]


def _exception(error: _core.RunError) -> BaseException:
    """The Python exception of a failed run: the C++ exception rethrown and translated as if
    ``_core.run`` had raised it (same type and message; nothing runs again)."""
    try:
        error.rethrow()
    except Exception as exception:  # noqa: BLE001 - any translated type is an outcome
        return exception
    raise AssertionError("RunError.rethrow returned")  # pragma: no cover


def _describe(error: BaseException) -> str:
    """How a failed run is named in messages: "<exception type>: <message>"."""
    return f"{type(error).__name__}: {error}"


def _run_all(cores: list, threads: int) -> list:
    """Core results, or the exception, per scenario: the whole batch at once on ``threads``
    C++ threads (the GIL released), each run once."""
    return [
        _exception(o) if isinstance(o, _core.RunError) else o
        for o in _core.run_batch_outcomes(cores, threads)
    ]


def _run_chunk(
    scenarios: Sequence[Scenario], first: int, threads: int, fn: Optional[Callable[[Results], Any]]
) -> list:
    """Runs one chunk (on the worker); raises naming the first failed scenario's index."""
    out = []
    for i, (scenario, result) in enumerate(
        zip(scenarios, _run_all([s._core for s in scenarios], threads))
    ):
        if isinstance(result, BaseException):
            raise RuntimeError(
                f"run_many: scenario {first + i} ({scenario.name!r}) failed: "
                f"{_describe(result)}"
            ) from result
        wrapped = Results(result, scenario.description)
        out.append(wrapped if fn is None else fn(wrapped))
    return out


def run_many(
    scenarios: Sequence[Scenario],
    executor: Optional[cf.Executor] = None,
    threads: Optional[int] = None,
    chunk_size: int = 64,
    fn: Optional[Callable[[Results], Any]] = None,
) -> list:
    """Run ``scenarios``; results in input order.

    ``executor`` None: one C++ batch on ``threads`` threads (default: the number of CPUs).
    An Executor: chunks of ``chunk_size`` scenarios, one task each, on ``threads`` threads
    per task (default 1). ``fn``, when given, maps each Results on the worker (a module-level
    function for process pools) so that only what is needed travels back. Raises RuntimeError
    naming the index of the first scenario that failed.
    """
    scenarios = [Scenario.load(s) if isinstance(s, str) else s for s in scenarios]
    for i, s in enumerate(scenarios):
        if not isinstance(s, Scenario):
            raise ValueError(f"run_many: scenarios[{i}] = {s!r}: expected a Scenario or a name")
    if executor is not None and not isinstance(executor, cf.Executor):
        raise ValueError(
            f"run_many: executor = {executor!r}: must be None or a " f"concurrent.futures.Executor"
        )
    threads = threads if threads is not None else (os.cpu_count() or 1) if executor is None else 1
    for name, value in (("threads", threads), ("chunk_size", chunk_size)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"run_many: {name} = {value!r}: must be a positive integer")
    if executor is None:
        return _run_chunk(scenarios, 0, threads, fn)
    futures = [
        executor.submit(_run_chunk, scenarios[i : i + chunk_size], i, threads, fn)
        for i in range(0, len(scenarios), chunk_size)
    ]
    out: list = []
    try:
        for future in futures:
            out.extend(future.result())
    finally:
        for future in futures:
            future.cancel()
    return out
