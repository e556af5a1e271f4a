#include "schema.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define JSON_SCHEMA_2020_12 "https://json-schema.org/draft/2020-12/schema"

typedef struct parser {
    arena *a;
    diag *d;
    schema_doc *doc;
    bool defs_entry; /* the next schema parsed is a $defs entry */
} parser;

static schema *parse_schema(parser *p, const ynode *node, bool is_root);

static bool fail(parser *p, const ynode *at, const char *fmt, const char *arg)
{
    diag_error(p->d, at->at, fmt, arg);
    return false;
}

static bool expect_string(parser *p, const char *keyword, const ynode *v)
{
    if (ytree_is_string(v))
        return true;
    diag_error(p->d, v->at, "'%s' must be a string, not %s", keyword,
               ytree_kind_name(v));
    return false;
}

static bool expect_mapping(parser *p, const char *keyword, const ynode *v)
{
    if (v->kind == YNODE_MAPPING)
        return true;
    diag_error(p->d, v->at, "'%s' must be a mapping, not %s", keyword,
               ytree_kind_name(v));
    return false;
}

static bool expect_sequence(parser *p, const char *keyword, const ynode *v)
{
    if (v->kind == YNODE_SEQUENCE)
        return true;
    diag_error(p->d, v->at, "'%s' must be a sequence, not %s", keyword,
               ytree_kind_name(v));
    return false;
}

/* A number as written, or the kind of value that stands where one was
 * expected: "-1", "1.5", "sequence". */
static const char *what_was_written(const ynode *v)
{
    const char *kind = ytree_kind_name(v);
    bool numeric = strcmp(kind, "integer") == 0 || strcmp(kind, "number") == 0;
    return numeric ? v->text : kind;
}

static bool parse_count(parser *p, const char *keyword, const ynode *v,
                        schema_count *out)
{
    int64_t n;
    if (!ytree_as_int64(v, &n)) {
        if (strcmp(ytree_kind_name(v), "integer") == 0 && v->text[0] != '-')
            diag_error(p->d, v->at, "'%s' %s is too large (at most %" PRId64 ")",
                       keyword, v->text, INT64_MAX);
        else
            diag_error(p->d, v->at, "'%s' must be a non-negative integer, not %s", keyword,
                       what_was_written(v));
        return false;
    }
    if (n < 0) {
        diag_error(p->d, v->at, "'%s' must be a non-negative integer, not %s", keyword,
                   v->text);
        return false;
    }
    out->set = true;
    out->value = (uint64_t)n;
    out->at = v->at;
    return true;
}

static bool parse_bound(parser *p, const char *keyword, const ynode *v,
                        schema_bound *out)
{
    out->is_integer = ytree_as_int64(v, &out->integer);
    if (!ytree_as_double(v, &out->number)) {
        diag_error(p->d, v->at, "'%s' must be a finite number, not %s", keyword,
                   what_was_written(v));
        return false;
    }
    out->set = true;
    out->text = v->text;
    out->at = v->at;
    return true;
}

/* Strings that must be distinct: required names and enum values. */
static bool parse_string_list(parser *p, const char *keyword, const ynode *v,
                              schema_string **out, size_t *count)
{
    if (!expect_sequence(p, keyword, v))
        return false;
    schema_string *list = arena_alloc_array(p->a, v->nitems, sizeof *list);
    bool ok = true;
    for (size_t i = 0; i < v->nitems; i++) {
        const ynode *item = v->items[i];
        if (!expect_string(p, keyword, item)) {
            ok = false;
            continue;
        }
        for (size_t j = 0; j < i; j++) {
            if (list[j].text != NULL && strcmp(list[j].text, item->text) == 0) {
                diag_error(p->d, item->at, "'%s' lists '%s' twice", keyword,
                           item->text);
                ok = false;
            }
        }
        list[i].text = item->text;
        list[i].at = item->at;
    }
    *out = list;
    *count = v->nitems;
    return ok;
}

