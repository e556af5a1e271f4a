/* Tests of any values (the schema {} or true, held as cJSON trees) and of
 * records with additional properties, in the library generated (prefix kw)
 * from tests/schemas/good/any_values.yaml: decode, encode, validate, equal,
 * from_cjson/to_cjson, exact error codes and JSON Pointer paths, and memory
 * running out at every allocation in turn, cJSON's hook allocations (of
 * to_cjson) included. */
#include "any_values.h"

#include <check.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Helpers ---- */

static void expect_err(const char *label, const kw_error *e, kw_status code, const char *path)
{
    ck_assert_msg(e->code == code, "%s: code %s, expected %s (path \"%s\": %s)", label,
                  kw_status_name(e->code), kw_status_name(code), e->path, e->message);
    ck_assert_msg(strcmp(e->path, path) == 0, "%s: path \"%s\", expected \"%s\" (%s)", label,
                  e->path, path, e->message);
}

static bool is_zeroed(const void *p, size_t size)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < size; i++)
        if (b[i] != 0)
            return false;
    return true;
}

/* Decodes an exact-size heap copy (no NUL after it). */
static kw_status decode_text(const char *text, kw_any_values *out, const kw_options *options,
                             kw_error *err)
{
    size_t len = strlen(text);
    char *copy = malloc(len + 1);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, text, len);
    kw_status st = kw_any_values_decode_ex(copy, len, out, options, err);
    free(copy);
    return st;
}

static void decode_ok(const char *text, kw_any_values *out)
{
    kw_error err;
    kw_status st = decode_text(text, out, NULL, &err);
    ck_assert_msg(st == KW_OK, "decode %s: %s at \"%s\": %s", text, kw_status_name(err.code),
                  err.path, err.message);
}

static void decode_bad(const char *text, kw_status code, const char *path, const char *message)
{
    kw_any_values out;
    kw_error err;
    memset(&out, 0xA5, sizeof out);
    kw_status st = decode_text(text, &out, NULL, &err);
    expect_err(text, &err, code, path);
    ck_assert_int_eq(st, code);
    ck_assert_msg(is_zeroed(&out, sizeof out), "%s: out not emptied", text);
    if (message != NULL)
        ck_assert_str_eq(err.message, message);
}

/* Frees got before asserting, so that a failure leaks nothing. */
static void expect_text(const char *label, char *got, size_t len, const char *want)
{
    char shown[2048];
    ck_assert_msg(got != NULL, "%s: encode failed", label);
    snprintf(shown, sizeof shown, "%s", got);
    bool same = strcmp(got, want) == 0;
    free(got);
    ck_assert_msg(same, "%s:\n got  %s\n want %s", label, shown, want);
    ck_assert_uint_eq(len, strlen(want));
}

static void expect_encoding(const kw_any_values *m, const char *want)
{
    kw_error err;
    size_t len = 0;
    char *got = kw_any_values_encode(m, &len, &err);
    ck_assert_msg(got != NULL, "encode: %s at \"%s\": %s", kw_status_name(err.code), err.path,
                  err.message);
    expect_text("encode", got, len, want);
}

/* decode then encode must give want (text itself when want is NULL). */
static void round_trip(const char *text, const char *want)
{
    kw_any_values m;
    decode_ok(text, &m);
    expect_encoding(&m, want != NULL ? want : text);
    kw_any_values_free(&m);
}

/* validate and encode of m must both fail with code at path. */
static void validate_bad(const char *label, const kw_any_values *m, kw_status code,
                         const char *path)
{
    kw_error err;
    size_t len = 7;
    ck_assert_int_eq(kw_any_values_validate(m, &err), code);
    expect_err(label, &err, code, path);
    ck_assert_ptr_null(kw_any_values_encode(m, &len, &err));
    expect_err(label, &err, code, path);
    ck_assert_uint_eq(len, 0);
}

/* A message whose required payload is tree (owned by the caller). */
static kw_any_values with_payload(cJSON *tree)
{
    kw_any_values m;
    kw_any_values_init(&m);
    m.payload = tree;
    return m;
}

/* ---- Required and optional any values ---- */

