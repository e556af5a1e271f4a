/* Growable text buffer, always NUL-terminated. */
#ifndef SCHEMAC_STRBUF_H
#define SCHEMAC_STRBUF_H

#include <stddef.h>

typedef struct strbuf {
    char *data; /* NULL until the first append */
    size_t len;
    size_t cap;
} strbuf;

#define STRBUF_INIT {NULL, 0, 0}

void strbuf_append(strbuf *b, const char *s, size_t len);
void strbuf_puts(strbuf *b, const char *s);
void strbuf_putc(strbuf *b, char c);
void strbuf_printf(strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The text so far; "" for an empty buffer. */
const char *strbuf_str(const strbuf *b);
void strbuf_reset(strbuf *b);
void strbuf_release(strbuf *b);

#endif
