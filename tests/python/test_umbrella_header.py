"""The umbrella header includes every public header (issue 11): a C++ user who includes
<peakpath/peakpath.hpp> gets the whole public API, and a new header cannot be forgotten."""
import pathlib
import re

INCLUDE = pathlib.Path(__file__).resolve().parents[2] / "include"


def test_umbrella_includes_every_public_header():
    umbrella = INCLUDE / "peakpath" / "peakpath.hpp"
    included = set(re.findall(r'#include "(peakpath/[^"]+)"', umbrella.read_text()))
    public = {
        str(p.relative_to(INCLUDE))
        for p in INCLUDE.rglob("*.hpp")
        if "detail" not in p.parts and p != umbrella
    }
    assert public - included == set(), "missing from peakpath.hpp"
    assert included - public == set(), "peakpath.hpp includes what is not a public header"
