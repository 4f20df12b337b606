"""peakpath: carbon peaking and industrial transition simulator."""
from . import _core

__version__ = _core.__version__
__all__ = ["__version__"]
