#include "model_default.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

schema_type model_default_type(const ynode *value)
{
    int64_t i;
    double x;
    bool flag;
    if (ytree_as_bool(value, &flag))
        return SCHEMA_BOOLEAN;
    if (ytree_as_int64(value, &i))
        return SCHEMA_INTEGER;
    if (ytree_as_double(value, &x))
        return SCHEMA_NUMBER;
    return ytree_is_string(value) ? SCHEMA_STRING : SCHEMA_ANY;
}

static size_t code_points(const char *s)
{
    size_t n = 0;
    for (; *s != '\0'; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static bool length_ok(const slot *sl, const char *text)
{
    size_t n = code_points(text);
    return (!sl->min_length.set || n >= sl->min_length.value) &&
           (!sl->max_length.set || n <= sl->max_length.value);
}

/* Exact for integers (both as int64), else compared as doubles. */
static int compare(const ynode *v, const schema_bound *bound)
{
    int64_t i;
    double x = 0;
    if (bound->is_integer && ytree_as_int64(v, &i))
        return (i > bound->integer) - (i < bound->integer);
    ytree_as_double(v, &x);
    return (x > bound->number) - (x < bound->number);
}

static bool bounds_ok(const slot *sl, const ynode *v)
{
    return (!sl->minimum.set || compare(v, &sl->minimum) >= 0) &&
           (!sl->exclusive_minimum.set || compare(v, &sl->exclusive_minimum) > 0) &&
           (!sl->maximum.set || compare(v, &sl->maximum) <= 0) &&
           (!sl->exclusive_maximum.set || compare(v, &sl->exclusive_maximum) < 0);
}

/* A nonzero number a double rounds to 0 (1e-400), which decode refuses. */
static bool underflows(const ynode *v)
{
    double x = 0;
    if (!ytree_as_double(v, &x) || x != 0)
        return false;
    for (const char *c = v->text; *c != '\0' && *c != 'e' && *c != 'E'; c++)
        if (*c >= '1' && *c <= '9')
            return true;
    return false;
}

static bool in_enum(const model_type *t, const char *text)
{
    for (size_t i = 0; i < t->value_count; i++)
        if (strcmp(t->values[i], text) == 0)
            return true;
    return false;
}

/* A whole number beyond +-(2^53 - 1) that would be an integer of the
 * message: decode reads it exactly, but a message holding it could never go
 * through to_cjson, whose numbers are doubles, so no default may be one. */
static bool integer_beyond_double(const slot *sl, const ynode *v)
{
    bool integer = sl->kind == VALUE_INT64 ||
                   (sl->kind == VALUE_UNION && (sl->union_types & (1u << SCHEMA_INTEGER)));
    double x = 0;
    return integer && ytree_as_double(v, &x) && x == floor(x) && fabs(x) > 9007199254740991.0;
}

static bool fits(const slot *sl, const ynode *v, schema_type given)
{
    int64_t i = 0;
    switch (sl->kind) {
    case VALUE_STRING: return given == SCHEMA_STRING && length_ok(sl, v->text);
    case VALUE_INT32:
        return given == SCHEMA_INTEGER && ytree_as_int64(v, &i) && i >= INT32_MIN &&
               i <= INT32_MAX && bounds_ok(sl, v);
    case VALUE_INT64:
        return given == SCHEMA_INTEGER && ytree_as_int64(v, &i) && bounds_ok(sl, v);
    case VALUE_NUMBER:
        return (given == SCHEMA_INTEGER || given == SCHEMA_NUMBER) && !underflows(v) &&
               bounds_ok(sl, v);
    case VALUE_BOOLEAN: return given == SCHEMA_BOOLEAN;
    case VALUE_ENUM: return given == SCHEMA_STRING && in_enum(sl->type, v->text);
    case VALUE_OPEN_ENUM: return given == SCHEMA_STRING;
    case VALUE_UNION:
        return given != SCHEMA_ANY && !underflows(v) &&
               ((sl->union_types & (1u << given)) ||
                (given == SCHEMA_INTEGER && (sl->union_types & (1u << SCHEMA_NUMBER))));
    default: return false;
    }
}

static bool defaultable(value_kind kind)
{
    return kind == VALUE_STRING || kind == VALUE_INT32 || kind == VALUE_INT64 ||
           kind == VALUE_NUMBER || kind == VALUE_BOOLEAN || kind == VALUE_ENUM ||
           kind == VALUE_OPEN_ENUM || kind == VALUE_UNION;
}

bool model_check_default(diag *d, const field *f)
{
    const ynode *v = f->value->default_value;
    if (v == NULL)
        return true;
    if (f->required) {
        diag_error(d, v->at, "'default' on required property '%s' would never apply",
                   f->json_name);
        return false;
    }
    if (!defaultable(f->value->kind)) {
        diag_error(d, v->at, "'default' is supported only for strings, integers, numbers, "
                   "booleans, enums and type lists");
        return false;
    }
    if (v->kind != YNODE_SCALAR || ytree_is_null(v)) {
        diag_error(d, v->at, "'default' must be a single value, not %s", ytree_kind_name(v));
        return false;
    }
    if (integer_beyond_double(f->value, v)) {
        diag_error(d, v->at, "'default' %s of property '%s' is beyond +-(2^53 - 1), which "
                   "to_cjson could not write", v->text, f->json_name);
        return false;
    }
    if (!fits(f->value, v, model_default_type(v))) {
        diag_error(d, v->at, "'default' %s (%s) does not fit the schema of property '%s'",
                   v->text, ytree_kind_name(v), f->json_name);
        return false;
    }
    return true;
}
