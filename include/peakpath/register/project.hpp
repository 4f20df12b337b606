// SPDX-License-Identifier: Apache-2.0
// peakpath register: one "two high" project and the fixed vocabularies of its fields.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "peakpath/register/dimension.hpp"

namespace peakpath {

/// @brief Shandong's two-high project types (鲁政办字〔2021〕57号; cement split into clinker and
/// grinding station because their replacement ratios differ).
inline constexpr std::array<const char*, 17> PROJECT_TYPES = {"steel",
                                                              "ferro_alloy",
                                                              "electrolytic_aluminium",
                                                              "cement_clinker",
                                                              "cement_grinding",
                                                              "lime",
                                                              "building_ceramics",
                                                              "flat_glass",
                                                              "coal_power",
                                                              "refining",
                                                              "coking",
                                                              "methanol",
                                                              "nitrogen_fertiliser",
                                                              "acetic_acid",
                                                              "chlor_alkali",
                                                              "calcium_carbide",
                                                              "asphalt_waterproofing"};

/// @brief Project statuses. Projects "proposed" or "under_construction" are new projects that need
/// replacement; "retired" projects are offset sources.
inline constexpr std::array<const char*, 5> PROJECT_STATUSES = {
    "proposed", "under_construction", "operating", "retired", "suspended"};

/// @brief True when @p name is one of PROJECT_TYPES.
bool is_project_type(const std::string& name);
/// @brief True when @p name is one of PROJECT_STATUSES.
bool is_project_status(const std::string& name);
/// @brief True for the statuses of new projects (proposed, under_construction).
bool is_new_status(const std::string& status);

/// @brief A project of the register. Field names are the CSV columns and Python keywords.
///
/// Amounts are annual design (for new projects: approved) amounts: energy in tce, the rest in
/// tonnes; capacity in @ref capacity_unit. Dates are ISO text: "YYYY", "YYYY-MM" or "YYYY-MM-DD".
struct Project {
  std::string id;                     ///< unique key
  std::string name;                   ///< display name
  std::string city;                   ///< prefecture-level city (pinyin, e.g. "Jinan")
  std::string project_type;           ///< one of PROJECT_TYPES
  std::string status;                 ///< one of PROJECT_STATUSES
  double capacity = 0.0;              ///< production capacity
  std::string capacity_unit;          ///< e.g. "Mt/a", "MW", "t/d"
  double energy_tce = 0.0;            ///< annual energy use, tce (equivalent value)
  double coal_t = 0.0;                ///< annual coal use, t
  double co2_t = 0.0;                 ///< annual CO2, t
  double so2_t = 0.0;                 ///< annual SO2, t
  double nox_t = 0.0;                 ///< annual NOx, t
  double pm_t = 0.0;                  ///< annual particulate matter, t
  std::optional<double> unit_energy;  ///< unit energy consumption, in the rules' unit
  std::string commissioned;           ///< (planned) commissioning date, may be empty
  std::string retired;                ///< retirement date; required when status is retired
  std::optional<bool> key_region;     ///< in a key air-pollution region; unset: by city
  std::string note;                   ///< free text (source of the numbers, approvals, ...)
};

/// @brief The amount of @p project in @p dimension (capacity or one of the annual amounts).
double amount(const Project& project, Dimension dimension);

/// @brief All seven amounts of @p project in DIMENSIONS order.
Amounts amounts(const Project& project);

/// @brief Checks one project's fields; every problem is returned as "<field>: <value>: <problem>".
/// @return an empty vector when the project is valid.
std::vector<std::string> project_problems(const Project& project);

/// @brief True when @p text is an ISO date "YYYY", "YYYY-MM" or "YYYY-MM-DD" (empty is false).
bool is_iso_date(const std::string& text);

/// @brief The year of an ISO date. @throws std::invalid_argument unless is_iso_date(@p text).
int year_of(const std::string& text);

}  // namespace peakpath
