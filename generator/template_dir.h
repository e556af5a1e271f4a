/* The template set of a schemac run, read from a folder of NAME.tmpl files
 * (templates/ in the source tree, share/schemac/templates once installed). */
#ifndef SCHEMAC_TEMPLATE_DIR_H
#define SCHEMAC_TEMPLATE_DIR_H

#include "template.h"

/* Reads every NAME.tmpl in dir, as template NAME, into *out, sorted by name
 * so that runs do not depend on the order the folder lists them in. Returns
 * false after reporting an error to d: the folder cannot be read, a file in
 * it cannot, or it holds no template. Everything is allocated in a. */
bool template_dir_load(arena *a, diag *d, const char *dir, template_set *out);

#endif
