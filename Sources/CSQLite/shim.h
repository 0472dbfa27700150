#ifndef MNEMO_CSQLITE_SHIM_H
#define MNEMO_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
