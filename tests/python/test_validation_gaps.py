"""Validation gaps closed (issue 13, item 9): each input that used to pass silently, or to fail
with a misleading message, now fails naming the right field and value."""
import re

import pytest

import peakpath as pp


@pytest.fixture(scope="module")
def base():
    return pp.Scenario.load("shandong/baseline")


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


def _target_file(tmp_path, entry):
    return _write(tmp_path / "t.yaml", "name: x\ntargets:\n  - " + entry + "\n")


def test_nan_and_fractional_target_years(tmp_path):
    path = _target_file(
        tmp_path, "{id: a, type: cap, indicator: co2_total_mt, year: .nan, " "cap: 900}"
    )
    with pytest.raises(
        pp.DataError,
        match=r"t.yaml line 3, key 'targets\[0\] \(a\).year': "
        r"value = nan: must lie in \[1900, 2200\]",
    ):
        pp.Targets.load(path)
    path = _target_file(
        tmp_path, "{id: a, type: cap, indicator: co2_total_mt, year: 2030.5, " "cap: 900}"
    )
    with pytest.raises(
        pp.DataError,
        match=r"key 'targets\[0\] \(a\).year': value = 2030.5: " r"must be a whole year",
    ):
        pp.Targets.load(path)


def test_nan_year_in_a_scenario_file(tmp_path):
    path = _write(
        tmp_path / "s.yaml",
        "name: s\ndataset: shandong\nlevers:\n  capacity_gw:\n" "    solar: {.nan: 150}\n",
    )
    with pytest.raises(ValueError, match=r"nan"):
        pp.run(pp.Scenario.load(path))


def test_nan_year_in_a_python_lever(base):
    with pytest.raises(ValueError, match=r"years\[0\] = nan: must be finite"):
        pp.run(base.with_levers(capacity_gw={"solar": {float("nan"): 150}}))


def test_share_target_on_an_mt_indicator(tmp_path):
    path = _target_file(
        tmp_path,
        "{id: a, type: share_at_least, indicator: co2_total_mt, " "year: 2030, share: 0.5}",
    )
    with pytest.raises(
        pp.DataError,
        match=r"t.yaml line 3, key 'targets\[0\] \(a\).indicator': "
        r"'co2_total_mt' is not a share; type share_at_least "
        r"needs a share indicator \(non_fossil_share, "
        r"coal_share, non_fossil_share_calorific\)",
    ):
        pp.Targets.load(path)


def test_misspelled_optional_csv_header(data_copy):
    path = data_copy / "shandong" / "paths.csv"
    text = path.read_text(encoding="utf-8")
    header = text.splitlines()[0]
    assert header == "variable,key,year,value,unit,tag,source"
    path.write_text(
        text.replace(header, "variable,key,year,value,unti,tag,source", 1), encoding="utf-8"
    )
    with pytest.raises(
        pp.DataError, match=r"paths.csv: unknown column 'unti' \(did you mean " r"'unit'\?"
    ):
        pp.load_dataset(str(data_copy / "shandong"))


def test_misspelled_source_header(data_copy):
    path = data_copy / "shandong" / "base_activity.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("tag,source", "tag,sourse", 1), encoding="utf-8")
    with pytest.raises(
        pp.DataError,
        match=r"base_activity.csv: unknown column 'sourse' \(did " r"you mean 'source'\?",
    ):
        pp.load_dataset(str(data_copy / "shandong"))


@pytest.mark.parametrize(
    "text, key, line",
    [
        ("name: s\ndataset: shandong\nhorizon: 2040\nhorizon: 2050\n", "horizon", 4),
        (
            "name: s\ndataset: shandong\nlevers:\n  capacity_gw:\n    solar: {2030: 150}\n"
            "    solar: {2030: 10}\n",
            "solar",
            6,
        ),
        (
            "name: s\ndataset: shandong\nlevers:\n  gdp_growth: {2030: 0.04, 2030: 0.05}\n",
            "2030",
            4,
        ),
    ],
)
def test_duplicate_yaml_keys_in_a_scenario(tmp_path, text, key, line):
    path = _write(tmp_path / "s.yaml", text)
    with pytest.raises(pp.DataError, match=rf"s.yaml line {line}: duplicate key '{key}'"):
        pp.Scenario.load(path)


def test_duplicate_yaml_keys_in_a_target_set(tmp_path):
    path = _target_file(
        tmp_path, "{id: a, type: cap, indicator: co2_total_mt, year: 2030, " "cap: 900, cap: 1}"
    )
    with pytest.raises(pp.DataError, match=r"t.yaml line 3: duplicate key 'cap'"):
        pp.Targets.load(path)


def test_solar_capacity_has_a_stated_upper_bound(base):
    with pytest.raises(
        ValueError,
        match=r"capacity_gw/solar in 2030: value 10000000000000000 GW is outside the valid "
        r"range \[0, 100000\]",
    ):
        pp.run(base.with_levers(capacity_gw={"solar": {2030: 1e16}}))
    with pytest.raises(
        ValueError, match=r"capacity_gw/coal in 2030: value 1000000 GW is outside the valid range"
    ):
        pp.run(base.with_levers(capacity_gw={"coal": {2030: 1e6}}))


def test_zero_utilisation_is_named(base):
    with pytest.raises(ValueError) as error:
        pp.run(base.with_levers(utilisation={"ferrous_metals": 0.0}))
    message = str(error.value)
    assert re.search(
        r"utilisation/ferrous_metals in every year \(a constant\): value 0 share is outside the "
        r"valid range \[0.01, 1\]",
        message,
    )
    assert "retrofit_rate" not in message and "nan" not in message


def test_import_share_one_says_so(base):
    with pytest.raises(ValueError) as error:
        pp.run(base.with_levers(import_share=1.0))
    message = str(error.value)
    assert "import_share = 1.000000 in 2020 leaves no thermal generation" in message
    assert "sizes its thermal fleet by base-year thermal generation" in message


def test_negative_ccus_reports_the_lever_value(base):
    with pytest.raises(
        ValueError,
        match=r"ccus_capture_mt/power_heat in 2030: value -10 Mt CO2 is outside the valid "
        r"range \[0, inf\]",
    ):
        pp.run(base.with_levers(ccus_capture_mt={"power_heat": {2030: -10}}))