START_TEST(test_absent_null_and_values)
{
    kw_any_values m;
    decode_ok("{\"payload\":null}", &m);
    ck_assert_ptr_nonnull(m.payload);
    ck_assert(cJSON_IsNull(m.payload));
    ck_assert_ptr_null(m.extra);
    ck_assert_ptr_null(m.note);
    ck_assert(!m.has_list);
    expect_encoding(&m, "{\"payload\":null}");
    kw_any_values_free(&m);

    decode_ok("{\"extra\":null,\"payload\":{\"a\":[1,\"x\",true]},\"note\":[]}", &m);
    ck_assert(cJSON_IsObject(m.payload));
    cJSON *a = cJSON_GetObjectItemCaseSensitive(m.payload, "a");
    ck_assert(cJSON_IsArray(a));
    ck_assert_int_eq(cJSON_GetArraySize(a), 3);
    ck_assert(cJSON_GetArrayItem(a, 0)->valuedouble == 1);
    ck_assert_str_eq(cJSON_GetArrayItem(a, 1)->valuestring, "x");
    ck_assert(cJSON_IsTrue(cJSON_GetArrayItem(a, 2)));
    ck_assert(cJSON_IsNull(m.extra));
    ck_assert(cJSON_IsArray(m.note));
    ck_assert_ptr_null(m.note->child);
    expect_encoding(&m, "{\"payload\":{\"a\":[1,\"x\",true]},\"extra\":null,\"note\":[]}");
    kw_any_values_free(&m);

    decode_ok("{\"payload\":-2.5,\"extra\":\"s\"}", &m);
    ck_assert(cJSON_IsNumber(m.payload));
    ck_assert(m.payload->valuedouble == -2.5);
    ck_assert_str_eq(m.payload->valuestring, "-2.5");
    ck_assert(cJSON_IsString(m.extra));
    kw_any_values_free(&m);

    decode_bad("{\"extra\":1}", KW_ERR_MISSING, "/payload", "missing required property 'payload'");
}
END_TEST

START_TEST(test_built_values)
{
    kw_any_values m = with_payload(NULL);
    validate_bad("payload NULL", &m, KW_ERR_MISSING, "/payload");
    m.payload = cJSON_CreateObject();
    cJSON_AddItemToObject(m.payload, "k", cJSON_CreateNumber(0.1));
    cJSON_AddItemToObject(m.payload, "e", cJSON_CreateString("\xc3\xa9\"\n"));
    m.extra = cJSON_CreateNull();
    expect_encoding(&m, "{\"payload\":{\"k\":0.1,\"e\":\"\xc3\xa9\\\"\\n\"},\"extra\":null}");
    kw_error err;
    ck_assert_int_eq(kw_any_values_validate(&m, &err), KW_OK);
    cJSON_Delete(m.payload);
    cJSON_Delete(m.extra);
}
END_TEST

/* ---- Numbers ---- */

START_TEST(test_numbers_verbatim)
{
    round_trip("{\"payload\":[1.0,1e2,12345678901234567890,-0,0.1,1E-7,-0.0e5,"
               "100000000000000000000000000000000000000000000001,9007199254740993]}", NULL);
    decode_bad("{\"payload\":[0,1e400]}", KW_ERR_RANGE, "/payload/1",
               "number is too large for a double");
    decode_bad("{\"payload\":{\"a\":{\"b\":-1e-400}}}", KW_ERR_RANGE, "/payload/a/b",
               "number -1e-400 is too small for a double");

    kw_any_values m;
    decode_ok("{\"payload\":[1.0,2.50]}", &m);
    ck_assert_str_eq(m.payload->child->valuestring, "1.0");
    /* A changed value no longer reads as its text: the value is written. */
    cJSON_SetNumberValue(m.payload->child, 3);
    expect_encoding(&m, "{\"payload\":[3,2.50]}");
    kw_any_values_free(&m);
}
END_TEST

/* Numbers of a caller's tree: the text is written only when it is a JSON
 * number that reads as the value. */
START_TEST(test_numbers_built)
{
    cJSON *a = cJSON_CreateArray();
    const char *texts[] = {"1.50", "1.5x", "2", " 1.5", "1.5 ", "0x1p0", "inf", "", "1e400"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        cJSON *n = cJSON_CreateNumber(1.5);
        n->valuestring = malloc(strlen(texts[i]) + 1);
        strcpy(n->valuestring, texts[i]);
        cJSON_AddItemToArray(a, n);
    }
    cJSON_AddItemToArray(a, cJSON_CreateNumber(1e21));
    cJSON_AddItemToArray(a, cJSON_CreateNumber(9007199254740993.0));
    kw_any_values m = with_payload(a);
    expect_encoding(&m, "{\"payload\":[1.50,1.5,1.5,1.5,1.5,1.5,1.5,1.5,1.5,1e+21,"
                        "9007199254740992]}");
    cJSON_Delete(a);
}
END_TEST

/* ---- Errors inside any values ---- */

