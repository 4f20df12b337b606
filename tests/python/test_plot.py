"""The figures of peakpath.plot on real model output: each returns its Figure, draws onto a
given axes, labels its axes with units, refuses unknown names with a suggestion, keeps labels
apart and inside the figure; importing the module leaves the backend alone."""
import os
import re
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

import peakpath as pp  # noqa: E402
import peakpath.plot as ppl  # noqa: E402
from peakpath.analysis import triangular, uniform  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
UNIT = re.compile(r"\(.+\)")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def runs():
    return [
        pp.run(pp.Scenario.load(f"shandong/{name}"))
        for name in ("baseline", "opinions", "accelerated")
    ]


@pytest.fixture(scope="module")
def uncertain():
    return {
        "gdp_growth@2030": triangular(0.035, 0.045, 0.055),
        "import_share@2030": uniform(0.20, 0.30),
    }


@pytest.fixture(scope="module")
def ens(uncertain):
    scenario = pp.Scenario.load("shandong/baseline").with_levers(
        {"import_share": {2020: 0.177, 2025: 0.226}}
    )
    return pp.ensemble(scenario, uncertain, n=32, seed=1, threads=2)


@pytest.fixture(scope="module")
def sobol(uncertain):
    scenario = pp.Scenario.load("shandong/baseline").with_levers(
        {"import_share": {2020: 0.177, 2025: 0.226}}
    )
    return pp.sensitivity(scenario, uncertain, "co2_total_mt", 2030, n=32, n_bootstrap=50)


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    reg = pp.Register(tmp_path_factory.mktemp("reg") / "projects.db")
    sample = os.path.join(ROOT, "data", "shandong", "register")
    reg.import_csv(os.path.join(sample, "sample_projects.csv"))
    reg.import_offsets_csv(os.path.join(sample, "sample_offsets.csv"))
    return reg


@pytest.fixture
def calls(runs, ens, sobol, register):
    """One call per figure function, taking ax= as a keyword."""
    base, opinions, accelerated = runs
    return {
        "trajectories": lambda **kw: ppl.trajectories(runs, targets="shandong", **kw),
        "wedges": lambda **kw: ppl.wedges([opinions, accelerated], base, **kw),
        "fan": lambda **kw: ppl.fan(ens, "co2_total_mt", **kw),
        "peak_years": lambda **kw: ppl.peak_years(ens, **kw),
        "tornado": lambda **kw: ppl.tornado(sobol, **kw),
        "waterfall": lambda **kw: ppl.waterfall(pp.decompose(base, years=(2020, 2035)), **kw),
        "sankey": lambda **kw: ppl.sankey(base, 2030, **kw),
        "generation_mix": lambda **kw: ppl.generation_mix(base, capacity=False, **kw),
        "ledger": lambda **kw: ppl.ledger(register, dimensions=["co2_t"], **kw),
        "emissions_by_sector": lambda **kw: ppl.emissions_by_sector(base, **kw),
    }


FUNCTIONS = [
    "trajectories",
    "wedges",
    "fan",
    "peak_years",
    "tornado",
    "waterfall",
    "sankey",
    "generation_mix",
    "ledger",
    "emissions_by_sector",
]


@pytest.mark.parametrize("name", FUNCTIONS)
def test_returns_a_figure_with_units_on_its_axes(calls, name):
    fig = calls[name]()
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    if name == "sankey":  # no axes drawn: the unit is in the title
        assert "Mtce/yr" in ax.get_title()
        return
    labels = [ax.get_xlabel(), ax.get_ylabel()]
    numeric = (
        ax.get_ylabel()
        if name
        in (
            "trajectories",
            "wedges",
            "fan",
            "waterfall",
            "generation_mix",
            "emissions_by_sector",
            "peak_years",
        )
        else ax.get_xlabel()
    )
    assert UNIT.search(numeric), labels
    title = ax.get_title() or fig._suptitle.get_text()
    assert title and "_" not in title.split(":")[0] and "cO" not in title, title


@pytest.mark.parametrize("name", FUNCTIONS)
def test_draws_onto_a_given_axes(calls, name):
    fig, ax = plt.subplots()
    assert calls[name](ax=ax) is fig
    assert ax.lines or ax.patches or ax.collections
    assert fig.axes == [ax]


