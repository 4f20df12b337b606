"""peakpath.input_output against Miller & Blair (2009) ch. 2 and pymrio's small MRIO
(IndEcol/pymrio tests/test_math.py), with numpy and pandas inputs."""
import numpy as np
import pandas as pd
import pytest

from peakpath.input_output import InputOutput


def test_miller_blair_chapter_2():
    io = InputOutput([[150, 500], [200, 100]], [350, 1700], [[300, 500]])
    np.testing.assert_allclose(io.x, [1000, 2000])
    np.testing.assert_allclose(io.A, [[0.15, 0.25], [0.20, 0.05]])
    np.testing.assert_allclose(io.L, [[1.25412541, 0.330033], [0.2640264, 1.12211221]], rtol=1e-7)
    np.testing.assert_allclose(io.output_for([600, 1500]), [1247.5, 1841.6], atol=0.05)
    np.testing.assert_allclose(io.S, [[0.3, 0.25]])


def small_mrio():
    idx = pd.MultiIndex.from_product([["reg1", "reg2"], ["s1", "s2", "s3"]])
    Z = pd.DataFrame(
        [
            [10, 5, 1, 6, 5, 7],
            [0, 2, 0, 0, 5, 3],
            [10, 3, 20, 4, 2, 0],
            [5, 0, 0, 1, 10, 9],
            [0, 10, 1, 0, 20, 1],
            [5, 0, 0, 1, 10, 10],
        ],
        index=idx,
        columns=idx,
        dtype=float,
    )
    Y = pd.DataFrame(
        [[14, 3], [2.5, 2.5], [13, 6], [5, 20], [10, 10], [3, 10]],
        index=idx,
        columns=["reg1", "reg2"],
    )
    F = pd.DataFrame(
        [[20, 1, 42, 4, 20, 5], [5, 4, 11, 8, 2, 10]], index=["e1", "e2"], columns=idx, dtype=float
    )
    return Z, Y, F


def test_pymrio_small_mrio_with_labels():
    Z, Y, F = small_mrio()
    io = InputOutput(Z, Y, F)
    np.testing.assert_allclose(io.x.to_numpy(), [51, 15, 58, 50, 52, 39])
    assert io.L.loc[("reg1", "s1"), ("reg1", "s2")] == pytest.approx(0.9689762471208287, 1e-12)
    assert io.G.iloc[0, 1] == pytest.approx(0.28499301, abs=1e-8)
    np.testing.assert_allclose(
        io.M.loc["e1"].to_numpy(),
        [
            0.896638324101429,
            1.7965474933011258,
            1.1666796580507097,
            0.3013124703668342,
            1.4371886818255364,
            0.7177624711634629,
        ],
        rtol=1e-12,
    )
    cba = io.consumption_footprint()
    # pymrio D_cba summed over reg1's sectors (ext_type_1).
    assert cba.loc["e1", "reg1"] == pytest.approx(
        14.059498889254174 + 18.863255551508175 + 17.32012296814962, rel=1e-12
    )
    np.testing.assert_allclose(cba.sum(axis=1), F.sum(axis=1))
    pd.testing.assert_frame_equal(io.production_footprint(), F)
    assert list(io.output_multipliers.index) == list(Z.index)


def test_bad_tables():
    with pytest.raises(ValueError, match=r"InputOutput: Z\[1,0\] = -3: must be non-negative"):
        InputOutput([[1, 2], [-3, 4]], [5, 6])
    with pytest.raises(ValueError, match="does not match size of Y rows"):
        InputOutput([[1, 2], [3, 4]], [5, 6, 7])
    with pytest.raises(ValueError, match="singular"):
        InputOutput([[5.0]], [0.0])
