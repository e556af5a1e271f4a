#include "codegen_view.h"

#include "c_text.h"
#include "cname.h"
#include "codegen_keys.h"
#include "codegen_one_of.h"
#include "model_default.h"
#include "strbuf.h"
#include "version.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct file_builder {
    arena *a;
    const model *m;
    const schema_doc *doc;
    view *root;
    const schema_doc **includes;
    size_t include_count;
} file_builder;

static void set_common(arena *a, view *v, const model *m)
{
    view_set_str(v, "prefix", m->prefix);
    view_set_str(v, "PREFIX", cname_upper(a, m->prefix));
    view_set_str(v, "version", SCHEMAC_VERSION);
    view_set_strf(v, "version_number", "%d", SCHEMAC_VERSION_NUMBER);
}

/* ---- slots ---- */

static const char *c_type_of(file_builder *b, const slot *sl)
{
    switch (sl->kind) {
    case VALUE_STRING: return "const char *";
    case VALUE_INT32: return "int32_t";
    case VALUE_INT64: return "int64_t";
    case VALUE_NUMBER: return "double";
    case VALUE_BOOLEAN: return "bool";
    case VALUE_CONST: return "const char *";
    case VALUE_ARRAY: return sl->array_type;
    case VALUE_UNION: return arena_printf(b->a, "%s_scalar", b->m->prefix);
    case VALUE_OPEN_ENUM: return arena_printf(b->a, "%s_open", sl->type->c_name);
    case VALUE_ANY: return "cJSON *";
    case VALUE_RECORD:
        if (sl->indirect)
            return arena_printf(b->a, "%s *", sl->type->c_name);
        return sl->type->c_name;
    case VALUE_ENUM:
    case VALUE_MAP: return sl->type->c_name;
    }
    return NULL;
}

/* The runtime's name for the values of a primitive or any slot. */
static const char *const runtime_value_names[] = {
    [VALUE_STRING] = "string", [VALUE_INT32] = "int32", [VALUE_INT64] = "int64",
    [VALUE_NUMBER] = "double", [VALUE_BOOLEAN] = "bool", [VALUE_ANY] = "any",
};

static const char *runtime_call(file_builder *b, const char *verb, const slot *sl)
{
    const char *const *names = runtime_value_names;
    return arena_printf(b->a, "%s_%s_%s", b->m->prefix, verb, names[sl->kind]);
}

/* The functions generated for sl's own type (or for sl itself: arrays and
 * unions). */
static const char *own_call(file_builder *b, const slot *sl, const char *verb)
{
    if (sl->kind == VALUE_UNION && (strcmp(verb, "write") == 0 || strcmp(verb, "equal") == 0))
        return arena_printf(b->a, "%s_%s_scalar", b->m->prefix, verb);
    if (sl->kind == VALUE_ARRAY || sl->kind == VALUE_UNION)
        return arena_printf(b->a, "%s_%s", sl->name, verb);
    if (sl->kind == VALUE_OPEN_ENUM)
        return arena_printf(b->a, "%s_open_%s", sl->type->c_name, verb);
    return arena_printf(b->a, "%s_%s%s", sl->type->c_name, verb, sl->indirect ? "_ref" : "");
}

static bool is_primitive(const slot *sl)
{
    return sl->kind <= VALUE_BOOLEAN;
}

/* Values the runtime reads, checks, writes and compares by itself. */
static bool has_runtime_functions(const slot *sl)
{
    return is_primitive(sl) || sl->kind == VALUE_ANY;
}

static bool is_constrained(const slot *sl);

/* An array of unconstrained primitives with no count bounds: the runtime's
 * shared functions read, check and write it. */
static bool is_plain_array(const slot *sl)
{
    return sl->kind == VALUE_ARRAY && has_runtime_functions(sl->element) &&
           !is_constrained(sl->element) && !sl->min_items.set && !sl->max_items.set;
}

static const char *plain_array_call(file_builder *b, const slot *sl, const char *verb)
{
    const slot *item = sl->element;
    return arena_printf(b->a, "%s_%s_%s_array", b->m->prefix, verb,
                        runtime_value_names[item->kind]);
}

