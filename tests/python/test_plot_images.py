"""Image comparison of every figure against the committed baselines (synthetic inputs, fixed
style, Agg, 60 dpi). After a deliberate change: tests/python/make_plot_baselines.py."""
import os

import matplotlib
import pytest
from matplotlib.testing.compare import compare_images

from plot_cases import BASELINE_DIR, CASES, render

TOLERANCE = 3.0  # RMS over 0-255 grey levels: absorbs anti-aliasing, not a moved element


@pytest.fixture(autouse=True)
def _agg():
    backend = matplotlib.get_backend()
    matplotlib.use("Agg")
    yield
    matplotlib.use(backend)


@pytest.mark.parametrize("name", CASES)
def test_figure_matches_its_baseline(name, tmp_path):
    actual = str(tmp_path / f"{name}.png")
    render(name, actual)
    expected = os.path.join(BASELINE_DIR, f"{name}.png")
    assert os.path.exists(expected), f"no baseline {expected}: run make_plot_baselines.py"
    assert compare_images(expected, actual, tol=TOLERANCE) is None


def test_a_changed_figure_fails_the_comparison(tmp_path):
    # The comparison is not vacuous: another figure's image does not pass for this one.
    actual = str(tmp_path / "fan.png")
    render("fan", actual)
    result = compare_images(os.path.join(BASELINE_DIR, "peak_years.png"), actual, tol=TOLERANCE)
    assert result is not None
