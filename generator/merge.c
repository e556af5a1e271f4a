#include "merge.h"

#include <string.h>

/* Keywords that may stand beside $ref: annotations only, as anything else
 * would have to be merged (allOf says that explicitly). */
static bool ref_siblings_ok(loader *l, const schema *s)
{
    bool content = schema_has_content(s);
    if (content)
        diag_error(l->d, s->at, "only 'description', 'title' and '$comment' may "
                   "stand beside '$ref'; use allOf to combine schemas");
    return !content;
}

schema *merge_follow_refs(loader *l, schema *s, const char **defname)
{
    enum { MAX_HOPS = 64 };
    schema *chain[MAX_HOPS];
    size_t hops = 0;
    *defname = NULL;
    for (; s->ref != NULL; hops++) {
        if (s->failed)
            return NULL;
        for (size_t i = 0; i < hops; i++) {
            if (chain[i] == s) {
                diag_error(l->d, s->ref_at, "$ref '%s' leads back to itself", s->ref);
                s->failed = true;
                return NULL;
            }
        }
        if (hops == MAX_HOPS) {
            diag_error(l->d, s->ref_at, "more than %d $ref in a row", MAX_HOPS);
            return NULL;
        }
        chain[hops] = s;
        schema *next = ref_siblings_ok(l, s) ? loader_follow(l, s, defname) : NULL;
        if (next == NULL) {
            s->failed = true;
            return NULL;
        }
        s = next;
    }
    return s;
}

typedef struct merged {
    loader *l;
    schema *out;
    size_t property_cap;
    size_t required_cap;
} merged;

static schema *merge_properties(loader *l, const schema_entry *prev, const schema_entry *next);

static bool add_property(merged *m, const schema_entry *p)
{
    schema *out = m->out;
    for (size_t i = 0; i < out->property_count; i++) {
        if (strcmp(out->properties[i].name, p->name) == 0) {
            schema *both = merge_properties(m->l, &out->properties[i], p);
            if (both == NULL)
                return false;
            out->properties[i].value = both;
            return true;
        }
    }
    if (out->property_count == m->property_cap) {
        m->property_cap = m->property_cap ? 2 * m->property_cap : 16;
        schema_entry *grown = arena_alloc_array(m->l->a, m->property_cap, sizeof *grown);
        if (out->property_count > 0)
            memcpy(grown, out->properties, out->property_count * sizeof *grown);
        out->properties = grown;
    }
    out->properties[out->property_count++] = *p;
    return true;
}

static void add_required(merged *m, const schema_string *r)
{
    schema *out = m->out;
    for (size_t i = 0; i < out->required_count; i++)
        if (strcmp(out->required[i].text, r->text) == 0)
            return;
    if (out->required_count == m->required_cap) {
        m->required_cap = m->required_cap ? 2 * m->required_cap : 16;
        schema_string *grown = arena_alloc_array(m->l->a, m->required_cap, sizeof *grown);
        if (out->required_count > 0)
            memcpy(grown, out->required, out->required_count * sizeof *grown);
        out->required = grown;
    }
    out->required[out->required_count++] = *r;
}

static bool add_branch(merged *m, schema *branch)
{
    const char *defname;
    schema *b = merge_follow_refs(m->l, branch, &defname);
    if (b == NULL)
        return false;
    if (b->all_of_count) {
        b = merge_all_of(m->l, b);
        if (b == NULL)
            return false;
    }
    if (b->type != SCHEMA_OBJECT) {
        diag_error(m->l->d, branch->at, "allOf branches must be object schemas");
        return false;
    }
    if (b->nullable) {
        diag_error(m->l->d, b->type_at, "an allOf branch cannot be null: null is supported "
                   "only for properties");
        return false;
    }
    if (b->additional == ADDITIONAL_FALSE || b->additional == ADDITIONAL_SCHEMA) {
        diag_error(m->l->d, b->additional_at, "'additionalProperties' inside allOf is "
                   "not supported: it would judge the other branches' properties too");
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < b->property_count; i++)
        ok = add_property(m, &b->properties[i]) && ok;
    for (size_t i = 0; i < b->required_count; i++)
        add_required(m, &b->required[i]);
    return ok;
}

static schema *new_object(loader *l, const schema *like)
{
    schema *out = arena_alloc(l->a, sizeof *out);
    out->at = like->at;
    out->doc = like->doc;
    out->type = SCHEMA_OBJECT;
    out->type_at = like->at;
    out->has_properties = true;
    return out;
}