START_TEST(test_duplicates_and_nul_inside)
{
    decode_bad("{\"payload\":{\"a\":1,\"b\":{\"x\":1,\"y\":2,\"x\":3}}}", KW_ERR_DUPLICATE,
               "/payload/b/x", "duplicate key \"x\"");
    decode_bad("{\"payload\":[{\"a\":{}},{\"c\":[],\"c\":{\"d\":1,\"d\":2}}]}", KW_ERR_DUPLICATE,
               "/payload/1/c", NULL);
    decode_bad("{\"payload\":[1,[\"ok\",\"a\\u0000b\"]]}", KW_ERR_VALUE, "/payload/1/1",
               "string contains \\u0000, which a C string cannot hold");
    decode_bad("{\"payload\":{\"a\":{\"k\\u0000\":1}}}", KW_ERR_VALUE, "/payload/a",
               "key contains \\u0000, which a C string cannot hold");
    decode_bad("{\"payload\":0,\"extra\":{\"a~/b\":[\"\\u0000\"]}}", KW_ERR_VALUE,
               "/extra/a~0~1b/0", NULL);
    /* The first in document order: the \u0000 comes before the duplicate. */
    decode_bad("{\"payload\":{\"s\":\"\\u0000\",\"s\":1}}", KW_ERR_VALUE, "/payload/s", NULL);
}
END_TEST

/* A key with a \u0000 is never a property whose name is the part before it
 * (nor the same key as another with a different tail): the property lookup
 * compares whole keys, lengths included. */
START_TEST(test_nul_key_is_not_a_property)
{
    kw_any_values m;
    decode_ok("{\"payload\":0,\"counted\":{\"count\\u0000\":\"x\",\"count\":1,"
              "\"count\\u0000b\":2,\"count\\u0000c\":3}}", &m);
    ck_assert(m.has_counted);
    ck_assert_int_eq(m.counted.count, 1);
    kw_any_values_free(&m);
    decode_bad("{\"payload\":0,\"counted\":{\"count\\u0000\":1}}", KW_ERR_MISSING,
               "/counted/count", NULL);
    decode_bad("{\"payload\":0,\"counted\":{\"count\":1,\"count\\u0000\":1,\"count\\u0000\":2}}",
               KW_ERR_DUPLICATE, "/counted/count\\u0000", "duplicate key 'count\\u0000'");
    decode_bad("{\"payload\\u0000\":0,\"payload\":0}", KW_ERR_UNKNOWN_KEY, "/payload\\u0000",
               "unknown property 'payload\\u0000'");
}
END_TEST

/* The root object is level 1: 511 arrays inside payload reach level 512. */
START_TEST(test_depth)
{
    size_t levels = 511;
    char *text = malloc(32 + 2 * levels);
    ck_assert_ptr_nonnull(text);
    size_t n = (size_t)sprintf(text, "{\"payload\":");
    for (size_t i = 0; i < levels; i++)
        text[n++] = '[';
    text[n++] = '1';
    for (size_t i = 0; i < levels; i++)
        text[n++] = ']';
    text[n++] = '}';
    text[n] = '\0';
    round_trip(text, NULL);
    kw_any_values m;
    kw_error err;
    kw_options options = {100, 0, NULL, false};
    ck_assert_int_eq(decode_text(text, &m, &options, &err), KW_ERR_DEPTH);
    ck_assert_uint_eq(err.offset, strlen("{\"payload\":") + 99);
    free(text);
}
END_TEST

/* ---- Arrays and maps of any values ---- */

START_TEST(test_array_and_map_of_any)
{
    round_trip("{\"payload\":0,\"list\":[null,{\"a\":[]},\"s\",-1.25e3],"
               "\"bag\":{\"z\":{},\"a\":[1.0],\"\":null}}", NULL);
    kw_any_values m;
    decode_ok("{\"payload\":0,\"list\":[true,null],\"bag\":{\"k\":{\"n\":1}}}", &m);
    ck_assert_uint_eq(m.list.count, 2);
    ck_assert(cJSON_IsTrue(m.list.items[0]));
    ck_assert(cJSON_IsNull(m.list.items[1]));
    ck_assert_uint_eq(m.bag.count, 1);
    ck_assert_str_eq(m.bag.entries[0].key, "k");
    ck_assert(cJSON_IsObject(m.bag.entries[0].value));
    cJSON *kept = m.list.items[1];
    m.list.items[1] = NULL;
    validate_bad("NULL list item", &m, KW_ERR_MISSING, "/list/1");
    m.list.items[1] = kept;
    kept = m.bag.entries[0].value;
    m.bag.entries[0].value = NULL;
    validate_bad("NULL bag value", &m, KW_ERR_MISSING, "/bag/k");
    m.bag.entries[0].value = kept;
    kw_any_values_free(&m);

    decode_bad("{\"payload\":0,\"bag\":{\"k\":1,\"j\":{\"x\":[],\"x\":[]}}}", KW_ERR_DUPLICATE,
               "/bag/j/x", NULL);
    decode_bad("{\"payload\":0,\"list\":[[],[\"\\u0000\"]]}", KW_ERR_VALUE, "/list/1/0", NULL);
}
END_TEST

