/* oneOf: a type that holds one of several records, which decode tells apart
 * by their discriminators (one_of_dispatch.h) before reading the one chosen. */
#include "cname.h"
#include "merge.h"
#include "model_builder.h"
#include "one_of_dispatch.h"

#include <string.h>

/* What an alternative that is no record is, for the message refusing it;
 * NULL for a record. */
static const char *not_a_record(const schema *s)
{
    if (s->one_of_count)
        return "another oneOf (list its alternatives here instead)";
    if (s->all_of_count)
        return NULL;
    if (s->const_value)
        return "a const";
    if (s->enum_count)
        return "an enum";
    if (s->type == SCHEMA_OBJECT && s->additional == ADDITIONAL_SCHEMA && !s->has_properties)
        return "a map";
    if (s->type == SCHEMA_OBJECT)
        return NULL;
    if (s->type == SCHEMA_ANY)
        return "a schema with no type";
    return schema_type_name(s->type);
}

static bool member_taken(builder *b, const model_type *t, const one_of_alternative *alt)
{
    for (size_t i = 0; i < t->alternative_count; i++) {
        if (t->alternatives[i].value->type == alt->value->type) {
            diag_error(b->d, alt->at, "oneOf lists '%s' twice", alt->value->type->c_name);
            return true;
        }
    }
    return false;
}

/* Adds the record s describes, the index-th alternative, to t. Inline
 * records without a title are named "<oneOf type>_<index + 1>". */
static bool add_alternative(builder *b, model_type *t, schema *s, size_t index)
{
    const char *defname;
    const schema *target = merge_follow_refs(b->l, s, &defname);
    if (target == NULL)
        return false;
    const char *what = not_a_record(target);
    if (what != NULL) {
        diag_error(b->d, s->at, "a oneOf alternative must be an object schema, not %s", what);
        return false;
    }
    const char *name = arena_printf(b->a, "%s_%zu", t->c_name, index + 1);
    one_of_alternative *alt = &t->alternatives[t->alternative_count];
    alt->at = s->at;
    alt->value = model_build_slot(b, s, name, arena_printf(b->a, "oneOf[%zu]", index));
    if (alt->value == NULL || member_taken(b, t, alt))
        return false;
    if (alt->value->indirect || target->nullable) {
        /* The union holds each alternative by value, and cannot hold null. */
        diag_error(b->d, s->at, alt->value->indirect
                   ? "oneOf alternative '%s' contains the oneOf itself; a oneOf cannot be part "
                     "of a recursive type"
                   : "oneOf alternative '%s' cannot be null: null is supported only for "
                     "properties", alt->value->type->c_name);
        return false;
    }
    /* The union member is the record's type name without "<prefix>_". */
    const char *base = alt->value->type->c_name + strlen(b->m->prefix) + 1;
    alt->member = cname_member(b->a, base);
    alt->constant = arena_printf(b->a, "%s_%s", cname_upper(b->a, t->c_name),
                                 cname_upper(b->a, base));
    if (!model_claim(b, alt->constant, s->at))
        return false;
    t->alternative_count++;
    return true;
}

static void report_ambiguous(builder *b, const model_type *t, size_t first, size_t second)
{
    diag_error(b->d, t->alternatives[second].at,
               "oneOf alternatives '%s' and '%s' cannot be told apart: no property up to %d "
               "levels deep is required in one of them and holds only const or enum values "
               "the other cannot hold", t->alternatives[first].value->type->c_name,
               t->alternatives[second].value->type->c_name, DISPATCH_DEPTH_MAX);
}

model_type *model_build_one_of(builder *b, schema *s, const char *c_name)
{
    static const char *const suffixes[] = {
        "kind", "array", "init", "free", "decode", "decode_ex", "from_cjson", "encode",
        "encode_ex", "to_cjson", "validate", "validate_ex", "read", "check", "write", "equal",
        "walk", "init_any", "free_any", "decode_any", "encode_any", "equal_any", "message_type",
        "parse", "parse_untyped", "paths", "decode_tree", NULL};
    if (s->one_of_count > DISPATCH_ALTERNATIVES_MAX) {
        diag_error(b->d, s->one_of[DISPATCH_ALTERNATIVES_MAX]->at, "a oneOf may list at "
                   "most %d alternatives", DISPATCH_ALTERNATIVES_MAX);
        return NULL;
    }
    model_type *t = model_new_type(b, TYPE_ONE_OF, c_name, s);
    t->alternatives = arena_alloc_array(b->a, s->one_of_count, sizeof *t->alternatives);
    bool ok = model_claim_with(b, c_name, suffixes, s->at);
    for (size_t i = 0; i < s->one_of_count; i++)
        ok = add_alternative(b, t, s->one_of[i], i) && ok;
    size_t first, second;
    if (ok && !dispatch_choose(b->a, t, &first, &second)) {
        report_ambiguous(b, t, first, second);
        ok = false;
    }
    return ok ? t : NULL;
}
