"""Type stubs of the private compiled module (the public layer is the peakpath package)."""
from typing import Any

import numpy as np

__version__: str
LEVER_VARIABLES: list[str]
INDICATOR_NAMES: list[str]
POLLUTANT_NAMES: list[str]

class Error(RuntimeError): ...
class IntegrationError(Error): ...
class DataError(ValueError): ...

class ElectricityMethod:
    coal_consumption: "ElectricityMethod"
    calorific: "ElectricityMethod"
    name: str

class TimePath:
    def __init__(self, years: list[float], values: list[float], where: str = "") -> None: ...
    def at(self, year: float) -> float: ...
    years: list[float]
    values: list[float]

class Fuel:
    id: str
    name: str
    name_zh: str
    unit: str
    state: str
    ncv_gj_per_unit: float
    tce_per_unit: float
    fossil: bool
    coal: bool
    co2_kg_per_tj: float
    oxidation: float
    so2_kg_per_tce: float
    nox_kg_per_tce: float
    pm_kg_per_tce: float
    def co2_t_per_tce(self) -> float: ...

class Dataset:
    name: str
    region: str
    directory: str
    base_year: int
    horizon: int
    fuel_ids: list[str]
    power: dict[str, float]
    base_activity: np.ndarray
    base_energy_tce: np.ndarray
    sector_ids: list[str]
    sector_groups: list[str]
    two_high: list[bool]
    paths: dict[str, dict[str, tuple[list[float], list[float]]]]
    technologies: list[dict[str, Any]]
    calibration: list[dict[str, Any]]

class LeverDefinition:
    variable: str
    key_pattern: str
    label: str
    unit: str
    min: float
    max: float
    min_exclusive: bool
    tasks: str
    default_source: str
    default_value: float
    base_year_effect: bool
    acts: str

def lever_catalogue() -> list[LeverDefinition]: ...

class LeverAddress:
    variable: str
    key: str
    year: int | None
    scale: bool
    deprecated: bool
    text: str

def parse_lever_address(text: str, where: str = "lever address") -> LeverAddress: ...
def lever_keys(dataset: "Dataset", variable: str) -> list[str]: ...
def did_you_mean(name: str, candidates: list[str], prefix: str = "") -> str: ...

class Scenario:
    @staticmethod
    def load(name_or_path: str) -> "Scenario": ...
    def with_levers(
        self, levers: dict[str, dict[str, tuple[list[float], list[float]]]], replace: bool = False
    ) -> "Scenario": ...
    def with_factor_set(self, factor_set: str) -> "Scenario": ...
    def with_electricity_method(self, method: ElectricityMethod) -> "Scenario": ...
    def with_horizon(self, horizon: int) -> "Scenario": ...
    def renamed(self, name: str) -> "Scenario": ...
    name: str
    description: str
    file: str
    base_year: int
    horizon: int
    factor_set: str
    electricity_method: ElectricityMethod
    dataset: Dataset
    levers: dict[str, dict[str, tuple[list[float], list[float]]]]
    effective_paths: dict[str, dict[str, tuple[list[float], list[float]]]]

class Results:
    scenario: str
    region: str
    years: list[int]
    sector_ids: list[str]
    sector_groups: list[str]
    fuel_ids: list[str]
    technology_ids: list[str]
    activity: np.ndarray
    unmet_activity: np.ndarray
    energy_tce: np.ndarray
    co2_t: np.ndarray
    process_co2_t: np.ndarray
    captured_co2_t: np.ndarray
    pollutants_t: np.ndarray
    generation_twh: np.ndarray
    capacity_ids: list[str]
    capacity: np.ndarray
    indicator_values: np.ndarray
    def emissions(self, by: list[str]) -> "Table": ...
    def energy(self, by: list[str]) -> "Table": ...

class Table:
    key_columns: list[str]
    years: np.ndarray
    values: np.ndarray
    columns: dict[str, tuple[list[str], np.ndarray]]  # name -> (labels, code per row)

class SolverOptions:
    rel_tolerance: float
    abs_tolerance: float
    max_step: float
    max_steps: int

class RunError:
    index: int
    scenario: str
    type: str
    message: str
    def rethrow(self) -> None: ...

def default_data_dir() -> str: ...
def fuel_catalogue(factor_set: str = "ipcc2006", fuels_dir: str = "") -> list[Fuel]: ...
def load_dataset(name_or_directory: str) -> Dataset: ...
def default_run_solver_options() -> SolverOptions: ...
def run(
    scenario: Scenario, rel_tolerance: float | None = None, abs_tolerance: float | None = None
) -> Results: ...
def run_batch(scenarios: list[Scenario], threads: int = 1) -> list[Results]: ...
def run_batch_outcomes(scenarios: list[Scenario], threads: int = 1) -> list[Results | RunError]: ...

class _StockModule:
    """Submodule ``_core.stock`` (public layer: peakpath.stock)."""

    Lifetime: Any
    StockResult: Any
    def inflow_driven(self, *args: Any, **kwargs: Any) -> Any: ...
    def stock_driven(self, *args: Any, **kwargs: Any) -> Any: ...

class _DiffusionModule:
    """Submodule ``_core.diffusion`` (public layer: peakpath.diffusion)."""

    BassFit: Any
    LogisticFit: Any
    def bass_cdf(self, t: Any, p: float, q: float) -> Any: ...
    def bass_pdf(self, t: Any, p: float, q: float) -> Any: ...
    def logistic(self, t: Any, K: float, r: float, t0: float) -> Any: ...
    def fit_bass(self, *args: Any, **kwargs: Any) -> Any: ...
    def fit_logistic(self, *args: Any, **kwargs: Any) -> Any: ...

class _InputOutputModule:
    """Submodule ``_core.input_output`` (public layer: peakpath.input_output)."""

    InputOutput: Any

stock: _StockModule
diffusion: _DiffusionModule
input_output: _InputOutputModule
register: Any
analysis: Any  # LMDI, distributions, samplers, Sobol indices, streaming statistics
