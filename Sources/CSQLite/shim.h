// Fixed-arity wrappers for what Swift cannot import from sqlite3.h.
// sqlite3_config and sqlite3_db_config are variadic; SQLITE_TRANSIENT is a macro cast the importer drops.
#ifndef DAPGATE_CSQLITE_SHIM_H
#define DAPGATE_CSQLITE_SHIM_H
#include <sqlite3.h>

// sqlite.org/c3ref/c_static.html: "If the destructor argument is SQLITE_TRANSIENT, SQLite makes its own
// private copy of the data immediately, before the sqlite3_bind_*() routine returns."
static inline sqlite3_destructor_type dapgate_sqlite_transient(void) { return SQLITE_TRANSIENT; }

#endif
