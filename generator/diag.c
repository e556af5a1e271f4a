#include "diag.h"

#include <stdarg.h>

void diag_init(diag *d, FILE *out)
{
    d->out = out;
    d->errors = 0;
}

void diag_error(diag *d, mark at, const char *fmt, ...)
{
    d->errors++;
    if (d->out == NULL)
        return;
    if (at.file != NULL && at.line != 0)
        fprintf(d->out, "%s:%u:%u: error: ", at.file, at.line, at.column);
    else if (at.file != NULL)
        fprintf(d->out, "%s: error: ", at.file);
    else
        fputs("schemac: error: ", d->out);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(d->out, fmt, ap);
    va_end(ap);
    fputc('\n', d->out);
}