/* ---- Records with additional properties ---- */

START_TEST(test_extras_decode_and_encode)
{
    kw_labels l;
    kw_error err;
    const char *text = "{\"z\":\"1\",\"id\":\"x\",\"a\":\"\",\"\\u00e9\":\"2\"}";
    ck_assert_int_eq(kw_labels_decode(text, strlen(text), &l, &err), KW_OK);
    ck_assert_str_eq(l.id, "x");
    ck_assert_uint_eq(l.additional_properties.count, 3);
    ck_assert_str_eq(l.additional_properties.entries[0].key, "z");
    ck_assert_str_eq(l.additional_properties.entries[0].value, "1");
    ck_assert_str_eq(l.additional_properties.entries[1].key, "a");
    ck_assert_str_eq(l.additional_properties.entries[2].key, "\xc3\xa9");
    size_t len;
    char *got = kw_labels_encode(&l, &len, &err);
    expect_text("labels", got, len, "{\"id\":\"x\",\"z\":\"1\",\"a\":\"\",\"\xc3\xa9\":\"2\"}");
    kw_labels_free(&l);

    /* Properties declared only: no entries. */
    ck_assert_int_eq(kw_labels_decode("{\"id\":\"\"}", 9, &l, &err), KW_OK);
    ck_assert_uint_eq(l.additional_properties.count, 0);
    kw_labels_free(&l);

    const char *bad[][3] = {
        {"{\"id\":\"i\",\"a\":1}", "/a", "TYPE"},
        {"{\"a\":\"123456789\",\"id\":\"i\"}", "/a", "VALUE"},
        {"{\"a\":\"x\",\"id\":\"i\",\"a\":\"y\"}", "/a", "DUPLICATE"},
        {"{\"id\":\"i\",\"a\\u0000\":\"x\"}", "", "VALUE"},
        {"{\"a\":\"x\"}", "/id", "MISSING"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        kw_status st = kw_labels_decode(bad[i][0], strlen(bad[i][0]), &l, &err);
        ck_assert_msg(strcmp(kw_status_name(st) + strlen("KW_ERR_"), bad[i][2]) == 0, "%s: %s",
                      bad[i][0], kw_status_name(st));
        expect_err(bad[i][0], &err, st, bad[i][1]);
        ck_assert(is_zeroed(&l, sizeof l));
    }
}
END_TEST

START_TEST(test_extras_of_any_values)
{
    kw_any_values m;
    decode_ok("{\"payload\":0,\"open\":{\"q\":{\"r\":[1.0]},\"name\":\"n\",\"s\":null,\"size\":3}}", &m);
    ck_assert(m.has_open);
    ck_assert_str_eq(m.open.name, "n");
    ck_assert_int_eq(m.open.size, 3);
    ck_assert_uint_eq(m.open.additional_properties.count, 2);
    ck_assert_str_eq(m.open.additional_properties.entries[0].key, "q");
    ck_assert(cJSON_IsObject(m.open.additional_properties.entries[0].value));
    ck_assert(cJSON_IsNull(m.open.additional_properties.entries[1].value));
    expect_encoding(&m, "{\"payload\":0,\"open\":{\"name\":\"n\",\"size\":3,\"q\":{\"r\":[1.0]},"
                        "\"s\":null}}");
    kw_any_values_free(&m);
    decode_bad("{\"payload\":0,\"open\":{\"x\":[{\"a\":1,\"a\":1}]}}", KW_ERR_DUPLICATE,
               "/open/x/0/a", NULL);
}
END_TEST

/* reject_unknown_keys refuses undeclared members only where the schema does
 * not describe them. */
START_TEST(test_reject_unknown_keys_keeps_extras)
{
    const kw_options strict = {0, 0, NULL, true};
    kw_any_values m;
    kw_error err;
    ck_assert_int_eq(decode_text("{\"payload\":0,\"open\":{\"q\":1},\"labels\":{\"id\":\"i\","
                                 "\"x\":\"y\"}}", &m, &strict, &err), KW_OK);
    ck_assert_uint_eq(m.open.additional_properties.count, 1);
    ck_assert_uint_eq(m.labels.additional_properties.count, 1);
    kw_any_values_free(&m);
    ck_assert_int_eq(decode_text("{\"payload\":0,\"counted\":{\"count\":1,\"q\":1}}", &m, &strict,
                                 &err), KW_ERR_UNKNOWN_KEY);
    expect_err("counted", &err, KW_ERR_UNKNOWN_KEY, "/counted/q");
    ck_assert_int_eq(decode_text("{\"payload\":0,\"counted\":{\"count\":1,\"q\":1}}", &m, NULL,
                                 &err), KW_OK);
    kw_any_values_free(&m);
}
END_TEST

START_TEST(test_extras_validate)
{
    kw_labels_additional_properties_entry entries[3] = {
        {"a", "1"}, {"id", "2"}, {"b", "3"}};
    kw_labels l;
    kw_error err;
    kw_labels_init(&l);
    l.id = "i";
    l.additional_properties.entries = entries;
    l.additional_properties.count = 3;
    ck_assert_int_eq(kw_labels_validate(&l, &err), KW_ERR_VALUE);
    expect_err("declared", &err, KW_ERR_VALUE, "/id");
    ck_assert_str_eq(err.message, "'id' is a declared property");
    entries[1].key = "a";
    ck_assert_int_eq(kw_labels_validate(&l, &err), KW_ERR_DUPLICATE);
    expect_err("duplicate", &err, KW_ERR_DUPLICATE, "/a");
    entries[1].key = NULL;
    ck_assert_int_eq(kw_labels_validate(&l, &err), KW_ERR_MISSING);
    expect_err("no key", &err, KW_ERR_MISSING, "");
    entries[1].key = "c";
    entries[2].value = "123456789";
    ck_assert_int_eq(kw_labels_validate(&l, &err), KW_ERR_VALUE);
    expect_err("too long", &err, KW_ERR_VALUE, "/b");
    entries[2].value = NULL;
    ck_assert_int_eq(kw_labels_validate(&l, &err), KW_ERR_MISSING);
    expect_err("NULL value", &err, KW_ERR_MISSING, "/b");
    entries[2].value = "3";
    size_t len;
    char *got = kw_labels_encode(&l, &len, &err);
    expect_text("built", got, len, "{\"id\":\"i\",\"a\":\"1\",\"c\":\"2\",\"b\":\"3\"}");
    l.additional_properties.entries = NULL;
    ck_assert_int_eq(kw_labels_validate(&l, &err), KW_ERR_VALUE);
    expect_err("NULL entries", &err, KW_ERR_VALUE, "");
}
END_TEST

START_TEST(test_extras_equal)
{
    kw_labels a, b;
    kw_error err;
    const char *x = "{\"id\":\"i\",\"p\":\"1\",\"q\":\"2\"}";
    const char *y = "{\"id\":\"i\",\"q\":\"2\",\"p\":\"1\"}";
    ck_assert_int_eq(kw_labels_decode(x, strlen(x), &a, &err), KW_OK);
    ck_assert_int_eq(kw_labels_decode(x, strlen(x), &b, &err), KW_OK);
    ck_assert(kw_labels_equal(&a, &b));
    kw_labels_free(&b);
    ck_assert_int_eq(kw_labels_decode(y, strlen(y), &b, &err), KW_OK);
    ck_assert(!kw_labels_equal(&a, &b));
    kw_labels_free(&b);
    ck_assert_int_eq(kw_labels_decode("{\"id\":\"i\"}", 10, &b, &err), KW_OK);
    ck_assert(!kw_labels_equal(&a, &b));
    kw_labels_free(&a);
    kw_labels_free(&b);
}
END_TEST

/* ---- equal ---- */

static bool payloads_equal(const char *x, const char *y)
{
    kw_any_values a, b;
    decode_ok(x, &a);
    decode_ok(y, &b);
    bool same = kw_any_values_equal(&a, &b);
    ck_assert(kw_any_values_equal(&b, &a) == same);
    kw_any_values_free(&a);
    kw_any_values_free(&b);
    return same;
}

START_TEST(test_equal)
{
    ck_assert(payloads_equal("{\"payload\":{\"a\":[1,{\"b\":null}],\"c\":\"d\"}}",
                             "{\"payload\":{\"a\":[1,{\"b\":null}],\"c\":\"d\"}}"));
    ck_assert(!payloads_equal("{\"payload\":{\"a\":1,\"c\":2}}", "{\"payload\":{\"c\":2,\"a\":1}}"));
    ck_assert(!payloads_equal("{\"payload\":{\"a\":1}}", "{\"payload\":{\"b\":1}}"));
    ck_assert(!payloads_equal("{\"payload\":[1,[2]]}", "{\"payload\":[1,[2,3]]}"));
    ck_assert(!payloads_equal("{\"payload\":[1,[2,3]]}", "{\"payload\":[1,[2]]}"));
    ck_assert(!payloads_equal("{\"payload\":[[]]}", "{\"payload\":[{}]}"));
    ck_assert(!payloads_equal("{\"payload\":[[]]}", "{\"payload\":[[0]]}"));
    ck_assert(!payloads_equal("{\"payload\":1.0}", "{\"payload\":1}"));
    ck_assert(!payloads_equal("{\"payload\":-0}", "{\"payload\":0}"));
    ck_assert(!payloads_equal("{\"payload\":true}", "{\"payload\":false}"));
    ck_assert(!payloads_equal("{\"payload\":\"a\"}", "{\"payload\":\"b\"}"));
    ck_assert(!payloads_equal("{\"payload\":null}", "{\"payload\":null,\"extra\":null}"));
    ck_assert(payloads_equal("{\"payload\":0,\"list\":[{}],\"bag\":{\"k\":[]}}",
                             "{\"payload\":0,\"list\":[{}],\"bag\":{\"k\":[]}}"));
    ck_assert(!payloads_equal("{\"payload\":0,\"bag\":{\"k\":[]}}", "{\"payload\":0,\"bag\":{\"k\":{}}}"));

    /* A number without text equals one with text when the doubles are equal. */
    kw_any_values a, b;
    decode_ok("{\"payload\":[1.0,\"x\"]}", &a);
    b = with_payload(cJSON_CreateArray());
    cJSON_AddItemToArray(b.payload, cJSON_CreateNumber(1));
    cJSON_AddItemToArray(b.payload, cJSON_CreateString("x"));
    ck_assert(kw_any_values_equal(&a, &b));
    b.payload->child->valuedouble = 2;
    ck_assert(!kw_any_values_equal(&a, &b));
    cJSON_Delete(b.payload);
    b.payload = a.payload;
    ck_assert(kw_any_values_equal(&a, &b));
    b.payload = NULL;
    ck_assert(!kw_any_values_equal(&a, &b));
    kw_any_values_free(&a);
}
END_TEST

/* ---- validate of hand-built trees ---- */

START_TEST(test_validate_bad_trees)
{
    kw_any_values m = with_payload(cJSON_CreateObject());
    cJSON *s = cJSON_CreateString("x");
    cJSON_AddItemToObject(m.payload, "s", s);
    kw_error err;
    ck_assert_int_eq(kw_any_values_validate(&m, &err), KW_OK);

    char *kept = s->valuestring;
    s->valuestring = NULL;
    validate_bad("NULL string", &m, KW_ERR_MISSING, "/payload/s");
    s->valuestring = kept;

    kept[0] = '\xff';
    validate_bad("bad UTF-8", &m, KW_ERR_VALUE, "/payload/s");
    kept[0] = 'x';

    cJSON *n = cJSON_CreateNumber(NAN);
    cJSON_AddItemToObject(m.payload, "n", n);
    validate_bad("NaN", &m, KW_ERR_RANGE, "/payload/n");
    n->valuedouble = INFINITY;
    validate_bad("infinity", &m, KW_ERR_RANGE, "/payload/n");
    n->valuedouble = 1;

    cJSON *dup = cJSON_CreateArray();
    cJSON_AddItemToObject(m.payload, "s", dup);
    validate_bad("duplicate", &m, KW_ERR_DUPLICATE, "/payload/s");
    kept = dup->string;
    dup->string = NULL;
    validate_bad("NULL key", &m, KW_ERR_MISSING, "/payload");
    dup->string = kept;
    kept[0] = 't';

    cJSON *raw = cJSON_CreateRaw("1");
    cJSON_AddItemToArray(dup, raw);
    validate_bad("raw", &m, KW_ERR_TYPE, "/payload/t/0");
    raw->type = cJSON_Invalid;
    validate_bad("invalid", &m, KW_ERR_TYPE, "/payload/t/0");
    raw->type = cJSON_Raw;
    cJSON_DeleteItemFromArray(dup, 0);
    ck_assert_int_eq(kw_any_values_validate(&m, &err), KW_OK);
    cJSON_Delete(m.payload);
}
END_TEST

/* 512 levels in all (the root object is level 1); 513 is too deep. */
START_TEST(test_validate_depth)
{
    cJSON *root = cJSON_CreateArray(), *inner = root;
    for (int level = 3; level <= 512; level++) {
        cJSON *next = cJSON_CreateArray();
        cJSON_AddItemToArray(inner, next);
        inner = next;
    }
    kw_any_values m = with_payload(root);
    kw_error err;
    ck_assert_int_eq(kw_any_values_validate(&m, &err), KW_OK);
    size_t len;
    char *text = kw_any_values_encode(&m, &len, &err);
    ck_assert_ptr_nonnull(text);
    kw_any_values back;
    ck_assert_int_eq(kw_any_values_decode(text, len, &back, &err), KW_OK);
    free(text);
    ck_assert(kw_any_values_equal(&m, &back));
    kw_any_values_free(&back);
    cJSON_AddItemToArray(inner, cJSON_CreateObject());
    ck_assert_int_eq(kw_any_values_validate(&m, &err), KW_ERR_DEPTH);
    ck_assert_str_eq(err.message, "nesting deeper than 512 levels");
    ck_assert_ptr_null(kw_any_values_encode(&m, &len, &err));
    ck_assert_int_eq(err.code, KW_ERR_DEPTH);
    cJSON_Delete(root);
}
END_TEST

/* ---- cJSON trees in and out ---- */

START_TEST(test_cjson_in_and_out)
{
    kw_any_values m, back;
    kw_error err;
    decode_ok("{\"payload\":{\"n\":[1.0,12345678901234567890]},\"open\":{\"x\":[2.50]}}", &m);
    cJSON *tree = kw_any_values_to_cjson(&m, &err);
    ck_assert_ptr_nonnull(tree);
    cJSON *n = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(tree, "payload"), "n");
    ck_assert_str_eq(n->child->valuestring, "1.0");
    ck_assert_int_eq(kw_any_values_from_cjson(tree, &back, &err), KW_OK);
    ck_assert(kw_any_values_equal(&m, &back));
    expect_encoding(&back, "{\"payload\":{\"n\":[1.0,12345678901234567890]},"
                           "\"open\":{\"x\":[2.50]}}");
    /* The copy is the message's own: the caller's tree can go. */
    cJSON_Delete(tree);
    ck_assert_str_eq(back.open.additional_properties.entries[0].key, "x");
    kw_any_values_free(&back);
    kw_any_values_free(&m);

    /* A caller's tree is checked in full. */
    tree = cJSON_Parse("{\"payload\":{\"s\":\"x\"},\"list\":[{\"k\":1}]}");
    ck_assert_ptr_nonnull(tree);
    cJSON *s = cJSON_GetObjectItemCaseSensitive(tree->child, "s");
    s->valuestring[0] = '\xc0';
    ck_assert_int_eq(kw_any_values_from_cjson(tree, &m, &err), KW_ERR_VALUE);
    expect_err("bad UTF-8", &err, KW_ERR_VALUE, "/payload/s");
    ck_assert_str_eq(err.message, "string is not valid UTF-8");
    ck_assert(is_zeroed(&m, sizeof m));
    s->valuestring[0] = 'x';
    cJSON *k = tree->child->next->child->child;
    char *key = k->string;
    k->string = NULL;
    ck_assert_int_eq(kw_any_values_from_cjson(tree, &m, &err), KW_ERR_MISSING);
    expect_err("NULL key", &err, KW_ERR_MISSING, "/list/0");
    k->string = key;
    k->valuedouble = NAN;
    ck_assert_int_eq(kw_any_values_from_cjson(tree, &m, &err), KW_ERR_RANGE);
    expect_err("NaN", &err, KW_ERR_RANGE, "/list/0/k");
    k->valuedouble = 1;
    ck_assert_int_eq(kw_any_values_from_cjson(tree, &m, &err), KW_OK);
    ck_assert_ptr_null(m.list.items[0]->child->valuestring);
    kw_any_values_free(&m);
    cJSON_Delete(tree);
}
END_TEST