/* `type: string` and nothing else that constrains the value. */
static bool is_plain_string(const schema *s)
{
    return s->type == SCHEMA_STRING && !s->nullable && !s->union_types && !s->any_of_count &&
           !s->const_value && !s->enum_count && !s->min_length.set && !s->max_length.set &&
           !s->default_value && !s->all_of_count;
}

/* A const or enum of strings. */
static bool is_string_literal(const schema *s)
{
    return (s->const_value || s->enum_count) && !s->nullable &&
           (s->type == SCHEMA_ANY || s->type == SCHEMA_STRING);
}

/* A string in one branch pinned to a const or enum in the other (an
 * envelope's `type: string` refined by one message): both hold exactly when
 * the literal does. */
static schema *narrow_string(loader *l, const schema_entry *prev, const schema_entry *next,
                             schema *a, schema *b)
{
    schema *out = arena_alloc(l->a, sizeof *out);
    *out = is_string_literal(b) ? *b : *a;
    out->description = next->value->description ? next->value->description
                       : b->description ? b->description
                       : prev->value->description ? prev->value->description
                       : a->description;
    return out;
}

/* The same property in two branches: both must hold, so two objects merge
 * like allOf branches, and a string narrows to a const or enum; anything
 * else would need real intersection. */
static schema *merge_properties(loader *l, const schema_entry *prev, const schema_entry *next)
{
    const char *ignored;
    schema *a = merge_follow_refs(l, prev->value, &ignored);
    schema *b = merge_follow_refs(l, next->value, &ignored);
    if (a == NULL || b == NULL)
        return NULL;
    if ((is_plain_string(a) && is_string_literal(b)) ||
        (is_string_literal(a) && is_plain_string(b)))
        return narrow_string(l, prev, next, a, b);
    bool objects = (a->type == SCHEMA_OBJECT || a->all_of_count) &&
                   (b->type == SCHEMA_OBJECT || b->all_of_count);
    if (!objects) {
        diag_error(l->d, next->at, "property '%s' is declared in two allOf branches; only "
                   "object properties, or a string and a const or enum, can be merged",
                   next->name);
        return NULL;
    }
    merged m = {l, new_object(l, next->value), 0, 0};
    m.out->title = b->title;
    m.out->description = next->value->description ? next->value->description
                         : b->description ? b->description
                         : prev->value->description ? prev->value->description
                         : a->description;
    if (!add_branch(&m, a) || !add_branch(&m, b))
        return NULL;
    return m.out;
}

/* Whether s may hold allOf at all; reports why not. */
static bool all_of_allowed(loader *l, const schema *s)
{
    if (s->merging) {
        diag_error(l->d, s->all_of_at, "allOf includes itself");
        return false;
    }
    if (s->additional == ADDITIONAL_FALSE || s->additional == ADDITIONAL_SCHEMA) {
        diag_error(l->d, s->additional_at, "'additionalProperties' beside allOf is "
                   "not supported: it would judge the branches' properties too");
        return false;
    }
    if (s->type != SCHEMA_ANY && s->type != SCHEMA_OBJECT) {
        diag_error(l->d, s->type_at, "a schema with allOf must be an object");
        return false;
    }
    return true;
}

static schema *merge_branches(loader *l, schema *s)
{
    s->merging = true;
    merged m = {l, new_object(l, s), 0, 0};
    m.out->title = s->title;
    m.out->description = s->description;
    m.out->defs = s->defs;
    m.out->def_count = s->def_count;
    bool ok = true;
    for (size_t i = 0; i < s->all_of_count; i++)
        ok = add_branch(&m, s->all_of[i]) && ok;
    /* The schema's own properties act as one more branch. */
    for (size_t i = 0; ok && i < s->property_count; i++)
        ok = add_property(&m, &s->properties[i]);
    for (size_t i = 0; ok && i < s->required_count; i++)
        add_required(&m, &s->required[i]);
    s->merging = false;
    return ok ? m.out : NULL;
}

schema *merge_all_of(loader *l, schema *s)
{
    /* A schema reached again (a branch of two schemas, or from its $defs
     * entry after a property) reports its errors only once. */
    if (s->failed)
        return NULL;
    schema *out = all_of_allowed(l, s) ? merge_branches(l, s) : NULL;
    s->failed = out == NULL;
    return out;
}
