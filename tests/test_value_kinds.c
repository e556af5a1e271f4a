/* Tests of the kinds of value beyond plain types, on the kw library generated
 * from tests/schemas/good/value_kinds.yaml: nullable properties (absent, null
 * and a value are three states), type lists (kw_scalar), open enums (unknown
 * text kept verbatim), defaults applied on decode, and a recursive type held
 * through pointers (Check). */
#include "value_kinds.h"

#include <check.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* The required members, then extra (starting with a comma when not empty). */
#define MSG(extra) "{\"id\":\"m1\",\"label\":\"L\",\"reading\":4,\"tag\":true" extra "}"

static void expect_err(const char *label, const kw_error *e, kw_status code, const char *path)
{
    ck_assert_msg(e->code == code, "%s: code %s, expected %s (path \"%s\": %s)", label,
                  kw_status_name(e->code), kw_status_name(code), e->path, e->message);
    ck_assert_msg(strcmp(e->path, path) == 0, "%s: path \"%s\", expected \"%s\" (%s)", label,
                  e->path, path, e->message);
}

static void decode_ok(const char *json, kw_value_kinds *m)
{
    kw_error err;
    kw_status st = kw_value_kinds_decode(json, strlen(json), m, &err);
    ck_assert_msg(st == KW_OK, "decode %s: %s at \"%s\": %s", json, kw_status_name(st), err.path,
                  err.message);
}

static void decode_fails(const char *json, kw_status code, const char *path)
{
    kw_value_kinds m;
    kw_error err;
    kw_status st = kw_value_kinds_decode(json, strlen(json), &m, &err);
    ck_assert_int_eq(st, code);
    expect_err(json, &err, code, path);
    ck_assert_ptr_null(m.arena_);
}

/* Encodes m, checks the text, and checks that decoding it gives m again. */
static void encodes_to(const kw_value_kinds *m, const char *expected)
{
    kw_error err;
    size_t len = 0;
    char *text = kw_value_kinds_encode(m, &len, &err);
    ck_assert_msg(text != NULL, "encode: %s at \"%s\": %s", kw_status_name(err.code), err.path,
                  err.message);
    ck_assert_str_eq(text, expected);
    ck_assert_uint_eq(len, strlen(expected));
    kw_value_kinds again;
    decode_ok(text, &again);
    ck_assert(kw_value_kinds_equal(m, &again));
    kw_value_kinds_free(&again);
    free(text);
}

/* ---- Nullable ---- */

START_TEST(test_null_absent_value)
{
    kw_value_kinds m;
    decode_ok(MSG(""), &m);
    ck_assert(!m.label_is_null);
    ck_assert_str_eq(m.label, "L");
    ck_assert_ptr_null(m.note); /* absent */
    ck_assert(!m.note_is_null);
    ck_assert(!m.reading_is_null);
    ck_assert_int_eq(m.reading, 4);
    ck_assert(!m.has_held && !m.held_is_null);
    ck_assert(!m.has_detail && !m.has_codes);
    kw_value_kinds_free(&m);

    decode_ok("{\"id\":\"m1\",\"label\":null,\"reading\":null,\"tag\":true,\"note\":null,"
              "\"held\":null,\"flag\":null,\"detail\":null,\"codes\":null,\"maybe\":null}",
              &m);
    ck_assert(m.label_is_null);
    ck_assert_ptr_null(m.label);
    ck_assert(m.note_is_null);
    ck_assert(m.reading_is_null);
    ck_assert(m.has_held && m.held_is_null);
    ck_assert(m.has_flag && m.flag_is_null);
    ck_assert(m.has_detail && m.detail_is_null);
    ck_assert(m.has_codes && m.codes_is_null);
    ck_assert(m.has_maybe && m.maybe_is_null);
    kw_value_kinds_free(&m);

    decode_ok(MSG(",\"note\":\"n\",\"held\":-0.5,\"flag\":false,\"detail\":{\"x\":7},"
                  "\"codes\":[\"a\"],\"maybe\":3"),
              &m);
    ck_assert_str_eq(m.note, "n");
    ck_assert(m.has_held && !m.held_is_null && m.held == -0.5);
    ck_assert(m.has_flag && !m.flag_is_null && !m.flag);
    ck_assert(m.has_detail && !m.detail_is_null && m.detail.has_x && m.detail.x == 7);
    ck_assert(m.has_codes && m.codes.count == 1);
    ck_assert_str_eq(m.codes.items[0], "a");
    ck_assert(m.has_maybe && m.maybe.kind == KW_SCALAR_INTEGER && m.maybe.as.integer == 3);
    kw_value_kinds_free(&m);
}
END_TEST

