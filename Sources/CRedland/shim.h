#ifndef MNEMO_CREDLAND_SHIM_H
#define MNEMO_CREDLAND_SHIM_H
// Redland (librdf) with Raptor 2, found through pkg-config "redland".
#include <redland.h>
#include <raptor2.h>
#endif
