// SPDX-License-Identifier: Apache-2.0
// Tests of the register database: schema, import/export, audit trail, status changes.
#include "peakpath/register/register.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "fixture.hpp"
#include "peakpath/core/error.hpp"

namespace peakpath::test {
namespace {

using Register_ = RegisterTest;

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_F(Register_, CreatesTheFileWithTheSchemaVersionAndReopens) {
  {
    Register reg(file("r.db"), shipped_rules());
    EXPECT_EQ(reg.schema_version(), Register::SCHEMA_VERSION);
    reg.add_project(new_steel());
  }
  Register again(file("r.db"), shipped_rules());
  ASSERT_EQ(again.projects().size(), 1u);
  EXPECT_EQ(again.audit().front().action, "migrate");
}

TEST_F(Register_, RefusesAFileThatIsNotARegister) {
  write("junk.db", "this is not sqlite at all, just text that is long enough to be a header...");
  EXPECT_THROW(Register(file("junk.db"), shipped_rules()), DataError);
  sqlite3* db = nullptr;
  sqlite3_open(file("other.db").c_str(), &db);
  sqlite3_exec(db, "CREATE TABLE t (x)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  try {
    Register reg(file("other.db"), shipped_rules());
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("not a peakpath register"), std::string::npos);
  }
}

TEST_F(Register_, RefusesANewerSchema) {
  { Register reg(file("r.db"), shipped_rules()); }
  sqlite3* db = nullptr;
  sqlite3_open(file("r.db").c_str(), &db);
  sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  try {
    Register reg(file("r.db"), shipped_rules());
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("schema version 99 is newer"), std::string::npos);
  }
}

TEST_F(Register_, KeyRegionFollowsTheCityUnlessGiven) {
  Register reg(file("r.db"), shipped_rules());
  reg.add_project(new_steel("a"));  // Jinan
  Project b = new_steel("b");
  b.city = "Rizhao";
  reg.add_project(b);
  Project c = new_steel("c");
  c.city = "Rizhao";
  c.key_region = true;
  reg.add_project(c);
  EXPECT_TRUE(*reg.project("a").key_region);
  EXPECT_FALSE(*reg.project("b").key_region);
  EXPECT_TRUE(*reg.project("c").key_region);
  ProjectFilter filter;
  filter.key_region = true;
  EXPECT_EQ(reg.projects(filter).size(), 2u);
}

TEST_F(Register_, AddProjectRejectsBadFieldsAndDuplicates) {
  Register reg(file("r.db"), shipped_rules());
  Project p = new_steel();
  p.project_type = "tyres";
  p.co2_t = -1;
  try {
    reg.add_project(p);
    FAIL() << "expected invalid_argument";
  } catch (const std::invalid_argument& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("project_type: 'tyres'"), std::string::npos) << m;
    EXPECT_NE(m.find("co2_t: -1"), std::string::npos) << m;
  }
  reg.add_project(new_steel());
  EXPECT_THROW(reg.add_project(new_steel()), std::invalid_argument);
  Project r = new_steel("r");
  r.status = "retired";
  EXPECT_THROW(reg.add_project(r), std::invalid_argument);  // no retirement date
}

TEST_F(Register_, ImportReportsEveryBadRowAndImportsNothing) {
  Register reg(file("r.db"), shipped_rules());
  reg.add_project(new_steel("taken"));
  const std::string csv = header() +
                          "p1,Good,Zibo,coking,operating,1.2,Mt/a,1,2,3,4,5,6,120,2010,,,\n"
                          "p2,Bad type,Zibo,tyres,operating,1,Mt/a,1,2,3,4,5,6,,,,,\n"
                          "p3,Bad number,Zibo,coking,operating,abc,Mt/a,1,2,3,4,5,-6,,,,,\n"
                          "taken,Duplicate,Zibo,coking,operating,1,Mt/a,1,2,3,4,5,6,,,,,\n"
                          "p5,Bad date,Zibo,coking,retired,1,Mt/a,1,2,3,4,5,6,,2010,20x1,2,\n";
  try {
    reg.import_csv(write("p.csv", csv));
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("p.csv line 3, column 'project_type': 'tyres'"), std::string::npos) << m;
    EXPECT_NE(m.find("p.csv line 4, column 'capacity': value 'abc' is not a number"),
              std::string::npos)
        << m;
    EXPECT_NE(m.find("p.csv line 4, column 'pm_t': value '-6' is negative"), std::string::npos)
        << m;
    EXPECT_NE(m.find("p.csv line 5, column 'id': value 'taken' is a duplicate"), std::string::npos)
        << m;
    EXPECT_NE(m.find("p.csv line 6, column 'retired': '20x1'"), std::string::npos) << m;
    EXPECT_NE(m.find("p.csv line 6, column 'key_region': value '2' is not 0 or 1"),
              std::string::npos)
        << m;
    EXPECT_NE(m.find("6 bad cell(s), nothing imported"), std::string::npos) << m;
  }
  EXPECT_EQ(reg.projects().size(), 1u);
}