/* Defaults are written back, so the expected texts include them. */
#define DEFAULTS ",\"priority\":3,\"mode\":\"auto\",\"ratio\":0.5,\"enabled\":true," \
                 "\"level\":\"low\",\"kind\":\"custom\",\"either\":7,\"whole\":2," \
                 "\"negativeZero\":-0"

START_TEST(test_null_round_trip)
{
    kw_value_kinds m;
    decode_ok("{\"id\":\"m1\",\"label\":null,\"reading\":null,\"tag\":\"t\",\"note\":null,"
              "\"held\":null,\"detail\":null}",
              &m);
    encodes_to(&m, "{\"id\":\"m1\",\"label\":null,\"note\":null,\"reading\":null,\"held\":null,"
                   "\"detail\":null,\"tag\":\"t\"" DEFAULTS "}");
    kw_value_kinds_free(&m);
}
END_TEST

START_TEST(test_null_not_allowed)
{
    decode_fails(MSG(",\"code\":null"), KW_ERR_TYPE, "/code");
    decode_fails("{\"id\":null,\"label\":\"L\",\"reading\":4,\"tag\":true}", KW_ERR_TYPE, "/id");
    decode_fails(MSG(",\"channel\":null"), KW_ERR_TYPE, "/channel");
    decode_fails(MSG(",\"detail\":{\"x\":null}"), KW_ERR_TYPE, "/detail/x");
    decode_fails(MSG(",\"codes\":[null]"), KW_ERR_TYPE, "/codes/0");
    /* A required nullable property must still be present. */
    decode_fails("{\"id\":\"m1\",\"reading\":4,\"tag\":true}", KW_ERR_MISSING, "/label");
}
END_TEST

START_TEST(test_null_equal_and_validate)
{
    kw_value_kinds a, b;
    decode_ok(MSG(",\"held\":null"), &a);
    decode_ok(MSG(",\"held\":0"), &b);
    ck_assert(!kw_value_kinds_equal(&a, &b));
    b.held_is_null = true;
    ck_assert(kw_value_kinds_equal(&a, &b)); /* the value under a null is not compared */
    kw_value_kinds_free(&b);

    /* Null wins over a value that is also set. */
    a.label = "ignored";
    a.label_is_null = true;
    kw_error err;
    ck_assert_int_eq(kw_value_kinds_validate(&a, &err), KW_OK);
    size_t len;
    char *text = kw_value_kinds_encode(&a, &len, &err);
    ck_assert_ptr_nonnull(text);
    ck_assert_ptr_nonnull(strstr(text, "\"label\":null"));
    free(text);
    /* A required string that is neither null nor set is missing. */
    a.label = NULL;
    a.label_is_null = false;
    ck_assert_int_eq(kw_value_kinds_validate(&a, &err), KW_ERR_MISSING);
    expect_err("label", &err, KW_ERR_MISSING, "/label");
    kw_value_kinds_free(&a);
}
END_TEST

/* ---- Type lists ---- */

typedef struct union_case {
    const char *json;  /* the members after the required ones */
    kw_scalar_kind kind;
    const char *string;
    int64_t integer;
    double number;
    bool boolean;
} union_case;

static const kw_scalar *member_of(const kw_value_kinds *m, const char *json)
{
    if (strstr(json, "\"code\""))
        return &m->code;
    if (strstr(json, "\"exact\""))
        return &m->exact;
    if (strstr(json, "\"amount\""))
        return &m->amount;
    return &m->maybe;
}

