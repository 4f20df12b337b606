# SPDX-License-Identifier: Apache-2.0
"""The register from Python: DataFrames, allocation, monitoring, audit, CLI."""
import argparse
import math
import sqlite3

import pandas as pd
import pytest

from peakpath import register as reg_mod
from peakpath.cli_register import add_register_parser
from peakpath.register import Register

HEADER = (
    "id,name,city,project_type,status,capacity,capacity_unit,energy_tce,coal_t,co2_t,"
    "so2_t,nox_t,pm_t,unit_energy,commissioned,retired,key_region,note\n"
)


def steel(id, **changes):
    fields = dict(
        id=id,
        name=f"Steel {id}",
        city="Jinan",
        project_type="steel",
        status="proposed",
        capacity=1.0,
        capacity_unit="Mt/a",
        energy_tce=5e5,
        coal_t=6e5,
        co2_t=1.8e6,
        so2_t=100,
        nox_t=200,
        pm_t=50,
        # a retired plant was commissioned long before it closed; a new one from 2026
        commissioned="2000" if changes.get("status") == "retired" else "2026",
    )
    fields.update(changes)
    return fields


@pytest.fixture
def reg(tmp_path):
    return Register(tmp_path / "projects.db")


def test_projects_are_a_dataframe_with_the_api_fields(reg):
    reg.add_project(**steel("a"))
    reg.add_project(**steel("b", city="Rizhao", status="operating", unit_energy=380))
    frame = reg.projects()
    assert list(frame.index) == ["a", "b"]
    for column in (
        "name",
        "city",
        "project_type",
        "status",
        "capacity",
        "capacity_unit",
        "energy_tce",
        "coal_t",
        "co2_t",
        "so2_t",
        "nox_t",
        "pm_t",
        "unit_energy",
        "commissioned",
        "retired",
        "key_region",
    ):
        assert column in frame.columns
    assert bool(frame.loc["a", "key_region"]) and not bool(frame.loc["b", "key_region"])
    assert list(reg.projects(status="operating").index) == ["b"]
    assert list(reg.projects(key_region=True).index) == ["a"]
    with pytest.raises(TypeError, match="unknown filter"):
        reg.projects(colour="red")
    with pytest.raises(TypeError, match="unknown field"):
        reg.add_project(**steel("c"), colour="red")


def test_bad_project_is_a_value_error_naming_the_field(reg):
    with pytest.raises(ValueError, match="project_type: 'tyres'"):
        reg.add_project(**steel("a", project_type="tyres"))


def test_requirement_follows_the_published_ratios(reg):
    # 工信部《钢铁行业产能置换实施办法》(2021): 1.5:1 in key regions, 1.25:1 elsewhere.
    reg.add_project(**steel("key"))
    reg.add_project(**steel("other", city="Yantai"))
    assert reg.requirement("key")["capacity"] == pytest.approx(1.5)
    assert reg.requirement("other")["capacity"] == pytest.approx(1.25)
    assert set(reg.requirement("key")) == set(reg_mod.DIMENSIONS)


def test_allocation_explains_itself_and_release_returns_the_amounts(reg):
    reg.add_project(**steel("new"))
    reg.add_project(
        **steel(
            "old",
            status="retired",
            retired="2024",
            capacity=1.0,
            energy_tce=2e6,
            coal_t=2e6,
            co2_t=9e6,
            so2_t=500,
            nox_t=900,
            pm_t=200,
        )
    )
    short = reg.allocate("new")
    assert not short.approved and not short.committed
    assert short.shortfall["capacity"] == pytest.approx(0.5)
    assert all(v == 0 for k, v in short.shortfall.items() if k != "capacity")
    assert set(short.assignments["source_id"]) == {"old"}
    reg.add_offset("extra", "closure", "steel", "Jinan", "2025", capacity_unit="Mt/a", capacity=0.7)
    ok = reg.allocate("new")
    assert ok.approved and ok.committed
    cap = ok.assignments[ok.assignments["dimension"] == "capacity"]
    # Oldest first: old (2024) gives 1.0, then extra (2025) 0.5 of its 0.7.
    assert list(cap["source_id"]) == ["old", "extra"]
    assert list(cap["amount"]) == pytest.approx([1.0, 0.5])
    remaining = reg.sources().set_index(["source_id", "dimension"])["remaining"]
    assert remaining[("extra", "capacity")] == pytest.approx(0.2)
    assert len(reg.assignments("new")) == len(ok.assignments)
    assert reg.release("new") == len(ok.assignments)
    assert reg.assignments().empty
    assert reg.sources().set_index(["source_id", "dimension"])["remaining"][
        ("extra", "capacity")
    ] == pytest.approx(0.7)


