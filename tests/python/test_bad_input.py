"""Bad dataset and scenario files: each error names the file, line, column (or key) and value."""
import re

import pytest

import peakpath as pp


def _edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _line_of(path, needle):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_the_copy_loads(data_copy):
    assert pp.load_dataset(str(data_copy / "shandong")).name == "shandong"


def test_nan_value(data_copy):
    path = data_copy / "shandong" / "base_energy.csv"
    _edit(path, "agriculture,raw_coal,", "agriculture,raw_coal,nan,")
    text = path.read_text()
    path.write_text(
        re.sub(r"agriculture,raw_coal,nan,[0-9.e+-]+", "agriculture,raw_coal,nan", text)
    )
    line = _line_of(path, "agriculture,raw_coal,nan")
    with pytest.raises(
        pp.DataError,
        match=rf"base_energy.csv line {line}, column 'energy_tce': value 'nan' is not finite",
    ):
        pp.load_dataset(str(data_copy / "shandong"))


def test_negative_quantity(data_copy):
    path = data_copy / "shandong" / "base_activity.csv"
    _edit(path, "agriculture,5363.76", "agriculture,-5363.76")
    with pytest.raises(
        ValueError, match=r"base_activity.csv line 2, column 'value': value '-5363.76' is negative"
    ):
        pp.load_dataset(str(data_copy / "shandong"))


def test_missing_column(data_copy):
    path = data_copy / "shandong" / "sectors.csv"
    _edit(path, "two_high", "two_hi")
    with pytest.raises(pp.DataError, match=r"sectors.csv: missing column 'two_high'"):
        pp.load_dataset(str(data_copy / "shandong"))


def test_unknown_fuel_id(data_copy):
    path = data_copy / "shandong" / "base_energy.csv"
    _edit(path, "agriculture,raw_coal,", "agriculture,moon_rock,")
    with pytest.raises(
        pp.DataError, match=r"base_energy.csv line 2, column 'fuel': unknown fuel id 'moon_rock'"
    ):
        pp.load_dataset(str(data_copy / "shandong"))


def test_unknown_sector_id(data_copy):
    path = data_copy / "shandong" / "base_activity.csv"
    _edit(path, "agriculture,5363.76", "farming,5363.76")
    with pytest.raises(
        pp.DataError,
        match=r"base_activity.csv line 2, column 'sector': unknown sector id 'farming'",
    ):
        pp.load_dataset(str(data_copy / "shandong"))


def test_shares_not_summing_to_one(data_copy):
    path = data_copy / "shandong" / "power_fuels.csv"
    _edit(path, "electricity,raw_coal,0.", "electricity,raw_coal,1.")
    with pytest.raises(
        pp.DataError, match=r"power_fuels.csv: shares for output 'electricity' sum to 2\.0"
    ):
        pp.load_dataset(str(data_copy / "shandong"))


def test_unsorted_or_duplicate_years(data_copy):
    path = data_copy / "shandong" / "paths.csv"
    _edit(path, "gdp_growth,total,2025,", "gdp_growth,total,2019,")
    line = _line_of(path, "gdp_growth,total,2019,")
    message = (
        rf"paths.csv line {line}, column 'year': "
        r"year 2019 of 'gdp_growth/total' is unsorted or duplicate"
    )
    with pytest.raises(pp.DataError, match=message):
        pp.load_dataset(str(data_copy / "shandong"))


def test_missing_fuel_factor(data_copy):
    path = data_copy / "fuels" / "factors_china.csv"
    lines = path.read_text().splitlines()
    path.write_text("\n".join(line for line in lines if not line.startswith("coke,")) + "\n")
    with pytest.raises(pp.DataError, match=r"factors_china.csv: no row for fuel 'coke'"):
        pp.load_dataset(str(data_copy / "shandong"))  # it loads its default set, china


def _scenario(data_copy, text, name="s.yaml"):
    path = data_copy / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "body, message",
    [
        (
            "levers:\n  solar_power: {2030: 1}\n",
            "s.yaml line 4, key 'levers.solar_power': unknown lever",
        ),
        (
            "levers:\n  gdp_growth: {2030: fast}\n",
            "s.yaml line 4, key 'levers.gdp_growth.2030': value 'fast' has the wrong type",
        ),
        (
            "options:\n  factor_set: moon\n",
            "s.yaml line 4, key 'options.factor_set': unknown factor set 'moon'",
        ),
        ("options: china\n", "s.yaml line 3, key 'options': expected a mapping"),
        ("horizon: [\n", "s.yaml line 4: "),
        ("horizn: 2050\n", "s.yaml line 3, key 'horizn': unknown key"),
    ],
)
def test_scenario_errors_name_file_line_and_key(data_copy, body, message):
    path = _scenario(data_copy, "name: t\ndataset: shandong\n" + body)
    with pytest.raises(pp.DataError, match=re.escape(str(path)[: -len("s.yaml")] + message)):
        pp.Scenario.load(str(path))


def test_a_scenario_extending_itself_is_a_cycle(data_copy):
    path = _scenario(data_copy, "name: t\nextends: s.yaml\n")
    with pytest.raises(pp.DataError, match="'extends' forms a cycle"):
        pp.Scenario.load(str(path))


def test_extends_overrides_levers(data_copy):
    parent = (
        "name: parent\ndataset: shandong\n"
        "levers:\n  capacity_gw:\n    solar: {2030: 100}\n    nuclear: {2030: 10}\n"
    )
    _scenario(data_copy, parent, "parent.yaml")
    child = (
        "name: child\nextends: parent.yaml\nhorizon: 2040\n"
        "levers:\n  capacity_gw:\n    solar: {2030: 150}\n"
    )
    child = _scenario(data_copy, child, "child.yaml")
    sc = pp.Scenario.load(str(child))
    # Each file overlays the path it extends: the dataset's points before 2030 stay.
    dataset = pp.Scenario.load("shandong/baseline")._core.effective_paths["capacity_gw"]
    for tech, value in (("solar", 150.0), ("nuclear", 10.0)):
        years, values = dataset[tech]
        kept = {y: v for y, v in zip(years, values) if y < 2030}
        assert sc.levers["capacity_gw"][tech] == {**kept, 2030.0: value}
    assert sc.horizon == 2040
    assert list(pp.run(sc).years)[-1] == 2040


def test_cli_error_is_one_line_and_writes_nothing(tmp_path, data_copy, capsys):
    from peakpath.cli import main

    bad = _scenario(
        data_copy, "name: t\ndataset: shandong\nlevers:\n  capacity_factor:\n    solar: {2030: 2}\n"
    )
    out = tmp_path / "out"
    assert main(["run", str(bad), "--out", str(out)]) == 2
    assert "capacity_factor/solar in 2030: value 2" in capsys.readouterr().err
    assert not out.exists() or not any(out.iterdir())