/* A bound the C type already guarantees is left out: the comparison would
 * always hold, and compilers warn about that. */
static bool bound_needed(const slot *sl, const schema_bound *bound, const char *op)
{
    if (sl->kind == VALUE_NUMBER)
        return true;
    int64_t lo = sl->kind == VALUE_INT32 ? INT32_MIN : INT64_MIN;
    int64_t hi = sl->kind == VALUE_INT32 ? INT32_MAX : INT64_MAX;
    int64_t v = bound->integer;
    if (strcmp(op, ">=") == 0)
        return v > lo;
    if (strcmp(op, ">") == 0)
        return v >= lo;
    if (strcmp(op, "<=") == 0)
        return v < hi;
    return v <= hi;
}

/* A primitive with at least one check to generate. */
static bool is_constrained(const slot *sl)
{
    if (!is_primitive(sl))
        return false;
    bool length = (sl->min_length.set && sl->min_length.value > 0) || sl->max_length.set;
    bool bounds = (sl->minimum.set && bound_needed(sl, &sl->minimum, ">=")) ||
                  (sl->exclusive_minimum.set && bound_needed(sl, &sl->exclusive_minimum, ">")) ||
                  (sl->maximum.set && bound_needed(sl, &sl->maximum, "<=")) ||
                  (sl->exclusive_maximum.set && bound_needed(sl, &sl->exclusive_maximum, "<"));
    return length || bounds;
}

static const char *check_call(file_builder *b, const slot *sl)
{
    if (is_plain_array(sl))
        return plain_array_call(b, sl, "validate");
    switch (sl->kind) {
    case VALUE_STRING:
    case VALUE_INT64:
    case VALUE_NUMBER:
    case VALUE_ANY: return runtime_call(b, "validate", sl);
    case VALUE_INT32:
    case VALUE_BOOLEAN:
    case VALUE_CONST: return "";
    default: return own_call(b, sl, "check");
    }
}

static const char *count_text(file_builder *b, schema_count c)
{
    return c.set && c.value > 0 ? arena_printf(b->a, "%llu", (unsigned long long)c.value) : "";
}

static void add_bound(file_builder *b, view *v, const slot *sl, const schema_bound *bound,
                      const char *op)
{
    if (!bound->set || !bound_needed(sl, bound, op))
        return;
    view *item = view_add(v, "bounds");
    view_set_str(item, "op", op);
    if (sl->kind == VALUE_NUMBER)
        view_set_strf(item, "bound", "%.17g", bound->number);
    else if (bound->integer == INT64_MIN)
        view_set_str(item, "bound", "INT64_MIN"); /* no literal spells it */
    else
        view_set_strf(item, "bound", "INT64_C(%lld)", (long long)bound->integer);
    view_set_str(item, "bound_text", c_literal(b->a, bound->text));
}

static void set_constraints(file_builder *b, view *v, const slot *sl)
{
    view_set_str(v, "min_length", count_text(b, sl->min_length));
    view_set_str(v, "max_length", sl->max_length.set
                     ? arena_printf(b->a, "%llu", (unsigned long long)sl->max_length.value) : "");
    view_set_str(v, "min_items", count_text(b, sl->min_items));
    view_set_str(v, "max_items", sl->max_items.set
                     ? arena_printf(b->a, "%llu", (unsigned long long)sl->max_items.value) : "");
    view_set_list(v, "bounds");
    add_bound(b, v, sl, &sl->minimum, ">=");
    add_bound(b, v, sl, &sl->exclusive_minimum, ">");
    add_bound(b, v, sl, &sl->maximum, "<=");
    add_bound(b, v, sl, &sl->exclusive_maximum, "<");
}

static const char *kind_words(file_builder *b, const slot *sl)
{
    switch (sl->kind) {
    case VALUE_STRING: return "strings";
    case VALUE_INT32: return "int32 integers";
    case VALUE_INT64: return "int64 integers";
    case VALUE_NUMBER: return "numbers";
    case VALUE_BOOLEAN: return "booleans";
    case VALUE_ANY: return "JSON values";
    default: return arena_printf(b->a, "%s values", c_type_of(b, sl));
    }
}

