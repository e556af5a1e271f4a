/* Text that goes into generated C: string literals and comments. */
#ifndef SCHEMAC_C_TEXT_H
#define SCHEMAC_C_TEXT_H

#include "arena.h"
#include "view.h"

/* A C string literal with quotes for any bytes: escapes make it plain ASCII,
 * and '?' is escaped so no trigraph can form. */
char *c_literal(arena *a, const char *text);

/* Text safe inside a C block comment on one line: no comment delimiters,
 * no control characters. */
char *c_comment_text(arena *a, const char *text);

/* Sets doc_one/doc_text or doc_many/doc_lines on v for a doc comment holding
 * text, wrapped to fit 80 columns after indent; neither when text is NULL. */
void c_doc_comment(arena *a, view *v, const char *text, const char *indent);

#endif
