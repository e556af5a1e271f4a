/* Writing generated files: only when their content changes, so that build
 * systems see untouched timestamps and stay incremental. */
#ifndef SCHEMAC_OUTPUT_H
#define SCHEMAC_OUTPUT_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum output_mode {
    OUTPUT_WRITE, /* write files whose content differs */
    OUTPUT_CHECK  /* write nothing; report files that differ */
} output_mode;

typedef struct output {
    const char *dir;
    output_mode mode;
    diag *d;
    unsigned stale; /* OUTPUT_CHECK: files that differ or are missing */
} output;

/* Makes sure dir exists (creating the last level when missing). */
bool output_prepare(output *o);

/* Writes (or, in check mode, compares) dir/name. False after an I/O error. */
bool output_file(output *o, const char *name, const char *text, size_t len);

#endif
