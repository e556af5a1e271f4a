#include "model.h"

#include "cname.h"
#include "merge.h"
#include "model_constraints.h"
#include "model_default.h"
#include "model_builder.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static slot *build_slot(builder *b, schema *s, const char *name, const char *label);
static const schema *open_enum_branch(const schema *s);
static bool element_ok(builder *b, const slot *element, const char *what);

/* ---- names ---- */

static bool claim(builder *b, const char *name, mark at)
{
    model *m = b->m;
    for (size_t i = 0; i < m->name_count; i++) {
        if (strcmp(m->names[i].name, name) == 0) {
            if (m->names[i].at.file != NULL)
                diag_error(b->d, at, "C name '%s' is already used by the schema at %s:%u:%u",
                           name, m->names[i].at.file, m->names[i].at.line,
                           m->names[i].at.column);
            else
                diag_error(b->d, at, "C name '%s' is reserved by the runtime", name);
            return false;
        }
    }
    if (m->name_count == m->name_cap) {
        m->name_cap = m->name_cap ? 2 * m->name_cap : 64;
        m->names = xrealloc(m->names, m->name_cap * sizeof *m->names);
    }
    m->names[m->name_count].name = name;
    m->names[m->name_count].at = at;
    m->name_count++;
    return true;
}

static bool claim_with(builder *b, const char *base, const char *const *suffixes,
                       mark at)
{
    /* The first clash says it all; the suffixed names would only repeat it. */
    if (!claim(b, base, at))
        return false;
    for (; *suffixes; suffixes++)
        if (!claim(b, arena_printf(b->a, "%s_%s", base, *suffixes), at))
            return false;
    return true;
}

/* Names the runtime defines for every prefix (after "<prefix>_"). A test
 * checks that this list covers every name in templates/runtime*. */
static const char *const runtime_names[] = {
    "status", "status_name", "error", "error_reset", "string_array",
    "int32_array", "int64_array", "double_array", "bool_array", "arena",
    "arena_alloc", "arena_alloc_array", "arena_strndup", "arena_reserve", "decoder_reserve",
    "arena_destroy", "path", "fail",
    "decoder", "check_text", "parse", "read_string", "read_int64",
    "read_int32", "read_double", "read_bool", "read_const", "expect_object",
    "expect_array", "child_count", "first_duplicate", "check_unknown",
    "alloc_items", "utf8_valid", "utf8_length", "check_utf8",
    "check_int64_exact", "check_finite", "check_map_keys", "check_items",
    "add", "print", "runtime", "validate_string", "validate_int64",
    "validate_double", "write_string", "write_int32", "write_int64",
    "write_double", "write_bool", "write_const", "expect_string",
    "fail_missing", "read_key", "read_string_array", "read_int32_array",
    /* the direct decoder (runtime_text_read.c.tmpl) */
    "reader", "text", "items", "key_set", "text_parser", "read_text",
    "read_ok", "reader_alloc", "parse_string", "parse_text", "parse_const", "parse_int64",
    "parse_int32", "parse_double", "parse_bool", "parse_null", "parse_any", "parse_scalar",
    "parse_string_array", "parse_int32_array", "parse_int64_array", "parse_double_array",
    "parse_bool_array", "parse_any_array", "text_is", "text_dup", "parse_object",
    "next_member", "parse_array", "next_item", "push_item", "key_is_new",
    "skip_unknown", "arena_in", "text_dispatch", "found", "any_level",
    "read_int64_array", "read_double_array", "read_bool_array",
    "validate_string_array", "validate_int32_array", "validate_int64_array",
    "validate_double_array", "validate_bool_array", "write_string_array",
    "write_int32_array", "write_int64_array", "write_double_array",
    "write_bool_array", "key_ref", "path_out", "text_frame", "text_scan",
    "text_state", "utf8_fault", "printer", "types", "allocator", "options",
    "allocator_of", "alloc", "free", "decoder_init", "checker", "encoder",
    "encoder_init", "max_depth_of", "bom_length", "text_stats", "scan_text",
    "tree_builder", "tree_level", "number_text", "new_object",
    "new_array", "append", "tree_to_cjson", "equal_string", "equal_int32",
    "equal_int64", "equal_double", "equal_bool", "equal_string_array",
    "equal_int32_array", "equal_int64_array", "equal_double_array",
    "equal_bool_array", "message_type", "message_types", "message_type_count",
    "message_type_find", "scalar_kind", "scalar", "scalar_array", "read_scalar",
    "validate_scalar", "write_scalar", "equal_scalar", "write_null", "enter_level",
    "any_array", "arena_cleanup", "walk_frame",
    "walk_visitor", "walk_state", "read_any", "validate_any", "write_any", "equal_any", "any_copy",
    "any_writer", "read_any_array", "validate_any_array", "write_any_array", "equal_any_array",
    "alloc_extras", "check_extra_keys", "dispatch", "dispatch_value", "dispatch_path",
    "encoder_init_fixed", "encoder_init_tree", "begin_object", "begin_array", "end_object",
    "put_plain_key",
    "end_array", "put_key", "put_item", "text_result", "fixed_result", "tree_result",
    "field_lookup", "key_slot",
};

