/* One generated library's registry types as diff_types (differential.h).
 * Include it after <prefix>_types.h with DIFF_PREFIX defined to the prefix;
 * it may be included again for another prefix. It defines
 *   static diff_type <prefix>_diff_type(const <prefix>_message_type *t);
 * which reads with the library's default options, as X_decode does. */
#include "differential.h"

#include <string.h>

#ifndef DIFF_PREFIX
#error "define DIFF_PREFIX to the generated library's prefix"
#endif

#ifndef DIFF_P
#define DIFF_CAT2(a, b) a##b
#define DIFF_CAT(a, b) DIFF_CAT2(a, b)
#define DIFF_P(name) DIFF_CAT(DIFF_PREFIX, name)
#endif

static void DIFF_P(_diff_record)(DIFF_P(_status) status, const DIFF_P(_error) *err,
                                 diff_outcome *o)
{
    const char *full = DIFF_P(_status_name)(status);
    const char *code = strstr(full, "_ERR_");
    o->code = status == 0 ? "OK" : code != NULL ? code + 5 : full;
    o->offset = err->offset;
    o->path_truncated = err->path_truncated;
    memcpy(o->path, err->path, sizeof o->path < sizeof err->path ? sizeof o->path : sizeof err->path);
    o->path[sizeof o->path - 1] = '\0';
    memcpy(o->message, err->message,
           sizeof o->message < sizeof err->message ? sizeof o->message : sizeof err->message);
    o->message[sizeof o->message - 1] = '\0';
}

static void DIFF_P(_diff_decode)(const void *impl, const char *text, size_t len, void *out,
                                 diff_outcome *o)
{
    const DIFF_P(_message_type) *t = impl;
    DIFF_P(_error) err;
    DIFF_P(_diff_record)(t->decode(text, len, out, NULL, &err), &err, o);
}

static void DIFF_P(_diff_from_cjson)(const void *impl, const cJSON *tree, void *out,
                                     diff_outcome *o)
{
    const DIFF_P(_message_type) *t = impl;
    DIFF_P(_error) err;
    DIFF_P(_diff_record)(t->from_cjson(tree, out, &err), &err, o);
}

static bool DIFF_P(_diff_equal)(const void *impl, const void *a, const void *b)
{
    return ((const DIFF_P(_message_type) *)impl)->equal(a, b);
}

static void DIFF_P(_diff_free)(const void *impl, void *m)
{
    ((const DIFF_P(_message_type) *)impl)->free(m);
}

static diff_type DIFF_P(_diff_type)(const DIFF_P(_message_type) *t)
{
    diff_type d = { t->name, t->size, t, DIFF_P(_diff_decode), DIFF_P(_diff_from_cjson),
                    DIFF_P(_diff_equal), DIFF_P(_diff_free) };
    return d;
}
