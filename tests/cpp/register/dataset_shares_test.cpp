// SPDX-License-Identifier: Apache-2.0
// Tests of the register → dataset bridge: the `register:` section of dataset.yaml reaches the
// register only through the handler the register installs.
#include "peakpath/register/dataset_shares.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "../message_of.hpp"
#include "fixture.hpp"
#include "peakpath/core/error.hpp"
#include "peakpath/register/efficiency_class_capacity.hpp"

namespace peakpath::test {
namespace {

namespace fs = std::filesystem;
using DatasetShares = RegisterTest;

double share(const Dataset& data, const std::string& sector, const std::string& name) {
  for (const auto& t : data.technologies)
    if (t.sector == data.sector_index(sector) && t.name == name) return t.base_share;
  ADD_FAILURE() << "no class " << name;
  return 0.0;
}

TEST_F(DatasetShares, TheRegisterSectionNeedsTheHandlerAndThenSetsTheClassShares) {
  const fs::path data = fs::path(PEAKPATH_TEST_DATA_DIR);
  const fs::path copy = fs::path(file("data"));
  fs::create_directories(copy);
  fs::copy(data / "fuels", copy / "fuels", fs::copy_options::recursive);
  fs::create_directories(copy / "shandong");
  for (const auto& entry : fs::directory_iterator(data / "shandong"))
    if (entry.is_regular_file())
      fs::copy(entry.path(), copy / "shandong" / entry.path().filename());
  {
    Register reg((copy / "shandong" / "register.db").string(), shipped_rules());
    reg.import_csv((data / "shandong" / "register" / "sample_projects.csv").string());
  }
  std::ofstream(copy / "shandong" / "dataset.yaml", std::ios::app)
      << "register:\n  database: register.db\n  sectors:\n    steel: ferrous_metals\n";
  const std::string directory = (copy / "shandong").string();

  EXPECT_NE(message_of<DataError>([&] { load_dataset(directory); })
                .find("link peakpath::register and call "
                      "peakpath::enable_register_dataset_section() before load_dataset"),
            std::string::npos);

  enable_register_dataset_section();
  const Dataset shipped = load_dataset("shandong");
  const Dataset loaded = load_dataset(directory);
  const Register reg((copy / "shandong" / "register.db").string(), shipped_rules());
  const auto by_class = operating_capacity_by_class(reg, {{"steel", "ferrous_metals"}});
  const auto& steel = by_class.at("ferrous_metals");
  double total = 0.0, classes = 0.0;
  for (const auto& [cls, capacity] : steel) total += capacity;
  for (const char* cls : {"below_baseline", "baseline", "benchmark"})
    classes += share(shipped, "ferrous_metals", cls);
  for (const char* cls : {"below_baseline", "baseline", "benchmark"}) {
    const auto it = steel.find(cls);
    EXPECT_NEAR(share(loaded, "ferrous_metals", cls),
                classes * (it == steel.end() ? 0.0 : it->second) / total, 1e-12)
        << cls;
  }
  EXPECT_EQ(share(loaded, "ferrous_metals", "scrap_eaf"),
            share(shipped, "ferrous_metals", "scrap_eaf"));
}

}  // namespace
}  // namespace peakpath::test