const char *const *model_runtime_names(size_t *count)
{
    *count = sizeof runtime_names / sizeof runtime_names[0];
    return runtime_names;
}

static void claim_runtime(builder *b)
{
    mark none = {NULL, 0, 0};
    for (size_t i = 0; i < sizeof runtime_names / sizeof runtime_names[0]; i++)
        claim(b, arena_printf(b->a, "%s_%s", b->m->prefix, runtime_names[i]), none);
}

static const char *type_name(builder *b, const char *json_name, mark at)
{
    char *snake = cname_snake(b->a, json_name);
    if (snake == NULL) {
        diag_error(b->d, at, "cannot make a C name from '%s'", json_name);
        return NULL;
    }
    return arena_printf(b->a, "%s_%s", b->m->prefix, snake);
}

/* ---- types ---- */

static model_type *new_type(builder *b, type_kind kind, const char *c_name,
                            const schema *s)
{
    model_type *t = arena_alloc(b->a, sizeof *t);
    t->kind = kind;
    t->c_name = c_name;
    t->description = s->description;
    t->home = s->doc;
    t->at = s->at;
    model *m = b->m;
    if (m->count == m->cap) {
        m->cap = m->cap ? 2 * m->cap : 32;
        m->types = xrealloc(m->types, m->cap * sizeof *m->types);
    }
    m->types[m->count++] = t;
    return t;
}

static bool add_enum_values(builder *b, model_type *t, const schema *s)
{
    t->value_count = s->enum_count;
    t->values = arena_alloc_array(b->a, s->enum_count, sizeof *t->values);
    t->constants = arena_alloc_array(b->a, s->enum_count, sizeof *t->constants);
    const char *upper = cname_upper(b->a, t->c_name);
    bool ok = true;
    for (size_t i = 0; i < s->enum_count; i++) {
        const schema_string *v = &s->enum_values[i];
        char *snake = cname_snake(b->a, v->text);
        if (snake == NULL) {
            diag_error(b->d, v->at, "cannot make a C name for enum value '%s'", v->text);
            ok = false;
            continue;
        }
        t->values[i] = v->text;
        t->constants[i] = arena_printf(b->a, "%s_%s", upper, cname_upper(b->a, snake));
        ok = claim(b, t->constants[i], v->at) && ok;
    }
    return ok;
}

/* s names and describes the enum; values lists its values (s itself, or
 * the enum branch of an open enum's anyOf). */
static model_type *build_enum(builder *b, schema *s, const schema *values,
                              const char *c_name, bool open)
{
    static const char *const suffixes[] = {
        "array", "to_string", "from_string", "read", "check", "write", "equal", "parse", NULL};
    static const char *const open_suffixes[] = {"array", "read", "check", "write", "equal", "parse",
                                                NULL};
    model_type *t = new_type(b, TYPE_ENUM, c_name, s);
    t->open = open;
    bool ok = claim_with(b, c_name, suffixes, s->at);
    if (ok && open)
        ok = claim_with(b, arena_printf(b->a, "%s_open", c_name), open_suffixes, s->at);
    ok = add_enum_values(b, t, values) && ok;
    return ok ? t : NULL;
}

