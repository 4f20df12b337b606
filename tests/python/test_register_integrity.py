# SPDX-License-Identifier: Apache-2.0
"""The register keeps its promises: UTF-8 text, bounded amounts, a tamper-evident audit trail
that verify() checks, and a clear reason when a file cannot be opened."""
import argparse
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import pytest

from peakpath.cli_register import add_register_parser
from peakpath.register import Register
from test_register import steel

HEADER = (
    "id,name,city,project_type,status,capacity,capacity_unit,energy_tce,coal_t,co2_t,"
    "so2_t,nox_t,pm_t\n"
)
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable


@pytest.fixture
def ledger(tmp_path):
    """A register with one retired source, one allocated project and one offset."""
    reg = Register(tmp_path / "r.db")
    reg.add_project(
        **steel(
            "old",
            status="retired",
            retired="2024",
            capacity=5.0,
            energy_tce=5e6,
            coal_t=6e6,
            co2_t=2e7,
            so2_t=1e4,
            nox_t=1e4,
            pm_t=1e4,
        )
    )
    reg.add_project(**steel("new"))
    reg.add_offset("off", "retrofit_savings", "steel", "Jinan", "2024", co2_t=1000)
    assert reg.allocate("new").approved
    return reg


def _sql(reg, *statements):
    with sqlite3.connect(reg.path) as db:
        for statement in statements:
            db.execute(statement)


def _cli(argv):
    parser = argparse.ArgumentParser(prog="peakpath")
    add_register_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


# --- UTF-8 -----------------------------------------------------------------------------------


def test_a_non_utf8_cell_is_refused_naming_file_line_and_column(tmp_path):
    reg = Register(tmp_path / "r.db")
    csv = tmp_path / "p.csv"
    csv.write_bytes(
        (HEADER + "a,Caf\xe9 steel,Jinan,steel,proposed,1,Mt/a,1,1,1,1,1,1\n").encode("latin-1")
    )
    with pytest.raises(ValueError) as error:
        reg.import_csv(csv)
    message = str(error.value)
    assert f"{csv} line 2, column 'name'" in message
    assert "'Caf\\xE9 steel' is not valid UTF-8 (byte 0xE9 at offset 3)" in message
    assert len(reg.projects()) == 0
    # Nothing half-imported: list, export and audit keep working.
    reg.export_csv(tmp_path / "out.csv")
    assert reg.verify().ok


def test_text_that_python_cannot_encode_never_reaches_the_register(tmp_path):
    reg = Register(tmp_path / "r.db")
    with pytest.raises(
        ValueError,
        match=r"add_project: name: 'bad \\udce9': not valid UTF-8 "
        r"\(surrogates not allowed at offset 4\)",
    ):
        reg.add_project(**steel("a", name="bad \udce9"))
    with pytest.raises(ValueError, match="allocate: project id"):
        reg.allocate("x\udcff")
    assert len(reg.projects()) == 0


# --- magnitudes ------------------------------------------------------------------------------


def test_1e308_t_so2_is_refused_naming_the_field_and_value(tmp_path):
    reg = Register(tmp_path / "r.db")
    with pytest.raises(
        ValueError, match=r"so2_t: 1e\+308: must be finite and within " r"\[0, 1e\+08\]"
    ):
        reg.add_project(**steel("a", so2_t=1e308))
    csv = tmp_path / "p.csv"
    csv.write_text(HEADER + "a,A,Jinan,steel,proposed,1,Mt/a,1,1,1,1e308,1,1\n")
    with pytest.raises(
        ValueError,
        match=r"line 2, column 'so2_t': value 1e\+308 must be finite " r"and within \[0, 1e\+08\]",
    ):
        reg.import_csv(csv)
    assert len(reg.projects()) == 0


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"commissioned": "2028-02-30"}, r"commissioned: '2028-02-30': not a date"),
        ({"commissioned": "2027-02-29"}, r"commissioned: '2027-02-29': not a date"),
        (
            {"status": "retired", "commissioned": "2030-05", "retired": "2029"},
            r"retired: '2029': before commissioned '2030-05'",
        ),
    ],
)
def test_impossible_dates_are_refused_naming_the_field(tmp_path, fields, message):
    reg = Register(tmp_path / "r.db")
    with pytest.raises(ValueError, match=message):
        reg.add_project(**steel("a", **fields))
    assert len(reg.projects()) == 0
    # A leap day and a retirement in the year of commissioning are real dates.
    reg.add_project(**steel("b", commissioned="2028-02-29"))
    reg.add_project(**steel("c", status="retired", commissioned="2030-05", retired="2030"))
    assert len(reg.projects()) == 2


def test_amounts_at_the_limits_are_accepted_and_the_requirement_is_finite(tmp_path):
    reg = Register(tmp_path / "r.db")
    reg.add_project(**steel("a", so2_t=1e8, co2_t=1e10, energy_tce=1e9, coal_t=1e9))
    requirement = reg.requirement("a")
    assert all(abs(v) < float("inf") for v in requirement.values())
    assert requirement["so2_t"] > 1e8  # the key-region ratio applies


# --- the audit chain -------------------------------------------------------------------------


def test_a_clean_register_verifies(ledger):
    result = ledger.verify()
    assert result.ok and result.first_break is None
    assert result.entries == len(ledger.audit())
    assert result.head == ledger.audit()["hash"].iloc[-1]
    ledger.release("new")
    ledger.set_status("new", "under_construction")
    assert ledger.verify().ok


