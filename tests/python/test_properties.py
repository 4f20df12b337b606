"""Property-based tests (issue 13, item 10): the public Python entry points driven by generated
inputs — lever overlays on scenarios, scenario and target files, register rows — end in a clear
``ValueError`` (``DataError`` is one) naming what is wrong, or in a finite result; never a
crash, a hang, a NaN, or a change to saved data.

Fixed seed and a bounded number of examples in the test command (profile ``peakpath``, ~25-40
examples a test); ``HYPOTHESIS_PROFILE=long`` runs many more with fresh randomness
(docs/testing.md).
"""
import csv
import hashlib
import math
import os
import tempfile

import numpy as np
import pandas as pd
import pytest
import yaml

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import peakpath as pp  # noqa: E402

# No example database: nothing is written into the source tree, and a run depends on the
# seed alone.
settings.register_profile(
    "peakpath",
    max_examples=30,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile(
    "long",
    max_examples=1000,
    derandomize=False,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "peakpath"))

BASE = pp.Scenario.load("shandong/baseline")
SECTORS = list(pp.load_dataset("shandong").sector_ids)

# Levers a user moves, with the keys they take (a sector, a technology or "total").
LEVERS = [
    ("capacity_gw", "solar"),
    ("capacity_gw", "wind"),
    ("capacity_gw", "coal"),
    ("capacity_factor", "solar"),
    ("gdp_growth", "total"),
    ("import_share", "total"),
    ("import_twh", "total"),
    ("grid_loss_share", "total"),
    ("coal_heat_rate_gce_per_kwh", "total"),
    ("ccus_capture_mt", "power_heat"),
    ("intensity_change", "ferrous_metals"),
    ("activity_growth", "non_metallic_minerals"),
    ("utilisation", "ferrous_metals"),
    ("process_intensity", "non_metallic_minerals"),
    ("population_growth", "total"),
    ("activity_elasticity", "transport"),
]

# Values at the edges: NaN, infinities, huge, tiny, negative, zero.
EDGE_VALUES = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -0.0, -1.0, -10.0, 1.0, 0.5, 1e-300, 1e16, 1e308, -1e308]),
    st.floats(min_value=-2.0, max_value=2.0),
    st.floats(min_value=0.0, max_value=500.0),
)
YEARS = st.one_of(
    st.integers(min_value=2015, max_value=2070), st.sampled_from([2020, 2021, 2030, 2060])
)


def _finite_results(results) -> None:
    table = results.indicators()
    values = table.to_numpy(dtype=float)
    bad = ~np.isfinite(values)
    assert not bad.any(), (
        f"non-finite indicators: {sorted(set(table.columns[np.nonzero(bad)[1]]))} in "
        f"{sorted(set(int(y) for y in table.index[np.nonzero(bad)[0]]))}"
    )


def _clear(error: Exception, *names: str) -> None:
    """A clear error: one of ``names`` is in the message and no 'nan' stands in for a value."""
    message = str(error)
    assert message, "empty message"
    assert any(name in message for name in names), f"{names} not named in: {message}"


@PROFILE
@given(
    points=st.lists(st.tuples(st.sampled_from(LEVERS), YEARS, EDGE_VALUES), min_size=1, max_size=3)
)
def test_lever_overlays_end_in_a_clear_error_or_a_finite_run(points):
    levers = {}
    for (variable, key), year, value in points:
        levers.setdefault(variable, {}).setdefault(key, {})[year] = value
    try:
        scenario = BASE.with_levers(levers)
        results = pp.run(scenario)
    except ValueError as error:
        _clear(error, *levers)
        return
    _finite_results(results)


@PROFILE
@given(value=EDGE_VALUES, constant=st.sampled_from(LEVERS))
def test_constant_levers_end_in_a_clear_error_or_a_finite_run(value, constant):
    variable, key = constant
    try:
        results = pp.run(BASE.with_levers({variable: {key: value}}))
    except ValueError as error:
        _clear(error, variable)
        return
    _finite_results(results)