bool slot_is_pointer(const slot *sl)
{
    return sl->kind == VALUE_STRING || sl->kind == VALUE_ANY || sl->indirect;
}

static bool member_taken(arena *a, const field *f, const char *member)
{
    bool has_flag = !f->required && !slot_is_pointer(f->value);
    bool stored = f->value->kind != VALUE_CONST;
    return (stored && strcmp(f->c_name, member) == 0) ||
           (has_flag && strcmp(arena_printf(a, "has_%s", f->c_name), member) == 0) ||
           (f->value->nullable &&
            strcmp(arena_printf(a, "%s_is_null", f->c_name), member) == 0);
}

static bool member_free(builder *b, const model_type *t, const char *member,
                        const schema_entry *p)
{
    for (size_t i = 0; i < t->field_count; i++) {
        const field *f = &t->fields[i];
        if (member_taken(b->a, f, member)) {
            diag_error(b->d, p->at, "property '%s' and property '%s' both become the "
                       "C member '%s'", f->json_name, p->name, member);
            return false;
        }
    }
    if (strcmp(member, "arena_") == 0) {
        diag_error(b->d, p->at, "property '%s' would become the C member 'arena_', "
                   "which holds a decoded message's memory", p->name);
        return false;
    }
    return true;
}

static bool is_required(const schema *s, const char *name)
{
    for (size_t i = 0; i < s->required_count; i++)
        if (strcmp(s->required[i].text, name) == 0)
            return true;
    return false;
}

static bool add_field(builder *b, model_type *t, const schema *s, const schema_entry *p)
{
    field *f = &t->fields[t->field_count];
    f->json_name = p->name;
    f->at = p->at;
    f->required = is_required(s, p->name);
    f->c_name = cname_member(b->a, p->name);
    if (f->c_name == NULL) {
        diag_error(b->d, p->at, "cannot make a C name from property '%s'", p->name);
        return false;
    }
    f->value = build_slot(b, p->value, arena_printf(b->a, "%s_%s", t->c_name, f->c_name),
                          p->name);
    if (f->value == NULL)
        return false;
    f->description = p->value->description;
    if (f->description == NULL && f->value->type != NULL)
        f->description = f->value->type->description;
    bool ok = model_check_default(b->d, f);
    if (f->value->kind != VALUE_CONST)
        ok = member_free(b, t, f->c_name, p) && ok;
    if (!f->required && !slot_is_pointer(f->value))
        ok = member_free(b, t, arena_printf(b->a, "has_%s", f->c_name), p) && ok;
    if (f->value->nullable)
        ok = member_free(b, t, arena_printf(b->a, "%s_is_null", f->c_name), p) && ok;
    if (ok)
        t->field_count++;
    return ok;
}

static bool check_required(builder *b, const schema *s)
{
    bool ok = true;
    for (size_t i = 0; i < s->required_count; i++) {
        bool found = false;
        for (size_t j = 0; j < s->property_count && !found; j++)
            found = strcmp(s->properties[j].name, s->required[i].text) == 0;
        if (!found) {
            diag_error(b->d, s->required[i].at, "required property '%s' is not "
                       "declared in 'properties'", s->required[i].text);
            ok = false;
        }
    }
    return ok;
}

static model_type *build_extras(builder *b, model_type *record, schema *s);

/* owner is the schema the type is named for (s itself, or the allOf that
 * merged into s): it knows its type before the fields are built, so that a
 * field reaching owner again closes a cycle instead of recursing. */
