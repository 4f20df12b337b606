"""Folders depend on each other in one direction (docs/architecture.md): every #include of
another folder's header, in include/ and src/, points to a folder lower in the order, and the
register depends only on the folders below the scenario. A cycle between folders fails here."""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]

# Lower rank = more basic. A folder may include only folders of lower rank.
RANK = {
    "core": 0,
    "energy": 1,
    "sector": 1,
    "input_output": 1,
    "data": 2,
    "scenario": 3,
    "diffusion": 3,
    "register": 3,
    "stock": 4,
    "model": 5,
    "targets": 6,
    "analysis": 7,
}
INCLUDE = re.compile(r'#include\s+[<"]peakpath/([a-z_]+)/')


def folder_of(path: pathlib.Path) -> str:
    parts = path.relative_to(ROOT).parts
    return parts[2] if parts[0] == "include" else parts[1]


def test_every_include_points_down_the_order():
    files = [
        p for p in (ROOT / "include" / "peakpath").rglob("*.hpp") if p.parent.name != "peakpath"
    ]
    files += [p for p in (ROOT / "src").rglob("*.[ch]pp") if p.parent != ROOT / "src"]
    assert files
    wrong = []
    for path in files:
        here = folder_of(path)
        assert here in RANK, f"{path}: folder {here!r} has no place in the order"
        for target in INCLUDE.findall(path.read_text()):
            if target != here and RANK[target] >= RANK[here]:
                wrong.append(f"{path.relative_to(ROOT)} ({here}) includes {target}")
    assert wrong == []


def test_data_never_includes_the_register():
    for path in list((ROOT / "include/peakpath/data").glob("*.hpp")) + list(
        (ROOT / "src/data").glob("*.cpp")
    ):
        assert "peakpath/register/" not in path.read_text(), path
