"""Packaging: the CLI, `python3 -m peakpath`, and `pip install --no-build-isolation .` in a venv."""
import os
import subprocess
import sys
import venv

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def test_cli_run_writes_tables_and_plot(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "peakpath", "run", "shandong/baseline", "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "CO2 peak" in proc.stdout and "2035" in proc.stdout
    names = sorted(os.listdir(out))
    assert names == [
        "shandong_baseline_emissions.csv",
        "shandong_baseline_emissions_by_sector.png",
        "shandong_baseline_iamc.csv",
        "shandong_baseline_indicators.csv",
    ]
    assert (out / "shandong_baseline_emissions_by_sector.png").read_bytes()[
        :8
    ] == b"\x89PNG\r\n\x1a\n"


def test_cli_help():
    proc = subprocess.run(
        [sys.executable, "-m", "peakpath", "run", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "--out" in proc.stdout


@pytest.mark.skipif(not os.path.exists("/usr/bin/python3"), reason="needs the Debian Python")
def test_pip_install_in_a_throwaway_venv(tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(env_dir)
    python = str(env_dir / "bin" / "python")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PEAKPATH_DATA_DIR")}
    install = subprocess.run(
        [
            python,
            "-m",
            "pip",
            "install",
            "--no-build-isolation",
            "--no-index",
            "--no-deps",
            "--no-cache-dir",
            "-q",
            ROOT,
        ],
        capture_output=True,
        text=True,
        env={**env, "TMPDIR": str(tmp_path)},
        cwd=str(tmp_path),
    )
    assert install.returncode == 0, install.stdout + install.stderr
    check = subprocess.run(
        [
            python,
            "-c",
            "import peakpath as pp, os; r = pp.run('shandong/baseline');"
            "print(os.path.dirname(pp.__file__), round(r.indicators().co2_total_mt[2020]))",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=str(tmp_path),
    )
    assert check.returncode == 0, check.stderr
    location, co2 = check.stdout.split()
    assert location.startswith(str(env_dir)), location
    assert co2 == "937"
