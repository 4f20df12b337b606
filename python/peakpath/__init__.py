"""peakpath: carbon peaking and industrial transition simulator.

Quick use::

    import peakpath as pp
    res = pp.run(pp.Scenario.load("shandong/baseline"))
    res.indicators()
"""
import os as _os

# A wheel ships the data inside the package; a source build finds it in the tree.
_PACKAGED_DATA = _os.path.join(_os.path.dirname(__file__), "data")
if _os.path.isdir(_PACKAGED_DATA) and not _os.environ.get("PEAKPATH_DATA_DIR"):
    _os.environ["PEAKPATH_DATA_DIR"] = _PACKAGED_DATA

from . import _core  # noqa: E402
from ._core import DataError, Error, IntegrationError  # noqa: E402
from . import analysis, batch, diffusion, input_output, stock  # noqa: E402
from .analysis import lmdi, lmdi_chained, sample, sobol_indices  # noqa: E402
from .input_output import InputOutput  # noqa: E402
from .batch import run_many  # noqa: E402
from .calibration import calibration_report  # noqa: E402
from .comparison import compare  # noqa: E402
from .decomposition import decompose  # noqa: E402
from .ensemble import EnsembleResult, ensemble  # noqa: E402
from .goal_seeking import goal_seek  # noqa: E402
from .lever_address import lever_catalogue  # noqa: E402
from .model import fuel_catalogue, load_dataset, run  # noqa: E402
from .peak import Peak, peak  # noqa: E402
from .register import Allocation, Register  # noqa: E402
from .results import INDICATOR_NAMES, Results  # noqa: E402
from .scenario import Scenario  # noqa: E402
from .sensitivity import sensitivity  # noqa: E402
from .targets import TargetReport, Targets, check_targets  # noqa: E402

__version__ = _core.__version__
__all__ = [
    "__version__",
    "Allocation",
    "DataError",
    "EnsembleResult",
    "Error",
    "INDICATOR_NAMES",
    "InputOutput",
    "IntegrationError",
    "Peak",
    "Register",
    "Results",
    "Scenario",
    "TargetReport",
    "Targets",
    "analysis",
    "batch",
    "check_targets",
    "compare",
    "decompose",
    "diffusion",
    "ensemble",
    "fuel_catalogue",
    "goal_seek",
    "input_output",
    "lever_catalogue",
    "lmdi",
    "lmdi_chained",
    "load_dataset",
    "peak",
    "run",
    "calibration_report",
    "run_many",
    "sample",
    "sensitivity",
    "sobol_indices",
    "stock",
]