/* properties and $defs: a mapping of names to schemas. */
static bool parse_entries(parser *p, const char *keyword, const ynode *v,
                          schema_entry **out, size_t *count)
{
    if (!expect_mapping(p, keyword, v))
        return false;
    schema_entry *list = arena_alloc_array(p->a, v->npairs, sizeof *list);
    bool ok = true;
    for (size_t i = 0; i < v->npairs; i++) {
        list[i].name = v->pairs[i].key->text;
        list[i].at = v->pairs[i].key->at;
        p->defs_entry = strcmp(keyword, "$defs") == 0;
        list[i].value = parse_schema(p, v->pairs[i].value, false);
        ok = ok && list[i].value != NULL;
    }
    *out = list;
    *count = v->npairs;
    return ok;
}

static bool type_by_name(const char *name, schema_type *out)
{
    static const struct {
        const char *name;
        schema_type type;
    } types[] = {
        {"object", SCHEMA_OBJECT},   {"array", SCHEMA_ARRAY},
        {"string", SCHEMA_STRING},   {"integer", SCHEMA_INTEGER},
        {"number", SCHEMA_NUMBER},   {"boolean", SCHEMA_BOOLEAN},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (strcmp(name, types[i].name) == 0) {
            *out = types[i].type;
            return true;
        }
    }
    return false;
}

/* One name of a type list: "null" makes the schema nullable. */
static bool add_listed_type(parser *p, schema *s, const ynode *item, unsigned *mask)
{
    schema_type t;
    if (!expect_string(p, "type", item))
        return false;
    if (strcmp(item->text, "null") == 0) {
        if (s->nullable)
            return fail(p, item, "'type' lists 'null' twice%s", "");
        s->nullable = true;
        return true;
    }
    if (!type_by_name(item->text, &t))
        return fail(p, item, "unsupported type '%s'", item->text);
    if (*mask & (1u << t))
        return fail(p, item, "'type' lists '%s' twice", item->text);
    *mask |= 1u << t;
    return true;
}

/* A type list: one type plus "null" is a nullable type; two or more types
 * (besides "null") are a union, which only primitive types may form. */
static bool parse_type_list(parser *p, schema *s, const ynode *v)
{
    unsigned mask = 0;
    if (v->nitems == 0)
        return fail(p, v, "'type' must list at least one type%s", "");
    for (size_t i = 0; i < v->nitems; i++)
        if (!add_listed_type(p, s, v->items[i], &mask))
            return false;
    if (mask == 0)
        return fail(p, v, "'type' lists only 'null'; a value that can only be null "
                    "is not supported%s", "");
    s->type_at = v->at;
    if ((mask & (mask - 1)) == 0) { /* one type besides null */
        for (schema_type t = SCHEMA_OBJECT; t <= SCHEMA_BOOLEAN; t++)
            if (mask == 1u << t)
                s->type = t;
        return true;
    }
    if (mask & ((1u << SCHEMA_OBJECT) | (1u << SCHEMA_ARRAY)))
        return fail(p, v, "a type list of more than one type may hold only string, "
                    "integer, number and boolean%s", "");
    s->union_types = mask;
    return true;
}

static bool parse_type(parser *p, schema *s, const ynode *v)
{
    if (v->kind == YNODE_SEQUENCE)
        return parse_type_list(p, s, v);
    if (!expect_string(p, "type", v))
        return false;
    if (strcmp(v->text, "null") == 0)
        return fail(p, v, "type 'null' alone is not supported; list it beside another "
                    "type (type: [string, \"null\"])%s", "");
    if (!type_by_name(v->text, &s->type))
        return fail(p, v, "unsupported type '%s'", v->text);
    s->type_at = v->at;
    return true;
}