def test_unknown_indicator_is_named_with_the_closest(runs, ens):
    base = runs[0]
    for call in (
        lambda: ppl.trajectories(base, indicator="co2_totl_mt"),
        lambda: ppl.wedges([runs[1]], base, indicator="co2_totl_mt"),
        lambda: ppl.fan(ens, "co2_totl_mt"),
        lambda: ppl.peak_years(ens, indicator="co2_totl_mt"),
    ):
        with pytest.raises(
            ValueError, match=r"unknown indicator 'co2_totl_mt'; did you mean " r"'co2_total_mt'"
        ):
            call()


def test_other_bad_input_is_refused(runs, register):
    base = runs[0]
    with pytest.raises(ValueError, match="unknown dimension 'co2'; did you mean 'co2_t'"):
        ppl.ledger(register, dimensions=["co2"])
    with pytest.raises(ValueError, match="only an additive"):
        ppl.waterfall(pp.decompose(base, years=(2020, 2035), kind="multiplicative"))
    with pytest.raises(ValueError, match="year 1990 outside the run"):
        ppl.sankey(base, 1990)
    with pytest.raises(ValueError, match="columns 'low' and 'high'"):
        ppl.tornado(base.indicators())
    with pytest.raises(ValueError, match="the years must match"):
        short = pp.run(pp.Scenario.load("shandong/baseline").with_horizon(2040))
        ppl.wedges([short], base)


def _text_boxes(fig, texts):
    """The boxes of the texts themselves (an annotation's arrow left out)."""
    from matplotlib.text import Text

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    return [Text.get_window_extent(t, renderer) for t in texts if t.get_text()]


def test_peak_labels_do_not_overlap(runs):
    from plot_cases import FakeResults

    near = [
        FakeResults("a", 2025, 870.0),
        FakeResults("b", 2025, 872.0),
        FakeResults("c", 2025, 872.0),
    ]
    # Three runs with one peak (the shipped scenarios share their 2020-24 history, issue 12, but
    # the label should not depend on the data).
    same = [FakeResults(name, 2024, 959.8) for name in ("a", "b", "c")]
    for group, expected in (
        (near, ["peak 2025", "peak 2025 (2 runs)"]),
        (same, ["peak 2024 (3 runs)"]),
    ):
        fig = ppl.trajectories(group)
        labels = [t for t in fig.axes[0].texts if t.get_text().startswith("peak")]
        # identical peaks share a label; a nearby one gets its own, moved up
        assert sorted(t.get_text() for t in labels) == expected
        boxes = _text_boxes(fig, labels)
        legend = fig.axes[0].get_legend().get_window_extent(fig.canvas.get_renderer())
        for i, box in enumerate(boxes):
            assert not box.overlaps(legend)
            assert not any(box.overlaps(other) for other in boxes[:i])


@pytest.mark.parametrize(
    "name", ["waterfall", "trajectories", "sankey", "tornado", "ledger", "generation_mix"]
)
def test_nothing_is_clipped(calls, name):
    fig = calls[name]()
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    bounds = fig.bbox
    boxes = [ax.get_tightbbox(renderer) for ax in fig.axes if ax.get_visible()]
    boxes += _text_boxes(fig, [*fig.texts, *([fig._suptitle] if fig._suptitle else [])])
    for box in boxes:  # everything drawn, labels and legends included, lies inside the figure
        assert bounds.x0 - 1 <= box.x0 and box.x1 <= bounds.x1 + 1, (name, box)
        assert bounds.y0 - 1 <= box.y0 and box.y1 <= bounds.y1 + 1, (name, box)


def test_targets_are_drawn_from_a_set_name_a_set_or_a_report(runs):
    base = runs[0]
    for targets in ("shandong", pp.Targets.load("shandong"), pp.check_targets(base)):
        fig = ppl.trajectories(base, targets=targets)
        texts = {t.get_text() for t in fig.axes[0].texts}
        assert "peak by 2030" in texts and "stable and declining 2030-2035" in texts
    fig = ppl.trajectories(base, targets="shandong", indicator="non_fossil_share")
    assert {"non_fossil_2025", "non_fossil_2030"} <= {t.get_text() for t in fig.axes[0].texts}
    # A share is drawn in per cent.
    line = fig.axes[0].lines[0]
    assert line.get_ydata()[0] == pytest.approx(100 * base.indicator("non_fossil_share")[0])


