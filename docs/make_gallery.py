"""Draws the figures of docs/gallery.md (one per peakpath.plot function) into docs/img/gallery:

    MPLBACKEND=Agg PYTHONPATH=build/python /usr/bin/python3 docs/make_gallery.py

The ensemble and the sensitivity use the ILLUSTRATIVE ranges of
data/shandong/ensembles/baseline_uncertainty.yaml; the register is the ILLUSTRATIVE sample of
data/shandong/register. About a minute on two cores.
"""
import os
import sys
import tempfile

import matplotlib.pyplot as plt
import pandas as pd

import peakpath as pp
import peakpath.plot as ppl
from peakpath.cli_ensemble import load_ensemble_spec
from peakpath.overrides import with_overrides

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "docs", "img", "gallery")
DPI = 80


def save(fig, name: str) -> None:
    path = os.path.join(OUT, f"{name}.png")
    fig.savefig(path, dpi=DPI, bbox_inches="tight")
    plt.close(fig)
    print(f"wrote {os.path.relpath(path, ROOT)}")


def one_at_a_time(scenario, uncertain, indicator: str, year: int) -> pd.DataFrame:
    """``indicator`` in ``year`` with each uncertain lever at its 5th and 95th percentile and
    the others at the scenario's own values."""

    def value(s):
        return pp.run(s).indicator(indicator)[year - scenario.base_year]

    rows = {}
    for address, dist in uncertain.items():
        low, high = (float(dist.quantile(q)) for q in (0.05, 0.95))
        rows[address] = {
            "low": value(with_overrides(scenario, [f"{address}={low}"])),
            "high": value(with_overrides(scenario, [f"{address}={high}"])),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table["base"] = value(scenario)
    return table


def sample_register(directory: str):
    reg = pp.Register(os.path.join(directory, "sample.db"))
    sample = os.path.join(ROOT, "data", "shandong", "register")
    reg.import_csv(os.path.join(sample, "sample_projects.csv"))
    reg.import_offsets_csv(os.path.join(sample, "sample_offsets.csv"))
    projects = reg.projects()
    for project_id in projects[projects.status.isin(["proposed", "under_construction"])].index:
        reg.allocate(project_id)  # stored only where every dimension closes
    return reg


def main() -> int:
    os.makedirs(OUT, exist_ok=True)
    base, opinions, accelerated = (
        pp.run(pp.Scenario.load(f"shandong/{name}"))
        for name in ("baseline", "opinions", "accelerated")
    )
    save(ppl.trajectories([base, opinions, accelerated], targets="shandong"), "trajectories")
    save(
        ppl.trajectories(
            [base, opinions, accelerated], targets="shandong", indicator="non_fossil_share"
        ),
        "trajectories_non_fossil",
    )
    save(ppl.wedges({"opinions": opinions, "accelerated": accelerated}, base), "wedges")
    save(ppl.emissions_by_sector(base), "emissions_by_sector")
    save(ppl.waterfall(pp.decompose(base, years=(2020, 2035))), "waterfall")
    save(ppl.sankey(base, 2030), "sankey")
    save(ppl.generation_mix(base), "generation_mix")

    spec = load_ensemble_spec(
        os.path.join(ROOT, "data", "shandong", "ensembles", "baseline_uncertainty.yaml")
    )
    spec.update(n=512, threads=2)
    ens = pp.ensemble(**spec)
    save(ppl.fan(ens, "co2_total_mt"), "fan")
    save(ppl.peak_years(ens), "peak_years")
    sobol = pp.sensitivity(
        spec["scenario"], spec["uncertain"], "co2_total_mt", 2030, n=512, n_bootstrap=200
    )
    oat = one_at_a_time(spec["scenario"], spec["uncertain"], "co2_total_mt", 2030)
    save(ppl.tornado((oat, sobol)), "tornado")

    with tempfile.TemporaryDirectory() as directory:
        save(ppl.ledger(sample_register(directory)), "ledger")
    return 0


if __name__ == "__main__":
    sys.exit(main())