static const union_case unions[] = {
    {",\"code\":\"x\"", KW_SCALAR_STRING, "x", 0, 0, false},
    {",\"code\":5", KW_SCALAR_NUMBER, NULL, 0, 5.0, false},
    {",\"code\":-2.5e3", KW_SCALAR_NUMBER, NULL, 0, -2500.0, false},
    {",\"exact\":\"9\"", KW_SCALAR_STRING, "9", 0, 0, false},
    {",\"exact\":9007199254740991", KW_SCALAR_INTEGER, NULL, 9007199254740991, 0, false},
    {",\"exact\":-12", KW_SCALAR_INTEGER, NULL, -12, 0, false},
    {",\"exact\":9223372036854775807", KW_SCALAR_INTEGER, NULL, INT64_MAX, 0, false},
    {",\"amount\":9007199254740993", KW_SCALAR_INTEGER, NULL, 9007199254740993, 0, false},
    {",\"amount\":-9223372036854775808", KW_SCALAR_INTEGER, NULL, INT64_MIN, 0, false},
    {",\"amount\":9223372036854775808", KW_SCALAR_NUMBER, NULL, 0, 9223372036854775808.0, false},
    {",\"amount\":9007199254740993.0", KW_SCALAR_INTEGER, NULL, 9007199254740993, 0, false},
    {",\"amount\":1e18", KW_SCALAR_INTEGER, NULL, 1000000000000000000, 0, false},
    {",\"amount\":9.223372036854775807e18", KW_SCALAR_INTEGER, NULL, INT64_MAX, 0, false},
    {",\"amount\":9223372036854775807.5", KW_SCALAR_NUMBER, NULL, 0, 9223372036854775808.0, false},
    {",\"amount\":1.0000000000000001", KW_SCALAR_NUMBER, NULL, 0, 1.0, false},
    {",\"amount\":5", KW_SCALAR_INTEGER, NULL, 5, 0, false},
    {",\"amount\":5.0", KW_SCALAR_INTEGER, NULL, 5, 0, false},
    {",\"amount\":5.25", KW_SCALAR_NUMBER, NULL, 0, 5.25, false},
    {",\"amount\":1e300", KW_SCALAR_NUMBER, NULL, 0, 1e300, false},
    {",\"maybe\":\"s\"", KW_SCALAR_STRING, "s", 0, 0, false},
    {",\"maybe\":0", KW_SCALAR_INTEGER, NULL, 0, 0, false},
};

START_TEST(test_union_kinds)
{
    const union_case *c = &unions[_i];
    char json[256];
    snprintf(json, sizeof json, MSG("%s"), c->json);
    kw_value_kinds m;
    decode_ok(json, &m);
    const kw_scalar *v = member_of(&m, c->json);
    ck_assert_msg(v->kind == c->kind, "%s: kind %d", c->json, (int)v->kind);
    switch (c->kind) {
    case KW_SCALAR_STRING: ck_assert_str_eq(v->as.string, c->string); break;
    case KW_SCALAR_INTEGER: ck_assert_int_eq(v->as.integer, c->integer); break;
    case KW_SCALAR_NUMBER: ck_assert(v->as.number == c->number); break;
    case KW_SCALAR_BOOLEAN: ck_assert(v->as.boolean == c->boolean); break;
    }
    /* Whatever the spelling, what encode writes decodes to the same kind. */
    kw_error err;
    size_t len;
    char *text = kw_value_kinds_encode(&m, &len, &err);
    ck_assert_ptr_nonnull(text);
    kw_value_kinds again;
    decode_ok(text, &again);
    ck_assert_msg(kw_value_kinds_equal(&m, &again), "%s -> %s", c->json, text);
    kw_value_kinds_free(&again);
    free(text);
    kw_value_kinds_free(&m);
}
END_TEST

/* An [integer, number] value whose text is an integer within int64 is an
 * INTEGER, read exactly; an integer spelling beyond int64 is a NUMBER when a
 * double holds it exactly. What encode writes reads back as the same value. */