static model_type *build_record(builder *b, schema *owner, schema *s, const char *c_name)
{
    static const char *const suffixes[] = {
        "array", "init", "free", "decode", "decode_ex", "from_cjson", "encode", "encode_ex",
        "to_cjson", "validate", "validate_ex", "read", "read_member", "check", "write", "equal",
        "walk", "init_any", "free_any", "decode_any", "encode_any", "equal_any", "message_type",
        "read_ref", "check_ref", "write_ref", "equal_ref", "read_fields", "check_fields",
        "field_index", "parse", "parse_member", "parse_other", "parse_fields", "parse_ref",
        "parse_untyped", "decode_tree", NULL};
    model_type *t = new_type(b, TYPE_RECORD, c_name, s);
    t->strict = s->additional == ADDITIONAL_FALSE;
    t->fields = arena_alloc_array(b->a, s->property_count, sizeof *t->fields);
    bool ok = claim_with(b, c_name, suffixes, s->at);
    ok = check_required(b, s) && ok;
    owner->model_type = t;
    t->building = true;
    for (size_t i = 0; i < s->property_count; i++)
        ok = add_field(b, t, s, &s->properties[i]) && ok;
    if (ok && s->additional == ADDITIONAL_SCHEMA)
        ok = (t->extras = build_extras(b, t, s)) != NULL;
    t->building = false;
    owner->model_type = ok ? t : NULL;
    return ok ? t : NULL;
}

static const char *const map_suffixes[] = {
    "entry", "read", "read_entry", "check", "write", "write_entries", "equal", "declared",
    "parse", "parse_entry", NULL};

/* The members of a record that its properties do not declare, described by
 * additionalProperties: a map named after the record, member
 * additional_properties. */
static model_type *build_extras(builder *b, model_type *record, schema *s)
{
    for (size_t i = 0; i < record->field_count; i++) {
        if (strcmp(record->fields[i].c_name, "additional_properties") == 0) {
            diag_error(b->d, record->fields[i].at, "property '%s' would become the C member "
                       "'additional_properties', which holds the additional properties",
                       record->fields[i].json_name);
            return NULL;
        }
    }
    const char *c_name = arena_printf(b->a, "%s_additional_properties", record->c_name);
    model_type *t = new_type(b, TYPE_MAP, c_name, s);
    t->owner = record;
    t->at = s->additional_at;
    t->description = arena_printf(b->a, "The members of a %s that its properties do not "
                                  "declare, in input order.", record->c_name);
    if (!claim_with(b, c_name, map_suffixes, s->additional_at))
        return NULL;
    t->element = build_slot(b, s->additional_schema, arena_printf(b->a, "%s_value", c_name),
                            arena_printf(b->a, "%s additional properties", record->c_name));
    return t->element && element_ok(b, t->element, "additional properties") ? t : NULL;
}

static model_type *build_map(builder *b, schema *s, const char *c_name, const char *label)
{
    if (s->required_count > 0) {
        diag_error(b->d, s->required[0].at, "'required' does not apply to a map (an object "
                   "with only 'additionalProperties'); declare the property in 'properties'");
        return NULL;
    }
    model_type *t = new_type(b, TYPE_MAP, c_name, s);
    bool ok = claim_with(b, c_name, map_suffixes, s->at);
    t->element = build_slot(b, s->additional_schema, arena_printf(b->a, "%s_value", c_name),
                            arena_printf(b->a, "%s values", label));
    return ok && t->element && element_ok(b, t->element, "map values") ? t : NULL;
}

/* ---- slots ---- */

static const char *primitive_array(builder *b, value_kind kind)
{
    switch (kind) {
    case VALUE_STRING: return arena_printf(b->a, "%s_string_array", b->m->prefix);
    case VALUE_INT32: return arena_printf(b->a, "%s_int32_array", b->m->prefix);
    case VALUE_INT64: return arena_printf(b->a, "%s_int64_array", b->m->prefix);
    case VALUE_NUMBER: return arena_printf(b->a, "%s_double_array", b->m->prefix);
    case VALUE_BOOLEAN: return arena_printf(b->a, "%s_bool_array", b->m->prefix);
    case VALUE_ANY: return arena_printf(b->a, "%s_any_array", b->m->prefix);
    default: return NULL;
    }
}