static bool parse_additional(parser *p, schema *s, const ynode *v)
{
    bool flag;
    s->additional_at = v->at;
    if (ytree_as_bool(v, &flag)) {
        s->additional = flag ? ADDITIONAL_TRUE : ADDITIONAL_FALSE;
        return true;
    }
    if (!expect_mapping(p, "additionalProperties", v))
        return false;
    s->additional = ADDITIONAL_SCHEMA;
    s->additional_schema = parse_schema(p, v, false);
    return s->additional_schema != NULL;
}

/* allOf, anyOf and oneOf: a non-empty sequence of schemas. */
static bool parse_schema_list(parser *p, const char *keyword, const ynode *v, schema ***out,
                              size_t *count, mark *at)
{
    if (!expect_sequence(p, keyword, v))
        return false;
    if (v->nitems == 0)
        return fail(p, v, "'%s' must list at least one schema", keyword);
    *out = arena_alloc_array(p->a, v->nitems, sizeof **out);
    *count = v->nitems;
    *at = v->at;
    bool ok = true;
    for (size_t i = 0; i < v->nitems; i++) {
        (*out)[i] = parse_schema(p, v->items[i], false);
        ok = ok && (*out)[i] != NULL;
    }
    return ok;
}

static bool parse_one_of(parser *p, schema *s, const ynode *v, bool named)
{
    if (!named)
        return fail(p, v, "'oneOf' is supported only at the root of a file or in a $defs "
                    "entry (a named type)%s", "");
    return parse_schema_list(p, "oneOf", v, &s->one_of, &s->one_of_count, &s->one_of_at);
}

/* oneOf names a type whose every value is one of the alternatives: a keyword
 * beside it would have to hold for all of them, which the C type cannot say. */
static bool check_one_of_alone(parser *p, const schema *s)
{
    const struct {
        bool present;
        const char *keyword;
    } beside[] = {
        {s->ref != NULL, "$ref"}, {s->all_of_count > 0, "allOf"},
        {s->type != SCHEMA_ANY || s->nullable || s->union_types, "type"},
        {s->any_of_count > 0, "anyOf"}, {s->default_value != NULL, "default"},
        {s->has_properties, "properties"},
        {s->required != NULL, "required"},
        {s->additional != ADDITIONAL_ABSENT, "additionalProperties"},
        {s->items != NULL, "items"}, {s->format != NULL, "format"},
        {s->const_value != NULL, "const"}, {s->enum_values != NULL, "enum"},
        {s->min_length.set, "minLength"}, {s->max_length.set, "maxLength"},
        {s->min_items.set, "minItems"}, {s->max_items.set, "maxItems"},
        {s->minimum.set, "minimum"}, {s->maximum.set, "maximum"},
        {s->exclusive_minimum.set, "exclusiveMinimum"},
        {s->exclusive_maximum.set, "exclusiveMaximum"},
    };
    if (s->one_of == NULL)
        return true;
    for (size_t i = 0; i < sizeof beside / sizeof beside[0]; i++) {
        if (beside[i].present) {
            diag_error(p->d, s->one_of_at, "'%s' beside 'oneOf' is not supported: only "
                       "title, description, $comment, $id, $schema and $defs may stand "
                       "beside it", beside[i].keyword);
            return false;
        }
    }
    return true;
}

static bool parse_format(parser *p, schema *s, const ynode *v)
{
    if (!expect_string(p, "format", v))
        return false;
    if (strcmp(v->text, "int32") != 0 && strcmp(v->text, "int64") != 0)
        return fail(p, v, "unsupported format '%s' (supported: int32, int64)",
                    v->text);
    s->format = v->text;
    s->format_at = v->at;
    return true;
}

static bool parse_const(parser *p, schema *s, const ynode *v)
{
    if (!ytree_is_string(v))
        return fail(p, v, "'const' must be a string literal, not %s",
                    ytree_kind_name(v));
    s->const_value = v->text;
    s->const_at = v->at;
    return true;
}

static bool parse_enum(parser *p, schema *s, const ynode *v)
{
    if (v->kind == YNODE_SEQUENCE && v->nitems == 0)
        return fail(p, v, "'enum' must list at least one value%s", "");
    s->enum_at = v->at;
    return parse_string_list(p, "enum", v, &s->enum_values, &s->enum_count);
}

