"""``python3 -m peakpath``: the command line."""
import sys

from .cli import main

sys.exit(main())
