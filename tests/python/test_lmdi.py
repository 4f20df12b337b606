"""LMDI from Python: published numbers, exactness, zero limits, chaining and bad input."""
import numpy as np
import pandas as pd
import pytest

from peakpath import analysis as an

# The worked case of the LMDIR package's test suite (M. K. Heun, github.com/MatthewHeun/LMDIR,
# tests/testthat/test_lmdi.R, create_simple_LMDI()): 2 sub-categories x 3 factors, 1971-1974.
LMDIR = {
    1971: [[1, 10, 2], [4, 5, 3]],
    1972: [[4, 5, 3], [5, 6, 4]],
    1973: [[8, 2, 4], [5, 7, 5]],
    1974: [[10, 1, 5], [6, 8, 6]],
}
FACTORS = ["activity", "structure", "intensity"]


def frame(year):
    return pd.DataFrame(LMDIR[year], index=["sub1", "sub2"], columns=FACTORS)


def lmdi_reference(x0, xT, kind, variant):
    """Ang (2015), Energy Policy 86:233, Table 1, written plainly for positive data."""

    def L(a, b):
        return np.where(a == b, a, (a - b) / (np.log(a) - np.log(b)))

    v0, vT = x0.prod(axis=1), xT.prod(axis=1)
    V0, VT = v0.sum(), vT.sum()
    logs = np.log(xT / x0)
    if variant == "I":
        w = L(vT, v0) if kind == "additive" else L(vT, v0) / L(VT, V0)
    else:
        s = L(vT / VT, v0 / V0)
        w = s / s.sum() * (L(VT, V0) if kind == "additive" else 1.0)
    effects = (w[:, None] * logs).sum(axis=0)
    return effects if kind == "additive" else np.exp(effects)


def test_additive_lmdi_i_matches_lmdir_package():
    r = an.lmdi(frame(1971), frame(1972))
    assert list(r.effects.index) == FACTORS
    np.testing.assert_allclose(
        r.effects.values, [69.79006598, -9.455125793, 39.66505981], rtol=1e-9
    )
    np.testing.assert_allclose(
        r.contributions.loc["sub1"].values, [50.47438029, -25.23719014, 14.76280986], rtol=1e-9
    )
    assert r.total == 100.0 and r.kind == "additive" and r.variant == "I"


def test_multiplicative_lmdi_i_matches_lmdir_package():
    r = an.lmdi(frame(1972), frame(1973), kind="multiplicative")
    np.testing.assert_allclose(r.effects.values, [1.229284572, 0.847970248, 1.273773912], rtol=1e-9)
    assert r.total == pytest.approx(1.327777778, rel=1e-9)


def test_chained_over_years_matches_lmdir_cumulative_totals():
    chain = an.lmdi_chained({y: frame(y) for y in LMDIR})
    assert list(chain.effects_by_period.index) == ["1971-1972", "1972-1973", "1973-1974"]
    np.testing.assert_allclose(
        chain.effects_by_period["activity"].values,
        [69.79006598, 42.96021467, 54.01064234],
        rtol=1e-9,
    )
    assert chain.total == 258.0  # LMDIR: dV_agg_cum = 258
    assert chain.effects.sum() == pytest.approx(258.0, rel=1e-13)
    assert list(chain.contributions.index) == ["sub1", "sub2"]


@pytest.mark.parametrize("kind", ["additive", "multiplicative"])
@pytest.mark.parametrize("variant", ["I", "II"])
def test_matches_plain_numpy_formulae_and_is_exact(kind, variant):
    rng = np.random.default_rng(3)
    for _ in range(50):
        x0 = rng.uniform(0.1, 50, size=(5, 4))
        xT = rng.uniform(0.1, 50, size=(5, 4))
        r = an.lmdi(x0, xT, kind=kind, variant=variant)
        np.testing.assert_allclose(
            r.effects.values, lmdi_reference(x0, xT, kind, variant), rtol=1e-11
        )
        if kind == "additive":
            assert r.effects.sum() == pytest.approx(r.vT - r.v0, rel=1e-12, abs=1e-12 * r.v0)
        else:
            assert np.log(r.effects.prod()) == pytest.approx(np.log(r.vT / r.v0), abs=1e-12)


def test_swapping_periods_negates_additive_effects():
    rng = np.random.default_rng(4)
    x0, xT = rng.uniform(1, 9, (3, 3)), rng.uniform(1, 9, (3, 3))
    for variant in ("I", "II"):
        np.testing.assert_allclose(
            an.lmdi(x0, xT, variant=variant).effects,
            -an.lmdi(xT, x0, variant=variant).effects,
            rtol=1e-12,
        )


def test_zero_values_take_their_analytic_limits():
    # LMDIR test_lmdi.R "degenerate values" (Ang, Zhang & Choi 1998, Table 2).
    x0 = frame(1971)
    x0.iloc[0, 0] = 0.0
    r = an.lmdi(x0, frame(1972))
    np.testing.assert_array_equal(r.contributions.loc["sub1"].values, [60.0, 0.0, 0.0])
    assert r.effects.sum() == pytest.approx(r.vT - r.v0, rel=1e-14)


def test_bad_input_names_argument_index_and_value():
    ones = np.ones((2, 3))
    with pytest.raises(
        ValueError, match=r"lmdi: shape of x0 \(2, 3\) does not match shape of " r"xT \(3, 3\)"
    ):
        an.lmdi(ones, np.ones((3, 3)))
    bad = ones.copy()
    bad[1, 2] = -2.0
    with pytest.raises(ValueError, match=r"lmdi: xT\[1,2\] = -2: must be non-negative"):
        an.lmdi(ones, bad)
    bad[1, 2] = np.inf
    with pytest.raises(ValueError, match=r"lmdi: x0\[1,2\] = inf: must be finite"):
        an.lmdi(bad, ones)
    with pytest.raises(ValueError, match="kind = 'ratio'"):
        an.lmdi(ones, ones, kind="ratio")
    with pytest.raises(ValueError, match="variant = 'III'"):
        an.lmdi(ones, ones, variant="III")
    with pytest.raises(ValueError, match="must be 2-D"):
        an.lmdi(np.ones(3), np.ones(3))
    with pytest.raises(ValueError, match=r"lmdi_chained: x\[1\]\[0,0\] = nan"):
        an.lmdi_chained([ones, np.full((2, 3), np.nan)])
