// SPDX-License-Identifier: Apache-2.0
// Private: RAII wrappers over the SQLite C API (connections, statements, transactions).
#include "sqlite.hpp"

#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "peakpath/core/error.hpp"

namespace peakpath::register_detail {

namespace {

constexpr int BUSY_TIMEOUT_MS = 30000;

// Test hook: with PEAKPATH_REGISTER_TEST_PAUSE set to a file name, a commit first creates that
// file and then waits, so a test can kill the process inside an open write transaction.
void pause_before_commit_for_tests() {
  const char* marker = std::getenv("PEAKPATH_REGISTER_TEST_PAUSE");
  if (!marker || !*marker) return;
  std::ofstream(marker) << "in transaction\n";
  std::this_thread::sleep_for(std::chrono::seconds(60));
}

}  // namespace

Database::Database(const std::string& path) : path_(path) {
  const int rc =
      sqlite3_open_v2(path.c_str(), &db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw DataError(path + ": cannot open the register: " + message);
  }
  sqlite3_busy_timeout(db_, BUSY_TIMEOUT_MS);
  try {
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
    exec("PRAGMA foreign_keys=ON");
  } catch (...) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

Database::~Database() {
  sqlite3_close(db_);
}

void Database::fail(int rc, const std::string& what) const {
  const std::string message = path_ + ": " + what + ": " + sqlite3_errmsg(db_);
  if (rc == SQLITE_NOTADB) throw DataError(message + " (not a peakpath register)");
  throw Error(message);
}

void Database::exec(const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    const std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    if (rc == SQLITE_NOTADB) throw DataError(path_ + ": " + message + " (not a peakpath register)");
    throw Error(path_ + ": " + message);
  }
}

Statement::Statement(const Database& db, const std::string& sql) : db_(db), sql_(sql) {
  const int rc = sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &stmt_, nullptr);
  if (rc != SQLITE_OK) db.fail(rc, "cannot prepare '" + sql + "'");
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, const std::string& value) {
  sqlite3_bind_text(stmt_, index, value.c_str(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}
Statement& Statement::bind(int index, long long value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}
Statement& Statement::bind(int index, std::optional<double> value) {
  if (value) return bind(index, *value);
  sqlite3_bind_null(stmt_, index);
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.fail(rc, "statement failed");
}

void Statement::run() {
  while (step()) {
  }
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  return p ? std::string(reinterpret_cast<const char*>(p),
                         static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
           : std::string();
}
double Statement::real(int column) const {
  return sqlite3_column_double(stmt_, column);
}
long long Statement::integer(int column) const {
  return sqlite3_column_int64(stmt_, column);
}
bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Transaction::Transaction(Database& db) : db_(db) {
  db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  pause_before_commit_for_tests();
  db_.exec("COMMIT");
  open_ = false;
}

}  // namespace peakpath::register_detail