/* The runtime's constant for a union member of this type: WCC_SCALAR_STRING. */
static const char *scalar_constant(file_builder *b, schema_type type)
{
    return arena_printf(b->a, "%s_SCALAR_%s", cname_upper(b->a, b->m->prefix),
                        cname_upper(b->a, schema_type_name(type)));
}

/* The runtime's bit mask of a union's member kinds, in C. */
static const char *scalar_kinds(file_builder *b, unsigned types)
{
    strbuf out = STRBUF_INIT;
    const char *upper = cname_upper(b->a, b->m->prefix);
    for (schema_type t = SCHEMA_STRING; t <= SCHEMA_BOOLEAN; t++)
        if (types & (1u << t))
            strbuf_printf(&out, "%s%s_SCALAR_BIT(%s)", out.len ? " | " : "", upper,
                          scalar_constant(b, t));
    const char *text = arena_strdup(b->a, strbuf_str(&out));
    strbuf_release(&out);
    return text;
}

/* Everything a template needs to read, check or write the value of sl. */
static void fill_slot(file_builder *b, view *v, const slot *sl)
{
    bool constrained = is_constrained(sl);
    const char *check = check_call(b, sl);
    view_set_str(v, "slot", sl->name ? sl->name : "");
    const char *type = c_type_of(b, sl);
    view_set_str(v, "c_type", type);
    /* "const char *" must become "const char *const *", not "const const char **". */
    view_set_str(v, "c_const_ptr", sl->kind == VALUE_STRING ? "const char *const *"
                                   : sl->kind == VALUE_ANY ? "cJSON *const *"
                                   : arena_printf(b->a, "const %s *", type));
    view_set_str(v, "label", c_comment_text(b->a, sl->label));
    view_set_str(v, "label_literal", c_literal(b->a, sl->label));
    view_set_bool(v, "is_const", sl->kind == VALUE_CONST);
    view_set_str(v, "const_literal", sl->const_value ? c_literal(b->a, sl->const_value) : "");
    view_set_bool(v, "is_array", sl->kind == VALUE_ARRAY && !is_plain_array(sl));
    view_set_bool(v, "is_union", sl->kind == VALUE_UNION);
    view_set_str(v, "scalar_kinds", sl->kind == VALUE_UNION ? scalar_kinds(b, sl->union_types) : "");
    view_set_bool(v, "is_constrained", constrained);
    view_set_str(v, "constrain", constrained ? arena_printf(b->a, "%s_constrain", sl->name) : "");
    view_set_str(v, "check_call", check);
    view_set_bool(v, "checked", constrained || *check != '\0');
    static const char *const verbs[] = {"read", "write", "equal", "parse"};
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
        const char *call = sl->kind == VALUE_CONST ? ""
                           : is_plain_array(sl) ? plain_array_call(b, sl, verbs[i])
                           : has_runtime_functions(sl) ? runtime_call(b, verbs[i], sl)
                           : own_call(b, sl, verbs[i]);
        view_set_str(v, arena_printf(b->a, "%s_call", verbs[i]), call);
    }
    set_constraints(b, v, sl);
    if (sl->kind == VALUE_ARRAY) {
        view_set_str(v, "item_kind", kind_words(b, sl->element));
        const char *item = c_type_of(b, sl->element);
        view_set_str(v, "item_ptr_type", arena_printf(b->a, "%s%s*", item,
                                                      item[strlen(item) - 1] == '*' ? "" : " "));
        fill_slot(b, view_add(v, "item"), sl->element);
    }
}

static void note_include(file_builder *b, const model_type *t)
{
    if (t->home == b->doc)
        return;
    for (size_t i = 0; i < b->include_count; i++)
        if (b->includes[i] == t->home)
            return;
    b->includes = xrealloc(b->includes, (b->include_count + 1) * sizeof *b->includes);
    b->includes[b->include_count++] = t->home;
}