START_TEST(test_union_beyond_exact_integers)
{
    kw_value_kinds m;
    decode_ok(MSG(",\"amount\":9007199254740993.0"), &m);
    ck_assert_int_eq(m.amount.kind, KW_SCALAR_INTEGER);
    ck_assert(m.amount.as.integer == INT64_C(9007199254740993));
    encodes_to(&m, "{\"id\":\"m1\",\"label\":\"L\",\"reading\":4,\"tag\":true,"
                   "\"amount\":9007199254740993" DEFAULTS "}");
    kw_value_kinds_free(&m);
    /* A whole NUMBER beyond 2^53 is written in digits and reads back as an
     * INTEGER of exactly its value: equal. */
    decode_ok(MSG(""), &m);
    m.has_amount = true;
    m.amount.kind = KW_SCALAR_NUMBER;
    m.amount.as.number = 18014398509481984.0; /* 2^54 */
    encodes_to(&m, "{\"id\":\"m1\",\"label\":\"L\",\"reading\":4,\"tag\":true,"
                   "\"amount\":18014398509481984" DEFAULTS "}");
    kw_value_kinds_free(&m);
    decode_ok(MSG(",\"amount\":-9007199254740993"), &m);
    ck_assert_int_eq(m.amount.kind, KW_SCALAR_INTEGER);
    ck_assert(m.amount.as.integer == -INT64_C(9007199254740993));
    encodes_to(&m, "{\"id\":\"m1\",\"label\":\"L\",\"reading\":4,\"tag\":true,"
                   "\"amount\":-9007199254740993" DEFAULTS "}");
    kw_value_kinds_free(&m);
    decode_ok(MSG(",\"amount\":18446744073709551616"), &m);
    ck_assert_int_eq(m.amount.kind, KW_SCALAR_NUMBER);
    ck_assert(m.amount.as.number == 18446744073709551616.0);
    encodes_to(&m, "{\"id\":\"m1\",\"label\":\"L\",\"reading\":4,\"tag\":true,"
                   "\"amount\":1.8446744073709552e+19" DEFAULTS "}");
    kw_value_kinds_free(&m);
    decode_fails(MSG(",\"amount\":18446744073709551617"), KW_ERR_RANGE, "/amount");
    /* Found by fuzz_decode: a whole NUMBER beyond 2^53 was written 9.22337203685477e+15,
     * which reads back as an INTEGER written in digits, so the text changed.
     * Every digit now, and the second encoding is the first. */
    static const char whole[] = "{\"id\":\"m1\",\"label\":\"L\",\"reading\":4,\"tag\":true,"
                                "\"amount\":9223372036854770" DEFAULTS "}";
    decode_ok(MSG(",\"amount\":9223372036854770.05807"), &m);
    ck_assert_int_eq(m.amount.kind, KW_SCALAR_NUMBER);
    ck_assert(m.amount.as.number == 9223372036854770.0);
    encodes_to(&m, whole);
    kw_value_kinds_free(&m);
    decode_ok(whole, &m);
    ck_assert_int_eq(m.amount.kind, KW_SCALAR_INTEGER);
    encodes_to(&m, whole);
    kw_value_kinds_free(&m);
    /* A NUMBER built as 5.0 is written as 5 and reads back as INTEGER 5: equal. */
    decode_ok(MSG(""), &m);
    m.has_amount = true;
    m.amount.kind = KW_SCALAR_NUMBER;
    m.amount.as.number = 5.0;
    encodes_to(&m, "{\"id\":\"m1\",\"label\":\"L\",\"reading\":4,\"tag\":true,"
                   "\"amount\":5" DEFAULTS "}");
    kw_value_kinds_free(&m);
}
END_TEST

/* An INTEGER equals a NUMBER of exactly its value, and no other. */
START_TEST(test_union_equal_exactly)
{
    static const struct {
        int64_t integer;
        double number;
        bool equal;
    } cases[] = {
        { 5, 5.0, true },
        { 5, 5.5, false },
        { 0, -0.0, true },
        { INT64_C(9007199254740992), 9007199254740992.0, true },
        { INT64_C(9007199254740993), 9007199254740992.0, false },
        { INT64_MIN, -9223372036854775808.0, true },
        { INT64_MAX, 9223372036854775808.0, false },
        { 0, NAN, false },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        kw_scalar a = { KW_SCALAR_INTEGER, { .integer = cases[i].integer } };
        kw_scalar b = { KW_SCALAR_NUMBER, { .number = cases[i].number } };
        ck_assert_msg(kw_equal_scalar(&a, &b) == cases[i].equal, "case %zu", i);
        ck_assert_msg(kw_equal_scalar(&b, &a) == cases[i].equal, "case %zu reversed", i);
    }
}
END_TEST

START_TEST(test_union_required_boolean)
{
    kw_value_kinds m;
    decode_ok("{\"id\":\"m1\",\"label\":\"L\",\"reading\":4,\"tag\":false}", &m);
    ck_assert_int_eq(m.tag.kind, KW_SCALAR_BOOLEAN);
    ck_assert(!m.tag.as.boolean);
    kw_value_kinds_free(&m);
}
END_TEST