/* Array items and map values: null and defaults belong to properties. */
static bool element_ok(builder *b, const slot *element, const char *what)
{
    if (element->nullable) {
        diag_error(b->d, element->at, "null is supported only for properties, not for %s",
                   what);
        return false;
    }
    if (element->default_value != NULL) {
        diag_error(b->d, element->default_value->at, "'default' applies only to "
                   "properties, not to %s", what);
        return false;
    }
    return true;
}

static bool build_array(builder *b, slot *sl, schema *s)
{
    static const char *const suffixes[] = {"read", "check", "write", "equal", "parse", NULL};
    if (s->items == NULL) {
        diag_error(b->d, s->type_at, "an array needs 'items'");
        return false;
    }
    sl->element = build_slot(b, s->items, arena_printf(b->a, "%s_item", sl->name),
                             arena_printf(b->a, "%s items", sl->label));
    if (sl->element == NULL || !element_ok(b, sl->element, "array items"))
        return false;
    sl->element->indirect = false; /* the array already holds its items through a pointer */
    switch (sl->element->kind) {
    case VALUE_CONST:
        diag_error(b->d, s->items_at, "arrays of const values are not supported");
        return false;
    case VALUE_RECORD:
    case VALUE_ENUM:
        sl->array_type = arena_printf(b->a, "%s_array", sl->element->type->c_name);
        break;
    case VALUE_OPEN_ENUM:
        sl->array_type = arena_printf(b->a, "%s_open_array", sl->element->type->c_name);
        break;
    case VALUE_UNION:
        sl->array_type = arena_printf(b->a, "%s_scalar_array", b->m->prefix);
        break;
    case VALUE_ARRAY:
    case VALUE_MAP:
        sl->type = new_type(b, TYPE_ARRAY, sl->name, s);
        sl->type->element = sl->element;
        sl->array_type = sl->name;
        break;
    default:
        sl->array_type = primitive_array(b, sl->element->kind);
        break;
    }
    return claim_with(b, sl->name, suffixes, s->at);
}

/* The type of a record, enum or map: one per named schema (title, $defs entry
 * or file root), one per place for inline schemas. */
static model_type *build_type(builder *b, schema *s, value_kind kind,
                              const char *defname, const char *place, const char *label)
{
    if (s->model_type != NULL)
        return s->model_type;
    if (s->failed)
        return NULL;
    const char *c_name = place;
    if (s->title != NULL)
        c_name = type_name(b, s->title, s->at);
    else if (defname != NULL)
        c_name = type_name(b, defname, s->at);
    else if (s == s->doc->root)
        c_name = type_name(b, s->doc->stem, s->at);
    if (c_name == NULL)
        return NULL;
    if (s->resolving) {
        diag_error(b->d, s->at, s->one_of_count
                   ? "'%s' is a oneOf that one of its alternatives contains; a oneOf cannot "
                     "be part of a recursive type"
                   : "'%s' contains itself with no object in between; a recursive type must "
                     "recur through an object's property", c_name);
        s->failed = true; /* reported once, however many places reach it */
        return NULL;
    }
    s->resolving = true;
    model_type *t = NULL;
    if (kind == VALUE_ENUM || kind == VALUE_OPEN_ENUM) {
        t = build_enum(b, s, kind == VALUE_OPEN_ENUM ? open_enum_branch(s) : s, c_name,
                       kind == VALUE_OPEN_ENUM);
    } else if (kind == VALUE_MAP) {
        t = build_map(b, s, c_name, label);
    } else if (s->one_of_count) {
        t = model_build_one_of(b, s, c_name);
    } else {
        schema *content = s->all_of_count ? merge_all_of(b->l, s) : s;
        if (content != NULL) {
            if (s->all_of_count)
                content->title = c_name; /* keep the name it got from s */
            t = build_record(b, s, content, c_name);
        }
    }
    s->resolving = false;
    s->model_type = t;
    s->failed = t == NULL;
    return t;
}

