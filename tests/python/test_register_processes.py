# SPDX-License-Identifier: Apache-2.0
"""The register under real concurrency and real kills: separate processes, SIGKILL."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from peakpath.register import Register

PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable

# The test seam lives here, not in the library: a preloaded shim that wraps SQLite's
# sqlite3_exec and, when the library sends "COMMIT", writes a marker file and waits forever,
# so that the test can kill the process inside an open write transaction.
PAUSE_SHIM = textwrap.dedent(
    r"""
    #include <dlfcn.h>
    #include <unistd.h>
    #include <cstdlib>
    #include <cstring>
    #include <fstream>
    using Callback = int (*)(void*, int, char**, char**);
    using Exec = int (*)(void*, const char*, Callback, void*, char**);
    extern "C" int sqlite3_exec(void* db, const char* sql, Callback cb, void* arg, char** err) {
      // The extension module loads SQLite privately (RTLD_LOCAL): ask the library itself.
      static const Exec real = reinterpret_cast<Exec>(
          dlsym(dlopen("libsqlite3.so.0", RTLD_LAZY), "sqlite3_exec"));
      const char* marker = std::getenv("PAUSE_AT_COMMIT_MARKER");
      if (marker && *marker && std::strcmp(sql, "COMMIT") == 0) {
        std::ofstream(marker) << "in transaction\n";
        for (;;) pause();
      }
      return real(db, sql, cb, arg, err);
    }
"""
)


@pytest.fixture(scope="module")
def pause_shim(tmp_path_factory):
    directory = tmp_path_factory.mktemp("shim")
    source = directory / "pause_at_commit.cpp"
    source.write_text(PAUSE_SHIM)
    shim = directory / "pause_at_commit.so"
    subprocess.run(
        ["g++", "-shared", "-fPIC", "-O1", "-o", str(shim), str(source), "-ldl"], check=True
    )
    return str(shim)


# A worker: waits for the start signal, then tries to allocate each project in turn.
WORKER = textwrap.dedent(
    """
    import json, os, sys, time
    from peakpath.register import Register
    db, go, order = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
    reg = Register(db)
    while not os.path.exists(go):
        time.sleep(0.001)
    approved = []
    for pid in order:
        try:
            if reg.allocate(pid).approved:
                approved.append(pid)
        except ValueError:  # the other process already holds this project's allocation
            pass
    print(json.dumps(approved))
"""
)


def _project(id, **changes):
    fields = dict(
        id=id,
        name=id,
        city="Jinan",
        project_type="steel",
        status="proposed",
        capacity=1.0,
        capacity_unit="Mt/a",
        energy_tce=1.0,
        coal_t=1.0,
        co2_t=1.0,
        so2_t=1.0,
        nox_t=1.0,
        pm_t=1.0,
        commissioned="2026",
    )
    fields.update(changes)
    return fields


def _env(**extra):
    env = dict(os.environ)
    env.update(extra)
    return env


def _wait_for(path, process, seconds=30.0):
    deadline = time.monotonic() + seconds
    while not os.path.exists(path):
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, "the child never reached its commit"
        time.sleep(0.005)


def _snapshot(db):
    with sqlite3.connect(db) as con:
        return {
            table: con.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("projects", "offsets", "allocations", "actuals", "audit")
        }


def test_two_processes_allocating_at_once_never_use_an_amount_twice(tmp_path):
    db = str(tmp_path / "r.db")
    reg = Register(db)
    # One source with 10 Mt/a; each project needs 1.5 (Jinan is a key region): 6 fit.
    reg.add_project(
        **_project(
            "old",
            status="retired",
            retired="2024",
            commissioned="2000",
            capacity=10.0,
            energy_tce=1e3,
            coal_t=1e3,
            co2_t=1e3,
            so2_t=1e3,
            nox_t=1e3,
            pm_t=1e3,
        )
    )
    ids = [f"p{i:02d}" for i in range(16)]
    for pid in ids:
        reg.add_project(**_project(pid))
    go = str(tmp_path / "go")
    workers = [
        subprocess.Popen(
            [PYTHON, "-c", WORKER, db, go, ",".join(order)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
        )
        for order in (ids, ids[::-1])
    ]
    time.sleep(0.3)  # both have opened the register
    open(go, "w").close()
    results = []
    for w in workers:
        out, err = w.communicate(timeout=120)
        assert w.returncode == 0, err
        results.append(json.loads(out))
    approved = results[0] + results[1]
    assert len(approved) == len(set(approved)) == 6
    with sqlite3.connect(db) as con:
        used = con.execute(
            "SELECT source_id, dimension, SUM(amount) FROM allocations "
            "GROUP BY source_id, dimension"
        ).fetchall()
        holders = {r[0] for r in con.execute("SELECT DISTINCT project_id FROM allocations")}
    assert holders == set(approved)
    totals = {("old", "capacity"): 10.0}
    for source, dimension, amount in used:
        assert amount <= totals.get((source, dimension), 1e3) * (1 + 1e-12)
    assert dict(((s, d), a) for s, d, a in used)[("old", "capacity")] == pytest.approx(9.0)


@pytest.mark.parametrize("operation", ["import", "allocate"])
def test_a_process_killed_mid_transaction_leaves_the_register_as_it_was(
    tmp_path, operation, pause_shim
):
    db = str(tmp_path / "r.db")
    reg = Register(db)
    reg.add_project(**_project("new"))
    reg.add_project(
        **_project(
            "old",
            status="retired",
            retired="2024",
            commissioned="2000",
            capacity=5.0,
            energy_tce=10,
            coal_t=10,
            co2_t=10,
            so2_t=10,
            nox_t=10,
            pm_t=10,
        )
    )
    csv = tmp_path / "many.csv"
    rows = [
        "id,name,city,project_type,status,capacity,capacity_unit,energy_tce,coal_t,co2_t,"
        "so2_t,nox_t,pm_t"
    ]
    rows += [f"m{i},M{i},Zibo,coking,operating,1,Mt/a,1,1,1,1,1,1" for i in range(300)]
    csv.write_text("\n".join(rows) + "\n")
    before = _snapshot(db)
    marker = str(tmp_path / "in-transaction")
    code = "import sys; from peakpath.register import Register; r = Register(sys.argv[1]); " + (
        "r.import_csv(sys.argv[2])" if operation == "import" else "r.allocate('new')"
    )
    child = subprocess.Popen(
        [PYTHON, "-c", code, db, str(csv)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(PAUSE_AT_COMMIT_MARKER=marker, LD_PRELOAD=pause_shim),
    )
    _wait_for(marker, child)
    # The child holds an open write transaction with every row written: kill it there.
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    assert _snapshot(db) == before
    reopened = Register(db)
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The register still works after the crash, and its audit trail is intact.
    assert reopened.allocate("new").approved
    assert reopened.verify().ok