START_TEST(test_from_cjson_depth)
{
    cJSON *tree = cJSON_CreateObject(), *inner = cJSON_CreateArray();
    cJSON_AddItemToObject(tree, "payload", inner);
    for (int level = 3; level <= 513; level++) {
        cJSON *next = cJSON_CreateArray();
        cJSON_AddItemToArray(inner, next);
        inner = next;
    }
    kw_any_values m;
    kw_error err;
    ck_assert_int_eq(kw_any_values_from_cjson(tree, &m, &err), KW_ERR_DEPTH);
    ck_assert(is_zeroed(&m, sizeof m));
    cJSON_Delete(tree);
}
END_TEST

/* ---- Memory runs out at every allocation in turn ---- */

/* cJSON's hooks have no context argument, so the test keeps its heap in a
 * static (the library itself never sets the hooks). */
typedef struct counting_heap {
    size_t calls;
    size_t fail_at;
    long live;
} counting_heap;

static counting_heap heap;

static void *counting_malloc(size_t size)
{
    if (++heap.calls >= heap.fail_at && heap.fail_at != 0) /* memory stays out */
        return NULL;
    void *p = malloc(size);
    if (p != NULL)
        heap.live++;
    return p;
}

static void counting_free(void *ptr)
{
    if (ptr != NULL)
        heap.live--;
    free(ptr);
}