TARGET_TYPES = [
    "cap",
    "share_at_least",
    "intensity_reduction",
    "peak_by",
    "stable_decline",
    "capp",
    "",
]
INDICATORS = list(pp.INDICATOR_NAMES) + ["co2_totl_mt", ""]
YAML_SCALARS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**6), max_value=10**6),
    YEARS,
    st.text(max_size=8),
    st.none(),
    st.booleans(),
)


@st.composite
def target_entries(draw):
    kind = draw(st.sampled_from(TARGET_TYPES))
    entry = {
        "id": draw(st.text(min_size=1, max_size=6)),
        "type": kind,
        "indicator": draw(st.sampled_from(INDICATORS)),
    }
    for key in draw(
        st.lists(
            st.sampled_from(
                [
                    "year",
                    "base_year",
                    "reduction",
                    "share",
                    "cap",
                    "tolerance",
                    "window",
                    "min_decline_rate",
                    "interpolate",
                    "extra",
                ]
            ),
            max_size=5,
        )
    ):
        entry[key] = draw(st.one_of(YAML_SCALARS, st.lists(YAML_SCALARS, max_size=3)))
    return entry


@pytest.fixture(scope="module")
def baseline_run():
    return pp.run(BASE)


@PROFILE
@given(entries=st.lists(target_entries(), min_size=1, max_size=3))
def test_target_files_end_in_a_clear_error_or_finite_margins(entries, baseline_run):
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "targets.yaml")
        with open(path, "w", encoding="utf-8") as handle:
            yaml.safe_dump({"name": "generated", "targets": entries}, handle, allow_unicode=True)
        try:
            targets = pp.Targets.load(path)
        except ValueError as error:
            _clear(error, path)
            return
    for target in targets.targets:
        year = target.year
        assert 1900 <= year <= 2200 and year == int(year)
    report = pp.check_targets(baseline_run, targets).to_frame()
    margins = report["margin"].to_numpy(dtype=float)
    # A target year outside the run has no margin to compute: it is reported, never NaN
    # silently next to a "passed".
    assert np.isfinite(margins).all() or not report.loc[~np.isfinite(margins), "passed"].any()


@PROFILE
@given(duplicate=st.sampled_from(["name", "horizon", "levers", "capacity_gw", "solar"]))
def test_duplicate_yaml_keys_are_errors(duplicate):
    lines = {
        "name": "name: a\nname: b\ndataset: shandong\n",
        "horizon": "name: a\ndataset: shandong\nhorizon: 2040\nhorizon: 2050\n",
        "levers": (
            "name: a\ndataset: shandong\nlevers:\n  gdp_growth: {2030: 0.04}\n"
            "levers:\n  gdp_growth: {2030: 0.05}\n"
        ),
        "capacity_gw": (
            "name: a\ndataset: shandong\nlevers:\n  capacity_gw: {solar: 1}\n"
            "  capacity_gw: {wind: 2}\n"
        ),
        "solar": (
            "name: a\ndataset: shandong\nlevers:\n  capacity_gw:\n"
            "    solar: {2030: 150}\n    solar: {2030: 160}\n"
        ),
    }[duplicate]
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "s.yaml")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(lines)
        with pytest.raises(pp.DataError, match=f"duplicate key '{duplicate}'"):
            pp.Scenario.load(path)


# Register rows: the import format (docs/register.md) with generated cells.
PROJECT_COLUMNS = [
    "id",
    "name",
    "city",
    "project_type",
    "status",
    "capacity",
    "capacity_unit",
    "energy_tce",
    "coal_t",
    "co2_t",
    "so2_t",
    "nox_t",
    "pm_t",
    "unit_energy",
    "commissioned",
    "retired",
    "key_region",
    "note",
]
ODD_TEXT = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "",
            " ",
            "\t",
            "é",
            "\u0000",
            "\n",
            '"',
            "'",
            ",",
            "\ufeff",
            "Jinan",
            "steel",
            "operating",
            "1e308",
            "nan",
            "-1",
            "2028-02-30",
            "2028-13",
            "inf",
            "0x10",
        ]
    ),
)
NUMBER_TEXT = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["", "1e308", "-5", "0", "1", "abc", "1,5"]),
)


