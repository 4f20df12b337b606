// SPDX-License-Identifier: Apache-2.0
// Bindings for the analysis area: LMDI, distributions, samplers, Sobol indices, streaming
// statistics.
#include <pybind11/eigen.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "peakpath/analysis/distribution.hpp"
#include "peakpath/analysis/lmdi.hpp"
#include "peakpath/analysis/sampler.hpp"
#include "peakpath/analysis/sobol_indices.hpp"
#include "peakpath/analysis/streaming_stats.hpp"

namespace py = pybind11;

namespace peakpath::python {

namespace {

namespace pa = peakpath::analysis;

std::string kind_name(pa::LmdiKind k) {
  return pa::detail::kind_name(k);
}
std::string variant_name(pa::LmdiVariant v) {
  return v == pa::LmdiVariant::I ? "I" : "II";
}

py::tuple stats_state(const pa::StreamingStats& s) {
  const auto& t = s.state();
  return py::make_tuple(t.relative_accuracy, t.min_magnitude, t.count, t.mean, t.m2, t.min, t.max,
                        t.zero_count, t.positive.offset, t.positive.counts, t.negative.offset,
                        t.negative.counts, t.exact_capacity, t.values);
}

pa::StreamingStats stats_from_state(const py::tuple& t) {
  if (t.size() != 14) throw std::invalid_argument("StreamingStats: bad pickled state");
  pa::StreamingStats::State s;
  s.relative_accuracy = t[0].cast<double>();
  s.min_magnitude = t[1].cast<double>();
  s.count = t[2].cast<std::uint64_t>();
  s.mean = t[3].cast<double>();
  s.m2 = t[4].cast<double>();
  s.min = t[5].cast<double>();
  s.max = t[6].cast<double>();
  s.zero_count = t[7].cast<std::uint64_t>();
  s.positive.offset = t[8].cast<std::int64_t>();
  s.positive.counts = t[9].cast<std::vector<std::uint64_t>>();
  s.negative.offset = t[10].cast<std::int64_t>();
  s.negative.counts = t[11].cast<std::vector<std::uint64_t>>();
  s.exact_capacity = t[12].cast<std::uint64_t>();
  s.values = t[13].cast<std::vector<double>>();
  return pa::StreamingStats::from_state(s);
}

void bind_lmdi(py::module_& sub) {
  py::class_<pa::LmdiResult>(sub, "LmdiResult")
      .def_property_readonly("kind", [](const pa::LmdiResult& r) { return kind_name(r.kind); })
      .def_property_readonly("variant",
                             [](const pa::LmdiResult& r) { return variant_name(r.variant); })
      .def_readonly("effects", &pa::LmdiResult::effects)
      .def_readonly("contributions", &pa::LmdiResult::contributions)
      .def_readonly("total", &pa::LmdiResult::total)
      .def_readonly("v0", &pa::LmdiResult::v0)
      .def_readonly("vT", &pa::LmdiResult::vT);
  py::class_<pa::LmdiChain>(sub, "LmdiChain")
      .def_readonly("periods", &pa::LmdiChain::periods)
      .def_readonly("effects", &pa::LmdiChain::effects)
      .def_readonly("contributions", &pa::LmdiChain::contributions)
      .def_readonly("total", &pa::LmdiChain::total);
  sub.def(
      "lmdi",
      [](const Eigen::MatrixXd& x0, const Eigen::MatrixXd& xT, const std::string& kind,
         const std::string& variant) {
        return pa::lmdi(x0, xT, pa::lmdi_kind_from_string(kind),
                        pa::lmdi_variant_from_string(variant));
      },
      py::arg("x0"), py::arg("xT"), py::arg("kind") = "additive", py::arg("variant") = "I",
      "LMDI decomposition of sum_i prod_k x_ik between x0 and xT.");
  sub.def(
      "lmdi_chained",
      [](const std::vector<Eigen::MatrixXd>& x, const std::string& kind,
         const std::string& variant) {
        return pa::lmdi_chained(x, pa::lmdi_kind_from_string(kind),
                                pa::lmdi_variant_from_string(variant));
      },
      py::arg("x"), py::arg("kind") = "additive", py::arg("variant") = "I",
      "LMDI chained over consecutive years.");
}

void bind_sampling(py::module_& sub) {
  py::class_<pa::Distribution>(sub, "Distribution")
      .def_property_readonly(
          "kind", [](const pa::Distribution& d) { return pa::distribution_kind_name(d.kind()); })
      .def("quantile", py::vectorize(&pa::Distribution::quantile), py::arg("u"), "Inverse CDF.")
      .def("cdf", py::vectorize(&pa::Distribution::cdf), py::arg("x"), "CDF.")
      .def("mean", &pa::Distribution::mean)
      .def("sd", &pa::Distribution::sd)
      .def("__repr__", &pa::Distribution::describe);
  sub.def("uniform", &pa::uniform, py::arg("low"), py::arg("high"), "Uniform on [low, high].");
  sub.def("triangular", &pa::triangular, py::arg("low"), py::arg("mode"), py::arg("high"),
          "Triangular on [low, high].");
  sub.def("normal", &pa::normal, py::arg("mean"), py::arg("sd"), "Normal.");
  sub.def("lognormal", &pa::lognormal, py::arg("mean"), py::arg("sd"),
          "Lognormal by the mean and sd of the variable itself.");
  sub.def("lognormal_log", &pa::lognormal_log, py::arg("mu"), py::arg("sigma"),
          "Lognormal by mu and sigma of its logarithm.");
  sub.def("discrete", &pa::discrete, py::arg("values"), py::arg("weights"),
          "Discrete law on values with weights.");

  py::dict factories;  // name -> parameters, in the order of DISTRIBUTION_FACTORIES
  for (const auto& factory : pa::DISTRIBUTION_FACTORIES)
    factories[py::str(factory.name)] = py::cast(factory.parameters);
  sub.attr("DISTRIBUTION_FACTORIES") = factories;
  sub.attr("SAMPLER_NAMES") = pa::SAMPLER_NAMES;

  py::class_<pa::Sampler>(sub, "Sampler")
      .def(py::init([](const std::string& kind, std::size_t n, std::size_t dimensions,
                       std::uint64_t seed, bool scramble) {
             return pa::Sampler(pa::sampler_kind_from_string(kind), n, dimensions, seed, scramble);
           }),
           py::arg("kind"), py::arg("n"), py::arg("dimensions"), py::arg("seed"),
           py::arg("scramble") = true)
      .def_property_readonly("size", &pa::Sampler::size)
      .def_property_readonly("dimensions", &pa::Sampler::dimensions)
      .def_property_readonly("seed", &pa::Sampler::seed)
      .def(
          "uniform",
          [](const pa::Sampler& s, std::size_t first, std::optional<std::size_t> count) {
            return s.uniform(first, count ? *count : s.size() - std::min(first, s.size()));
          },
          py::arg("first") = 0, py::arg("count") = py::none(), "Rows of the design in (0, 1)^d.")
      .def(
          "sample",
          [](const pa::Sampler& s, const std::vector<pa::Distribution>& distributions,
             std::size_t first, std::optional<std::size_t> count) {
            return s.sample(distributions, first,
                            count ? *count : s.size() - std::min(first, s.size()));
          },
          py::arg("distributions"), py::arg("first") = 0, py::arg("count") = py::none(),
          "Rows of the design mapped through the distributions.");

  sub.def(
      "saltelli_design",
      [](std::size_t n, std::size_t dimensions, std::uint64_t seed, const std::string& base) {
        return pa::saltelli_design(n, dimensions, seed, pa::sampler_kind_from_string(base));
      },
      py::arg("n"), py::arg("dimensions"), py::arg("seed"), py::arg("base") = "sobol",
      "Saltelli design [A; B; AB_1; ...; AB_d] on (0, 1)^d.");
  py::class_<pa::SobolIndices>(sub, "SobolIndices")
      .def_readonly("first_order", &pa::SobolIndices::first_order)
      .def_readonly("total", &pa::SobolIndices::total)
      .def_readonly("first_order_low", &pa::SobolIndices::first_order_low)
      .def_readonly("first_order_high", &pa::SobolIndices::first_order_high)
      .def_readonly("total_low", &pa::SobolIndices::total_low)
      .def_readonly("total_high", &pa::SobolIndices::total_high)
      .def_readonly("variance", &pa::SobolIndices::variance)
      .def_readonly("n", &pa::SobolIndices::n)
      .def_readonly("confidence", &pa::SobolIndices::confidence)
      .def_readonly("max_interval_width", &pa::SobolIndices::max_interval_width)
      .def_readonly("reliable", &pa::SobolIndices::reliable)
      .def_readonly("warning", &pa::SobolIndices::warning);
  sub.def("sobol_indices", &pa::sobol_indices, py::arg("y"), py::arg("dimensions"),
          py::arg("n_bootstrap") = 1000, py::arg("confidence") = 0.95, py::arg("seed") = 0,
          py::arg("max_interval_width") = 0.1,
          "First-order and total Sobol indices from outputs on saltelli_design().");
}

void bind_statistics(py::module_& sub) {
  py::class_<pa::StreamingStats>(sub, "StreamingStats")
      .def(py::init<double, double, std::uint64_t>(), py::arg("relative_accuracy") = 1e-3,
           py::arg("min_magnitude") = 1e-12, py::arg("exact_capacity") = 4096)
      .def("add", &pa::StreamingStats::add, py::arg("x"))
      .def(
          "add_many",
          [](pa::StreamingStats& s, const Eigen::Ref<const Eigen::VectorXd>& x) {
            for (Eigen::Index i = 0; i < x.size(); ++i) s.add(x(i));
          },
          py::arg("x"), "Adds every value of an array.")
      .def("merge", &pa::StreamingStats::merge, py::arg("other"))
      .def_property_readonly("count", &pa::StreamingStats::count)
      .def_property_readonly("relative_accuracy", &pa::StreamingStats::relative_accuracy)
      .def_property_readonly("exact_capacity", &pa::StreamingStats::exact_capacity)
      .def_property_readonly("exact", &pa::StreamingStats::exact)
      .def("mean", &pa::StreamingStats::mean)
      .def("variance", &pa::StreamingStats::variance)
      .def("sd", &pa::StreamingStats::sd)
      .def("min", &pa::StreamingStats::min)
      .def("max", &pa::StreamingStats::max)
      .def("quantile", py::vectorize(&pa::StreamingStats::quantile), py::arg("q"))
      .def("quantile_error_bound", py::vectorize(&pa::StreamingStats::quantile_error_bound),
           py::arg("q"), "Bound on |quantile(q) - numpy.percentile(values, 100 q)|.")
      .def(py::pickle(&stats_state, &stats_from_state));
  py::class_<pa::ProbabilityCounter>(sub, "ProbabilityCounter")
      .def(py::init<>())
      .def("add", &pa::ProbabilityCounter::add, py::arg("hit"))
      .def("merge", &pa::ProbabilityCounter::merge, py::arg("other"))
      .def_property_readonly("trials", &pa::ProbabilityCounter::trials)
      .def_property_readonly("hits", &pa::ProbabilityCounter::hits)
      .def("probability", &pa::ProbabilityCounter::probability)
      .def(py::pickle(
          [](const pa::ProbabilityCounter& c) { return py::make_tuple(c.trials(), c.hits()); },
          [](const py::tuple& t) {
            return pa::ProbabilityCounter(t[0].cast<std::uint64_t>(), t[1].cast<std::uint64_t>());
          }));
  py::class_<pa::Tally>(sub, "Tally")
      .def(py::init<>())
      .def("add", &pa::Tally::add, py::arg("value"), py::arg("count") = 1)
      .def("merge", &pa::Tally::merge, py::arg("other"))
      .def_property_readonly("total", &pa::Tally::total)
      .def_property_readonly("counts", &pa::Tally::counts)
      .def(py::pickle([](const pa::Tally& t) { return t.counts(); },
                      [](const std::map<std::int64_t, std::uint64_t>& counts) {
                        pa::Tally t;
                        for (const auto& [value, c] : counts) t.add(value, c);
                        return t;
                      }));
}

}  // namespace

void bind_analysis(py::module_& m) {
  auto sub = m.def_submodule("analysis", "LMDI, sampling, sensitivity, streaming statistics.");
  bind_lmdi(sub);
  bind_sampling(sub);
  bind_statistics(sub);
}

}  // namespace peakpath::python
