#include "one_of_dispatch.h"

#include <stdlib.h>
#include <string.h>

/* What one alternative allows at one path. */
typedef struct constraint {
    bool anything;
    bool absent;
    const char *const *values;
    size_t value_count;
} constraint;

/* A path some alternative holds a const or enum at, with what each
 * alternative allows there. */
typedef struct candidate {
    const char **keys;
    size_t key_count;
    constraint *allows; /* one per alternative */
    bool chosen;
} candidate;

typedef struct candidates {
    arena *a;
    candidate *items;
    size_t count;
    size_t cap;
} candidates;

static bool same_keys(const candidate *c, const char *const *keys, size_t count)
{
    if (c->key_count != count)
        return false;
    for (size_t i = 0; i < count; i++)
        if (strcmp(c->keys[i], keys[i]) != 0)
            return false;
    return true;
}

static void add_candidate(candidates *out, const char *const *keys, size_t count)
{
    for (size_t i = 0; i < out->count; i++)
        if (same_keys(&out->items[i], keys, count))
            return;
    if (out->count == out->cap) {
        out->cap = out->cap ? 2 * out->cap : 16;
        out->items = xrealloc(out->items, out->cap * sizeof *out->items);
    }
    candidate *c = &out->items[out->count++];
    memset(c, 0, sizeof *c);
    c->keys = arena_alloc_array(out->a, count, sizeof *c->keys);
    memcpy(c->keys, keys, count * sizeof *keys);
    c->key_count = count;
}

static bool is_record(const slot *sl)
{
    return sl->kind == VALUE_RECORD && sl->type->kind == TYPE_RECORD;
}

/* Every path below record (keys[0..depth) lead to it) that ends in a const or
 * an enum, in field order, depth first. */
static void collect(candidates *out, const model_type *record, const char **keys, size_t depth)
{
    for (size_t i = 0; i < record->field_count; i++) {
        const field *f = &record->fields[i];
        keys[depth] = f->json_name;
        if (f->value->kind == VALUE_CONST || f->value->kind == VALUE_ENUM)
            add_candidate(out, keys, depth + 1);
        else if (is_record(f->value) && depth + 1 < DISPATCH_DEPTH_MAX)
            collect(out, f->value->type, keys, depth + 1);
    }
}

/* Shorter paths first, each length in the order found (a stable sort). */
static void sort_by_length(candidates *c)
{
    for (size_t i = 1; i < c->count; i++) {
        candidate moving = c->items[i];
        size_t j = i;
        for (; j > 0 && c->items[j - 1].key_count > moving.key_count; j--)
            c->items[j] = c->items[j - 1];
        c->items[j] = moving;
    }
}

static const field *field_named(const model_type *record, const char *json_name)
{
    for (size_t i = 0; i < record->field_count; i++)
        if (strcmp(record->fields[i].json_name, json_name) == 0)
            return &record->fields[i];
    return NULL;
}

static constraint allowed_at(const model_type *record, const char *const *keys, size_t count)
{
    constraint c = {false, false, NULL, 0};
    const model_type *t = record;
    for (size_t i = 0; i < count; i++) {
        const field *f = field_named(t, keys[i]);
        if (f == NULL) {
            /* Undeclared: a strict record refuses it, another takes anything. */
            c.anything = !t->strict;
            c.absent = true;
            return c;
        }
        c.absent = c.absent || !f->required;
        const slot *v = f->value;
        if (i + 1 < count) {
            if (!is_record(v)) {
                c.anything = true; /* a path this alternative does not describe */
                return c;
            }
            t = v->type;
        } else if (v->kind == VALUE_CONST) {
            c.values = &v->const_value;
            c.value_count = 1;
        } else if (v->kind == VALUE_ENUM) {
            c.values = (const char *const *)v->type->values;
            c.value_count = v->type->value_count;
        } else {
            c.anything = true;
        }
    }
    return c;
}

static bool allows_value(const constraint *c, const char *value)
{
    for (size_t i = 0; i < c->value_count; i++)
        if (strcmp(c->values[i], value) == 0)
            return true;
    return false;
}

