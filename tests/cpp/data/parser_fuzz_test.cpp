// SPDX-License-Identifier: Apache-2.0
// Seeded mutation fuzzing of the input parsers (C12): every mutated CSV, dataset file,
// scenario YAML or register import either loads or fails with a DataError; never another
// exception, a crash or (under the sanitizers of the test command) a memory error.
#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <typeinfo>

#include "peakpath/core/csv_table.hpp"
#include "peakpath/core/error.hpp"
#include "peakpath/data/dataset.hpp"
#include "peakpath/register/register.hpp"
#include "peakpath/scenario/scenario.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path DATA = PEAKPATH_TEST_DATA_DIR;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

/// One random edit of the kinds that break parsers: a byte replaced by a delimiter, quote,
/// line break, sign, digit or NUL; a span deleted; a line duplicated; the text cut; an
/// extreme or non-finite number inserted.
std::string mutate(std::string text, std::mt19937& rng) {
  static const std::string bytes = std::string(",\"\n\r-e.9:{[ #x\t", 15) + std::string(1, '\0');
  static const std::array<const char*, 6> tokens = {"nan", "inf", "1e999", "-1e308", ",,", "\"\""};
  if (text.empty()) return "\"";
  const auto at = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n)(rng);
  };
  switch (at(4)) {
    case 0:
      text[at(text.size() - 1)] = bytes[at(bytes.size() - 1)];
      break;
    case 1: {
      const std::size_t from = at(text.size() - 1);
      text.erase(from, at(40));
      break;
    }
    case 2: {
      const std::size_t from = text.rfind('\n', at(text.size() - 1));
      const std::size_t start = from == std::string::npos ? 0 : from + 1;
      const std::size_t end = text.find('\n', start);
      text.insert(start, text.substr(start, end == std::string::npos ? end : end - start + 1));
      break;
    }
    case 3:
      text.resize(at(text.size() - 1));
      break;
    default:
      text.insert(at(text.size()), tokens[at(tokens.size() - 1)]);
  }
  return text;
}

/// Runs @p load; a DataError is a clear refusal, anything else thrown fails the test.
template <class Load>
void expect_loads_or_refuses(Load&& load, const std::string& what) {
  try {
    load();
  } catch (const peakpath::DataError&) {
  } catch (const std::exception& e) {
    ADD_FAILURE() << what << ": " << typeid(e).name() << ": " << e.what();
  }
}

TEST(ParserFuzz, CsvTextEitherParsesOrNamesTheProblem) {
  std::mt19937 rng(2022);
  for (const char* name : {"sectors.csv", "base_energy.csv", "paths.csv", "technologies.csv"}) {
    const std::string text = read_text(DATA / "shandong" / name).substr(0, 4096);
    for (int i = 0; i < 300; ++i) {
      std::string mutated = text;
      for (int k = 0, n = 1 + i % 3; k < n; ++k) mutated = mutate(mutated, rng);
      expect_loads_or_refuses([&] { peakpath::CsvTable::parse(mutated, name); },
                              std::string(name) + " mutation " + std::to_string(i));
    }
  }
}

class DatasetFuzz : public ::testing::Test {
 protected:
  void SetUp() override {
    // One directory per test: ctest runs the tests as parallel processes.
    root_ = fs::temp_directory_path() /
            (std::string("peakpath-fuzz-") +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
    fs::copy(DATA / "fuels", root_ / "fuels", fs::copy_options::recursive);
    fs::copy(DATA / "shandong", root_ / "shandong", fs::copy_options::recursive);
    fs::remove_all(root_ / "shandong" / "register");
  }
  void TearDown() override { fs::remove_all(root_); }

  /// Mutates @p file of the copy @p rounds times, each time loading with @p load, and puts
  /// the original back.
  template <class Load>
  void fuzz(const fs::path& file, int rounds, Load&& load) {
    const std::string original = read_text(file);
    std::mt19937 rng(static_cast<unsigned>(std::hash<std::string>{}(file.filename().string())));
    for (int i = 0; i < rounds; ++i) {
      write_text(file, mutate(original, rng));
      expect_loads_or_refuses(load, file.filename().string() + " mutation " + std::to_string(i));
    }
    write_text(file, original);
  }

  fs::path root_;
};

TEST_F(DatasetFuzz, EveryDatasetFileEitherLoadsOrNamesTheProblem) {
  const fs::path dataset = root_ / "shandong";
  const auto load = [&] { peakpath::load_dataset(dataset.string()); };
  for (const char* name : {"dataset.yaml", "sectors.csv", "base_activity.csv", "base_energy.csv",
                           "base_process.csv", "power.csv", "paths.csv", "power_fuels.csv",
                           "calibration.csv", "technologies.csv", "technology_fuels.csv"})
    fuzz(dataset / name, 40, load);
  for (const char* name : {"fuels.csv", "factors_china.csv", "pollutants.csv"})
    fuzz(root_ / "fuels" / name, 40, load);
  EXPECT_NO_THROW(load());  // every original was put back
}

TEST_F(DatasetFuzz, ScenarioYamlEitherLoadsOrNamesTheProblem) {
  const fs::path scenarios = root_ / "shandong" / "scenarios";
  for (const char* name : {"baseline.yaml", "opinions.yaml"}) {
    const fs::path file = scenarios / name;
    fuzz(file, 150, [&] { peakpath::Scenario::load(file.string()); });
  }
}

TEST_F(DatasetFuzz, RegisterImportTakesAllOrNothing) {
  // Each mutated file goes into a fresh register: either every project is added or, refused,
  // none is (the import is one transaction).
  const fs::path csv = root_ / "projects.csv";
  const std::string original = read_text(DATA / "shandong" / "register" / "sample_projects.csv");
  std::mt19937 rng(4);
  int added = 0, refused = 0;
  for (int i = 0; i < 80; ++i) {
    write_text(csv, mutate(original, rng));
    peakpath::Register reg((root_ / ("register" + std::to_string(i) + ".db")).string());
    std::size_t count = 0;
    try {
      count = reg.import_csv(csv.string());
      ++added;
    } catch (const peakpath::DataError&) {
      ++refused;
    } catch (const std::exception& e) {
      ADD_FAILURE() << "mutation " << i << ": " << typeid(e).name() << ": " << e.what();
    }
    EXPECT_EQ(reg.projects().size(), count) << "mutation " << i;
  }
  EXPECT_GT(added, 0);
  EXPECT_GT(refused, 0);
}

}  // namespace
