"""The register feeds the sector model: base-year class shares from classified disposal."""
import os
from collections import defaultdict

import pytest

import peakpath as pp

SAMPLE = os.path.join(
    os.path.dirname(__file__), "..", "..", "data", "shandong", "register", "sample_projects.csv"
)
CLASS_OF = {"keep": "benchmark", "upgrade": "baseline", "retrofit_or_phase_out": "below_baseline"}


def _dataset_with_register(data_copy, mapping):
    db = data_copy / "shandong" / "register.db"
    reg = pp.Register(str(db))
    reg.import_csv(SAMPLE)
    text = "register:\n  database: register.db\n  sectors:\n" + "".join(
        f"    {t}: {s}\n" for t, s in mapping.items()
    )
    with open(data_copy / "shandong" / "dataset.yaml", "a", encoding="utf-8") as out:
        out.write(text)
    return reg


def test_class_shares_come_from_operating_capacity_by_disposal(data_copy):
    reg = _dataset_with_register(
        data_copy, {"steel": "ferrous_metals", "cement_clinker": "nonmetal_minerals"}
    )
    projects = reg.projects()
    mapping = {"steel": "ferrous_metals", "cement_clinker": "nonmetal_minerals"}
    expected = defaultdict(lambda: defaultdict(float))
    for project_id, row in reg.classify().iterrows():
        p = projects.loc[project_id]
        if (
            p["status"] == "operating"
            and row["disposal"] in CLASS_OF
            and p["project_type"] in mapping
        ):
            expected[mapping[p["project_type"]]][CLASS_OF[row["disposal"]]] += p["capacity"]
    assert expected["ferrous_metals"], "the sample has operating steel plants"
    data = pp.load_dataset(str(data_copy / "shandong"))
    shipped = {
        (t["sector"], t["class"]): t["base_share"] for t in pp.load_dataset("shandong").technologies
    }
    # The efficiency classes share their shipped total by the register; other technologies
    # (steel's scrap EAF) and unmapped sectors keep their shares.
    efficiency = set(CLASS_OF.values())
    for t in data.technologies:
        if t["sector"] in expected and t["class"] in efficiency:
            total = sum(expected[t["sector"]].values())
            classes_share = sum(
                v
                for (sector, cls), v in shipped.items()
                if sector == t["sector"] and cls in efficiency
            )
            assert t["base_share"] == pytest.approx(
                classes_share * expected[t["sector"]].get(t["class"], 0.0) / total
            )
        else:
            assert t["base_share"] == shipped[t["sector"], t["class"]]
    assert shipped["ferrous_metals", "scrap_eaf"] == pytest.approx(0.1)


def test_register_mapping_errors(data_copy):
    _dataset_with_register(data_copy, {"steal": "ferrous_metals"})
    with pytest.raises(ValueError, match="unknown project type 'steal'"):
        pp.load_dataset(str(data_copy / "shandong"))


def test_a_register_can_set_one_product_line(data_copy):
    """`coking: petroleum_coking/coking` sets the coking line's classes (coking_<class>) from the
    register's coke plants and keeps the line's share; the refining line is untouched."""
    reg = _dataset_with_register(data_copy, {"coking": "petroleum_coking/coking"})
    projects = reg.projects()
    by_class = defaultdict(float)
    for project_id, row in reg.classify().iterrows():
        p = projects.loc[project_id]
        if (
            p["status"] == "operating"
            and p["project_type"] == "coking"
            and row["disposal"] in CLASS_OF
        ):
            by_class[CLASS_OF[row["disposal"]]] += p["capacity"]
    assert by_class, "the sample has operating coke plants"
    shipped = {
        t["class"]: t["base_share"]
        for t in pp.load_dataset("shandong").technologies
        if t["sector"] == "petroleum_coking"
    }
    line = sum(v for k, v in shipped.items() if k.startswith("coking_"))
    got = {
        t["class"]: t["base_share"]
        for t in pp.load_dataset(str(data_copy / "shandong")).technologies
        if t["sector"] == "petroleum_coking"
    }
    total = sum(by_class.values())
    for cls in ("below_baseline", "baseline", "benchmark"):
        assert got[f"coking_{cls}"] == pytest.approx(line * by_class.get(cls, 0.0) / total)
        assert got[f"refining_{cls}"] == shipped[f"refining_{cls}"]


def test_a_register_class_the_sector_lacks_is_named(data_copy):
    _dataset_with_register(data_copy, {"coking": "petroleum_coking"})
    with pytest.raises(
        pp.DataError,
        match="for 'petroleum_coking', but sector 'petroleum_coking' "
        "has no technology class '(below_baseline|baseline|benchmark)'",
    ):
        pp.load_dataset(str(data_copy / "shandong"))
