#include "codegen_one_of.h"

#include "c_text.h"

#include <inttypes.h>

static const char *mask_text(arena *a, uint64_t mask)
{
    return arena_printf(a, "UINT64_C(0x%" PRIx64 ")", mask);
}

static void add_alternatives(view *v, const model_type *t)
{
    view_set_list(v, "alternatives");
    for (size_t i = 0; i < t->alternative_count; i++) {
        const one_of_alternative *alt = &t->alternatives[i];
        view *item = view_add(v, "alternatives");
        view_set_str(item, "constant", alt->constant);
        view_set_strf(item, "number", "%zu", i + 1);
        view_set_str(item, "member", alt->member);
        view_set_str(item, "type", alt->value->type->c_name);
    }
}

static void add_path(arena *a, view *v, const dispatch_path *p, size_t index)
{
    view *item = view_add(v, "dispatch");
    view_set_strf(item, "index", "%zu", index);
    view_set_list(item, "keys");
    for (size_t k = 0; k < p->key_count; k++)
        view_set_str(view_add(item, "keys"), "literal", c_literal(a, p->keys[k]));
    view_set_strf(item, "key_count", "%zu", p->key_count);
    view_set_list(item, "values");
    for (size_t i = 0; i < p->value_count; i++) {
        view *value = view_add(item, "values");
        view_set_str(value, "literal", c_literal(a, p->values[i].text));
        view_set_str(value, "mask", mask_text(a, p->values[i].alternatives));
    }
    view_set_strf(item, "value_count", "%zu", p->value_count);
    view_set_str(item, "absent", mask_text(a, p->absent));
    view_set_str(item, "anything", mask_text(a, p->anything));
}

void codegen_one_of(arena *a, view *v, const model_type *t)
{
    view_set_str(v, "kind", arena_printf(a, "%s_kind", t->c_name));
    add_alternatives(v, t);
    view_set_list(v, "dispatch");
    for (size_t i = 0; i < t->dispatch_count; i++)
        add_path(a, v, &t->dispatch[i], i);
    view_set_bool(v, "has_dispatch", t->dispatch_count > 0);
    view_set_strf(v, "path_count", "%zu", t->dispatch_count);
    view_set_strf(v, "alternative_count", "%zu", t->alternative_count);
}