@st.composite
def project_rows(draw):
    row = {c: draw(ODD_TEXT) for c in ("id", "name", "city", "note", "capacity_unit")}
    row["project_type"] = draw(
        st.one_of(st.sampled_from(["steel", "cement_clinker", "coal_power"]), ODD_TEXT)
    )
    row["status"] = draw(st.one_of(st.sampled_from(["proposed", "operating", "retired"]), ODD_TEXT))
    for column in (
        "capacity",
        "energy_tce",
        "coal_t",
        "co2_t",
        "so2_t",
        "nox_t",
        "pm_t",
        "unit_energy",
    ):
        row[column] = draw(NUMBER_TEXT)
    row["commissioned"] = draw(
        st.one_of(st.sampled_from(["2020", "2028-02", "2028-02-28"]), ODD_TEXT)
    )
    row["retired"] = draw(st.one_of(st.just(""), ODD_TEXT))
    row["key_region"] = draw(st.sampled_from(["", "0", "1", "2", "yes"]))
    return row


def _digest(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


@pytest.fixture(scope="module")
def register_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("register")


@PROFILE
@given(rows=st.lists(project_rows(), min_size=1, max_size=3))
def test_register_import_is_all_or_nothing_and_leaves_a_readable_register(rows, register_dir):
    with tempfile.TemporaryDirectory(dir=register_dir) as directory:
        db = os.path.join(directory, "reg.db")
        reg = pp.Register(db)
        reg.import_csv(
            os.path.join(
                os.path.dirname(__file__),
                "..",
                "..",
                "data",
                "shandong",
                "register",
                "sample_projects.csv",
            )
        )
        before = reg.projects()
        digest = _digest(db)
        path = os.path.join(directory, "rows.csv")
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, PROJECT_COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        try:
            added = reg.import_csv(path)
        except ValueError as error:
            _clear(error, "rows.csv")
            assert _digest(db) == digest, "a refused import changed the register file"
            added = 0
        after = reg.projects()  # the register stays readable
        assert len(after) == len(before) + added
        pd.testing.assert_frame_equal(after.loc[before.index], before)  # saved rows unchanged
        numbers = after.select_dtypes("number").to_numpy(dtype=float)
        assert not np.isinf(numbers).any(), "an infinite amount was stored"
        reg.export_csv(os.path.join(directory, "out.csv"))
        reg.audit()


@settings(PROFILE, max_examples=min(PROFILE.max_examples, 8))
@given(
    lever=st.sampled_from(["capacity_gw/solar", "capacity_gw/wind", "gdp_growth"]),
    lo=st.one_of(st.floats(min_value=-1e3, max_value=1e3), st.sampled_from([0.0, math.nan])),
    width=st.one_of(st.floats(min_value=-10, max_value=1e3), st.just(math.inf)),
    start_year=st.one_of(st.none(), st.sampled_from([2019, 2020, 2021, 2026, 2061, 2030.5])),
)
def test_goal_seek_ends_in_a_status_or_a_clear_error(lever, lo, width, start_year):
    try:
        found = pp.goal_seek(
            BASE, lever, "non_fossil_2025", (lo, lo + width), tolerance=1.0, start_year=start_year
        )
    except ValueError as error:
        _clear(error, "goal_seek", "start_year", lever.split("/")[0])
        return
    assert found.status in ("met", "not_binding", "infeasible")
    assert math.isfinite(found.value) and math.isfinite(found.margin)
    assert (found.margin >= 0) == (found.status != "infeasible")
    assert found.start_year >= BASE.base_year + 1
    _finite_results(found.results)