static bool is_enum_branch(const schema *s)
{
    bool typed = s->type == SCHEMA_STRING;
    return s->enum_count > 0 && (s->type == SCHEMA_ANY || typed) && s->ref == NULL &&
           schema_value_keywords(s) == 1u + typed;
}

static bool is_string_branch(const schema *s)
{
    return s->type == SCHEMA_STRING && s->ref == NULL && schema_value_keywords(s) == 1;
}

/* The enum branch of an open enum, anyOf [{enum: [...]}, {type: string}]. */
static const schema *open_enum_branch(const schema *s)
{
    return is_enum_branch(s->any_of[0]) ? s->any_of[0] : s->any_of[1];
}

/* anyOf is supported in one shape: the TypeScript 'A' | 'B' | string. */
static bool check_open_enum(builder *b, const schema *s)
{
    bool shape = s->any_of_count == 2 &&
                 ((is_enum_branch(s->any_of[0]) && is_string_branch(s->any_of[1])) ||
                  (is_string_branch(s->any_of[0]) && is_enum_branch(s->any_of[1])));
    if (!shape) {
        diag_error(b->d, s->any_of_at, "'anyOf' is supported only as an open enum: "
                   "[{enum: [...]}, {type: string}]");
        return false;
    }
    size_t beside = schema_value_keywords(s) - 1 - (s->default_value != NULL) -
                    (s->type == SCHEMA_STRING);
    if (beside > 0) {
        diag_error(b->d, s->any_of_at, "beside an open enum's 'anyOf' only 'type: string', "
                   "'default' and annotations may stand");
        return false;
    }
    return true;
}

static bool classify(builder *b, const schema *s, value_kind *kind)
{
    if (s->any_of_count) {
        *kind = VALUE_OPEN_ENUM;
        return check_open_enum(b, s);
    }
    if (s->union_types) {
        *kind = VALUE_UNION;
        return true;
    }
    if (s->all_of_count || s->one_of_count) /* a oneOf is held like a record */
        *kind = VALUE_RECORD;
    else if (s->const_value)
        *kind = VALUE_CONST;
    else if (s->enum_count)
        *kind = VALUE_ENUM;
    else if (s->type == SCHEMA_STRING)
        *kind = VALUE_STRING;
    else if (s->type == SCHEMA_INTEGER)
        *kind = s->format && strcmp(s->format, "int32") == 0 ? VALUE_INT32 : VALUE_INT64;
    else if (s->type == SCHEMA_NUMBER)
        *kind = VALUE_NUMBER;
    else if (s->type == SCHEMA_BOOLEAN)
        *kind = VALUE_BOOLEAN;
    else if (s->type == SCHEMA_ARRAY)
        *kind = VALUE_ARRAY;
    else if (s->type == SCHEMA_OBJECT && s->additional == ADDITIONAL_SCHEMA && !s->has_properties)
        *kind = VALUE_MAP;
    else if (s->type == SCHEMA_OBJECT)
        *kind = VALUE_RECORD;
    else if (!schema_has_content(s))
        *kind = VALUE_ANY;
    else {
        diag_error(b->d, s->at, "schema has no 'type' (nor const, enum, $ref or allOf)");
        return false;
    }
    if ((*kind == VALUE_CONST || *kind == VALUE_ENUM) && s->type != SCHEMA_ANY &&
        s->type != SCHEMA_STRING) {
        diag_error(b->d, s->type_at, "'%s' values must be strings",
                   *kind == VALUE_CONST ? "const" : "enum");
        return false;
    }
    if (s->const_value && s->enum_count) {
        diag_error(b->d, s->enum_at, "'const' and 'enum' cannot be combined");
        return false;
    }
    return true;
}

static bool constrained_primitive(const slot *sl)
{
    return sl->min_length.set || sl->max_length.set || sl->minimum.set ||
           sl->maximum.set || sl->exclusive_minimum.set || sl->exclusive_maximum.set;
}

/* A record slot that reaches a record whose fields are still being built
 * closes a cycle: it holds the record through a pointer. */