static bool parse_id(parser *p, schema *s, const ynode *v, bool is_root)
{
    if (!is_root)
        return fail(p, v, "'$id' is supported only at the root of a file%s", "");
    if (!expect_string(p, "$id", v))
        return false;
    /* $ref resolves by file name, so other JSON Schema tools must see the
     * same names: the $id has to end with this file's name. */
    const char *base = strrchr(p->doc->path, '/');
    base = base ? base + 1 : p->doc->path;
    size_t n = strlen(v->text), b = strlen(base);
    if (n < b || strcmp(v->text + n - b, base) != 0 ||
        (n > b && v->text[n - b - 1] != '/')) {
        diag_error(p->d, v->at, "'$id' '%s' must end with this file's name '%s'",
                   v->text, base);
        return false;
    }
    s->id = v->text;
    return true;
}

static bool parse_meta(parser *p, const ynode *v, bool is_root)
{
    if (!is_root)
        return fail(p, v, "'$schema' is supported only at the root of a file%s", "");
    if (!expect_string(p, "$schema", v))
        return false;
    if (strcmp(v->text, JSON_SCHEMA_2020_12) != 0)
        return fail(p, v, "unsupported '$schema' '%s' (expected " JSON_SCHEMA_2020_12 ")",
                    v->text);
    return true;
}

static bool parse_text(parser *p, const char *keyword, const ynode *v,
                       const char **out)
{
    if (!expect_string(p, keyword, v))
        return false;
    *out = v->text;
    return true;
}

static bool parse_keyword(parser *p, schema *s, const ynode *key, const ynode *v,
                          bool is_root, bool named)
{
    const char *k = key->text;
    if (strcmp(k, "$schema") == 0)
        return parse_meta(p, v, is_root);
    if (strcmp(k, "$id") == 0)
        return parse_id(p, s, v, is_root);
    if (strcmp(k, "$comment") == 0) {
        const char *ignored;
        return parse_text(p, k, v, &ignored);
    }
    if (strcmp(k, "title") == 0)
        return parse_text(p, k, v, &s->title);
    if (strcmp(k, "description") == 0)
        return parse_text(p, k, v, &s->description);
    if (strcmp(k, "$ref") == 0) {
        s->ref_at = v->at;
        return parse_text(p, k, v, &s->ref);
    }
    if (strcmp(k, "$defs") == 0) {
        if (!is_root)
            return fail(p, v, "'$defs' is supported only at the root of a file%s", "");
        return parse_entries(p, k, v, &s->defs, &s->def_count);
    }
    if (strcmp(k, "allOf") == 0)
        return parse_schema_list(p, k, v, &s->all_of, &s->all_of_count, &s->all_of_at);
    if (strcmp(k, "anyOf") == 0)
        return parse_schema_list(p, k, v, &s->any_of, &s->any_of_count, &s->any_of_at);
    if (strcmp(k, "default") == 0) {
        s->default_value = v;
        s->default_at = v->at;
        return true;
    }
    if (strcmp(k, "oneOf") == 0)
        return parse_one_of(p, s, v, named);
    if (strcmp(k, "type") == 0)
        return parse_type(p, s, v);
    if (strcmp(k, "properties") == 0) {
        s->has_properties = true;
        return parse_entries(p, k, v, &s->properties, &s->property_count);
    }
    if (strcmp(k, "required") == 0)
        return parse_string_list(p, k, v, &s->required, &s->required_count);
    if (strcmp(k, "additionalProperties") == 0)
        return parse_additional(p, s, v);
    if (strcmp(k, "items") == 0) {
        bool flag;
        s->items_at = v->at;
        if (!ytree_as_bool(v, &flag) && !expect_mapping(p, k, v))
            return false;
        s->items = parse_schema(p, v, false);
        return s->items != NULL;
    }
    if (strcmp(k, "format") == 0)
        return parse_format(p, s, v);
    if (strcmp(k, "const") == 0)
        return parse_const(p, s, v);
    if (strcmp(k, "enum") == 0)
        return parse_enum(p, s, v);
    if (strcmp(k, "minLength") == 0)
        return parse_count(p, k, v, &s->min_length);
    if (strcmp(k, "maxLength") == 0)
        return parse_count(p, k, v, &s->max_length);
    if (strcmp(k, "minItems") == 0)
        return parse_count(p, k, v, &s->min_items);
    if (strcmp(k, "maxItems") == 0)
        return parse_count(p, k, v, &s->max_items);
    if (strcmp(k, "minimum") == 0)
        return parse_bound(p, k, v, &s->minimum);
    if (strcmp(k, "maximum") == 0)
        return parse_bound(p, k, v, &s->maximum);
    if (strcmp(k, "exclusiveMinimum") == 0)
        return parse_bound(p, k, v, &s->exclusive_minimum);
    if (strcmp(k, "exclusiveMaximum") == 0)
        return parse_bound(p, k, v, &s->exclusive_maximum);
    diag_error(p->d, key->at, "unknown keyword '%s'", k);
    return false;
}

