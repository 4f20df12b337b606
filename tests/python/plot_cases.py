"""Figures with fixed, synthetic inputs for the image-comparison tests (test_plot_images.py) and
the script that writes their baselines (make_plot_baselines.py).

The inputs are made-up shapes, not model output: a baseline image must not change when the
model's data or equations do. Objects stand in for Results, EnsembleResult and Register with
the attributes the plot functions read; SobolResult and Decomposition are the real classes.
"""
import os

import matplotlib
import numpy as np
import pandas as pd

BASELINE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "baseline_images")
DPI = 60
YEARS = np.arange(2020, 2041)


def _hump(peak_year, peak_value, rise=0.01, fall=0.02):
    t = YEARS - peak_year
    return peak_value * np.where(t <= 0, 1 + rise * t, 1 - fall * t)


class FakeResults:
    """The Results attributes the figures read, with synthetic values."""

    region = "Testland"

    def __init__(self, scenario, peak_year, peak_value):
        self.scenario = scenario
        self.years = YEARS.copy()
        self._co2 = _hump(peak_year, peak_value)

    def indicator(self, name):
        if name == "co2_total_mt":
            return self._co2.copy()
        if name == "non_fossil_share":
            return np.linspace(0.1, 0.4, len(YEARS))
        raise ValueError(name)

    def generation(self):
        t = np.arange(len(YEARS), dtype=float)
        return pd.DataFrame(
            {
                "thermal": 400 - 5 * t,
                "solar": 30 + 12 * t,
                "wind_onshore": 40 + 6 * t,
                "nuclear": np.full_like(t, 20.0),
                "hydro": np.zeros_like(t),
            },
            index=pd.Index(YEARS, name="year"),
        )

    def energy(self, by=("sector", "fuel")):
        flows = {
            ("raw_coal", "power_heat"): 150,
            ("raw_coal", "steel"): 30,
            ("coke", "steel"): 40,
            ("electricity", "steel"): 10,
            ("electricity", "households"): 25,
            ("natural_gas", "households"): 15,
            ("diesel_oil", "transport"): 35,
            ("gasoline", "transport"): 20,
            ("electricity", "services"): 18,
        }
        rows = [
            {by[0]: s, "fuel": f, "year": y, "energy_mtce": v * (1 + 0.01 * (y - 2020))}
            for (f, s), v in flows.items()
            for y in YEARS
        ]
        return pd.DataFrame(rows)

    def emissions(self, by=("sector",)):
        shares = {
            "power_heat": 0.45,
            "steel": 0.25,
            "transport": 0.15,
            "households": 0.1,
            "services": 0.05,
        }
        rows = [
            {"sector": s, "year": y, "co2_mt": share * v}
            for s, share in shares.items()
            for y, v in zip(YEARS, self._co2)
        ]
        return pd.DataFrame(rows)


class FakeEnsemble:
    """The EnsembleResult attributes the figures read: normal percentiles around a hump."""

    scenario = "testland/uncertain"
    completed = 500
    indicators = ["co2_total_mt"]
    years = YEARS

    def percentiles(self, indicator, q):
        mean = _hump(2026, 900.0)
        sd = np.linspace(5.0, 80.0, len(YEARS))
        z = {5.0: -1.645, 25.0: -0.674, 50.0: 0.0, 75.0: 0.674, 95.0: 1.645}
        return pd.DataFrame(
            {f"p{x:g}": mean + z[x] * sd for x in q}, index=pd.Index(YEARS, name="year")
        )

    def peak_years(self, indicator="co2_total_mt"):
        return pd.Series(
            {2024: 0.1, 2025: 0.25, 2026: 0.35, 2027: 0.2, 2028: 0.06, 2040: 0.04},
            name="probability",
        ).rename_axis("peak_year")

    def peak_summary(self, q=(50,)):
        return pd.DataFrame(
            {"probability_peaked": [0.96]}, index=pd.Index(["co2_total_mt"], name="indicator")
        )


