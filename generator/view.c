#include "view.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Entries form a singly linked list: views hold a few dozen names at most,
 * so a linear scan is cheap, and entries never move once allocated. */
typedef struct entry {
    struct entry *next;
    const char *name;
    view_kind kind;
    const char *str;
    bool flag;
    const view **items;
    size_t count;
    size_t cap;
} entry;

struct view {
    arena *a;
    entry *first;
    entry *last;
};

view *view_new(arena *a)
{
    view *v = arena_alloc(a, sizeof *v);
    v->a = a;
    return v;
}

static entry *find(const view *v, const char *name)
{
    for (entry *e = v->first; e != NULL; e = e->next)
        if (strcmp(e->name, name) == 0)
            return e;
    return NULL;
}

/* The entry for `name`, appended if new; the caller overwrites its value. */
static entry *slot(view *v, const char *name)
{
    assert(name != NULL);
    entry *e = find(v, name);
    if (e != NULL)
        return e;
    e = arena_alloc(v->a, sizeof *e);
    e->name = name;
    if (v->last != NULL)
        v->last->next = e;
    else
        v->first = e;
    v->last = e;
    return e;
}

void view_set_str(view *v, const char *name, const char *value)
{
    assert(value != NULL);
    entry *e = slot(v, name);
    e->kind = VIEW_STRING;
    e->str = value;
}

void view_set_strf(view *v, const char *name, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    /* Same policy as arena_printf: a failing vsnprintf leaves nothing sane to store. */
    if (n < 0)
        out_of_memory();
    char *s = arena_alloc(v->a, (size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, again);
    va_end(again);
    view_set_str(v, name, s);
}

void view_set_bool(view *v, const char *name, bool value)
{
    entry *e = slot(v, name);
    e->kind = VIEW_BOOL;
    e->flag = value;
}

static entry *list_slot(view *v, const char *name)
{
    entry *e = slot(v, name);
    if (e->kind != VIEW_LIST) {
        e->kind = VIEW_LIST;
        e->count = 0;
    }
    return e;
}

void view_set_list(view *v, const char *list_name)
{
    list_slot(v, list_name);
}

view *view_add(view *v, const char *list_name)
{
    entry *e = list_slot(v, list_name);
    if (e->count == e->cap) {
        /* Doubling keeps appends amortised O(1); the abandoned arrays stay
         * in the arena, at most as much again as the live one. */
        size_t cap = e->cap ? e->cap * 2 : 8;
        const view **items = arena_alloc_array(v->a, cap, sizeof *items);
        if (e->count != 0)
            memcpy(items, e->items, e->count * sizeof *items);
        e->items = items;
        e->cap = cap;
    }
    view *child = view_new(v->a);
    e->items[e->count++] = child;
    return child;
}

view_value view_get(const view *v, const char *name)
{
    view_value val = {.kind = VIEW_MISSING};
    const entry *e = v != NULL ? find(v, name) : NULL;
    if (e == NULL)
        return val;
    val.kind = e->kind;
    val.str = e->str;
    val.flag = e->flag;
    val.items = e->items;
    val.count = e->count;
    return val;
}