def test_the_figures_carry_the_numbers(runs, ens, register):
    base, opinions, accelerated = runs
    # fan: the median line is the ensemble's p50
    ax = ppl.fan(ens, "co2_total_mt").axes[0]
    median = [line for line in ax.lines if line.get_label() == "median"][0]
    np.testing.assert_allclose(median.get_ydata(), ens.percentiles("co2_total_mt")["p50"])
    # sankey: the fuel column adds up to the year's energy use
    ax = ppl.sankey(base, 2030, top_fuels=50, top_sectors=50).axes[0]
    energy = base.energy(by=("fuel",))
    total = energy[energy.year == 2030].energy_mtce.clip(lower=0).sum()
    heights = [p.get_height() for p in ax.patches if isinstance(p, Rectangle) and p.get_x() == 0]
    assert sum(heights) == pytest.approx(total, rel=1e-9)
    # wedges: the removal in the last year is in the legend
    ax = ppl.wedges({"accelerated": accelerated}, base).axes[0]
    removed = base.indicator("co2_total_mt")[-1] - accelerated.indicator("co2_total_mt")[-1]
    assert f"accelerated: {removed:.0f} Mt/yr removed in 2060" in [
        t.get_text() for t in ax.get_legend().get_texts()
    ]
    # ledger: the requirement bars are the new projects' requirements by city
    ax = ppl.ledger(register, dimensions=["co2_t"]).axes[0]
    projects = register.projects()
    new = projects[projects.status.isin(["proposed", "under_construction"])]
    expected = sum(register.requirement(pid)["co2_t"] for pid in new.index) * 1e-6
    required = [
        p.get_width()
        for p in ax.patches
        if p.get_facecolor()[:3] == matplotlib.colors.to_rgb("tab:red")
    ]
    assert sum(required) == pytest.approx(expected, rel=1e-9)


def test_tornado_draws_one_at_a_time_ranges_beside_sobol_bars(sobol):
    import pandas as pd

    oat = pd.DataFrame(
        {"low": [900.0, 930.0], "high": [960.0, 940.0]},
        index=["gdp_growth@2030", "import_share@2030"],
    )
    fig = ppl.tornado((oat, sobol), base=935.0)
    left, right = fig.axes
    assert left.get_xlabel() == "CO₂ emissions (Mt/yr)"
    assert [t.get_text() for t in left.get_yticklabels()] == [
        "import_share@2030",
        "gdp_growth@2030",
    ]
    assert "Sobol index" in right.get_xlabel()
    with pytest.raises(ValueError, match="give base="):
        ppl.tornado(oat)


def test_old_names_write_pngs_and_take_targets_by_name(runs, tmp_path):
    base = runs[0]
    path = ppl.plot_trajectory(runs, str(tmp_path / "t.png"), targets="shandong")
    assert open(path, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    assert ppl.plot_emissions_by_sector(base, str(tmp_path / "e.png")).endswith("e.png")
    assert isinstance(ppl.plot_waterfall(pp.decompose(base, years=(2020, 2030))), Figure)
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".tmp-")]


def test_importing_the_module_leaves_the_backend_alone():
    code = "import matplotlib, peakpath.plot; print(matplotlib.get_backend())"
    env = {**os.environ, "MPLBACKEND": "template"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert out.strip() == "template"


def test_every_indicator_has_a_readable_name_and_a_unit():
    for name in pp.INDICATOR_NAMES:
        label, unit = ppl.indicator_label(name)
        assert unit and "_" not in label, name


@pytest.mark.parametrize("name", ["waterfall", "sankey", "trajectories"])
def test_value_labels_stay_inside_their_axes(calls, name):
    fig = calls[name]()
    ax = fig.axes[0]
    inside = ax.bbox
    for box in _text_boxes(fig, [t for t in ax.texts if t.get_text()]):
        assert inside.x0 - 1 <= box.x0 and box.x1 <= inside.x1 + 1, (name, box)
        assert inside.y0 - 1 <= box.y0 and box.y1 <= inside.y1 + 1, (name, box)


def test_generation_mix_adds_capacity_when_the_results_have_it():
    from plot_cases import FakeResults

    class WithCapacity(FakeResults):
        def generation_capacity(self):
            return self.generation() / 2.0

    fig = ppl.generation_mix(WithCapacity("x", 2025, 900.0))
    assert [ax.get_ylabel() for ax in fig.axes] == [
        "Electricity supply (TWh/yr)",
        "Generation capacity (GW)",
    ]
    assert len(ppl.generation_mix(WithCapacity("x", 2025, 900.0), capacity=False).axes) == 1
    with pytest.raises(ValueError, match="no generation_capacity"):
        ppl.generation_mix(FakeResults("x", 2025, 900.0), capacity=True)