static bool note_cycle(builder *b, slot *sl, const schema *s)
{
    if (!sl->type->building)
        return true;
    if (sl->type->home != s->doc) {
        diag_error(b->d, s->at, "'%s' contains itself through another schema file; keep "
                   "a recursive type's cycle within one file", sl->type->c_name);
        return false;
    }
    sl->indirect = true;
    sl->type->recursive = true;
    return true;
}

static bool check_nullable(builder *b, const schema *s, value_kind kind)
{
    if (!s->nullable || (kind != VALUE_CONST && kind != VALUE_ENUM))
        return true;
    diag_error(b->d, s->type_at, "a nullable %s is not supported (JSON Schema would also "
               "need null among its values)", kind == VALUE_CONST ? "const" : "enum");
    return false;
}

static slot *build_slot(builder *b, schema *s, const char *name, const char *label)
{
    const char *defname;
    schema *t = merge_follow_refs(b->l, s, &defname);
    if (t == NULL)
        return NULL;
    slot *sl = arena_alloc(b->a, sizeof *sl);
    sl->at = s->at;
    sl->name = name;
    sl->label = label;
    if (!classify(b, t, &sl->kind) || !model_check_applicable(b->d, t, sl->kind) ||
        !check_nullable(b, t, sl->kind) || !model_copy_constraints(b->d, sl, t))
        return NULL;
    sl->nullable = t->nullable;
    sl->default_value = t->default_value;
    switch (sl->kind) {
    case VALUE_CONST:
        sl->const_value = t->const_value;
        return sl;
    case VALUE_RECORD:
        sl->type = build_type(b, t, sl->kind, defname, name, label);
        return sl->type && note_cycle(b, sl, s) ? sl : NULL;
    case VALUE_ENUM:
    case VALUE_OPEN_ENUM:
    case VALUE_MAP:
        sl->type = build_type(b, t, sl->kind, defname, name, label);
        return sl->type ? sl : NULL;
    case VALUE_UNION: {
        static const char *const suffixes[] = {"read", "check", "parse", NULL};
        sl->union_types = t->union_types;
        return claim_with(b, name, suffixes, s->at) ? sl : NULL;
    }
    case VALUE_ARRAY:
        if (!build_array(b, sl, t))
            return NULL;
        if (sl->type != NULL)
            sl->type->home = s->doc; /* named after this place, so it lives here */
        return sl;
    default:
        if (constrained_primitive(sl) && !claim(b, arena_printf(b->a, "%s_constrain", name), s->at))
            return NULL;
        return sl;
    }
}

/* ---- shared with the builders of particular types (model_builder.h) ---- */

bool model_claim(builder *b, const char *name, mark at)
{
    return claim(b, name, at);
}

bool model_claim_with(builder *b, const char *base, const char *const *suffixes, mark at)
{
    return claim_with(b, base, suffixes, at);
}

model_type *model_new_type(builder *b, type_kind kind, const char *c_name, const schema *s)
{
    return new_type(b, kind, c_name, s);
}

slot *model_build_slot(builder *b, schema *s, const char *name, const char *label)
{
    return build_slot(b, s, name, label);
}

/* ---- files ---- */

/* A named type is decoded on its own too, where null would have nowhere to
 * go: only a property may be nullable. */
static bool nullable_here(builder *b, const schema *s, const char *what)
{
    if (!s->nullable)
        return true;
    diag_error(b->d, s->type_at, "%s cannot be null: null is supported only for properties",
               what);
    return false;
}

static bool is_definitions_only(const schema *s)
{
    return !s->all_of_count && !s->ref && !s->type && !s->has_properties &&
           !s->const_value && !s->enum_count && !s->one_of_count;
}

