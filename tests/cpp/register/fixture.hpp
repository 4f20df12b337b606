// SPDX-License-Identifier: Apache-2.0
// Shared test helpers for the register tests: a scratch directory and small CSV files.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "peakpath/register/register.hpp"

namespace peakpath::test {

inline Rules shipped_rules() {
  return Rules::load_directory(PEAKPATH_TEST_DATA_DIR "/rules");
}

/// A fresh scratch directory per test, removed afterwards.
class RegisterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/peakpath-register-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::system(("rm -rf '" + dir_ + "'").c_str()); }

  std::string file(const std::string& name) const { return dir_ + "/" + name; }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(file(name)) << text;
    return file(name);
  }

  static std::string header() {
    return "id,name,city,project_type,status,capacity,capacity_unit,energy_tce,coal_t,co2_t,"
           "so2_t,nox_t,pm_t,unit_energy,commissioned,retired,key_region,note\n";
  }

  std::string dir_;
};

/// A new steel project in Jinan (a key-region city) of 1 Mt/a.
inline Project new_steel(const std::string& id = "new-steel") {
  Project p;
  p.id = id;
  p.name = "New steel";
  p.city = "Jinan";
  p.project_type = "steel";
  p.status = "proposed";
  p.capacity = 1.0;
  p.capacity_unit = "Mt/a";
  p.energy_tce = 500000;
  p.coal_t = 600000;
  p.co2_t = 1800000;
  p.so2_t = 100;
  p.nox_t = 200;
  p.pm_t = 50;
  p.commissioned = "2026";
  return p;
}

/// A retired plant of @p type in @p city with the given capacity and amounts.
inline Project retired(const std::string& id, const std::string& type, const std::string& city,
                       double capacity, double scale, const std::string& date = "2023") {
  Project p = new_steel(id);
  p.name = "Old " + type;
  p.project_type = type;
  p.city = city;
  p.status = "retired";
  p.retired = date;
  p.commissioned = "1998";
  p.capacity = capacity;
  p.energy_tce *= scale;
  p.coal_t *= scale;
  p.co2_t *= scale;
  p.so2_t *= scale;
  p.nox_t *= scale;
  p.pm_t *= scale;
  return p;
}

}  // namespace peakpath::test
