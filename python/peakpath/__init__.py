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
from . import analysis, diffusion, input_output, stock  # noqa: E402
from .analysis import lmdi, lmdi_chained, sample, sobol_indices  # noqa: E402
from .input_output import InputOutput  # noqa: E402
from .decomposition import decompose  # noqa: E402
from .model import fuel_catalogue, load_dataset, run  # noqa: E402
from .peak import Peak, peak  # noqa: E402
from .register import Allocation, Register  # noqa: E402
from .results import INDICATOR_NAMES, Results  # noqa: E402
from .scenario import Scenario  # noqa: E402

__version__ = _core.__version__
__all__ = [
    "__version__",
    "Allocation",
    "DataError",
    "Error",
    "INDICATOR_NAMES",
    "InputOutput",
    "IntegrationError",
    "Peak",
    "Register",
    "Results",
    "Scenario",
    "analysis",
    "decompose",
    "diffusion",
    "fuel_catalogue",
    "input_output",
    "lmdi",
    "lmdi_chained",
    "load_dataset",
    "peak",
    "run",
    "sample",
    "sobol_indices",
    "stock",
]
