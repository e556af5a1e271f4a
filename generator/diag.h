/* Compiler-style diagnostics: "file:line:col: error: message". */
#ifndef SCHEMAC_DIAG_H
#define SCHEMAC_DIAG_H

#include <stdio.h>

/* A position in a source file; line and column count from 1. A mark with
 * line 0 names only the file. */
typedef struct mark {
    const char *file;
    unsigned line;
    unsigned column;
} mark;

typedef struct diag {
    FILE *out;       /* where messages go (stderr in the CLI, a temp file in tests) */
    unsigned errors; /* how many errors were reported */
} diag;

void diag_init(diag *d, FILE *out);
void diag_error(diag *d, mark at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