TEST_F(Register_, ImportRejectsAMissingColumn) {
  Register reg(file("r.db"), shipped_rules());
  try {
    reg.import_csv(write("p.csv", "id,name\nx,y\n"));
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("missing column 'city'"), std::string::npos);
  }
}

TEST_F(Register_, ExportThenImportReproducesEveryField) {
  Register reg(file("r.db"), shipped_rules());
  Project p = new_steel("a,1");
  p.name = "Name with \"quotes\", commas";
  p.unit_energy = 0.1 + 0.2;
  p.co2_t = 1.0 / 3.0;
  reg.add_project(p);
  reg.add_project(retired("b", "coking", "Zibo", 2.5, 1.0, "2021-06-30"));
  reg.export_csv(file("out.csv"));
  Register copy(file("copy.db"), shipped_rules());
  EXPECT_EQ(copy.import_csv(file("out.csv")), 2u);
  copy.export_csv(file("out2.csv"));
  EXPECT_EQ(read_all(file("out.csv")), read_all(file("out2.csv")));
  const Project q = copy.project("a,1");
  EXPECT_EQ(q.name, p.name);
  EXPECT_EQ(q.co2_t, p.co2_t);  // shortest round-trip text is exact
  EXPECT_EQ(*q.unit_energy, *p.unit_energy);
}

TEST_F(Register_, AuditTrailIsAppendOnlyAndRecordsBeforeAndAfter) {
  Register reg(file("r.db"), shipped_rules());
  reg.add_project(new_steel("a"));
  reg.set_status("a", "under_construction");
  const auto trail = reg.audit();
  ASSERT_EQ(trail.size(), 3u);  // migrate, add, set_status
  EXPECT_EQ(trail[2].action, "set_status");
  EXPECT_NE(trail[2].before.find("\"status\":\"proposed\""), std::string::npos);
  EXPECT_NE(trail[2].after.find("\"status\":\"under_construction\""), std::string::npos);
  sqlite3* db = nullptr;
  sqlite3_open(file("r.db").c_str(), &db);
  char* error = nullptr;
  EXPECT_NE(sqlite3_exec(db, "UPDATE audit SET action = 'x'", nullptr, nullptr, &error), SQLITE_OK);
  EXPECT_STREQ(error, "the audit trail is append-only");
  sqlite3_free(error);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM audit", nullptr, nullptr, &error), SQLITE_OK);
  EXPECT_STREQ(error, "the audit trail is append-only");
  sqlite3_free(error);
  sqlite3_close(db);
  EXPECT_EQ(reg.audit().size(), 3u);
}

TEST_F(Register_, SetStatusChecksItsArguments) {
  Register reg(file("r.db"), shipped_rules());
  reg.add_project(new_steel("a"));
  EXPECT_THROW(reg.set_status("nobody", "operating"), std::invalid_argument);
  EXPECT_THROW(reg.set_status("a", "closed"), std::invalid_argument);
  try {
    reg.set_status("a", "retired");
    FAIL() << "expected invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("needs its date"), std::string::npos);
  }
  reg.set_status("a", "retired", "2024-03");
  EXPECT_EQ(reg.project("a").retired, "2024-03");
}