static bool build_root(builder *b, schema_doc *doc)
{
    schema *root = doc->root;
    if (is_definitions_only(root))
        return true;
    const char *defname;
    schema *target = merge_follow_refs(b->l, root, &defname);
    value_kind kind;
    if (target == NULL || !classify(b, target, &kind))
        return false;
    if (kind != VALUE_RECORD && kind != VALUE_ENUM) {
        diag_error(b->d, root->at, "the root of a schema file must be an object or an enum "
                   "(or hold only $defs)");
        return false;
    }
    if (!nullable_here(b, target, "the root of a schema file"))
        return false;
    return build_slot(b, root, type_name(b, doc->stem, root->at), doc->stem) != NULL;
}

static bool build_defs(builder *b, schema_doc *doc)
{
    for (size_t i = 0; i < doc->root->def_count; i++)
        if (!nullable_here(b, doc->root->defs[i].value, "a $defs entry"))
            return false;
    bool ok = true;
    for (size_t i = 0; i < doc->root->def_count; i++) {
        schema_entry *def = &doc->root->defs[i];
        const char *place = type_name(b, def->name, def->at);
        if (place == NULL) {
            ok = false;
            continue;
        }
        /* A $defs entry is named by its key; reaching it through build_slot
         * with that name as the place gives it the same name as a $ref would. */
        value_kind kind;
        schema *s = def->value;
        if (s->ref || !classify(b, s, &kind))
            ok = (s->ref ? build_slot(b, s, place, def->name) != NULL : false) && ok;
        else if (kind == VALUE_RECORD || kind == VALUE_ENUM || kind == VALUE_MAP)
            ok = build_type(b, s, kind, def->name, place, def->name) != NULL &&
                 model_check_applicable(b->d, s, kind) && ok;
        else
            ok = build_slot(b, s, place, def->name) != NULL && ok;
    }
    return ok;
}

bool model_build(model *m, loader *l, const char *prefix)
{
    memset(m, 0, sizeof *m);
    m->prefix = prefix;
    builder b = {m, l, l->a, l->d};
    claim_runtime(&b);
    bool ok = true;
    /* l->count grows while building when $ref reaches new files. */
    for (size_t i = 0; i < l->count; i++) {
        schema_doc *doc = l->docs[i];
        if (doc->root == NULL) {
            ok = false;
            continue;
        }
        ok = build_root(&b, doc) && ok;
        ok = build_defs(&b, doc) && ok;
    }
    return ok && b.d->errors == 0;
}

void model_release(model *m)
{
    free(m->types);
    free(m->names);
    m->types = NULL;
    m->names = NULL;
}

/* ---- emission order ---- */

typedef struct order {
    const schema_doc *doc;
    model_type **out;
    size_t count;
} order;

static void visit(order *o, model_type *t);

static void visit_slot(order *o, const slot *sl)
{
    if (sl == NULL || sl->indirect) /* a pointer needs only the forward typedef */
        return;
    if (sl->type != NULL)
        visit(o, sl->type);
    visit_slot(o, sl->element);
}

/* Depth first, each type after what it holds, so a struct is complete before
 * another embeds it by value. */
static void visit(order *o, model_type *t)
{
    if (t->home != o->doc || t->visit == 2)
        return;
    if (t->visit == 1)
        return; /* recursion was refused when building */
    t->visit = 1;
    for (size_t i = 0; i < t->field_count; i++)
        visit_slot(o, t->fields[i].value);
    if (t->extras != NULL)
        visit(o, t->extras);
    for (size_t i = 0; i < t->alternative_count; i++)
        visit_slot(o, t->alternatives[i].value);
    visit_slot(o, t->element);
    t->visit = 2;
    o->out[o->count++] = t;
}

size_t model_types_of(const model *m, const schema_doc *doc, model_type **out)
{
    order o = {doc, out, 0};
    for (size_t i = 0; i < m->count; i++)
        m->types[i]->visit = 0;
    /* Start from the file's own root and $defs, in file order, so the order
     * does not depend on which file the command line named first. */
    if (doc->root->model_type != NULL)
        visit(&o, doc->root->model_type);
    for (size_t i = 0; i < doc->root->def_count; i++)
        if (doc->root->defs[i].value->model_type != NULL)
            visit(&o, doc->root->defs[i].value->model_type);
    return o.count;
}
