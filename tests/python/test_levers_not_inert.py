"""No inert levers (issue 12 item 4): every lever of LEVER_VARIABLES, perturbed on a key the
dataset or the baseline has (or, for levers with no default, on a key they are meant for),
changes at least one indicator."""
import numpy as np
import pytest

import peakpath as pp

DATA = pp.load_dataset("shandong")
EQUIPMENT = float(DATA.base_activity[list(DATA.sector_ids).index("equipment_manufacturing")])
# Levers without a default in the dataset or the baseline: (companions, lever, key, value).
# Companions are levers that must be set together with the one perturbed (docs/levers.md).
NO_DEFAULT = {
    "population_growth": ({}, "total", 0.01),
    "import_share": ({}, "total", 0.3),
    # from a projection year: the base year and the observed history keep their values
    "grid_loss_share": ({}, "total", {2030: 0.08}),
    "ccus_capture_mt": ({}, "power_heat", {2030: 10.0}),
    "process_intensity": ({}, "nonmetal_minerals", {2030: 0.8}),
    "phase_out_rate": ({}, "power_heat/below_baseline", {2025: 0.0, 2026: 0.1}),
    "fuel_share": ({}, "services/natural_gas", {2030: 0.3}),
    "replacement_ratio": ({}, "ferrous_metals", 1.5),
    # The dataset's first keys act before 2025 only (the retrofits of 2021-2025) or in the base
    # year only (power_heat's utilisation sizes the base fleet): perturbed where they act later.
    "retrofit_rate": ({}, "ferrous_metals/below_baseline/benchmark", {2026: 0.1}),
    "utilisation": ({}, "ferrous_metals", {2030: 0.7}),
    "removal_efficiency": ({}, "power_heat/so2", {2030: 0.5}),
    "logistic_saturation": (
        {
            "logistic_rate": {"equipment_manufacturing": 0.1},
            "logistic_saturation": {"equipment_manufacturing": 3 * EQUIPMENT},
        },
        "equipment_manufacturing",
        4 * EQUIPMENT,
    ),
    "logistic_rate": (
        {
            "logistic_rate": {"equipment_manufacturing": 0.1},
            "logistic_saturation": {"equipment_manufacturing": 3 * EQUIPMENT},
        },
        "equipment_manufacturing",
        0.15,
    ),
    "bass_market": (
        {
            "bass_market": {"equipment_manufacturing": 2 * EQUIPMENT},
            "bass_p": {"equipment_manufacturing": 0.01},
            "bass_q": {"equipment_manufacturing": 0.3},
        },
        "equipment_manufacturing",
        3 * EQUIPMENT,
    ),
    "bass_p": (
        {
            "bass_market": {"equipment_manufacturing": 2 * EQUIPMENT},
            "bass_p": {"equipment_manufacturing": 0.01},
            "bass_q": {"equipment_manufacturing": 0.3},
        },
        "equipment_manufacturing",
        0.03,
    ),
    "bass_q": (
        {
            "bass_market": {"equipment_manufacturing": 2 * EQUIPMENT},
            "bass_p": {"equipment_manufacturing": 0.01},
            "bass_q": {"equipment_manufacturing": 0.3},
        },
        "equipment_manufacturing",
        0.5,
    ),
}
_LOGISTIC_BUILD = {
    "new_build_logistic_rate": {"ferrous_metals/scrap_eaf": 0.3, "ferrous_metals/benchmark": -0.3},
    "new_build_logistic_midpoint": {
        "ferrous_metals/scrap_eaf": 2030,
        "ferrous_metals/benchmark": 2030,
    },
}
_BASS_BUILD = {
    "new_build_bass_p": {"ferrous_metals/scrap_eaf": 0.01},
    "new_build_bass_q": {"ferrous_metals/scrap_eaf": 0.3},
    "new_build_bass_launch": {"ferrous_metals/scrap_eaf": 2022},
}
NO_DEFAULT.update(
    {
        "new_build_logistic_rate": (_LOGISTIC_BUILD, "ferrous_metals/scrap_eaf", 0.5),
        "new_build_logistic_midpoint": (_LOGISTIC_BUILD, "ferrous_metals/scrap_eaf", 2040),
        "new_build_bass_p": (_BASS_BUILD, "ferrous_metals/scrap_eaf", 0.05),
        "new_build_bass_q": (_BASS_BUILD, "ferrous_metals/scrap_eaf", 0.6),
        "new_build_bass_launch": (_BASS_BUILD, "ferrous_metals/scrap_eaf", 2030),
    }
)


def _indicators(scenario):
    return pp.run(scenario).indicators().to_numpy()


def _perturbed(years, values):
    """The 2030 point moved down by a fifth (or to 0.05 from 0): a projection year, so the base
    year and the observed history keep their values."""
    v = float(np.interp(2030, years, values)) if len(years) > 1 else float(values[0])
    return {2030: v * 0.8 if v != 0 else 0.05}


# Levers the shipped dataset makes inert, with why; the test fails if one starts acting.
INERT_IN_DATASET = {
    "population_growth": "both household sectors have their own activity_growth paths (urban "
    "and rural persons from population and urbanisation, paths.csv), which override it; it "
    "drives households only in a dataset without those paths",
}


def _lever_param(lever):
    if lever in INERT_IN_DATASET:
        return pytest.param(
            lever, marks=pytest.mark.xfail(reason=INERT_IN_DATASET[lever], strict=True)
        )
    return lever


@pytest.mark.parametrize("lever", [_lever_param(v) for v in pp._core.LEVER_VARIABLES])
def test_lever_changes_an_indicator(lever):
    base = pp.Scenario.load("shandong/baseline")
    paths = base._core.effective_paths
    if lever in NO_DEFAULT:
        companions, key, value = NO_DEFAULT[lever]
        base = base.with_levers(companions) if companions else base
        changed = base.with_levers({lever: {key: value}})
    else:
        assert lever in paths, f"{lever}: no default path and no perturbation in NO_DEFAULT"
        key, (years, values) = next(
            (k, p) for k, p in paths[lever].items() if lever != "gdp_growth" or k == "total"
        )
        changed = base.with_levers({lever: {key: _perturbed(years, values)}})
    before, after = _indicators(base), _indicators(changed)
    assert (
        np.max(np.abs(after - before) / (np.abs(before) + 1e-12)) > 1e-6
    ), f"{lever} (key {key}) changes no indicator"