class FakeRegister:
    """The Register queries the ledger reads, with two cities and made-up amounts."""

    path = "/tmp/testland.db"

    def projects(self):
        return pd.DataFrame(
            {
                "city": ["Alpha", "Beta", "Alpha", "Gamma"],
                "status": ["proposed", "under_construction", "retired", "operating"],
            },
            index=pd.Index(["P1", "P2", "P3", "P4"], name="id"),
        )

    def requirement(self, project_id):
        base = {"P1": 2.0e6, "P2": 1.0e6}[project_id]
        return {
            "capacity": 1.0,
            "coal_t": base,
            "energy_tce": 0.8 * base,
            "co2_t": 2.2 * base,
            "so2_t": 1e-4 * base,
            "nox_t": 2e-4 * base,
            "pm_t": 3e-5 * base,
        }

    def assignments(self):
        return pd.DataFrame(
            {"project_id": ["P2", "P2"], "dimension": ["coal_t", "co2_t"], "amount": [1.0e6, 2.2e6]}
        )

    def sources(self):
        rows = []
        for city, total in (("Alpha", 3.0e6), ("Gamma", 0.5e6)):
            for d, f in (
                ("coal_t", 1.0),
                ("energy_tce", 0.8),
                ("co2_t", 2.2),
                ("so2_t", 1e-4),
                ("nox_t", 2e-4),
                ("pm_t", 3e-5),
                ("capacity", 0.0),
            ):
                rows.append({"city": city, "dimension": d, "remaining": f * total})
        return pd.DataFrame(rows)


def _sobol():
    from peakpath.analysis import SobolResult

    s1 = np.array([0.55, 0.20, 0.05])
    st = np.array([0.62, 0.28, 0.08])
    return SobolResult(
        ["gdp_growth@2030", "capacity_gw.solar@2030", "import_share@2030"],
        s1,
        st,
        s1 - 0.05,
        s1 + 0.05,
        st - 0.04,
        st + 0.04,
        100.0,
        1024,
        0.95,
    )


def _oat():
    return pd.DataFrame(
        {"low": [880.0, 905.0, 915.0], "high": [960.0, 935.0, 925.0], "base": 920.0},
        index=pd.Index(
            ["gdp_growth@2030", "capacity_gw.solar@2030", "import_share@2030"], name="input"
        ),
    )


def _decomposition():
    from peakpath.decomposition import Decomposition

    effects = pd.Series(
        {
            "activity": 400.0,
            "structure": -150.0,
            "intensity": -300.0,
            "fuel_mix": -20.0,
            "emission_factor": 5.0,
        }
    )
    return Decomposition(
        effects,
        pd.DataFrame(),
        float(effects.sum()),
        900.0,
        900.0 + float(effects.sum()),
        "co2",
        "additive",
        "2020",
        "2035",
    )


def _runs():
    return [
        FakeResults("testland/baseline", 2028, 900.0),
        FakeResults("testland/policy", 2025, 870.0),
        FakeResults("testland/deep", 2025, 872.0),
    ]


def _cases():
    import peakpath.plot as ppl

    base, policy, deep = _runs()
    return {
        "trajectories": lambda: ppl.trajectories([base, policy, deep]),
        "wedges": lambda: ppl.wedges({"policy": policy, "deep": deep}, base),
        "fan": lambda: ppl.fan(FakeEnsemble(), "co2_total_mt"),
        "peak_years": lambda: ppl.peak_years(FakeEnsemble()),
        "tornado": lambda: ppl.tornado((_oat(), _sobol())),
        "waterfall": lambda: ppl.waterfall(_decomposition()),
        "sankey": lambda: ppl.sankey(base, 2030),
        "generation_mix": lambda: ppl.generation_mix(base, capacity=False),
        "ledger": lambda: ppl.ledger(FakeRegister(), dimensions=["coal_t", "co2_t", "so2_t"]),
    }


CASES = sorted(_cases())


def render(name: str, path: str) -> None:
    """Draws case ``name`` in a fixed style and writes it to ``path`` at DPI."""
    import matplotlib.pyplot as plt

    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        fig = _cases()[name]()
        fig.savefig(path, dpi=DPI)
        plt.close(fig)