START_TEST(test_union_errors)
{
    kw_value_kinds m;
    kw_error err;
    const char *json = MSG(",\"code\":true");
    ck_assert_int_eq(kw_value_kinds_decode(json, strlen(json), &m, &err), KW_ERR_TYPE);
    expect_err("code", &err, KW_ERR_TYPE, "/code");
    ck_assert_str_eq(err.message, "expected string or number, found boolean");
    json = "{\"id\":\"m1\",\"label\":\"L\",\"reading\":4,\"tag\":3}";
    ck_assert_int_eq(kw_value_kinds_decode(json, strlen(json), &m, &err), KW_ERR_TYPE);
    ck_assert_str_eq(err.message, "expected string or boolean, found number");
    decode_fails(MSG(",\"exact\":1.5"), KW_ERR_TYPE, "/exact");
    decode_fails(MSG(",\"exact\":9223372036854775808"), KW_ERR_RANGE, "/exact");
    decode_fails(MSG(",\"amount\":-9223372036854775809"), KW_ERR_RANGE, "/amount");
    decode_fails(MSG(",\"tags\":[\"a\",{}]"), KW_ERR_TYPE, "/tags/1");
    decode_fails(MSG(",\"maybe\":[]"), KW_ERR_TYPE, "/maybe");
}
END_TEST

START_TEST(test_union_array_and_validate)
{
    kw_value_kinds m;
    decode_ok(MSG(",\"tags\":[\"a\",2,\"c\"]"), &m);
    ck_assert(m.has_tags);
    ck_assert_uint_eq(m.tags.count, 3);
    ck_assert_int_eq(m.tags.items[0].kind, KW_SCALAR_STRING);
    ck_assert_int_eq(m.tags.items[1].kind, KW_SCALAR_INTEGER);
    ck_assert_int_eq(m.tags.items[1].as.integer, 2);

    kw_error err;
    m.tags.items[1].kind = KW_SCALAR_BOOLEAN; /* not in [string, integer] */
    ck_assert_int_eq(kw_value_kinds_validate(&m, &err), KW_ERR_VALUE);
    expect_err("tags", &err, KW_ERR_VALUE, "/tags/1");
    ck_assert_str_eq(err.message, "kind 4 is not a string or integer");
    m.tags.items[1].kind = (kw_scalar_kind)77;
    ck_assert_int_eq(kw_value_kinds_validate(&m, &err), KW_ERR_VALUE);
    m.tags.items[1].kind = KW_SCALAR_INTEGER;
    m.tags.items[1].as.integer = INT64_MAX; /* text holds it; a cJSON tree does not */
    ck_assert_int_eq(kw_value_kinds_validate(&m, &err), KW_OK);
    ck_assert_ptr_null(kw_value_kinds_to_cjson(&m, &err));
    expect_err("tags", &err, KW_ERR_RANGE, "/tags/1");
    m.tags.items[1].as.integer = 2;
    m.tags.items[0].as.string = NULL;
    ck_assert_int_eq(kw_value_kinds_validate(&m, &err), KW_ERR_MISSING);
    m.tags.items[0].as.string = "a";
    m.has_code = true;
    m.code.kind = KW_SCALAR_NUMBER;
    m.code.as.number = 1.0 / 0.0;
    ck_assert_int_eq(kw_value_kinds_validate(&m, &err), KW_ERR_RANGE);
    expect_err("code", &err, KW_ERR_RANGE, "/code");
    m.code.as.number = 0.25;
    ck_assert_int_eq(kw_value_kinds_validate(&m, &err), KW_OK);
    kw_value_kinds_free(&m);
}
END_TEST

/* ---- Open enums ---- */

START_TEST(test_open_enum_known_and_unknown)
{
    kw_value_kinds m;
    decode_ok(MSG(",\"channel\":\"chat\",\"device\":\"CUSTOM_PHONE\","
                  "\"devices\":[\"BROWSER\",\"desk phone\",\"AGENT_DN\"]"),
              &m);
    ck_assert_int_eq(m.channel.known, KW_VALUE_KINDS_CHANNEL_CHAT);
    ck_assert_str_eq(m.channel.text, "chat");
    ck_assert_int_eq(m.device.known, 0);
    ck_assert_str_eq(m.device.text, "CUSTOM_PHONE");
    ck_assert_uint_eq(m.devices.count, 3);
    ck_assert_int_eq(m.devices.items[0].known, KW_DEVICE_TYPE_BROWSER);
    ck_assert_int_eq(m.devices.items[1].known, 0);
    ck_assert_str_eq(m.devices.items[1].text, "desk phone");
    ck_assert_int_eq(m.devices.items[2].known, KW_DEVICE_TYPE_AGENT_DN);
    encodes_to(&m, "{\"id\":\"m1\",\"label\":\"L\",\"reading\":4,\"tag\":true,"
                   "\"channel\":\"chat\",\"device\":\"CUSTOM_PHONE\","
                   "\"devices\":[\"BROWSER\",\"desk phone\",\"AGENT_DN\"]" DEFAULTS "}");
    kw_value_kinds_free(&m);
}
END_TEST

