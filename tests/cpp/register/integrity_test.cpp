// SPDX-License-Identifier: Apache-2.0
// Tests of the register's promises: UTF-8 text, bounded amounts, the hash-chained audit trail
// and verify(), migration of a version-1 file, and SHA-256 against the NIST examples.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <limits>

#include "../../../src/register/sha256.hpp"
#include "../message_of.hpp"
#include "fixture.hpp"
#include "peakpath/core/error.hpp"

namespace peakpath::test {
namespace {

using Integrity = RegisterTest;

void sql(const std::string& path, const std::string& statements) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, statements.c_str(), nullptr, nullptr, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << message;
}

TEST(Sha256, MatchesTheFips180ExampleVectors) {
  // FIPS 180-2 appendix B.1, B.2, and the empty message.
  EXPECT_EQ(detail::sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(detail::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(detail::sha256_hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_F(Integrity, NonUtf8TextIsRefusedNamingTheField) {
  Register reg(file("r.db"), shipped_rules());
  Project p = new_steel("a");
  p.name = "Caf\xE9";
  EXPECT_EQ(message_of<std::invalid_argument>([&] { reg.add_project(p); }),
            "add_project 'a': name: 'Caf\\xE9': not valid UTF-8 (byte 0xE9 at offset 3)");
  EXPECT_EQ(message_of<std::invalid_argument>([&] { reg.requirement("x\xFF"); }),
            "requirement: project id: 'x\\xFF': not valid UTF-8 (byte 0xFF at offset 1)");
  ProjectFilter filter;
  filter.city = "\xC3";  // a truncated two-byte sequence
  EXPECT_EQ(message_of<std::invalid_argument>([&] { reg.projects(filter); }),
            "projects: city: '\\xC3': not valid UTF-8 (byte 0xC3 at offset 0)");
  p.name = "Café 钢铁";  // valid UTF-8 passes
  reg.add_project(p);
  EXPECT_EQ(reg.project("a").name, "Café 钢铁");
}

TEST_F(Integrity, NonUtf8CellsAreRefusedNamingFileLineAndColumn) {
  Register reg(file("r.db"), shipped_rules());
  const std::string csv =
      write("p.csv", header() + "a,A,Jin\xE0n,steel,proposed,1,Mt/a,1,1,1,1,1,1,,2026,,,\n");
  const std::string message = message_of<DataError>([&] { reg.import_csv(csv); });
  EXPECT_NE(message.find(csv + " line 2, column 'city': value 'Jin\\xE0n' is not valid UTF-8"),
            std::string::npos)
      << message;
  EXPECT_TRUE(reg.projects().empty());
}

TEST_F(Integrity, RulesFilesAreCheckedForUtf8AndRanges) {
  Rules rules = shipped_rules();
  const std::string bad = write("rules.csv",
                                "rule,project_type,dimension,value,unit,tag,source\n"
                                "ratio_other,steel,capacity,1e300,x,U,mine\n"
                                "ratio_other,steel,coal_t,2,x,U,caf\xE9\n");
  const std::string message = message_of<DataError>([&] { rules.override_with(bad); });
  EXPECT_NE(message.find("line 2, column 'value': value '1e300' must be finite and within [0, "
                         "100]"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("line 3, column 'source': value 'caf\\xE9' is not valid UTF-8"),
            std::string::npos)
      << message;
}

TEST_F(Integrity, AmountsOutsideTheStatedRangesAreRefused) {
  Register reg(file("r.db"), shipped_rules());
  Project p = new_steel("a");
  p.so2_t = 1e308;
  EXPECT_EQ(message_of<std::invalid_argument>([&] { reg.add_project(p); }),
            "add_project 'a': so2_t: 1e+308: must be finite and within [0, 1e+08]");
  p.so2_t = 100;
  p.unit_energy = std::numeric_limits<double>::infinity();
  EXPECT_EQ(message_of<std::invalid_argument>([&] { reg.add_project(p); }),
            "add_project 'a': unit_energy: inf: must be finite and within [0, 1e+06]");
  EXPECT_EQ(amount_limit(Dimension::co2_t), 1e10);
}

TEST_F(Integrity, VerifyFindsRowsChangedOutsideTheRegister) {
  Register reg(file("r.db"), shipped_rules());
  reg.add_project(retired("old", "steel", "Jinan", 5.0, 10.0));
  reg.add_project(new_steel("new"));
  ASSERT_TRUE(reg.allocate("new").approved);
  const Verification clean = reg.verify();
  EXPECT_TRUE(clean.ok);
  EXPECT_FALSE(clean.first_break);
  EXPECT_EQ(clean.entries, reg.audit().size());
  EXPECT_EQ(clean.head, reg.audit().back().hash);

  sql(file("r.db"), "UPDATE projects SET nox_t = 0 WHERE id = 'new'");
  const Verification broken = reg.verify();
  ASSERT_FALSE(broken.ok);
  ASSERT_TRUE(broken.first_break);
  EXPECT_EQ(broken.first_break->table, "projects");
  EXPECT_EQ(broken.first_break->key, "new");
  EXPECT_EQ(broken.first_break->seq, 3);
  EXPECT_EQ(broken.first_break->describe(),
            "projects 'new' (audit seq 3): the row differs from its last audit entry: changed "
            "outside the register");
}

TEST_F(Integrity, VerifyFindsAnEditedAuditEntry) {
  Register reg(file("r.db"), shipped_rules());
  reg.add_project(new_steel("a"));
  reg.set_status("a", "under_construction");
  sql(file("r.db"),
      "DROP TRIGGER audit_no_update; UPDATE audit SET after = '{}' WHERE action = 'set_status'");
  const Verification v = reg.verify();
  ASSERT_FALSE(v.ok);
  EXPECT_EQ(v.first_break->table, "audit");
  EXPECT_EQ(v.first_break->seq, 3);
  EXPECT_NE(v.first_break->reason.find("does not match its content"), std::string::npos);
}

TEST_F(Integrity, AVersion1FileIsChainedOnOpening) {
  {
    Register reg(file("r.db"), shipped_rules());
    reg.add_project(new_steel("a"));
  }
  // Back to the version-1 layout: no chain columns, no migration entry to version 2.
  sql(file("r.db"),
      "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE action = 'migrate';"
      "ALTER TABLE audit DROP COLUMN row_key; ALTER TABLE audit DROP COLUMN row_digest;"
      "ALTER TABLE audit DROP COLUMN prev_hash; ALTER TABLE audit DROP COLUMN hash;"
      "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the "
      "audit trail is append-only'); END; PRAGMA user_version = 1;");
  Register reg(file("r.db"), shipped_rules());
  EXPECT_EQ(reg.schema_version(), 2);
  const auto trail = reg.audit();
  ASSERT_EQ(trail.size(), 3u);  // add_project, migrate, baseline
  EXPECT_EQ(trail[1].action, "migrate");
  EXPECT_EQ(trail[2].action, "baseline");
  EXPECT_EQ(trail[1].prev_hash, trail[0].hash);
  EXPECT_TRUE(reg.verify().ok);
}

TEST_F(Integrity, OpeningFailuresSayWhy) {
  { Register reg(file("r.db"), shipped_rules()); }
  sql(file("r.db"), "PRAGMA user_version = 7");
  EXPECT_NE(message_of<DataError>([&] {
              Register(file("r.db"), shipped_rules());
            }).find("register schema version 7 is newer than this peakpath (2)"),
            std::string::npos);
  write("junk.db", std::string(200, 'x'));
  EXPECT_NE(message_of<DataError>([&] {
              Register(file("junk.db"), shipped_rules());
            }).find("not an SQLite database"),
            std::string::npos);
  EXPECT_NE(message_of<DataError>([&] {
              Register(file("no/such/dir/r.db"), shipped_rules());
            }).find("does its directory exist"),
            std::string::npos);
}

}  // namespace
}  // namespace peakpath::test
