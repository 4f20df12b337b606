"""Running scenarios and the fuel catalogue."""
from __future__ import annotations

import pandas as pd

from . import _core
from .results import Results
from .scenario import Scenario

__all__ = ["run", "default_run_solver_options", "fuel_catalogue", "load_dataset"]

_FUEL_COLUMNS = (
    "name",
    "name_zh",
    "unit",
    "state",
    "ncv_gj_per_unit",
    "tce_per_unit",
    "fossil",
    "coal",
    "co2_kg_per_tj",
    "oxidation",
    "so2_kg_per_tce",
    "nox_kg_per_tce",
    "pm_kg_per_tce",
)


def default_run_solver_options() -> dict:
    """The tolerances and step limits :func:`run` uses for the capital-stock integration unless
    told otherwise: ``rel_tolerance``, ``abs_tolerance``, ``max_step`` (years) and
    ``max_steps``. They come from C++ (``peakpath::default_run_solver_options``)."""
    options = _core.default_run_solver_options()
    return {
        name: getattr(options, name)
        for name in ("rel_tolerance", "abs_tolerance", "max_step", "max_steps")
    }


def run(
    scenario: Scenario | str,
    *,
    rel_tolerance: float | None = None,
    abs_tolerance: float | None = None,
) -> Results:
    """Run a scenario (a :class:`Scenario` or a shipped name/YAML path); returns :class:`Results`.

    The capital-stock integration uses the tolerances of :func:`default_run_solver_options`
    for any of ``rel_tolerance`` / ``abs_tolerance`` not given (docs/dynamics.md).
    """
    if isinstance(scenario, str):
        scenario = Scenario.load(scenario)
    if not isinstance(scenario, Scenario):
        raise TypeError(
            f"run: expected a Scenario or a scenario name, got {type(scenario).__name__}"
        )
    core = _core.run(scenario._core, rel_tolerance=rel_tolerance, abs_tolerance=abs_tolerance)
    return Results(core, scenario.description)


def fuel_catalogue(factor_set: str = "ipcc2006") -> pd.DataFrame:
    """The fuel catalogue with the factors of ``factor_set`` ("ipcc2006" or "china").

    Indexed by fuel id; ``co2_t_per_tce`` is net of oxidation.
    """
    fuels = _core.fuel_catalogue(factor_set)
    frame = pd.DataFrame(
        {c: [getattr(f, c) for f in fuels] for c in _FUEL_COLUMNS},
        index=pd.Index([f.id for f in fuels], name="fuel"),
    )
    frame["co2_t_per_tce"] = [f.co2_t_per_tce() for f in fuels]
    return frame


def load_dataset(name_or_directory: str):
    """Load and validate a dataset (shipped name such as "shandong", or a directory)."""
    return _core.load_dataset(str(name_or_directory))
