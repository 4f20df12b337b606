"""peakpath.stock against ODYM's known results (IndEcol/ODYM tests/test_dynamic_stock_model.py)
and scipy.stats, plus mass balance and bad input."""
import numpy as np
import pytest
import scipy.stats

from peakpath import stock
from peakpath.stock import Lifetime

INFLOW = np.arange(1.0, 11.0)


def test_fixed_lifetime_matches_odym():
    r = stock.inflow_driven(INFLOW, Lifetime.fixed(5))
    np.testing.assert_array_equal(r.stock, [1, 3, 6, 10, 15, 20, 25, 30, 35, 40])
    np.testing.assert_array_equal(r.outflow, [0, 0, 0, 0, 0, 1, 2, 3, 4, 5])
    assert r.stock_by_cohort.shape == (10, 10)
    back = stock.stock_driven(r.stock, Lifetime.fixed(5))
    np.testing.assert_allclose(back.inflow, INFLOW, atol=1e-12)


def test_normal_lifetime_matches_odym_and_balances():
    r = stock.inflow_driven(INFLOW, Lifetime.normal(5, 1.5))
    np.testing.assert_allclose(
        r.stock,
        [
            0.99957094,
            2.9953115,
            5.96830193,
            9.85008113,
            14.4793678,
            19.60865447,
            24.99043368,
            30.46342411,
            35.95916467,
            41.45873561,
        ],
        atol=1e-8,
    )
    np.testing.assert_allclose(r.inflow - r.outflow, r.stock_change, atol=1e-12)


def test_stock_driven_with_initial_stock_matches_odym():
    r = stock.stock_driven(
        [18, 20, 20, 20, 20], Lifetime.normal(5, 1.5), initial_stock=[3, 5, 2, 4]
    )
    assert r.history_length == 4
    np.testing.assert_allclose(
        r.inflow,
        [
            3.30109709,
            5.11639875,
            2.00769022,
            4.00171698,
            4.93639364,
            3.87383821,
            2.78892598,
            3.36324466,
            3.66568266,
        ],
        atol=1e-8,
    )


def test_negative_inflow_is_reported_and_optionally_corrected():
    s = [
        0.0,
        0,
        1,
        2,
        3,
        5,
        6,
        8,
        8,
        6,
        6,
        6,
        6,
        6,
        8,
        8,
        8,
        9,
        10,
        12,
        9,
        9,
        9,
        9,
        9,
        9,
        9,
        9,
        9,
        9,
    ]
    raw = stock.stock_driven(s, Lifetime.normal(8, 3))
    assert raw.negative_inflow_years == (9, 20)
    assert raw.inflow[9] == pytest.approx(-1.57838035116, abs=1e-10)
    fixed = stock.stock_driven(s, Lifetime.normal(8, 3), correct_negative_inflow=True)
    assert fixed.negative_inflow_years == (9, 20)
    assert fixed.inflow.min() == 0.0
    assert fixed.inflow[10] == pytest.approx(0.468909567774503, abs=1e-12)


@pytest.mark.parametrize(
    "law, frozen",
    [
        (Lifetime.normal(20, 5), scipy.stats.norm(20, 5)),
        (Lifetime.weibull(2.5, 30), scipy.stats.weibull_min(2.5, scale=30)),
        (
            Lifetime.lognormal(20, 8),
            scipy.stats.lognorm(s=np.sqrt(np.log(1 + 0.4**2)), scale=20 / np.sqrt(1 + 0.4**2)),
        ),
        (Lifetime.folded_normal(10, 8), scipy.stats.foldnorm(10 / 8, scale=8)),
    ],
)
def test_laws_agree_with_scipy(law, frozen):
    ages = np.linspace(0.5, 60, 25)
    np.testing.assert_allclose(law.sf(ages), frozen.sf(ages), rtol=1e-9, atol=1e-15)
    np.testing.assert_allclose(law.pdf(ages), frozen.pdf(ages), rtol=1e-9, atol=1e-15)
    assert law.mean() == pytest.approx(frozen.mean(), rel=1e-12)
    assert isinstance(law.sf(3.0), float)


def test_timing_shifts_the_steady_stock():
    ones = np.ones(40)
    assert stock.inflow_driven(ones, Lifetime.fixed(12)).stock[-1] == 12
    assert stock.inflow_driven(ones, Lifetime.fixed(12), timing="start_of_year").stock[-1] == 11


def test_bad_input_raises_value_error_with_the_value():
    with pytest.raises(ValueError, match=r"inflow_driven: inflow\[1\] = -2: must be non-negative"):
        stock.inflow_driven([1, -2], Lifetime.fixed(3))
    with pytest.raises(ValueError, match="Lifetime.weibull: shape = 0: must be positive"):
        Lifetime.weibull(0, 3)
    with pytest.raises(ValueError, match="timing = 'yearly'"):
        stock.inflow_driven([1, 2], Lifetime.fixed(3), timing="yearly")
    with pytest.raises(ValueError, match="expected a 1-D sequence"):
        stock.stock_driven([[1, 2]], Lifetime.fixed(3))
