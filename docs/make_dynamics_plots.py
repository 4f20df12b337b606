"""Renders the figures of docs/dynamics.md (one per mechanism) into docs/img/.

    PYTHONPATH=build/python /usr/bin/python3 docs/make_dynamics_plots.py
"""
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import peakpath as pp  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "img")
SECTOR = "ferrous_metals"
CLASSES = ["below_baseline", "baseline", "benchmark"]
STEEL_CLASSES = CLASSES + ["scrap_eaf"]


def steel(cap):
    return cap[[f"{SECTOR}/{c}" for c in STEEL_CLASSES]].rename(columns=lambda c: c.split("/")[1])


def main():
    os.makedirs(OUT, exist_ok=True)
    base = pp.Scenario.load("shandong/baseline")
    still = {s: 0.0 for s in base.dataset.sector_ids}
    keep = base.with_levers(
        intensity_change=still,
        new_build_share={
            f"{SECTOR}/{c}": s for c, s in zip(STEEL_CLASSES, (0.18, 0.54, 0.18, 0.1))
        },
        retrofit_rate={f"{SECTOR}/below_baseline/benchmark": 0.0},
    )
    policy = base.with_levers(intensity_change=still)
    phase = policy.with_levers(
        phase_out_rate={f"{SECTOR}/baseline": {2021: 0.1, 2030: 0.1, 2031: 0}}
    )
    runs = {
        "no policy": pp.run(keep),
        "baseline rules": pp.run(policy),
        "+ phase-out": pp.run(phase),
    }

    figures = [
        (
            "dynamics_retirement.png",
            "Retirement and replacement with no policy (shares kept)",
            steel(runs["no policy"].capacity()),
        ),
        (
            "dynamics_new_builds_retrofits.png",
            "benchmark BF + 10 % EAF new builds, 2021-25 retrofits",
            steel(runs["baseline rules"].capacity()),
        ),
        (
            "dynamics_phase_out.png",
            "Forced phase-out of the 'baseline' class 2021-2030",
            steel(runs["+ phase-out"].capacity()),
        ),
    ]
    for name, title, table in figures:
        fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
        ax.stackplot(table.index, table.T.to_numpy(), labels=list(table.columns), alpha=0.85)
        ax.set(title=f"{SECTOR}: {title}", xlabel="year", ylabel="capacity (10^8 CNY VA / yr)")
        ax.legend(loc="upper left", fontsize=8)
        fig.tight_layout()
        fig.savefig(os.path.join(OUT, name))
        plt.close(fig)

    fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
    for label, res in runs.items():
        energy = res.energy(by=("sector",)).pivot(
            index="year", columns="sector", values="energy_mtce"
        )
        intensity = energy[SECTOR] / res.activity()[SECTOR]
        ax.plot(intensity.index, intensity / intensity.iloc[0], label=label)
    ax.set(
        title=f"{SECTOR}: energy intensity by stock turnover alone (2020 = 1)",
        xlabel="year",
        ylabel="index",
    )
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(OUT, "dynamics_intensity.png"))
    plt.close(fig)


def thermal_fleet():
    """The baseline's coal fleet by class, and the heat rate of two shipped scenarios."""
    runs = {
        name: pp.run(pp.Scenario.load(f"shandong/{name}")) for name in ("baseline", "accelerated")
    }
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4), dpi=100)
    fleet = runs["baseline"].capacity()[[f"power_heat/{c}" for c in CLASSES]]
    left.stackplot(fleet.index, fleet.T.to_numpy(), labels=CLASSES, alpha=0.85)
    left.set(
        title="power_heat (baseline): thermal fleet by class", xlabel="year", ylabel="capacity (GW)"
    )
    left.legend(loc="upper right", fontsize=8)
    for name, res in runs.items():
        rate = res.indicators()["thermal_heat_rate_gce_per_kwh"]
        right.plot(rate.index, rate, label=name)
    right.axhline(295, color="grey", linestyle=":", label="2025 plan, ~295")
    right.set(title="supply heat rate of the fleet", xlabel="year", ylabel="gce/kWh")
    right.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(OUT, "dynamics_thermal_fleet.png"))
    plt.close(fig)


if __name__ == "__main__":
    main()
    thermal_fleet()