/* Adds the slot functions sl needs (and those of its items) to the file. */
static void add_slot_functions(file_builder *b, const slot *sl)
{
    if (sl->type != NULL)
        note_include(b, sl->type);
    if ((sl->kind == VALUE_ARRAY && !is_plain_array(sl)) || is_constrained(sl) ||
        sl->kind == VALUE_UNION)
        fill_slot(b, view_add(b->root, "slots"), sl);
    if (sl->kind == VALUE_ARRAY && !is_plain_array(sl))
        add_slot_functions(b, sl->element);
}

/* ---- types ---- */

/* The functions other files' generated code calls for t. */
static void add_walkers(file_builder *b, const char *name, bool is_record, bool recursive)
{
    view *v = view_add(b->root, "walkers");
    view_set_str(v, "name", name);
    view_set_bool(v, "is_record", is_record);
    view_set_bool(v, "recursive", recursive);
}

static void add_enum(file_builder *b, const model_type *t)
{
    view *v = view_add(b->root, "enums");
    view_set_str(v, "name", t->c_name);
    c_doc_comment(b->a, v, t->description, "");
    strbuf choices = STRBUF_INIT;
    for (size_t i = 0; i < t->value_count; i++) {
        view *value = view_add(v, "values");
        view_set_str(value, "constant", t->constants[i]);
        view_set_strf(value, "number", "%zu", i + 1);
        view_set_str(value, "literal", c_literal(b->a, t->values[i]));
        strbuf_printf(&choices, "%s'%s'", i ? ", " : "", t->values[i]);
    }
    view_set_str(v, "choices_literal", c_literal(b->a, strbuf_str(&choices)));
    strbuf_release(&choices);
    view_set_bool(v, "open", t->open);
    if (!t->open)
        return;
    const char *open = arena_printf(b->a, "%s_open", t->c_name);
    view_set_str(v, "open_name", open);
    view_set_str(view_add(b->root, "forward"), "name", open);
}

static void add_array_struct(file_builder *b, const char *name, const char *item_type,
                             const char *what)
{
    view *v = view_add(b->root, "arrays");
    view_set_str(v, "name", name);
    view_set_str(v, "item_type", item_type);
    view_set_str(v, "what", what);
    view_set_str(view_add(b->root, "forward"), "name", name);
}

static const char *c_decl(file_builder *b, const slot *sl, const char *member);

/* The property names of the record whose additional properties map t holds. */
static void add_declared(file_builder *b, view *v, const model_type *t)
{
    view_set_bool(v, "is_extras", t->owner != NULL);
    view_set_list(v, "declared");
    for (size_t i = 0; t->owner != NULL && i < t->owner->field_count; i++)
        view_set_str(view_add(v, "declared"), "literal",
                     c_literal(b->a, t->owner->fields[i].json_name));
}

static void add_map(file_builder *b, const model_type *t)
{
    view *v = view_add(b->root, "structs");
    view_set_bool(v, "is_map", true);
    view_set_bool(v, "is_record", false);
    view_set_bool(v, "is_one_of", false);
    view_set_bool(v, "has_api", false);
    view_set_str(v, "name", t->c_name);
    view_set_str(v, "entry", arena_printf(b->a, "%s_entry", t->c_name));
    view_set_str(v, "value_decl", c_decl(b, t->element, "value"));
    add_declared(b, v, t);
    view_set_str(v, "label", c_comment_text(b->a, t->element->label));
    view_set_str(v, "label_literal", c_literal(b->a, t->element->label));
    c_doc_comment(b->a, v, t->description, "");
    fill_slot(b, view_add(v, "value"), t->element);
    add_slot_functions(b, t->element);
    view_set_str(view_add(b->root, "forward"), "name", t->c_name);
    view_set_str(view_add(b->root, "forward"), "name",
                 arena_printf(b->a, "%s_entry", t->c_name));
    add_walkers(b, t->c_name, false, false);
}