static bool tells_apart(const candidate *c, size_t x, size_t y)
{
    const constraint *a = &c->allows[x], *b = &c->allows[y];
    if (a->anything || b->anything || (a->absent && b->absent))
        return false;
    for (size_t i = 0; i < a->value_count; i++)
        if (allows_value(b, a->values[i]))
            return false;
    return true;
}

static uint64_t bit(size_t alternative)
{
    return UINT64_C(1) << alternative;
}

/* The union of the alternatives' values at c, each with who allows it. */
static void add_values(arena *a, dispatch_path *out, const candidate *c, size_t alternatives)
{
    size_t cap = 0;
    for (size_t i = 0; i < alternatives; i++)
        cap += c->allows[i].value_count;
    out->values = arena_alloc_array(a, cap, sizeof *out->values);
    for (size_t i = 0; i < alternatives; i++) {
        const constraint *allows = &c->allows[i];
        for (size_t v = 0; !allows->anything && v < allows->value_count; v++) {
            size_t at = 0;
            while (at < out->value_count && strcmp(out->values[at].text, allows->values[v]) != 0)
                at++;
            if (at == out->value_count)
                out->values[out->value_count++].text = allows->values[v];
            out->values[at].alternatives |= bit(i);
        }
    }
}

static void emit_chosen(arena *a, model_type *t, const candidates *all)
{
    size_t count = 0;
    for (size_t i = 0; i < all->count; i++)
        count += all->items[i].chosen;
    t->dispatch = arena_alloc_array(a, count, sizeof *t->dispatch);
    for (size_t i = 0; i < all->count; i++) {
        const candidate *c = &all->items[i];
        if (!c->chosen)
            continue;
        dispatch_path *out = &t->dispatch[t->dispatch_count++];
        out->keys = c->keys;
        out->key_count = c->key_count;
        add_values(a, out, c, t->alternative_count);
        for (size_t alt = 0; alt < t->alternative_count; alt++) {
            if (c->allows[alt].anything)
                out->anything |= bit(alt);
            else if (c->allows[alt].absent)
                out->absent |= bit(alt);
        }
    }
}

/* The first path that tells x and y apart; with only_chosen, the first
 * already chosen. NULL when there is none. */
static candidate *telling_apart(const candidates *all, size_t x, size_t y, bool only_chosen)
{
    for (size_t i = 0; i < all->count; i++)
        if ((!only_chosen || all->items[i].chosen) && tells_apart(&all->items[i], x, y))
            return &all->items[i];
    return NULL;
}

/* Chooses paths pair by pair; false at the first pair nothing tells apart. */
static bool choose(candidates *all, size_t alternatives, size_t *first, size_t *second)
{
    for (size_t y = 1; y < alternatives; y++) {
        for (size_t x = 0; x < y; x++) {
            if (telling_apart(all, x, y, true) != NULL)
                continue;
            candidate *c = telling_apart(all, x, y, false);
            if (c == NULL) {
                *first = x;
                *second = y;
                return false;
            }
            c->chosen = true;
        }
    }
    return true;
}

bool dispatch_choose(arena *a, model_type *t, size_t *first, size_t *second)
{
    candidates all = {a, NULL, 0, 0};
    const char *keys[DISPATCH_DEPTH_MAX];
    for (size_t i = 0; i < t->alternative_count; i++)
        collect(&all, t->alternatives[i].value->type, keys, 0);
    sort_by_length(&all);
    for (size_t i = 0; i < all.count; i++) {
        candidate *c = &all.items[i];
        c->allows = arena_alloc_array(a, t->alternative_count, sizeof *c->allows);
        for (size_t alt = 0; alt < t->alternative_count; alt++)
            c->allows[alt] = allowed_at(t->alternatives[alt].value->type,
                                        (const char *const *)c->keys, c->key_count);
    }
    bool ok = choose(&all, t->alternative_count, first, second);
    if (ok)
        emit_chosen(a, t, &all);
    free(all.items);
    return ok;
}