def test_the_chain_is_sha256_of_the_previous_hash_and_the_entry(ledger):
    """An independent recomputation with hashlib: the documented formula holds."""
    with sqlite3.connect(ledger.path) as db:
        rows = db.execute(
            "SELECT prev_hash, hash, json_array(at, action, entity, entity_id, "
            "before, after, row_key, row_digest) FROM audit ORDER BY seq"
        ).fetchall()
    prev = ""
    for prev_hash, digest, entry in rows:
        assert prev_hash == prev
        assert digest == hashlib.sha256((prev + entry).encode()).hexdigest()
        prev = digest


@pytest.mark.parametrize(
    "statement, table, reason",
    [
        ("UPDATE projects SET so2_t = 1 WHERE id = 'new'", "projects", "changed outside"),
        (
            "UPDATE projects SET co2_t = co2_t * (1 + 1e-15) WHERE id = 'old'",
            "projects",
            "changed outside",
        ),
        (
            "INSERT INTO projects SELECT 'ghost', name, city, project_type, status, capacity_unit, "
            "capacity, coal_t, energy_tce, co2_t, so2_t, nox_t, pm_t, unit_energy, commissioned, "
            "retired, key_region, note FROM projects WHERE id = 'new'",
            "projects",
            "added outside",
        ),
        (
            "DELETE FROM allocations WHERE seq = (SELECT min(seq) FROM allocations)",
            "allocations",
            "deleted outside",
        ),
        ("UPDATE allocations SET amount = amount / 2", "allocations", "changed outside"),
        ("UPDATE offsets SET verified = 0", "offsets", "changed outside"),
    ],
)
def test_direct_sql_edits_are_detected(ledger, statement, table, reason):
    _sql(ledger, statement)
    result = ledger.verify()
    assert not result.ok
    assert result.first_break.table == table
    assert reason in result.first_break.reason
    assert reason in str(result.first_break)


def test_a_forged_audit_row_is_detected(ledger):
    last = ledger.audit()["hash"].iloc[-1]
    _sql(
        ledger,
        "INSERT INTO audit (at, action, entity, entity_id, before, after, prev_hash, "
        f"hash) VALUES ('2030-01-01T00:00:00Z', 'allocate', 'allocation', 'new', '{{}}', "
        f"'{{}}', '{last}', 'deadbeef')",
    )
    result = ledger.verify()
    assert not result.ok
    assert result.first_break.table == "audit"
    assert result.first_break.seq == len(ledger.audit())
    assert "forged" in result.first_break.reason


def test_a_removed_audit_row_is_detected(ledger):
    _sql(ledger, "DROP TRIGGER audit_no_delete", "DELETE FROM audit WHERE seq = 3")
    result = ledger.verify()
    assert not result.ok and result.first_break.seq == 4
    assert "removed, inserted or reordered" in result.first_break.reason


def test_cli_verify_prints_the_break_and_exits_non_zero(ledger, capsys):
    assert _cli(["register", "verify", ledger.path]) == 0
    assert "ok," in capsys.readouterr().out
    _sql(ledger, "UPDATE projects SET status = 'operating' WHERE id = 'old'")
    assert _cli(["register", "verify", ledger.path]) == 1
    out = capsys.readouterr().out
    assert "BROKEN: projects 'old'" in out and "changed outside the register" in out


# --- opening ---------------------------------------------------------------------------------


def test_a_corrupt_file_says_so(tmp_path):
    path = tmp_path / "r.db"
    Register(path).add_project(**steel("a"))
    data = bytearray(path.read_bytes())
    data[:16] = b"garbage garbage!"
    path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        if os.path.exists(str(path) + suffix):
            os.remove(str(path) + suffix)
    with pytest.raises(ValueError, match="not an SQLite database"):
        Register(path)


def test_a_newer_schema_says_so(tmp_path):
    path = tmp_path / "r.db"
    Register(path)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(ValueError, match="schema version 99 is newer than this peakpath"):
        Register(path)


def test_a_read_only_file_says_so(tmp_path):
    # root writes any file: check as an unprivileged user then, in a directory it can reach.
    demote = None
    directory = tmp_path
    if os.geteuid() == 0:
        directory = tempfile.mkdtemp(prefix="peakpath-readonly-")
        os.chmod(directory, 0o755)

        def demote():
            os.setgid(65534)
            os.setuid(65534)

    path = os.path.join(directory, "r.db")
    Register(path).add_project(**steel("a"))
    os.chmod(path, 0o444)
    code = (
        "import sys; from peakpath.register import Register\n"
        "try:\n    Register(sys.argv[1])\nexcept ValueError as e:\n    print(e)\n"
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        os.path.abspath(p) for p in env.get("PYTHONPATH", "").split(os.pathsep) if p
    )
    try:
        out = subprocess.run(
            [PYTHON, "-c", code, path],
            capture_output=True,
            text=True,
            preexec_fn=demote,
            env=env,
            cwd=directory,
        )
    finally:
        if directory != tmp_path:
            shutil.rmtree(directory)
    assert f"{path}: cannot open the register: the register is read-only" in out.stdout, (
        out.stdout + out.stderr
    )