static void *option_alloc(void *ctx, size_t size)
{
    (void)ctx;
    return counting_malloc(size);
}

static void option_free(void *ctx, void *ptr)
{
    (void)ctx;
    counting_free(ptr);
}

/* Compact and in schema order, so that it is also what encode writes. */
static const char FULL[] =
    "{\"payload\":{\"a\":[1.0,2,{\"b\":null,\"c\":\"\xc3\xa9\"}],\"n\":12345678901234567890},"
    "\"extra\":[true,false],\"note\":\"n\",\"list\":[{},[],0,\"x\",null],"
    "\"bag\":{\"k\":{\"deep\":[[[]]]},\"\":1.50},\"labels\":{\"id\":\"i\",\"z\":\"zz\"},"
    "\"counted\":{\"count\":1,\"kind\":\"counted\"},"
    "\"open\":{\"name\":\"n\",\"size\":3,\"q\":{\"r\":[1,2]},\"t\":\"A\"}}";

/* Decodes FULL, encodes it, and converts it to and from cJSON. */
static kw_status decode_and_encode(char **text)
{
    const kw_allocator alloc = {option_alloc, option_free, NULL};
    const kw_options options = {0, 0, &alloc, false};
    kw_any_values m, back;
    kw_error err;
    size_t len = 0;
    *text = NULL;
    kw_any_values_init(&back);
    kw_status st = kw_any_values_decode_ex(FULL, strlen(FULL), &m, &options, &err);
    if (st != KW_OK) {
        ck_assert_int_eq(err.code, st);
        ck_assert_msg(is_zeroed(&m, sizeof m), "failed decode left output");
        return st;
    }
    *text = kw_any_values_encode_ex(&m, &len, &options, &err);
    st = *text != NULL ? KW_OK : err.code;
    cJSON *tree = st == KW_OK ? kw_any_values_to_cjson(&m, &err) : NULL;
    if (st == KW_OK && tree == NULL)
        st = err.code;
    if (st == KW_OK) {
        st = kw_any_values_from_cjson(tree, &back, &err);
        if (st == KW_OK)
            ck_assert(kw_any_values_equal(&m, &back));
        kw_any_values_free(&back);
    }
    cJSON_Delete(tree);
    kw_any_values_free(&m);
    if (st != KW_OK && *text != NULL) {
        counting_free(*text);
        *text = NULL;
    }
    return st;
}