static const char *c_decl(file_builder *b, const slot *sl, const char *member)
{
    const char *type = c_type_of(b, sl);
    size_t n = strlen(type);
    return arena_printf(b->a, "%s%s%s", type, type[n - 1] == '*' ? "" : " ", member);
}

static const char *enum_constant(const model_type *t, const char *text)
{
    for (size_t i = 0; i < t->value_count; i++)
        if (strcmp(t->values[i], text) == 0)
            return t->constants[i];
    return NULL;
}

/* The C expression of a scalar default of the given type. */
static const char *default_literal(file_builder *b, const ynode *v, schema_type type)
{
    double x = 0;
    int64_t i = 0;
    switch (type) {
    case SCHEMA_STRING: return c_literal(b->a, v->text);
    case SCHEMA_BOOLEAN: return v->text[0] == 't' || v->text[0] == 'T' ? "true" : "false";
    case SCHEMA_INTEGER:
        ytree_as_int64(v, &i); /* never "05", which C would read as octal */
        return arena_printf(b->a, "INT64_C(%lld)", (long long)i);
    default:
        ytree_as_double(v, &x);
        /* 17 digits read back exactly; a fraction keeps -0 a double (-0.0). */
        const char *text = arena_printf(b->a, "%.17g", x);
        return strpbrk(text, ".e") ? text : arena_printf(b->a, "%s.0", text);
    }
}

static void default_line(file_builder *b, view *v, const char *fmt, const char *c_name,
                         const char *value)
{
    view_set_str(view_add(v, "default_lines"), "line", arena_printf(b->a, fmt, c_name, value));
}

static void union_default(file_builder *b, view *v, const field *f, const ynode *value)
{
    schema_type type = model_default_type(value);
    bool has_integer = f->value->union_types & (1u << SCHEMA_INTEGER);
    if (type == SCHEMA_INTEGER && !has_integer)
        type = SCHEMA_NUMBER;
    const char *literal = default_literal(b, value, type);
    double x = 0;
    /* As decode reads it: a whole number within 2^53 - 1 is an INTEGER. */
    if (type == SCHEMA_NUMBER && has_integer && ytree_as_double(value, &x) &&
        fabs(x) <= 9007199254740991.0 && x == floor(x)) {
        type = SCHEMA_INTEGER;
        literal = arena_printf(b->a, "INT64_C(%lld)", (long long)x);
    }
    default_line(b, v, "out->%s.kind = %s;", f->c_name, scalar_constant(b, type));
    view_set_str(view_add(v, "default_lines"), "line",
                 arena_printf(b->a, "out->%s.as.%s = %s;", f->c_name, schema_type_name(type),
                              literal));
}

/* The assignments that give an absent property its default on decode. */
static void add_default(file_builder *b, view *v, const field *f)
{
    const slot *sl = f->value;
    const ynode *value = sl->default_value;
    view_set_list(v, "default_lines");
    view_set_bool(v, "has_default", value != NULL);
    if (value == NULL)
        return;
    if (!slot_is_pointer(sl))
        default_line(b, v, "out->has_%s = %s;", f->c_name, "true");
    switch (sl->kind) {
    case VALUE_UNION:
        union_default(b, v, f, value);
        return;
    case VALUE_ENUM:
        default_line(b, v, "out->%s = %s;", f->c_name, enum_constant(sl->type, value->text));
        return;
    case VALUE_OPEN_ENUM: {
        const char *known = enum_constant(sl->type, value->text);
        default_line(b, v, "out->%s.known = %s;", f->c_name, known ? known
                     : arena_printf(b->a, "(%s)0", sl->type->c_name));
        default_line(b, v, "out->%s.text = %s;", f->c_name, c_literal(b->a, value->text));
        return;
    }
    default:
        default_line(b, v, "out->%s = %s;", f->c_name,
                     default_literal(b, value, sl->kind == VALUE_STRING ? SCHEMA_STRING
                                    : sl->kind == VALUE_BOOLEAN ? SCHEMA_BOOLEAN
                                    : sl->kind == VALUE_NUMBER ? SCHEMA_NUMBER
                                    : SCHEMA_INTEGER));
        return;
    }
}

