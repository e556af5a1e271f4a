/* Where schemac finds the files installed beside it. The layout is the same
 * in the build tree and in an install, and only relative paths link them, so
 * an install can be moved to another prefix:
 *   <prefix>/bin/schemac
 *   <prefix>/share/schemac/templates/NAME.tmpl */
#ifndef SCHEMAC_PROGRAM_DIR_H
#define SCHEMAC_PROGRAM_DIR_H

#include "arena.h"

/* The templates folder that belongs to this schemac executable, found from
 * the running program's own path (argv0 is the fallback where the system
 * cannot tell it). NULL when the program's path cannot be found. */
const char *program_templates_dir(arena *a, const char *argv0);

#endif
