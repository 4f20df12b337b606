// SPDX-License-Identifier: Apache-2.0
// Bindings for the register area: the two-high project register and replacement ledger.
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "peakpath/register/dataset_shares.hpp"
#include "peakpath/register/register.hpp"

namespace py = pybind11;

namespace peakpath::python {

namespace {

// Amounts go to Python as {dimension name: value}.
py::dict amounts_dict(const Amounts& amounts) {
  py::dict out;
  for (Dimension d : DIMENSIONS) out[py::str(dimension_name(d))] = amounts[index_of(d)];
  return out;
}

Amounts amounts_from(const std::map<std::string, double>& values) {
  Amounts out{};
  for (const auto& [name, value] : values) out[index_of(parse_dimension(name))] = value;
  return out;
}

}  // namespace

void bind_register(py::module_& m) {
  auto sub = m.def_submodule("register", "Two-high project register and replacement ledger.");
  std::vector<std::string> dims;
  for (Dimension d : DIMENSIONS) dims.push_back(dimension_name(d));
  sub.attr("DIMENSIONS") = dims;
  sub.attr("PROJECT_TYPES") = std::vector<std::string>(PROJECT_TYPES.begin(), PROJECT_TYPES.end());
  sub.attr("PROJECT_STATUSES") =
      std::vector<std::string>(PROJECT_STATUSES.begin(), PROJECT_STATUSES.end());
  sub.attr("OFFSET_KINDS") = std::vector<std::string>(OFFSET_KINDS.begin(), OFFSET_KINDS.end());
  sub.attr("SCHEMA_VERSION") = Register::SCHEMA_VERSION;

  py::class_<Project>(sub, "Project", "One two-high project (fields as in the CSV).")
      .def(py::init<>())
      .def_readwrite("id", &Project::id)
      .def_readwrite("name", &Project::name)
      .def_readwrite("city", &Project::city)
      .def_readwrite("project_type", &Project::project_type)
      .def_readwrite("status", &Project::status)
      .def_readwrite("capacity", &Project::capacity)
      .def_readwrite("capacity_unit", &Project::capacity_unit)
      .def_readwrite("energy_tce", &Project::energy_tce)
      .def_readwrite("coal_t", &Project::coal_t)
      .def_readwrite("co2_t", &Project::co2_t)
      .def_readwrite("so2_t", &Project::so2_t)
      .def_readwrite("nox_t", &Project::nox_t)
      .def_readwrite("pm_t", &Project::pm_t)
      .def_readwrite("unit_energy", &Project::unit_energy)
      .def_readwrite("commissioned", &Project::commissioned)
      .def_readwrite("retired", &Project::retired)
      .def_readwrite("key_region", &Project::key_region)
      .def_readwrite("note", &Project::note);

  py::class_<Offset>(sub, "Offset", "An offset source outside the register's retired projects.")
      .def(py::init<>())
      .def_readwrite("id", &Offset::id)
      .def_readwrite("kind", &Offset::kind)
      .def_readwrite("project_type", &Offset::project_type)
      .def_readwrite("city", &Offset::city)
      .def_readwrite("date", &Offset::date)
      .def_readwrite("capacity_unit", &Offset::capacity_unit)
      .def_property(
          "amounts", [](const Offset& o) { return amounts_dict(o.amounts); },
          [](Offset& o, const std::map<std::string, double>& v) { o.amounts = amounts_from(v); })
      .def_readwrite("verified", &Offset::verified)
      .def_readwrite("note", &Offset::note);

  py::class_<RuleRow>(sub, "RuleRow")
      .def_readonly("rule", &RuleRow::rule)
      .def_readonly("project_type", &RuleRow::project_type)
      .def_readonly("dimension", &RuleRow::dimension)
      .def_readonly("value", &RuleRow::value)
      .def_readonly("unit", &RuleRow::unit)
      .def_readonly("tag", &RuleRow::tag)
      .def_readonly("source", &RuleRow::source)
      .def_readonly("origin", &RuleRow::origin);

  py::class_<Rules>(sub, "Rules", "Replacement ratios, levels, eligibility, key regions.")
      .def_static("defaults", &Rules::defaults)
      .def_static("load_directory", &Rules::load_directory, py::arg("directory"))
      .def("override_with", &Rules::override_with, py::arg("path"))
      .def(
          "ratio",
          [](const Rules& r, const std::string& type, const std::string& dim, bool key) {
            return r.ratio(type, parse_dimension(dim), key);
          },
          py::arg("project_type"), py::arg("dimension"), py::arg("key_region"))
      .def("rows", &Rules::rows)
      .def("key_region_cities", &Rules::key_region_cities);

  py::class_<Assignment>(sub, "Assignment")
      .def_readonly("project_id", &Assignment::project_id)
      .def_readonly("source_id", &Assignment::source_id)
      .def_readonly("source_kind", &Assignment::source_kind)
      .def_readonly("source_city", &Assignment::source_city)
      .def_readonly("source_date", &Assignment::source_date)
      .def_property_readonly("dimension",
                             [](const Assignment& a) { return dimension_name(a.dimension); })
      .def_readonly("amount", &Assignment::amount)
      .def_readonly("available", &Assignment::available);

  py::class_<Allocation>(sub, "Allocation")
      .def_readonly("project_id", &Allocation::project_id)
      .def_readonly("approved", &Allocation::approved)
      .def_readonly("committed", &Allocation::committed)
      .def_property_readonly("requirement",
                             [](const Allocation& a) { return amounts_dict(a.requirement); })
      .def_property_readonly("covered", [](const Allocation& a) { return amounts_dict(a.covered); })
      .def_property_readonly("shortfall",
                             [](const Allocation& a) { return amounts_dict(a.shortfall); })
      .def_readonly("assignments", &Allocation::assignments);

  py::class_<Classification>(sub, "Classification")
      .def_readonly("project_id", &Classification::project_id)
      .def_readonly("project_type", &Classification::project_type)
      .def_readonly("status", &Classification::status)
      .def_readonly("unit_energy", &Classification::unit_energy)
      .def_readonly("benchmark", &Classification::benchmark)
      .def_readonly("baseline", &Classification::baseline)
      .def_readonly("unit", &Classification::unit)
      .def_readonly("disposal", &Classification::disposal)
      .def_readonly("deadline", &Classification::deadline)
      .def_readonly("reason", &Classification::reason);

  py::class_<MonitorFlag>(sub, "MonitorFlag")
      .def_readonly("project_id", &MonitorFlag::project_id)
      .def_readonly("period", &MonitorFlag::period)
      .def_property_readonly("dimension",
                             [](const MonitorFlag& f) { return dimension_name(f.dimension); })
      .def_readonly("actual", &MonitorFlag::actual)
      .def_readonly("approved", &MonitorFlag::approved)
      .def_readonly("excess", &MonitorFlag::excess)
      .def_readonly("over", &MonitorFlag::over);

  py::class_<MonitorTotal>(sub, "MonitorTotal")
      .def_readonly("year", &MonitorTotal::year)
      .def_property_readonly("dimension",
                             [](const MonitorTotal& t) { return dimension_name(t.dimension); })
      .def_readonly("total", &MonitorTotal::total)
      .def_readonly("cap", &MonitorTotal::cap)
      .def_readonly("over", &MonitorTotal::over);

  py::class_<AuditEntry>(sub, "AuditEntry")
      .def_readonly("seq", &AuditEntry::seq)
      .def_readonly("at", &AuditEntry::at)
      .def_readonly("action", &AuditEntry::action)
      .def_readonly("entity", &AuditEntry::entity)
      .def_readonly("entity_id", &AuditEntry::entity_id)
      .def_readonly("before", &AuditEntry::before)
      .def_readonly("after", &AuditEntry::after)
      .def_readonly("prev_hash", &AuditEntry::prev_hash)
      .def_readonly("hash", &AuditEntry::hash);

  py::class_<SourceBalance>(sub, "SourceBalance")
      .def_readonly("id", &SourceBalance::id)
      .def_readonly("kind", &SourceBalance::kind)
      .def_readonly("project_type", &SourceBalance::project_type)
      .def_readonly("city", &SourceBalance::city)
      .def_readonly("date", &SourceBalance::date)
      .def_readonly("capacity_unit", &SourceBalance::capacity_unit)
      .def_property_readonly("total", [](const SourceBalance& s) { return amounts_dict(s.total); })
      .def_property_readonly("remaining",
                             [](const SourceBalance& s) { return amounts_dict(s.remaining); });

  py::class_<AuditBreak>(sub, "AuditBreak", "Where the audit trail and the tables disagree.")
      .def_readonly("seq", &AuditBreak::seq)
      .def_readonly("table", &AuditBreak::table)
      .def_readonly("key", &AuditBreak::key)
      .def_readonly("reason", &AuditBreak::reason)
      .def("__str__", &AuditBreak::describe)
      .def("__repr__", [](const AuditBreak& b) { return "AuditBreak(" + b.describe() + ")"; });

  py::class_<Verification>(sub, "Verification", "The result of Register.verify().")
      .def_readonly("ok", &Verification::ok)
      .def_readonly("first_break", &Verification::first_break)
      .def_readonly("entries", &Verification::entries)
      .def_readonly("head", &Verification::head)
      .def("__bool__", [](const Verification& v) { return v.ok; })
      .def("__repr__", [](const Verification& v) {
        return "Verification(ok=" + std::string(v.ok ? "True" : "False") + ", first_break=" +
               (v.first_break ? "'" + v.first_break->describe() + "'" : std::string("None")) +
               ", entries=" + std::to_string(v.entries) + ")";
      });

  // Database calls release the GIL: they may wait for another process's write lock.
  using release = py::call_guard<py::gil_scoped_release>;
  py::class_<Register>(sub, "Register", "The register database (SQLite file).")
      .def(py::init([](const std::string& path, const std::optional<std::string>& rules_file) {
             Rules rules = Rules::defaults();
             if (rules_file) rules.override_with(*rules_file);
             return Register(path, std::move(rules));
           }),
           py::arg("path"), py::arg("rules_file") = py::none())
      .def_property_readonly("path", &Register::path)
      .def_property_readonly("rules", &Register::rules, py::return_value_policy::reference_internal)
      .def_property_readonly("schema_version", &Register::schema_version)
      .def("import_csv", &Register::import_csv, py::arg("path"), release())
      .def("add_project", &Register::add_project, py::arg("project"), release())
      .def(
          "projects",
          [](const Register& r, std::optional<std::string> type, std::optional<std::string> status,
             std::optional<std::string> city, std::optional<bool> key_region) {
            return r.projects({std::move(type), std::move(status), std::move(city), key_region});
          },
          py::arg("project_type") = py::none(), py::arg("status") = py::none(),
          py::arg("city") = py::none(), py::arg("key_region") = py::none())
      .def("project", &Register::project, py::arg("id"))
      .def("set_status", &Register::set_status, py::arg("id"), py::arg("status"),
           py::arg("date") = "", release())
      .def("import_offsets_csv", &Register::import_offsets_csv, py::arg("path"), release())
      .def("add_offset", &Register::add_offset, py::arg("offset"), release())
      .def("offsets", &Register::offsets)
      .def("classify", &Register::classify)
      .def(
          "requirement",
          [](const Register& r, const std::string& id) { return amounts_dict(r.requirement(id)); },
          py::arg("project_id"))
      .def("allocate", &Register::allocate, py::arg("project_id"), py::arg("commit") = true,
           release())
      .def("release", &Register::release, py::arg("project_id"), release())
      .def("assignments", &Register::assignments, py::arg("project_id") = "")
      .def("sources", &Register::sources)
      .def("monitor", &Register::monitor, py::arg("path"), release())
      .def("flags", &Register::flags)
      .def("totals", &Register::totals, py::arg("caps_path") = "")
      .def("audit", &Register::audit)
      .def("export_csv", &Register::export_csv, py::arg("path"))
      .def("verify", &Register::verify, release());

  // load_dataset hands dataset.yaml's `register:` section to the register.
  enable_register_dataset_section();
}

}  // namespace peakpath::python