/* C conditions on the member of f in the struct `base` points to: whether
 * it holds a value (not absent, not null), and whether encode writes it. */
static const char *holds_value(file_builder *b, const field *f, const char *base)
{
    const char *not_null = f->value->nullable
                           ? arena_printf(b->a, "!%s->%s_is_null", base, f->c_name) : NULL;
    const char *present = f->required ? NULL
                          : slot_is_pointer(f->value)
                          ? arena_printf(b->a, "%s->%s != NULL", base, f->c_name)
                          : arena_printf(b->a, "%s->has_%s", base, f->c_name);
    if (not_null && present)
        return arena_printf(b->a, "%s && %s", not_null, present);
    return not_null ? not_null : present ? present : "true";
}

static const char *is_written(file_builder *b, const field *f, const char *base)
{
    if (f->required)
        return "true";
    if (!slot_is_pointer(f->value))
        return arena_printf(b->a, "%s->has_%s", base, f->c_name);
    if (f->value->nullable)
        return arena_printf(b->a, "(%s->%s != NULL || %s->%s_is_null)", base, f->c_name,
                            base, f->c_name);
    return arena_printf(b->a, "%s->%s != NULL", base, f->c_name);
}

/* On decode, whether an optional property was absent from the input. */
static const char *is_absent(file_builder *b, const field *f)
{
    if (!slot_is_pointer(f->value))
        return arena_printf(b->a, "!out->has_%s", f->c_name);
    if (f->value->nullable)
        return arena_printf(b->a, "out->%s == NULL && !out->%s_is_null", f->c_name, f->c_name);
    return arena_printf(b->a, "out->%s == NULL", f->c_name);
}

/* The call that writes a member's key: names JSON writes as they are (all
 * but a few) skip the runtime's escape scan and strlen. */
static const char *put_key_call(arena *a, const char *prefix, const char *name)
{
    for (const unsigned char *c = (const unsigned char *)name; *c != '\0'; c++)
        if (*c < 0x20 || *c == '"' || *c == '\\')
            return arena_printf(a, "%s_put_key(e, %s)", prefix, c_literal(a, name));
    return arena_printf(a, "%s_put_plain_key(e, %s, %zu)", prefix, c_literal(a, name), strlen(name));
}

static void add_field(file_builder *b, view *record, const field *f, size_t index,
                      bool *uses_out, bool *checked)
{
    view *v = view_add(record, "fields");
    const slot *sl = f->value;
    bool has_flag = !f->required && !slot_is_pointer(sl);
    bool stored = sl->kind != VALUE_CONST;
    view_set_str(v, "json_literal", c_literal(b->a, f->json_name));
    view_set_str(v, "put_key_call", put_key_call(b->a, b->m->prefix, f->json_name));
    view_set_str(v, "json_name_comment", c_comment_text(b->a, f->json_name));
    view_set_str(v, "const_comment", sl->const_value ? c_comment_text(b->a, sl->const_value) : "");
    view_set_str(v, "const_doc", !stored && f->description ? c_comment_text(b->a, f->description) : "");
    view_set_str(v, "c_name", f->c_name);
    view_set_bool(v, "required", f->required);
    view_set_bool(v, "has_flag", has_flag);
    view_set_bool(v, "nullable", sl->nullable);
    view_set_bool(v, "stored", stored);
    view_set_str(v, "c_decl", stored ? c_decl(b, sl, f->c_name) : "");
    view_set_str(v, "holds_value", holds_value(b, f, "value"));
    view_set_str(v, "is_written", is_written(b, f, "value"));
    /* Flags were compared already; a pointer's equal function handles NULL. */
    view_set_str(v, "equal_guard", arena_printf(b->a, "%s%s",
                 has_flag ? arena_printf(b->a, "a->has_%s && ", f->c_name) : "",
                 sl->nullable ? arena_printf(b->a, "!a->%s_is_null && ", f->c_name) : ""));
    add_default(b, v, f);
    view_set_str(v, "is_absent", is_absent(b, f));
    view_set_strf(v, "field_index", "%zu", index);
    c_doc_comment(b->a, v, f->description, "    ");
    fill_slot(b, view_add(v, "value"), sl);
    add_slot_functions(b, sl);
    *uses_out = *uses_out || stored || has_flag || sl->nullable;
    *checked = *checked || is_constrained(sl) || *check_call(b, sl) != '\0';
}