START_TEST(test_open_enum_built_and_checked)
{
    kw_value_kinds m;
    decode_ok(MSG(""), &m);
    /* A constant needs no text; known wins over text when both are set. */
    m.has_channel = true;
    m.channel.known = KW_VALUE_KINDS_CHANNEL_EMAIL;
    m.channel.text = NULL;
    m.has_device = true;
    m.device.known = KW_DEVICE_TYPE_EXTENSION;
    m.device.text = "other";
    kw_error err;
    size_t len;
    char *text = kw_value_kinds_encode(&m, &len, &err);
    ck_assert_ptr_nonnull(text);
    ck_assert_ptr_nonnull(strstr(text, "\"channel\":\"email\",\"device\":\"EXTENSION\""));
    free(text);

    /* Equal means: written as the same string. */
    kw_value_kinds_channel_open x = {KW_VALUE_KINDS_CHANNEL_CHAT, NULL};
    kw_value_kinds_channel_open y = {(kw_value_kinds_channel)0, "chat"};
    kw_value_kinds_channel_open z = {(kw_value_kinds_channel)0, "sms"};
    ck_assert(kw_value_kinds_channel_open_equal(&x, &y));
    ck_assert(!kw_value_kinds_channel_open_equal(&x, &z));

    m.device.known = (kw_device_type)99;
    ck_assert_int_eq(kw_value_kinds_validate(&m, &err), KW_ERR_VALUE);
    expect_err("device", &err, KW_ERR_VALUE, "/device");
    m.device.known = (kw_device_type)0;
    m.device.text = NULL;
    ck_assert_int_eq(kw_value_kinds_validate(&m, &err), KW_ERR_MISSING);
    expect_err("device", &err, KW_ERR_MISSING, "/device");
    m.device.text = "\xC3";
    ck_assert_int_eq(kw_value_kinds_validate(&m, &err), KW_ERR_VALUE);
    kw_value_kinds_free(&m);
    decode_fails(MSG(",\"device\":7"), KW_ERR_TYPE, "/device");
}
END_TEST

/* ---- Defaults ---- */

START_TEST(test_defaults_applied)
{
    kw_value_kinds m;
    decode_ok(MSG(""), &m);
    ck_assert(m.has_priority);
    ck_assert_int_eq(m.priority, 3);
    ck_assert_str_eq(m.mode, "auto");
    ck_assert(m.has_ratio && m.ratio == 0.5);
    ck_assert(m.has_enabled && m.enabled);
    ck_assert(m.has_level);
    ck_assert_int_eq(m.level, KW_VALUE_KINDS_LEVEL_LOW);
    ck_assert(m.has_kind);
    ck_assert_int_eq(m.kind.known, 0);
    ck_assert_str_eq(m.kind.text, "custom");
    ck_assert(m.has_either);
    ck_assert_int_eq(m.either.kind, KW_SCALAR_INTEGER);
    ck_assert_int_eq(m.either.as.integer, 7);
    ck_assert(m.has_whole);
    ck_assert_int_eq(m.whole.kind, KW_SCALAR_INTEGER); /* as decode reads 2.0 */
    ck_assert_int_eq(m.whole.as.integer, 2);
    ck_assert(m.has_negative_zero && m.negative_zero == 0 && signbit(m.negative_zero));
    encodes_to(&m, "{\"id\":\"m1\",\"label\":\"L\",\"reading\":4,\"tag\":true" DEFAULTS "}");
    kw_value_kinds_free(&m);
}
END_TEST

START_TEST(test_defaults_overridden)
{
    kw_value_kinds m;
    decode_ok(MSG(",\"priority\":9,\"mode\":\"manual\",\"ratio\":2,\"enabled\":false,"
                  "\"level\":\"high\",\"kind\":\"a\",\"either\":\"e\""),
              &m);
    ck_assert_int_eq(m.priority, 9);
    ck_assert_str_eq(m.mode, "manual");
    ck_assert(m.ratio == 2.0);
    ck_assert(!m.enabled);
    ck_assert_int_eq(m.level, KW_VALUE_KINDS_LEVEL_HIGH);
    ck_assert_int_eq(m.kind.known, KW_VALUE_KINDS_KIND_A);
    ck_assert_int_eq(m.either.kind, KW_SCALAR_STRING);
    ck_assert_str_eq(m.either.as.string, "e");
    kw_value_kinds_free(&m);
    /* A default does not relax the property's schema. */
    decode_fails(MSG(",\"priority\":10"), KW_ERR_VALUE, "/priority");
    decode_fails(MSG(",\"mode\":null"), KW_ERR_TYPE, "/mode");
}
END_TEST

