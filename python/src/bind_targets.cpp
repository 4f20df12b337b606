// SPDX-License-Identifier: Apache-2.0
// Bindings for targets, target reports, lever adjustments and goal seeking.
#include <pybind11/eigen.h>
#include <pybind11/stl.h>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "peakpath/targets/peak.hpp"
#include "peakpath/analysis/goal_seek.hpp"
#include "peakpath/analysis/lever_adjustment.hpp"
#include "peakpath/targets/target_report.hpp"
#include "peakpath/targets/target_set.hpp"

namespace py = pybind11;

namespace peakpath::python {

namespace {

/// {variable: {key: (years, values)}}, as scenario levers travel from Python.
using PathSpec =
    std::map<std::string,
             std::map<std::string, std::pair<std::vector<double>, std::vector<double>>>>;

LeverMode lever_mode(const std::string& name) {
  if (name == "constant") return LeverMode::constant;
  if (name == "multiplier") return LeverMode::multiplier;
  if (name == "scale") return LeverMode::scale;
  if (name == "start_year") return LeverMode::start_year;
  throw std::invalid_argument("lever mode '" + name +
                              "': use constant, multiplier, scale or start_year");
}

LeverAdjustment make_adjustment(
    const std::string& mode, const std::string& variable, const std::string& key, int from_year,
    const PathSpec& package,
    const std::optional<std::pair<std::vector<double>, std::vector<double>>>& schedule) {
  LeverAdjustment a;
  a.mode = lever_mode(mode);
  a.variable = variable;
  a.key = key;
  a.from_year = from_year;
  for (const auto& [var, keyed] : package)
    for (const auto& [k, points] : keyed)
      a.package[var][k] = TimePath(points.first, points.second, "package " + var + "/" + k);
  if (schedule) a.schedule = TimePath(schedule->first, schedule->second, "schedule");
  if (a.mode != LeverMode::scale) check_lever_names({{variable, {}}}, "lever adjustment");
  return a;
}

void bind_peak(py::module_& sub) {
  py::class_<Peak>(sub, "Peak")
      .def_readonly("year", &Peak::year)
      .def_readonly("value", &Peak::value)
      .def_readonly("plateau_start", &Peak::plateau_start)
      .def_readonly("plateau_end", &Peak::plateau_end)
      .def_readonly("decline_rate_after", &Peak::decline_rate_after)
      .def_readonly("rebound", &Peak::rebound)
      .def_readonly("rebound_year", &Peak::rebound_year)
      .def_property_readonly("status", [](const Peak& p) { return to_string(p.status); });
  sub.def("peak", &peakpath::peak, py::arg("years"), py::arg("values"), py::arg("tolerance") = 0.01,
          "Peak diagnostics of a series.");
}

}  // namespace

void bind_targets(py::module_& m) {
  auto sub = m.def_submodule("targets", "Targets, peak diagnostics, target reports and goal seeking");
  bind_peak(sub);

  py::class_<Target>(sub, "Target")
      .def_readonly("id", &Target::id)
      .def_readonly("description", &Target::description)
      .def_property_readonly("kind", [](const Target& t) { return to_string(t.kind); })
      .def_readonly("indicator", &Target::indicator)
      .def_readonly("year", &Target::year)
      .def_readonly("base_year", &Target::base_year)
      .def_readonly("value", &Target::value)
      .def_readonly("window_start", &Target::window_start)
      .def_readonly("tolerance", &Target::tolerance)
      .def_readonly("base_value", &Target::base_value)
      .def_property_readonly(
          "interpolate",
          [](const Target& t) -> std::optional<std::vector<std::string>> {
            if (!t.interpolate_from) return std::nullopt;
            return std::vector<std::string>{t.interpolate_from->id, t.interpolate_to->id};
          })
      .def_readonly("tag", &Target::tag)
      .def_readonly("source", &Target::source)
      .def_readonly("note", &Target::note);

  py::class_<TargetSet>(sub, "TargetSet")
      .def_static("load", &TargetSet::load, py::arg("name_or_path"))
      .def_readonly("name", &TargetSet::name)
      .def_readonly("description", &TargetSet::description)
      .def_readonly("file", &TargetSet::file)
      .def_readonly("targets", &TargetSet::targets)
      .def("find", &TargetSet::find, py::arg("id"), py::return_value_policy::copy);

  py::class_<TargetOutcome>(sub, "TargetOutcome")
      .def_readonly("id", &TargetOutcome::id)
      .def_readonly("description", &TargetOutcome::description)
      .def_property_readonly("kind", [](const TargetOutcome& o) { return to_string(o.kind); })
      .def_readonly("indicator", &TargetOutcome::indicator)
      .def_readonly("year", &TargetOutcome::year)
      .def_readonly("required", &TargetOutcome::required)
      .def_readonly("achieved", &TargetOutcome::achieved)
      .def_readonly("margin", &TargetOutcome::margin)
      .def_readonly("unit", &TargetOutcome::unit)
      .def_readonly("passed", &TargetOutcome::passed)
      .def_readonly("detail", &TargetOutcome::detail)
      .def_readonly("tag", &TargetOutcome::tag);

  py::class_<TargetReport>(sub, "TargetReport")
      .def_readonly("scenario", &TargetReport::scenario)
      .def_readonly("target_set", &TargetReport::target_set)
      .def_readonly("outcomes", &TargetReport::outcomes)
      .def_property_readonly("passed", &TargetReport::passed);

  sub.def("evaluate_target", &evaluate_target, py::arg("results"), py::arg("target"));
  sub.def("check_targets", &check_targets, py::arg("results"), py::arg("targets"));

  py::class_<LeverAdjustment>(sub, "LeverAdjustment")
      .def(py::init(&make_adjustment), py::arg("mode"), py::arg("variable") = "",
           py::arg("key") = "total", py::arg("from_year") = 0, py::arg("package") = PathSpec{},
           py::arg("schedule") = py::none());
  sub.def("apply_lever", &apply_lever, py::arg("scenario"), py::arg("adjustment"), py::arg("x"));

  py::class_<GoalSeekResult>(sub, "GoalSeekResult")
      .def_readonly("value", &GoalSeekResult::value)
      .def_readonly("outcome", &GoalSeekResult::outcome)
      .def_readonly("scenario", &GoalSeekResult::scenario)
      .def_readonly("results", &GoalSeekResult::results)
      .def_readonly("runs", &GoalSeekResult::runs);
  sub.def(
      "goal_seek",
      [](const Scenario& scenario, const LeverAdjustment& adjustment, const Target& target,
         double lo, double hi, const std::string& find, double tolerance,
         std::uintmax_t max_iterations) {
        if (find != "smallest" && find != "largest")
          throw std::invalid_argument("goal_seek: find = '" + find +
                                      "': use 'smallest' or 'largest'");
        GoalSeekOptions options;
        options.find = find == "smallest" ? SeekDirection::smallest : SeekDirection::largest;
        options.tolerance = tolerance;
        options.max_iterations = max_iterations;
        py::gil_scoped_release release;
        return goal_seek(scenario, adjustment, target, lo, hi, options);
      },
      py::arg("scenario"), py::arg("adjustment"), py::arg("target"), py::arg("lo"), py::arg("hi"),
      py::arg("find") = "smallest", py::arg("tolerance") = 0.0, py::arg("max_iterations") = 100);
}

}  // namespace peakpath::python
