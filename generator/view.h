/* The data a template is rendered from: a tree of objects whose values are
 * strings, bools or lists of further objects. The generator builds one view
 * per output file; the template engine only reads it. */
#ifndef SCHEMAC_VIEW_H
#define SCHEMAC_VIEW_H

#include "arena.h"

#include <stdbool.h>
#include <stddef.h>

/* An object: names mapped to values, kept in insertion order. */
typedef struct view view;

/* Write side. Everything lives in the arena given to view_new; names and
 * string values are not copied, so they must live at least as long (string
 * literals or arena strings). Setting a name again replaces its value in
 * place. */
view *view_new(arena *a);
void view_set_str(view *v, const char *name, const char *value);
void view_set_strf(view *v, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void view_set_bool(view *v, const char *name, bool value);
/* Appends a new empty child to list `list_name`, creating the list (or
 * replacing a string or bool of that name), and returns the child. */
view *view_add(view *v, const char *list_name);
/* Makes sure list `list_name` exists, possibly empty, so that templates can
 * test it with {{^name}}. An existing list keeps its items. */
void view_set_list(view *v, const char *list_name);

/* Read side, for the template engine. */
typedef enum view_kind { VIEW_MISSING, VIEW_STRING, VIEW_BOOL, VIEW_LIST } view_kind;

typedef struct view_value {
    view_kind kind;
    const char *str;          /* VIEW_STRING: never NULL */
    bool flag;                /* VIEW_BOOL */
    const view *const *items; /* VIEW_LIST: `count` children in insertion order */
    size_t count;
} view_value;

/* The value of `name` in `v` itself (parents are the caller's business);
 * kind VIEW_MISSING if absent or v is NULL. List items stay valid until the
 * list is next appended to. */
view_value view_get(const view *v, const char *name);

#endif
