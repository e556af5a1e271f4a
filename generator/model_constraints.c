#include "model_constraints.h"

#include <math.h>
#include <stdint.h>

typedef struct keyword_use {
    bool present;
    const char *keyword;
    mark at;
} keyword_use;

bool model_check_applicable(diag *d, const schema *s, value_kind kind)
{
    bool object = kind == VALUE_RECORD || kind == VALUE_MAP;
    bool array = kind == VALUE_ARRAY;
    bool string = kind == VALUE_STRING;
    bool number = kind == VALUE_INT32 || kind == VALUE_INT64 || kind == VALUE_NUMBER;
    bool integer = kind == VALUE_INT32 || kind == VALUE_INT64;
    const keyword_use uses[] = {
        {s->has_properties && !object, "properties", s->at},
        {s->required_count && !object, "required", s->at},
        {s->additional && !object, "additionalProperties", s->additional_at},
        {s->items && !array, "items", s->items_at},
        {s->min_items.set && !array, "minItems", s->min_items.at},
        {s->max_items.set && !array, "maxItems", s->max_items.at},
        {s->min_length.set && !string, "minLength", s->min_length.at},
        {s->max_length.set && !string, "maxLength", s->max_length.at},
        {s->minimum.set && !number, "minimum", s->minimum.at},
        {s->maximum.set && !number, "maximum", s->maximum.at},
        {s->exclusive_minimum.set && !number, "exclusiveMinimum", s->exclusive_minimum.at},
        {s->exclusive_maximum.set && !number, "exclusiveMaximum", s->exclusive_maximum.at},
        {s->format && !integer, "format", s->format_at},
    };
    bool ok = true;
    for (size_t i = 0; i < sizeof uses / sizeof uses[0]; i++) {
        if (uses[i].present) {
            const char *what = kind == VALUE_CONST ? "const"
                               : kind == VALUE_ENUM ? "enum"
                               : kind == VALUE_UNION ? "type-list"
                               : schema_type_name(s->type);
            diag_error(d, uses[i].at, "'%s' does not apply to %s values",
                       uses[i].keyword, what);
            ok = false;
        }
    }
    return ok;
}

static bool check_integer_bound(diag *d, const schema_bound *bound, const char *keyword)
{
    if (!bound->set)
        return true;
    if (!bound->is_integer) {
        bool too_big = fabs(bound->number) >= 9.2e18; /* an integer int64 cannot hold */
        diag_error(d, bound->at, too_big ? "'%s' %s is outside the int64 range"
                                             : "'%s' of an integer must be an integer, not %s",
                   keyword, bound->text);
        return false;
    }
    return true;
}

/* The lowest and highest value the bounds allow, for integers as inclusive
 * bounds, so that schemas no value can meet are refused. */
static bool integer_range_empty(const schema *s, value_kind kind, int64_t *lo, int64_t *hi)
{
    *lo = kind == VALUE_INT32 ? INT32_MIN : INT64_MIN;
    *hi = kind == VALUE_INT32 ? INT32_MAX : INT64_MAX;
    if (s->minimum.set && s->minimum.integer > *lo)
        *lo = s->minimum.integer;
    if (s->exclusive_minimum.set && s->exclusive_minimum.integer >= *lo) {
        if (s->exclusive_minimum.integer == INT64_MAX)
            return true;
        *lo = s->exclusive_minimum.integer + 1;
    }
    if (s->maximum.set && s->maximum.integer < *hi)
        *hi = s->maximum.integer;
    if (s->exclusive_maximum.set && s->exclusive_maximum.integer <= *hi) {
        if (s->exclusive_maximum.integer == INT64_MIN)
            return true;
        *hi = s->exclusive_maximum.integer - 1;
    }
    return *lo > *hi;
}

static bool number_range_empty(const schema *s)
{
    bool has_lo = s->minimum.set || s->exclusive_minimum.set;
    bool has_hi = s->maximum.set || s->exclusive_maximum.set;
    if (!has_lo || !has_hi)
        return false;
    double lo = s->minimum.set ? s->minimum.number : s->exclusive_minimum.number;
    bool lo_open = !s->minimum.set ||
                   (s->exclusive_minimum.set && s->exclusive_minimum.number >= lo);
    if (s->exclusive_minimum.set && s->exclusive_minimum.number > lo)
        lo = s->exclusive_minimum.number;
    double hi = s->maximum.set ? s->maximum.number : s->exclusive_maximum.number;
    bool hi_open = !s->maximum.set ||
                   (s->exclusive_maximum.set && s->exclusive_maximum.number <= hi);
    if (s->exclusive_maximum.set && s->exclusive_maximum.number < hi)
        hi = s->exclusive_maximum.number;
    return lo > hi || (lo == hi && (lo_open || hi_open));
}

static bool check_bounds_meetable(diag *d, const schema *s, value_kind kind)
{
    mark at = s->minimum.set ? s->minimum.at : s->exclusive_minimum.at;
    bool empty = false;
    if (kind == VALUE_INT32 || kind == VALUE_INT64) {
        int64_t lo, hi;
        empty = integer_range_empty(s, kind, &lo, &hi);
        if (!s->minimum.set && !s->exclusive_minimum.set)
            at = s->maximum.set ? s->maximum.at : s->exclusive_maximum.at;
    } else if (kind == VALUE_NUMBER) {
        empty = number_range_empty(s);
    }
    if (empty)
        diag_error(d, at, "no %s value meets these bounds",
                   kind == VALUE_INT32 ? "int32" : kind == VALUE_INT64 ? "int64" : "number");
    return !empty;
}

static bool check_order(diag *d, bool both, bool wrong, mark at, const char *lo,
                        const char *hi)
{
    if (!both || !wrong)
        return true;
    diag_error(d, at, "'%s' is greater than '%s': no value can match", lo, hi);
    return false;
}

bool model_copy_constraints(diag *d, slot *sl, const schema *s)
{
    sl->min_length = s->min_length;
    sl->max_length = s->max_length;
    sl->min_items = s->min_items;
    sl->max_items = s->max_items;
    sl->minimum = s->minimum;
    sl->maximum = s->maximum;
    sl->exclusive_minimum = s->exclusive_minimum;
    sl->exclusive_maximum = s->exclusive_maximum;
    bool ok = true;
    if (sl->kind == VALUE_INT32 || sl->kind == VALUE_INT64) {
        ok = check_integer_bound(d, &s->minimum, "minimum") && ok;
        ok = check_integer_bound(d, &s->maximum, "maximum") && ok;
        ok = check_integer_bound(d, &s->exclusive_minimum, "exclusiveMinimum") && ok;
        ok = check_integer_bound(d, &s->exclusive_maximum, "exclusiveMaximum") && ok;
    }
    if (ok)
        ok = check_bounds_meetable(d, s, sl->kind);
    ok = check_order(d, s->min_length.set && s->max_length.set,
                     s->min_length.value > s->max_length.value, s->min_length.at,
                     "minLength", "maxLength") && ok;
    ok = check_order(d, s->min_items.set && s->max_items.set,
                     s->min_items.value > s->max_items.value, s->min_items.at,
                     "minItems", "maxItems") && ok;
    return ok;
}