static schema *parse_schema(parser *p, const ynode *node, bool is_root)
{
    bool named = is_root || p->defs_entry; /* a file root or a $defs entry */
    p->defs_entry = false;
    bool flag;
    if (node->kind != YNODE_MAPPING && !ytree_as_bool(node, &flag)) {
        diag_error(p->d, node->at, "a schema must be a mapping, not %s", ytree_kind_name(node));
        return NULL;
    }
    if (node->kind != YNODE_MAPPING && !flag) {
        fail(p, node, "the schema 'false' allows no value and is not supported%s", "");
        return NULL;
    }
    /* The schema `true` allows any value, as `{}` does. */
    schema *s = arena_alloc(p->a, sizeof *s);
    s->at = node->at;
    s->doc = p->doc;
    if (node->kind != YNODE_MAPPING)
        return s;
    bool ok = true;
    for (size_t i = 0; i < node->npairs; i++) {
        const ypair *kv = &node->pairs[i];
        if (!parse_keyword(p, s, kv->key, kv->value, is_root, named))
            ok = false;
    }
    ok = ok && check_one_of_alone(p, s);
    return ok ? s : NULL;
}

bool schema_parse(arena *a, diag *d, schema_doc *doc, const ynode *root)
{
    parser p = {a, d, doc, false};
    doc->root = parse_schema(&p, root, true);
    return doc->root != NULL;
}

const char *schema_type_name(schema_type type)
{
    switch (type) {
    case SCHEMA_OBJECT: return "object";
    case SCHEMA_ARRAY: return "array";
    case SCHEMA_STRING: return "string";
    case SCHEMA_INTEGER: return "integer";
    case SCHEMA_NUMBER: return "number";
    case SCHEMA_BOOLEAN: return "boolean";
    case SCHEMA_ANY: break;
    }
    return "any";
}

size_t schema_value_keywords(const schema *s)
{
    const bool used[] = {
        s->all_of_count > 0, s->any_of_count > 0, s->one_of_count > 0, s->type != SCHEMA_ANY,
        s->nullable,
        s->union_types != 0, s->has_properties, s->required_count > 0,
        s->additional != ADDITIONAL_ABSENT, s->items != NULL, s->format != NULL,
        s->const_value != NULL, s->enum_count > 0, s->min_length.set, s->max_length.set,
        s->min_items.set, s->max_items.set, s->minimum.set, s->maximum.set,
        s->exclusive_minimum.set, s->exclusive_maximum.set, s->default_value != NULL,
    };
    size_t n = 0;
    for (size_t i = 0; i < sizeof used / sizeof used[0]; i++)
        n += used[i];
    return n;
}

bool schema_has_content(const schema *s)
{
    return schema_value_keywords(s) > 0;
}