static void add_record(file_builder *b, const model_type *t)
{
    view *v = view_add(b->root, "structs");
    view_set_bool(v, "is_map", false);
    view_set_bool(v, "is_record", true);
    view_set_bool(v, "is_one_of", false);
    view_set_bool(v, "has_api", true);
    view_set_str(v, "name", t->c_name);
    view_set_str(v, "json_title", c_comment_text(b->a, t->c_name));
    view_set_bool(v, "strict", t->strict);
    view_set_bool(v, "recursive", t->recursive);
    c_doc_comment(b->a, v, t->description, "");
    view_set_list(v, "fields");
    bool uses_out = false, checked = false;
    for (size_t i = 0; i < t->field_count; i++)
        add_field(b, v, &t->fields[i], i, &uses_out, &checked);
    codegen_keys(b->a, v, t);
    view_set_list(v, "extras");
    if (t->extras != NULL) {
        view *extras = view_add(v, "extras");
        view_set_str(extras, "map", t->extras->c_name);
        view_set_str(extras, "entry", arena_printf(b->a, "%s_entry", t->extras->c_name));
    }
    view_set_bool(v, "uses_out", uses_out || t->extras != NULL);
    view_set_bool(v, "checked_fields", checked || t->extras != NULL);
    view_set_str(view_add(b->root, "forward"), "name", t->c_name);
    add_walkers(b, t->c_name, true, t->recursive);
}

/* A oneOf: a kind and a union of records, with the record API. */
static void add_one_of(file_builder *b, const model_type *t)
{
    view *v = view_add(b->root, "structs");
    view_set_bool(v, "is_map", false);
    view_set_bool(v, "is_record", false);
    view_set_bool(v, "is_one_of", true);
    view_set_bool(v, "has_api", true);
    view_set_str(v, "name", t->c_name);
    c_doc_comment(b->a, v, t->description, "");
    codegen_one_of(b->a, v, t);
    for (size_t i = 0; i < t->alternative_count; i++)
        note_include(b, t->alternatives[i].value->type);
    view_set_str(view_add(b->root, "forward"), "name", t->c_name);
    add_walkers(b, t->c_name, true, false);
}

static void add_type(file_builder *b, const model_type *t)
{
    switch (t->kind) {
    case TYPE_ENUM:
        add_enum(b, t);
        add_array_struct(b, arena_printf(b->a, "%s_array", t->c_name), t->c_name,
                         arena_printf(b->a, "An array of %s values.", t->c_name));
        add_walkers(b, t->c_name, false, false);
        if (t->open) {
            const char *open = arena_printf(b->a, "%s_open", t->c_name);
            add_array_struct(b, arena_printf(b->a, "%s_array", open), open,
                             arena_printf(b->a, "An array of %s values.", open));
            add_walkers(b, open, false, false);
        }
        break;
    case TYPE_RECORD:
    case TYPE_ONE_OF:
        if (t->kind == TYPE_ONE_OF)
            add_one_of(b, t);
        else
            add_record(b, t);
        add_array_struct(b, arena_printf(b->a, "%s_array", t->c_name), t->c_name,
                         arena_printf(b->a, "An array of %s.", t->c_name));
        break;
    case TYPE_MAP:
        add_map(b, t);
        break;
    case TYPE_ARRAY:
        add_array_struct(b, t->c_name, c_type_of(b, t->element),
                         arena_printf(b->a, "%s: an array of %s.",
                                      c_comment_text(b->a, t->element->label),
                                      kind_words(b, t->element)));
        break;
    }
}

static int compare_paths(const void *x, const void *y)
{
    const schema_doc *const *a = x, *const *b = y;
    return strcmp((*a)->stem, (*b)->stem);
}