def test_import_is_all_or_nothing_and_names_every_bad_cell(reg, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text(
        HEADER + "p1,Ok,Zibo,coking,operating,1,Mt/a,1,1,1,1,1,1,,2010,,,\n"
        "p2,Bad,Zibo,coking,closed,1,Mt/a,1,1,1,1,x,1,,2010,,,\n"
    )
    with pytest.raises(ValueError) as error:
        reg.import_csv(path)
    message = str(error.value)
    assert "p.csv line 3, column 'status': 'closed'" in message
    assert "p.csv line 3, column 'nox_t': value 'x' is not a number" in message
    assert reg.projects().empty


def test_export_round_trips(reg, tmp_path):
    reg.add_project(**steel("a", note='quoted "note", with comma'))
    reg.export_csv(tmp_path / "out.csv")
    copy = Register(tmp_path / "copy.db")
    assert copy.import_csv(tmp_path / "out.csv") == 1
    pd.testing.assert_frame_equal(copy.projects(), reg.projects())


def test_audit_trail_cannot_be_rewritten(reg):
    reg.add_project(**steel("a"))
    trail = reg.audit()
    assert list(trail["action"]) == ["migrate", "add_project"]
    assert '"id":"a"' in trail.iloc[-1]["after"]
    with sqlite3.connect(reg.path) as db:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute("DELETE FROM audit")


def test_monitoring_flags_and_totals(reg, tmp_path):
    reg.add_project(**steel("a", status="operating"))
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("project_id,period,co2_t,energy_tce\na,2024,2000000,400000\n")
    flags = reg.monitor(actuals)
    over = flags[flags["over"]]
    assert list(over["dimension"]) == ["co2_t"]
    assert over["excess"].iloc[0] == pytest.approx(200000)
    caps = tmp_path / "caps.csv"
    caps.write_text("year,dimension,cap\n2024,co2_t,1500000\n")
    totals = reg.totals(caps).set_index("dimension")
    assert bool(totals.loc["co2_t", "over"])
    assert math.isnan(totals.loc["energy_tce", "cap"])
    assert len(reg.monitor()) == 2  # stored figures, nothing loaded


def test_classify_returns_the_disposal(reg):
    reg.add_project(
        **steel("c", project_type="cement_clinker", status="operating", unit_energy=120)
    )
    frame = reg.classify()
    assert frame.loc["c", "disposal"] == "retrofit_or_phase_out"
    assert frame.loc["c", "baseline"] == 117


def test_user_rules_file_overrides_the_defaults(tmp_path):
    rules = tmp_path / "rules.csv"
    rules.write_text(
        "rule,project_type,dimension,value,unit,tag,source\n"
        "ratio_key_region,steel,capacity,3,x,U,my scenario\n"
    )
    reg = Register(tmp_path / "r.db", rules=rules)
    reg.add_project(**steel("a"))
    assert reg.requirement("a")["capacity"] == pytest.approx(3.0)


def _cli(argv):
    parser = argparse.ArgumentParser(prog="peakpath")
    add_register_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


@pytest.mark.parametrize(
    "command",
    [
        "init",
        "import",
        "list",
        "classify",
        "require",
        "allocate",
        "release",
        "monitor",
        "export",
        "verify",
    ],
)
def test_every_cli_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as done:
        _cli(["register", command, "--help"])
    assert done.value.code == 0
    assert f"peakpath register {command}" in capsys.readouterr().out


def test_cli_workflow(tmp_path, capsys):
    db = str(tmp_path / "r.db")
    projects = tmp_path / "p.csv"
    projects.write_text(
        HEADER + "new,New,Jinan,steel,proposed,1,Mt/a,1,1,1,1,1,1,,2026,,,\n"
        "old,Old,Jinan,steel,retired,2,Mt/a,9,9,9,9,9,9,,1990,2024,,\n"
    )
    assert _cli(["register", "init", db]) == 0
    assert _cli(["register", "import", db, str(projects)]) == 0
    assert "imported 2 projects" in capsys.readouterr().out
    assert _cli(["register", "require", db, "new"]) == 0
    assert "1.5" in capsys.readouterr().out
    assert _cli(["register", "allocate", db, "new", "--dry-run"]) == 0
    assert "nothing stored" in capsys.readouterr().out
    assert _cli(["register", "allocate", db, "new"]) == 0
    assert "new: approved; stored" in capsys.readouterr().out
    assert _cli(["register", "release", db, "new"]) == 0
    assert "released 7 assignments" in capsys.readouterr().out
    out = tmp_path / "out.csv"
    assert _cli(["register", "export", db, str(out)]) == 0
    assert out.read_text().startswith("id,name,city,project_type")
    assert _cli(["register", "list", db, "--status", "retired"]) == 0
    assert "old" in capsys.readouterr().out
