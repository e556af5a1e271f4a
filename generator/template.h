/* A strict subset of Mustache for rendering generated code.
 *
 *   {{name}}               the string `name`, verbatim (no escaping)
 *   {{#name}}..{{/name}}   a list: once per item, the item becoming the
 *                          innermost context; a bool: once if true; a
 *                          string: once if non-empty
 *   {{^name}}..{{/name}}   once if the list is empty, the bool false or the
 *                          string empty
 *   {{! comment }}         nothing (may span lines)
 *   {{>partial}}           another template of the set, same context
 *   @first @last @index    inside a list: about the innermost list's item
 *                          (@index counts from 0)
 *
 * Names are looked up from the innermost context outwards to the root. A
 * missing name, or one of the wrong kind, is an error rather than an empty
 * string: it almost always means a generator bug.
 *
 * A line holding only blanks and one section, inverted, close, comment or
 * partial tag is "standalone" and disappears from the output together with
 * its newline. A standalone partial's indentation is prepended to every
 * non-empty line of the partial's output.
 *
 * Names are letters, digits, '_', '-' and '.', optionally starting with '@';
 * partial names may also contain '/'. Blanks around a name are allowed:
 * {{# name }}. Tags other than comments must end on the line they start.
 * {{&x}}, {{{x}}}, {{=..=}}, {{<x}} and {{$x}} are not supported. */
#ifndef SCHEMAC_TEMPLATE_H
#define SCHEMAC_TEMPLATE_H

#include "arena.h"
#include "diag.h"
#include "strbuf.h"
#include "view.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct template_source {
    const char *name; /* as used by {{>name}} */
    const char *text; /* need not be NUL-terminated */
    size_t len;
} template_source;

typedef struct template_set {
    const template_source *items;
    size_t count;
} template_set;

/* Renders template `name` of `set` with `root` as the outermost context and
 * appends the result to `out`. On errors, reports them all to `d` as
 * "templates/<name>:line:col: error: ..." and returns false with `out` left
 * as it was. Syntax errors are found in every template reachable through
 * partials, whatever the data, and reported in source order; data errors
 * stop rendering at the first one.
 * `root` may be NULL for a template that uses no names. Each reachable
 * template is parsed once per call, into `a`. */
bool template_render(const template_set *set, const char *name, const view *root,
                     arena *a, diag *d, strbuf *out);

#endif
