"""Lever overrides from the command line (ADDRESS=VALUE)."""
import pandas as pd
import pytest

import peakpath as pp
from peakpath.cli import main
from peakpath.overrides import with_overrides


def test_override_sets_a_point_and_scales_a_path():
    base = pp.Scenario.load("shandong/baseline")
    sc = with_overrides(base, ["capacity_gw/solar@2030=200", "scale:intensity_change=0"])
    assert sc.levers["capacity_gw"]["solar"][2030.0] == 200.0
    # Overlay keeps the base year; the model reads intensity_change from 2021 on.
    assert all(
        v == 0.0
        for y, v in sc.levers["intensity_change"]["light_manufacturing"].items()
        if y > 2020
    )
    expected = base.with_levers(
        capacity_gw={
            "solar": {
                **{y: v for y, v in zip(*base._core.effective_paths["capacity_gw"]["solar"])},
                2030: 200.0,
            }
        }
    )
    assert pp.run(sc).indicators().loc[2030, "electricity_non_fossil_twh"] == pytest.approx(
        pp.run(expected).indicators().loc[2030, "electricity_non_fossil_twh"]
    )


def test_cli_run_with_set(tmp_path, capsys):
    assert (
        main(
            [
                "run",
                "shandong/baseline",
                "--out",
                str(tmp_path),
                "--set",
                "capacity_gw/solar@2030=300",
            ]
        )
        == 0
    )
    # Named after the override, so the baseline's own files are not overwritten.
    table = pd.read_csv(
        tmp_path / "shandong_baseline+capacity_gw_solar@2030=300_indicators.csv", index_col="year"
    )
    default = pp.run("shandong/baseline").indicators()
    assert (
        table.loc[2030, "electricity_non_fossil_twh"]
        > default.loc[2030, "electricity_non_fossil_twh"]
    )
    assert main(["run", "shandong/baseline", "--out", str(tmp_path), "--set", "solar=3"]) == 2
    assert "unknown lever" in capsys.readouterr().err


def test_override_errors():
    base = pp.Scenario.load("shandong/baseline")
    with pytest.raises(ValueError, match="expected ADDRESS=VALUE"):
        with_overrides(base, ["capacity_gw/solar@2030"])
    with pytest.raises(ValueError, match="value 'lots' is not a number"):
        with_overrides(base, ["capacity_gw/solar@2030=lots"])
    with pytest.raises(ValueError, match="override address 'sun@2030': unknown lever 'sun'"):
        with_overrides(base, ["sun@2030=1"])
    with pytest.raises(
        ValueError,
        match="override address 'capacity_gw/sun@2030': lever "
        "capacity_gw/sun: unknown key 'sun'",
    ):
        with_overrides(base, ["capacity_gw/sun@2030=1"])