view *codegen_file_view(arena *a, const model *m, const schema_doc *doc)
{
    file_builder b = {a, m, doc, view_new(a), NULL, 0};
    view *v = b.root;
    set_common(a, v, m);
    view_set_str(v, "stem", doc->stem);
    view_set_strf(v, "guarded_file", "%s.h", doc->stem);
    view_set_str(v, "source", c_comment_text(a, doc->path));
    view_set_str(v, "guard", cname_upper(a, arena_printf(a, "%s_%s_h", m->prefix,
                                                            cname_snake(a, doc->stem))));
    static const char *const lists[] = {"includes", "forward", "enums", "arrays",
                                        "structs", "walkers", "slots"};
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
        view_set_list(v, lists[i]);
    model_type **types = xrealloc(NULL, (m->count + 1) * sizeof *types);
    size_t count = model_types_of(m, doc, types);
    for (size_t i = 0; i < count; i++)
        add_type(&b, types[i]);
    free(types);
    if (b.include_count > 1)
        qsort(b.includes, b.include_count, sizeof *b.includes, compare_paths);
    for (size_t i = 0; i < b.include_count; i++)
        view_set_strf(view_add(v, "includes"), "file", "%s.h", b.includes[i]->stem);
    free(b.includes);
    view_set_bool(v, "has_walkers", count > 0);
    return v;
}

view *codegen_runtime_view(arena *a, const model *m)
{
    view *v = view_new(a);
    set_common(a, v, m);
    return v;
}

/* ---- the registry ---- */

static const char *pointer_escaped(arena *a, const char *name)
{
    strbuf out = STRBUF_INIT;
    for (const char *c = name; *c != '\0'; c++) {
        if (*c == '~')
            strbuf_append(&out, "~0", 2);
        else if (*c == '/')
            strbuf_append(&out, "~1", 2);
        else
            strbuf_append(&out, c, 1);
    }
    const char *text = arena_strdup(a, strbuf_str(&out));
    strbuf_release(&out);
    return text;
}

/* The JSON Pointer of t's own schema in its file, or NULL for a nested type. */
static const char *schema_pointer(arena *a, const model_type *t)
{
    const schema *root = t->home->root;
    if (root->model_type == t)
        return "";
    for (size_t i = 0; i < root->def_count; i++)
        if (root->defs[i].value->model_type == t)
            return arena_printf(a, "/$defs/%s", pointer_escaped(a, root->defs[i].name));
    return NULL;
}

static int compare_type_names(const void *x, const void *y)
{
    const model_type *const *a = x, *const *b = y;
    return strcmp((*a)->c_name, (*b)->c_name);
}

view *codegen_types_view(arena *a, const model *m, const schema_doc *const *docs, size_t doc_count)
{
    view *v = view_new(a);
    set_common(a, v, m);
    view_set_strf(v, "guarded_file", "%s_types.h", m->prefix);
    view_set_list(v, "files");
    view_set_list(v, "types");
    for (size_t i = 0; i < doc_count; i++)
        view_set_strf(view_add(v, "files"), "file", "%s.h", docs[i]->stem);
    model_type **records = xrealloc(NULL, (m->count + 1) * sizeof *records);
    size_t count = 0;
    for (size_t i = 0; i < m->count; i++)
        if (m->types[i]->kind == TYPE_RECORD || m->types[i]->kind == TYPE_ONE_OF)
            records[count++] = m->types[i];
    qsort(records, count, sizeof *records, compare_type_names);
    for (size_t i = 0; i < count; i++) {
        view *t = view_add(v, "types");
        const char *pointer = schema_pointer(a, records[i]);
        view_set_str(t, "name", records[i]->c_name);
        view_set_str(t, "file_literal", c_literal(a, records[i]->home->path));
        view_set_str(t, "pointer_literal", pointer != NULL ? c_literal(a, pointer) : "NULL");
    }
    free(records);
    view_set_strf(v, "type_count", "%zu", count);
    return v;
}