TEST_F(Register_, ClassifiesAgainstBenchmarkAndBaseline) {
  Register reg(file("r.db"), shipped_rules());
  // Cement clinker levels 100 (benchmark) and 117 (baseline) kgce/t, 发改产业〔2021〕1609号.
  for (const auto& [id, value] : {std::pair<std::string, double>{"c1", 98},
                                  {"c2", 100},
                                  {"c3", 110},
                                  {"c4", 117},
                                  {"c5", 125}}) {
    Project p = new_steel(id);
    p.project_type = "cement_clinker";
    p.status = "operating";
    p.unit_energy = value;
    reg.add_project(p);
  }
  Project none = new_steel("c6");
  none.project_type = "cement_clinker";
  reg.add_project(none);
  Project lime = new_steel("l1");
  lime.project_type = "lime";
  lime.unit_energy = 150;
  reg.add_project(lime);
  const auto classes = reg.classify();
  ASSERT_EQ(classes.size(), 7u);
  EXPECT_EQ(classes[0].disposal, "keep");
  EXPECT_EQ(classes[1].disposal, "keep");
  EXPECT_EQ(classes[2].disposal, "upgrade");
  EXPECT_EQ(classes[2].deadline, "2030-12-31");
  EXPECT_EQ(classes[3].disposal, "upgrade");
  EXPECT_EQ(classes[4].disposal, "retrofit_or_phase_out");
  EXPECT_EQ(classes[4].deadline, "2025-12-31");
  EXPECT_EQ(classes[4].unit, "kgce/t clinker");
  EXPECT_EQ(classes[5].disposal, "unclassified");
  EXPECT_EQ(classes[5].reason, "the project has no unit energy consumption");
  EXPECT_EQ(classes[6].disposal, "unclassified");
  EXPECT_NE(classes[6].reason.find("no benchmark and baseline levels for lime"), std::string::npos);
}

TEST_F(Register_, MonitorFlagsFiguresAboveApprovedAmounts) {
  Register reg(file("r.db"), shipped_rules());
  reg.add_project(new_steel("a"));  // energy 500000 tce/a, co2 1.8 Mt/a
  const auto flags = reg.monitor(write("m.csv",
                                       "project_id,period,energy_tce,co2_t\n"
                                       "a,2024,490000,1900000\n"
                                       "a,2025-01,45000,\n"));
  ASSERT_EQ(flags.size(), 3u);
  EXPECT_EQ(flags[0].period, "2024");
  EXPECT_EQ(flags[0].dimension, Dimension::co2_t);
  EXPECT_TRUE(flags[0].over);
  EXPECT_DOUBLE_EQ(flags[0].excess, 100000);
  EXPECT_FALSE(flags[1].over);
  EXPECT_EQ(flags[2].period, "2025-01");
  EXPECT_DOUBLE_EQ(flags[2].approved, 500000.0 / 12);
  EXPECT_TRUE(flags[2].over);
  const auto totals = reg.totals(write("caps.csv",
                                       "year,dimension,cap\n2024,co2_t,2000000\n"
                                       "2024,energy_tce,400000\n"));
  ASSERT_EQ(totals.size(), 3u);  // 2024 co2, 2024 energy, 2025 energy
  // Ordered by year, then dimension (energy_tce before co2_t in DIMENSIONS).
  EXPECT_EQ(totals[0].year, 2024);
  EXPECT_EQ(totals[0].dimension, Dimension::energy_tce);
  EXPECT_TRUE(totals[0].over);
  EXPECT_EQ(totals[1].dimension, Dimension::co2_t);
  EXPECT_DOUBLE_EQ(totals[1].total, 1900000);
  EXPECT_FALSE(totals[1].over);
  EXPECT_EQ(totals[2].year, 2025);
  EXPECT_DOUBLE_EQ(totals[2].total, 45000);
  EXPECT_TRUE(std::isnan(totals[2].cap));
}

TEST_F(Register_, MonitorReportsEveryBadCell) {
  Register reg(file("r.db"), shipped_rules());
  reg.add_project(new_steel("a"));
  try {
    reg.monitor(write("m.csv", "project_id,period,co2_t\nghost,2024,1\na,24,x\n"));
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("line 2, column 'project_id': value 'ghost' is not a project"),
              std::string::npos)
        << m;
    EXPECT_NE(m.find("line 3, column 'period': value '24' is not a period"), std::string::npos)
        << m;
    EXPECT_NE(m.find("line 3, column 'co2_t': value 'x' is not a number"), std::string::npos) << m;
  }
  EXPECT_TRUE(reg.flags().empty());
}

}  // namespace
}  // namespace peakpath::test
