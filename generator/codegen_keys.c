#include "codegen_keys.h"

#include "c_text.h"

#include <stdlib.h>
#include <string.h>

/* A property name's byte length and its field's position. */
typedef struct key_entry {
    size_t length;
    size_t index;
} key_entry;

static int key_entry_compare(const void *a, const void *b)
{
    const key_entry *x = a, *y = b;
    if (x->length != y->length)
        return (x->length > y->length) - (x->length < y->length);
    /* qsort is not stable: declaration order within a length keeps the
     * output the same on every run. */
    return (x->index > y->index) - (x->index < y->index);
}

/* Appends a key_lengths group for each distinct length in sorted. */
static void add_groups(arena *a, view *v, const model_type *t, const key_entry *sorted, size_t n)
{
    view *group = NULL;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || sorted[i].length != sorted[i - 1].length) {
            group = view_add(v, "key_lengths");
            view_set_strf(group, "length", "%zu", sorted[i].length);
            view_set_list(group, "keys");
        }
        view *key = view_add(group, "keys");
        view_set_str(key, "json_literal", c_literal(a, t->fields[sorted[i].index].json_name));
        view_set_strf(key, "field_index", "%zu", sorted[i].index);
    }
}

void codegen_keys(arena *a, view *v, const model_type *t)
{
    size_t n = t->field_count;
    view_set_list(v, "key_lengths");
    view_set_bool(v, "has_fields", n > 0);
    /* A C array cannot be empty, so a record without properties still
     * gets one (unused) seen flag. */
    view_set_strf(v, "field_count", "%zu", n > 0 ? n : 1);
    if (n == 0)
        return;
    key_entry *sorted = arena_alloc_array(a, n, sizeof *sorted);
    for (size_t i = 0; i < n; i++)
        sorted[i] = (key_entry){ strlen(t->fields[i].json_name), i };
    qsort(sorted, n, sizeof *sorted, key_entry_compare);
    add_groups(a, v, t, sorted, n);
}