START_TEST(test_every_allocation_fails_cleanly)
{
    cJSON_Hooks hooks = {counting_malloc, counting_free};
    cJSON_InitHooks(&hooks);
    heap = (counting_heap){0, 0, 0};
    char *text = NULL;
    ck_assert_int_eq(decode_and_encode(&text), KW_OK);
    size_t total = heap.calls;
    ck_assert_uint_gt(total, 40);
    ck_assert_int_eq(heap.live, 1); /* the text */
    ck_assert_str_eq(text, FULL);
    counting_free(text);
    for (size_t n = 1; n <= total; n++) {
        heap = (counting_heap){0, n, 0};
        kw_status st = decode_and_encode(&text);
        ck_assert_msg(st == KW_ERR_NOMEM, "allocation %zu of %zu gave %s", n, total,
                      kw_status_name(st));
        ck_assert_ptr_null(text);
        ck_assert_msg(heap.live == 0, "allocation %zu of %zu: %ld blocks leaked", n, total,
                      heap.live);
    }
    cJSON_InitHooks(NULL);
}
END_TEST

static Suite *any_values_suite(void)
{
    Suite *s = suite_create("any_values");
    TCase *values = tcase_create("any values");
    tcase_add_test(values, test_absent_null_and_values);
    tcase_add_test(values, test_built_values);
    tcase_add_test(values, test_numbers_verbatim);
    tcase_add_test(values, test_numbers_built);
    tcase_add_test(values, test_duplicates_and_nul_inside);
    tcase_add_test(values, test_nul_key_is_not_a_property);
    tcase_add_test(values, test_depth);
    tcase_add_test(values, test_array_and_map_of_any);
    tcase_add_test(values, test_equal);
    tcase_add_test(values, test_validate_bad_trees);
    tcase_add_test(values, test_validate_depth);
    tcase_add_test(values, test_cjson_in_and_out);
    tcase_add_test(values, test_from_cjson_depth);
    suite_add_tcase(s, values);
    TCase *extras = tcase_create("additional properties");
    tcase_add_test(extras, test_extras_decode_and_encode);
    tcase_add_test(extras, test_extras_of_any_values);
    tcase_add_test(extras, test_reject_unknown_keys_keeps_extras);
    tcase_add_test(extras, test_extras_validate);
    tcase_add_test(extras, test_extras_equal);
    suite_add_tcase(s, extras);
    TCase *memory = tcase_create("memory");
    tcase_add_test(memory, test_every_allocation_fails_cleanly);
    suite_add_tcase(s, memory);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(any_values_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
