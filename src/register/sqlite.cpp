// SPDX-License-Identifier: Apache-2.0
// Private: RAII wrappers over the SQLite C API (connections, statements, transactions).
#include "sqlite.hpp"

#include <sqlite3.h>

#include "peakpath/core/error.hpp"
#include "sha256.hpp"

namespace peakpath::detail {

namespace {

constexpr int BUSY_TIMEOUT_MS = 30000;

// sha256(text): the chain and row digests of the audit trail are computed in SQL with it.
void sha256_function(sqlite3_context* context, int, sqlite3_value** args) {
  const auto* bytes = static_cast<const char*>(sqlite3_value_blob(args[0]));
  const auto size = static_cast<std::size_t>(sqlite3_value_bytes(args[0]));
  try {
    const std::string digest = sha256_hex(std::string_view(bytes ? bytes : "", size));
    sqlite3_result_text(context, digest.c_str(), static_cast<int>(digest.size()), SQLITE_TRANSIENT);
  } catch (const std::exception& e) {
    sqlite3_result_error(context, e.what(), -1);
  }
}

// Why a database could not be opened or written, in the user's terms.
std::string reason(int rc) {
  switch (rc & 0xff) {
    case SQLITE_READONLY:
      return "the register is read-only (no write permission on the file or its directory, "
             "or a read-only file system)";
    case SQLITE_NOTADB:
      return "the file is not an SQLite database (not a peakpath register)";
    case SQLITE_CORRUPT:
      return "the file is corrupt (SQLite reports a malformed database)";
    case SQLITE_CANTOPEN:
      return "cannot open the file (does its directory exist, and may this user write there?)";
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return "permission denied";
    default:
      return "";
  }
}

}  // namespace

Database::Database(const std::string& path) : path_(path) {
  const int rc =
      sqlite3_open_v2(path.c_str(), &db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  try {
    if (rc != SQLITE_OK) fail(rc, "cannot open the register");
    // SQLite falls back to read-only for a write-protected file; the register must write.
    if (sqlite3_db_readonly(db_, "main") == 1) fail(SQLITE_READONLY, "cannot open the register");
    sqlite3_busy_timeout(db_, BUSY_TIMEOUT_MS);
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
    exec("PRAGMA foreign_keys=ON");
    if (sqlite3_create_function_v2(db_, "sha256", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                   sha256_function, nullptr, nullptr, nullptr) != SQLITE_OK)
      fail(SQLITE_ERROR, "cannot register sha256()");
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
  const std::string why = reason(rc);
  // The connection's own message when it has one; else that of the code (a check of ours).
  const std::string sqlite =
      db_ && sqlite3_errcode(db_) != SQLITE_OK ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  if (!why.empty()) throw DataError(path_ + ": " + what + ": " + why + " [" + sqlite + "]");
  throw Error(path_ + ": " + what + ": " + sqlite);
}

void Database::exec(const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    const std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    fail(rc, message);
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
  db_.exec("COMMIT");
  open_ = false;
}

}  // namespace peakpath::detail
