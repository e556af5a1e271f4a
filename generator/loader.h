/* Schema files and $ref: loads each file once, parses it into a schema tree,
 * and follows references between and within files. */
#ifndef SCHEMAC_LOADER_H
#define SCHEMAC_LOADER_H

#include "schema.h"

typedef struct loader {
    arena *a;
    diag *d;
    schema_doc **docs; /* in load order: requested files first, then by first reference */
    size_t count;
    size_t cap;
    /* Identity of each loaded file (its real path), parallel to docs. */
    const char **keys;
    /* Refuse a $ref to a file not loaded by loader_load: build systems
     * list every output before schemac runs (schemac --listed-only). */
    bool listed_only;
} loader;

void loader_init(loader *l, arena *a, diag *d);
void loader_release(loader *l);

/* Loads and parses a file named on the command line. NULL after errors. */
schema_doc *loader_load(loader *l, const char *path);

/* Follows s->ref one step: to the root of another file, or to a $defs entry
 * of this or another file, loading files as needed. NULL after an error at
 * the $ref. *name receives the $defs key when the target is an entry. */
schema *loader_follow(loader *l, const schema *s, const char **name);

#endif