/* ---- A recursive type ---- */

START_TEST(test_recursive_decode)
{
    kw_value_kinds m;
    decode_ok(MSG(",\"tree\":{\"name\":\"c\",\"parent\":{\"name\":\"b\",\"parent\":"
                  "{\"name\":\"a\"}},\"children\":[{\"name\":\"d\",\"children\":[]}],"
                  "\"byName\":{\"e\":{\"name\":\"e\",\"parent\":{\"name\":\"f\"}}}}"),
              &m);
    ck_assert(m.has_tree);
    ck_assert_str_eq(m.tree.name, "c");
    ck_assert_ptr_nonnull(m.tree.parent);
    ck_assert_str_eq(m.tree.parent->name, "b");
    ck_assert_str_eq(m.tree.parent->parent->name, "a");
    ck_assert_ptr_null(m.tree.parent->parent->parent);
    ck_assert_uint_eq(m.tree.children.count, 1);
    ck_assert_str_eq(m.tree.children.items[0].name, "d");
    ck_assert(m.tree.has_by_name);
    ck_assert_str_eq(m.tree.by_name.entries[0].key, "e");
    ck_assert_str_eq(m.tree.by_name.entries[0].value->parent->name, "f");
    encodes_to(&m, "{\"id\":\"m1\",\"label\":\"L\",\"reading\":4,\"tag\":true" DEFAULTS
                   ",\"tree\":{\"name\":\"c\",\"parent\":{\"name\":\"b\",\"parent\":"
                   "{\"name\":\"a\"}},\"children\":[{\"name\":\"d\",\"children\":[]}],"
                   "\"byName\":{\"e\":{\"name\":\"e\",\"parent\":{\"name\":\"f\"}}}}}");
    kw_value_kinds_free(&m);
    /* The innermost object is read, and found incomplete, first. */
    decode_fails(MSG(",\"tree\":{\"name\":\"c\",\"parent\":{\"parent\":{}}}"), KW_ERR_MISSING,
                 "/tree/parent/parent/name");
}
END_TEST

/* A message whose tree nests open ... close 600 times around a leaf: decode
 * stops at the recursion limit, even with max_depth raised, at a path that
 * starts with prefix. */
static void expect_tree_too_deep(const char *open, const char *close, const char *prefix)
{
    enum { LEVELS = 600 };
    size_t size = LEVELS * (strlen(open) + strlen(close)) + 256, n = 0;
    char *json = malloc(size);
    n += (size_t)snprintf(json + n, size - n, "%s", MSG(",\"tree\":"));
    n -= 1; /* reopen the message's closing brace */
    for (int i = 0; i < LEVELS; i++)
        n += (size_t)snprintf(json + n, size - n, "%s", open);
    n += (size_t)snprintf(json + n, size - n, "{\"name\":\"leaf\"}");
    for (int i = 0; i < LEVELS; i++)
        n += (size_t)snprintf(json + n, size - n, "%s", close);
    n += (size_t)snprintf(json + n, size - n, "}");
    kw_value_kinds m;
    kw_error err;
    kw_options options = {0};
    options.max_depth = 100000;
    ck_assert_int_eq(kw_value_kinds_decode_ex(json, n, &m, &options, &err), KW_ERR_DEPTH);
    ck_assert_msg(strncmp(err.path, prefix, strlen(prefix)) == 0, "path %s", err.path);
    ck_assert_ptr_null(m.arena_);
    free(json);
}

/* Nesting deeper than the recursion limit is an error, not a deep stack. */
START_TEST(test_recursive_depth)
{
    expect_tree_too_deep("{\"name\":\"x\",\"parent\":", "}", "/tree/parent/parent/");
}
END_TEST

/* Recursion through an array counts too: a tree 600 levels deep in
 * "children" is an error at the limit, even with max_depth raised. */
