"""The command line never shows a traceback for a user error (issue 13, item 7): one line on
stderr and a documented exit code (README, "Command line"); a closed pipe ends quietly;
--debug shows the traceback."""
import os
import subprocess
import sys

import pytest

import peakpath as pp
from peakpath import cli

PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable


def peakpath(*args, **kwargs):
    return subprocess.run(
        [PYTHON, "-m", "peakpath", *args], capture_output=True, text=True, timeout=600, **kwargs
    )


def one_line_error(proc, code, *needles):
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("peakpath: error: "), proc.stderr
    for needle in needles:
        assert needle in lines[0], proc.stderr
    return lines[0]


def test_out_path_on_a_file_is_an_io_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    proc = peakpath("run", "shandong/baseline", "--out", str(blocker))
    one_line_error(proc, cli.EXIT_IO, str(blocker), "File exists")
    proc = peakpath("targets", "shandong/baseline", "--out", str(blocker / "sub"))
    one_line_error(proc, cli.EXIT_IO, str(blocker / "sub"), "Not a directory")


def test_debug_shows_the_traceback(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    proc = peakpath("--debug", "run", "shandong/baseline", "--out", str(blocker))
    assert proc.returncode == cli.EXIT_IO
    assert "Traceback" in proc.stderr and "FileExistsError" in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith("peakpath: error: ")
    # also after the subcommand
    proc = peakpath("run", "shandong/baseline", "--out", str(blocker), "--debug")
    assert "Traceback" in proc.stderr


def test_bad_input_is_exit_2(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: t\ndataset: shandong\nhorizn: 2050\n")
    one_line_error(
        peakpath("run", str(bad), "--out", str(tmp_path)),
        cli.EXIT_BAD_INPUT,
        "bad.yaml line 3, key 'horizn': unknown key",
    )
    one_line_error(
        peakpath("targets", "shandong/nothing", "--out", str(tmp_path)),
        cli.EXIT_BAD_INPUT,
        "nothing",
    )


def test_ensemble_n_out_of_range_is_a_usage_error(tmp_path):
    spec = os.path.join(
        os.path.dirname(__file__),
        "..",
        "..",
        "data",
        "shandong",
        "ensembles",
        "baseline_uncertainty.yaml",
    )
    proc = peakpath("ensemble", spec, "--n", "1e21", "--out", str(tmp_path))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "argument --n: '1e21': must be a whole number from 1 to 1e+09" in proc.stderr
    proc = peakpath("ensemble", spec, "--n", str(10**21), "--out", str(tmp_path))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_bad_scheduler_address_is_an_io_error(tmp_path):
    spec = os.path.join(
        os.path.dirname(__file__),
        "..",
        "..",
        "data",
        "shandong",
        "ensembles",
        "baseline_uncertainty.yaml",
    )
    pytest.importorskip("distributed")
    proc = peakpath(
        "ensemble",
        spec,
        "--scheduler",
        "nonsense://no-such-host",
        "--quiet",
        "--out",
        str(tmp_path),
    )
    one_line_error(
        proc, cli.EXIT_IO, "cannot reach the Dask scheduler at 'nonsense://no-such-host'"
    )


def test_closed_pipe_ends_quietly(tmp_path):
    proc = subprocess.Popen(
        [PYTHON, "-m", "peakpath", "targets", "shandong/baseline", "--out", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # the reader is gone before anything is written (`| head -0`)
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=600) == cli.EXIT_PIPE
    assert err == ""


def _as_nobody():
    os.setgid(65534)
    os.setuid(65534)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="runs the command as 'nobody' (root writes any file), which needs root",
)
def test_read_only_register_is_one_line():
    import shutil
    import tempfile

    top = tempfile.mkdtemp(prefix="peakpath-ro-")  # not under pytest's root-only tmp dir
    try:
        os.chmod(top, 0o755)
        db = os.path.join(top, "reg.db")
        pp.Register(db)  # created by root: read-only for nobody
        os.chmod(db, 0o644)
        csv = os.path.join(top, "p.csv")
        shutil.copy(
            os.path.join(
                os.path.dirname(__file__),
                "..",
                "..",
                "data",
                "shandong",
                "register",
                "sample_projects.csv",
            ),
            csv,
        )
        os.chmod(csv, 0o644)
        proc = peakpath("register", "import", db, csv, preexec_fn=_as_nobody)
        # the register says why it cannot be opened: a file the user gave that cannot be written
        one_line_error(proc, cli.EXIT_BAD_INPUT, db, "readonly database")
    finally:
        shutil.rmtree(top, ignore_errors=True)


@pytest.mark.parametrize(
    "error, code, text",
    [
        (KeyboardInterrupt(), cli.EXIT_INTERRUPTED, "peakpath: error: interrupted"),
        (
            pp.DataError("f.yaml line 2: bad"),
            cli.EXIT_BAD_INPUT,
            "peakpath: error: f.yaml line 2: bad",
        ),
        (
            PermissionError(13, "Permission denied", "/x/y"),
            cli.EXIT_IO,
            "peakpath: error: /x/y: Permission denied",
        ),
        (pp._core.Error("run failed"), cli.EXIT_FAILED, "peakpath: error: run failed"),
        (
            __import__("sqlite3").OperationalError("database is locked"),
            cli.EXIT_IO,
            "peakpath: error: database: database is locked",
        ),
        (
            RuntimeError("oops\nsecond line"),
            cli.EXIT_INTERNAL,
            "peakpath: error: internal error: RuntimeError: oops second line",
        ),
    ],
)
def test_each_error_maps_to_one_line_and_its_code(monkeypatch, capsys, tmp_path, error, code, text):
    import peakpath.cli_targets as cli_targets

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(cli_targets, "_check", fail)
    assert cli.main(["targets", "shandong/baseline", "--out", str(tmp_path)]) == code
    err = capsys.readouterr().err
    assert err.splitlines()[0].startswith(text) and len(err.splitlines()) == 1
