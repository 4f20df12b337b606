"""Writes the baseline images of test_plot_images.py (run after a deliberate change to a figure,
look at every image, then commit them):

    MPLBACKEND=Agg PYTHONPATH=build/python /usr/bin/python3 tests/python/make_plot_baselines.py
"""
import os
import sys

import matplotlib

matplotlib.use("Agg")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from plot_cases import BASELINE_DIR, CASES, render  # noqa: E402

os.makedirs(BASELINE_DIR, exist_ok=True)
for name in CASES:
    path = os.path.join(BASELINE_DIR, f"{name}.png")
    render(name, path)
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")