START_TEST(test_recursive_depth_through_arrays)
{
    enum { LEVELS = 600 };
    expect_tree_too_deep("{\"name\":\"x\",\"children\":[", "]}", "/tree/children/0/children/0/");
    kw_value_kinds m;
    kw_error err;

    /* A hand-built chain as deep: validate stops too. */
    kw_tree_node *nodes = calloc(LEVELS, sizeof *nodes);
    for (int i = 0; i < LEVELS; i++) {
        nodes[i].name = "n";
        if (i + 1 < LEVELS) {
            nodes[i].has_children = true;
            nodes[i].children.items = &nodes[i + 1];
            nodes[i].children.count = 1;
        }
    }
    decode_ok(MSG(""), &m);
    m.has_tree = true;
    m.tree = nodes[0];
    ck_assert_int_eq(kw_value_kinds_validate(&m, &err), KW_ERR_DEPTH);
    kw_value_kinds_free(&m);
    free(nodes);
}
END_TEST

START_TEST(test_recursive_cycle_validate)
{
    kw_value_kinds m;
    decode_ok(MSG(""), &m);
    kw_tree_node loop;
    kw_tree_node_init(&loop);
    loop.name = "loop";
    loop.parent = &loop; /* a hand-built cycle */
    m.has_tree = true;
    m.tree = loop;
    m.tree.parent = &loop;
    kw_error err;
    ck_assert_int_eq(kw_value_kinds_validate(&m, &err), KW_ERR_DEPTH);
    size_t len = 1;
    ck_assert_ptr_null(kw_value_kinds_encode(&m, &len, &err));
    ck_assert_int_eq(err.code, KW_ERR_DEPTH);
    ck_assert_uint_eq(len, 0);
    m.tree.parent = NULL;
    ck_assert_int_eq(kw_value_kinds_validate(&m, &err), KW_OK);
    kw_value_kinds_free(&m);
}
END_TEST

/* allOf narrows the envelope's string to a const: nothing is stored. */
START_TEST(test_narrowed_const)
{
    kw_vk_pinned m;
    kw_error err;
    const char *json = "{\"type\":\"pinned\"}";
    ck_assert_int_eq(kw_vk_pinned_decode(json, strlen(json), &m, &err), KW_OK);
    size_t len;
    char *text = kw_vk_pinned_encode(&m, &len, &err);
    ck_assert_str_eq(text, json);
    free(text);
    kw_vk_pinned_free(&m);
    json = "{\"type\":\"other\"}";
    ck_assert_int_eq(kw_vk_pinned_decode(json, strlen(json), &m, &err), KW_ERR_VALUE);
    expect_err("pinned", &err, KW_ERR_VALUE, "/type");
}
END_TEST

static Suite *value_kinds_suite(void)
{
    Suite *s = suite_create("value kinds");
    TCase *nulls = tcase_create("nullable");
    TCase *lists = tcase_create("type lists");
    TCase *open = tcase_create("open enums");
    TCase *defaults = tcase_create("defaults");
    TCase *recursive = tcase_create("recursive");
    tcase_add_test(nulls, test_null_absent_value);
    tcase_add_test(nulls, test_null_round_trip);
    tcase_add_test(nulls, test_null_not_allowed);
    tcase_add_test(nulls, test_null_equal_and_validate);
    tcase_add_loop_test(lists, test_union_kinds, 0, COUNT(unions));
    tcase_add_test(lists, test_union_required_boolean);
    tcase_add_test(lists, test_union_beyond_exact_integers);
    tcase_add_test(lists, test_union_equal_exactly);
    tcase_add_test(lists, test_union_errors);
    tcase_add_test(lists, test_union_array_and_validate);
    tcase_add_test(open, test_open_enum_known_and_unknown);
    tcase_add_test(open, test_open_enum_built_and_checked);
    tcase_add_test(defaults, test_defaults_applied);
    tcase_add_test(defaults, test_defaults_overridden);
    tcase_add_test(recursive, test_recursive_decode);
    tcase_add_test(recursive, test_recursive_depth);
    tcase_add_test(recursive, test_recursive_cycle_validate);
    tcase_add_test(recursive, test_recursive_depth_through_arrays);
    tcase_add_test(defaults, test_narrowed_const);
    suite_add_tcase(s, nulls);
    suite_add_tcase(s, lists);
    suite_add_tcase(s, open);
    suite_add_tcase(s, defaults);
    suite_add_tcase(s, recursive);
    return s;
}

int main(void)
{
    SRunner *runner = srunner_create(value_kinds_suite());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
