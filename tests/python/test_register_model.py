"""The register feeds the sector model: base-year class shares from classified disposal."""
import os
from collections import defaultdict

import pytest

import peakpath as pp

SAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "data", "shandong", "register",
                      "sample_projects.csv")
CLASS_OF = {"keep": "benchmark", "upgrade": "baseline", "retrofit_or_phase_out": "below_baseline"}


def _dataset_with_register(data_copy, mapping):
    db = data_copy / "shandong" / "register.db"
    reg = pp.Register(str(db))
    reg.import_csv(SAMPLE)
    text = "register:\n  database: register.db\n  sectors:\n" + "".join(
        f"    {t}: {s}\n" for t, s in mapping.items())
    with open(data_copy / "shandong" / "dataset.yaml", "a", encoding="utf-8") as out:
        out.write(text)
    return reg


def test_class_shares_come_from_operating_capacity_by_disposal(data_copy):
    reg = _dataset_with_register(data_copy, {"steel": "ferrous_metals",
                                             "cement_clinker": "nonmetal_minerals"})
    projects = reg.projects()
    mapping = {"steel": "ferrous_metals", "cement_clinker": "nonmetal_minerals"}
    expected = defaultdict(lambda: defaultdict(float))
    for project_id, row in reg.classify().iterrows():
        p = projects.loc[project_id]
        if p["status"] == "operating" and row["disposal"] in CLASS_OF and p["project_type"] in mapping:
            expected[mapping[p["project_type"]]][CLASS_OF[row["disposal"]]] += p["capacity"]
    assert expected["ferrous_metals"], "the sample has operating steel plants"
    data = pp.load_dataset(str(data_copy / "shandong"))
    shipped = {(t["sector"], t["class"]): t["base_share"]
               for t in pp.load_dataset("shandong").technologies}
    for t in data.technologies:
        if t["sector"] in expected:
            total = sum(expected[t["sector"]].values())
            assert t["base_share"] == pytest.approx(expected[t["sector"]].get(t["class"], 0.0) / total)
        else:
            assert t["base_share"] == shipped[t["sector"], t["class"]]


def test_register_mapping_errors(data_copy):
    _dataset_with_register(data_copy, {"steal": "ferrous_metals"})
    with pytest.raises(ValueError, match="unknown project type 'steal'"):
        pp.load_dataset(str(data_copy / "shandong"))
