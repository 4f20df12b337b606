// SPDX-License-Identifier: Apache-2.0
// Bindings for the stock area: lifetime laws and the cohort stock models.
#include <pybind11/eigen.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "peakpath/stock/cohort_model.hpp"
#include "peakpath/stock/lifetime.hpp"

namespace py = pybind11;

namespace peakpath::python {

namespace {

stock::Timing parse_timing(const std::string& name) {
  if (name == "end_of_year") return stock::Timing::end_of_year;
  if (name == "mid_year") return stock::Timing::mid_year;
  if (name == "start_of_year") return stock::Timing::start_of_year;
  throw std::invalid_argument("timing = '" + name +
                              "': must be 'end_of_year', 'mid_year' or 'start_of_year'");
}

// Applies a scalar law function to a number (returns a float) or an array (same shape).
template <class F>
py::object elementwise(const py::object& age, F f) {
  if (py::isinstance<py::float_>(age) || py::isinstance<py::int_>(age))
    return py::float_(f(age.cast<double>()));
  const auto in = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(age);
  if (!in) throw std::invalid_argument("age: expected a number or an array of numbers");
  py::array_t<double> out(std::vector<py::ssize_t>(in.shape(), in.shape() + in.ndim()));
  const double* src = in.data();
  double* dst = out.mutable_data();
  for (py::ssize_t i = 0; i < in.size(); ++i) dst[i] = f(src[i]);
  return std::move(out);
}

}  // namespace

void bind_stock(py::module_& m) {
  auto sub = m.def_submodule("stock", "Lifetime laws and cohort stock models.");
  using stock::Lifetime;
  py::class_<Lifetime>(sub, "Lifetime", "A lifetime law (survival, hazard, pdf, mean).")
      .def_static("fixed", &Lifetime::fixed, py::arg("lifetime"))
      .def_static("normal", &Lifetime::normal, py::arg("mean"), py::arg("sd"))
      .def_static("weibull", &Lifetime::weibull, py::arg("shape"), py::arg("scale"))
      .def_static("lognormal", &Lifetime::lognormal, py::arg("mean"), py::arg("sd"))
      .def_static("folded_normal", &Lifetime::folded_normal, py::arg("mean"), py::arg("sd"))
      .def_property_readonly("kind", &Lifetime::kind_name)
      .def_property_readonly(
          "parameters", [](const Lifetime& lt) { return py::make_tuple(lt.first(), lt.second()); })
      .def_property_readonly("log_mu", &Lifetime::log_mu)
      .def_property_readonly("log_sigma", &Lifetime::log_sigma)
      .def("mean", &Lifetime::mean)
      .def(
          "sf",
          [](const Lifetime& lt, const py::object& age) {
            return elementwise(age, [&](double a) { return lt.sf(a); });
          },
          py::arg("age"), "Survival function P(lifetime > age).")
      .def(
          "cdf",
          [](const Lifetime& lt, const py::object& age) {
            return elementwise(age, [&](double a) { return lt.cdf(a); });
          },
          py::arg("age"))
      .def(
          "pdf",
          [](const Lifetime& lt, const py::object& age) {
            return elementwise(age, [&](double a) { return lt.pdf(a); });
          },
          py::arg("age"))
      .def(
          "hazard",
          [](const Lifetime& lt, const py::object& age) {
            return elementwise(age, [&](double a) { return lt.hazard(a); });
          },
          py::arg("age"))
      .def("__repr__", [](const Lifetime& lt) {
        return "Lifetime." + lt.kind_name() + "(" +
               py::repr(py::float_(lt.first())).cast<std::string>() +
               (lt.kind() == Lifetime::Kind::fixed
                    ? std::string()
                    : ", " + py::repr(py::float_(lt.second())).cast<std::string>()) +
               ")";
      });

  using stock::StockResult;
  py::class_<StockResult>(sub, "StockResult", "Stock, flows and cohort tables (years x cohorts).")
      .def_readonly("stock", &StockResult::stock)
      .def_readonly("outflow", &StockResult::outflow)
      .def_readonly("stock_change", &StockResult::stock_change)
      .def_readonly("stock_by_cohort", &StockResult::stock_by_cohort)
      .def_readonly("outflow_by_cohort", &StockResult::outflow_by_cohort)
      .def_readonly("inflow", &StockResult::inflow)
      .def_readonly("negative_inflow_years", &StockResult::negative_inflow_years)
      .def_readonly("history_length", &StockResult::history_length);

  sub.def(
      "inflow_driven",
      [](const Eigen::VectorXd& inflow, const Lifetime& lifetime, const std::string& timing) {
        return stock::inflow_driven(inflow, lifetime, parse_timing(timing));
      },
      py::arg("inflow"), py::arg("lifetime"), py::arg("timing") = "end_of_year",
      "Inflow-driven cohort model.");
  sub.def(
      "stock_driven",
      [](const Eigen::VectorXd& stock, const Lifetime& lifetime,
         const std::optional<Eigen::VectorXd>& initial_stock, const std::string& timing,
         bool correct_negative_inflow) {
        stock::StockDrivenOptions options;
        if (initial_stock) options.initial_stock = *initial_stock;
        options.timing = parse_timing(timing);
        options.correct_negative_inflow = correct_negative_inflow;
        return stock::stock_driven(stock, lifetime, options);
      },
      py::arg("stock"), py::arg("lifetime"), py::arg("initial_stock") = py::none(),
      py::arg("timing") = "end_of_year", py::arg("correct_negative_inflow") = false,
      "Stock-driven cohort model.");
}

}  // namespace peakpath::python
