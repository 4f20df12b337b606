"""Shared fixtures: the repository's data, and a writable copy to corrupt."""
import os
import shutil

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "data")


@pytest.fixture
def data_copy(tmp_path):
    """A writable copy of data/fuels and data/shandong (without the register)."""
    target = tmp_path / "data"
    shutil.copytree(os.path.join(DATA, "fuels"), target / "fuels")
    shutil.copytree(
        os.path.join(DATA, "shandong"),
        target / "shandong",
        ignore=shutil.ignore_patterns("register", "*.py", "__pycache__"),
    )
    return target


@pytest.fixture(scope="session")
def baseline():
    import peakpath as pp

    return pp.run(pp.Scenario.load("shandong/baseline"))
