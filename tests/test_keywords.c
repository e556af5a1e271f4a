/* Tests of the library generated (prefix kw) from tests/schemas/good/keywords.yaml
 * and common.yaml: every schema keyword schemac supports, through decode,
 * encode, validate and the enum string functions, with exact values, error
 * codes and JSON Pointer paths (Check). */
#include "key_names.h"
#include "keywords.h"

#include <check.h>
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- Messages ---- */

/* A root object with the required members given as JSON text, then extra
 * (which starts with a comma when not empty). */
#define ROOT(text, small, kind, color, origin, extra)                              \
    "{\"text\":" text ",\"small\":" small ",\"kind\":" kind ",\"color\":" color \
    ",\"origin\":" origin extra "}"
#define MSG(extra) ROOT("\"t\"", "0", "\"keywords\"", "\"red\"", "{\"x\":0,\"y\":0}", extra)
#define SMALL(v) ROOT("\"t\"", v, "\"keywords\"", "\"red\"", "{\"x\":0,\"y\":0}", "")
#define KIND(v) ROOT("\"t\"", "0", v, "\"red\"", "{\"x\":0,\"y\":0}", "")
#define COLOR(v) ROOT("\"t\"", "0", "\"keywords\"", v, "{\"x\":0,\"y\":0}", "")
#define ORIGIN(v) ROOT("\"t\"", "0", "\"keywords\"", "\"red\"", v, "")
#define TEXT(v) ROOT(v, "0", "\"keywords\"", "\"red\"", "{\"x\":0,\"y\":0}", "")

/* Every property, in schema order and compact, so that it is also exactly
 * what encode writes for the same values. */
static const char FULL[] =
    "{\"text\":\"plain \\\"q\\\"\",\"shortText\":\"éé\",\"small\":-5,"
    "\"big\":1234567890123456,\"ratio\":0.25,\"flag\":true,\"kind\":\"keywords\","
    "\"color\":\"dark-blue\",\"shade\":\"dark\","
    "\"origin\":{\"x\":-2147483648,\"y\":2147483647},\"name\":\"Zoë\","
    "\"tags\":[\"a\",\"bc\",\"déf\"],"
    "\"points\":[{\"at\":{\"x\":1,\"y\":2},\"color\":\"green\"},{\"at\":{\"x\":3,\"y\":4}}],"
    "\"grid\":[[1,2,3],[],[-4]],"
    "\"scores\":{\"zeta\":1.5,\"alpha\":-2,\"mid\":0.125},"
    "\"nested\":{\"default\":true,\"count\":0},"
    "\"byName\":{\"outer\":{\"b\":{\"at\":{\"x\":5,\"y\":6}},"
    "\"a\":{\"at\":{\"x\":7,\"y\":8},\"color\":\"red\"}},\"empty\":{}},"
    "\"extended\":{\"at\":{\"x\":9,\"y\":10},\"color\":\"green\",\"label\":\"lbl\"}}";

static const char MINIMAL[] =
    "{\"text\":\"hi\",\"small\":0,\"kind\":\"keywords\",\"color\":\"red\","
    "\"origin\":{\"x\":1,\"y\":2}}";

/* ---- Error, decode and encode helpers ---- */

static void expect_err(const char *label, const kw_error *e, kw_status code,
                       const char *path)
{
    ck_assert_msg(e->code == code, "%s: code %s, expected %s (path \"%s\": %s)", label,
                  kw_status_name(e->code), kw_status_name(code), e->path, e->message);
    ck_assert_msg(strcmp(e->path, path) == 0, "%s: path \"%s\", expected \"%s\" (%s)",
                  label, e->path, path, e->message);
    ck_assert_msg(!e->path_truncated, "%s: path truncated", label);
}

static bool is_zeroed(const void *p, size_t size)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < size; i++)
        if (b[i] != 0)
            return false;
    return true;
}

/* Decodes an exact-size heap copy (no NUL after it), so that valgrind catches
 * any read past the end. */
static kw_status decode_text(const char *text, kw_keywords *out, kw_error *err)
{
    size_t len = strlen(text);
    char *copy = malloc(len + 1);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, text, len);
    kw_status st = kw_keywords_decode(copy, len, out, err);
    free(copy);
    return st;
}

/* Decodes text that must be valid (release out with kw_keywords_free). */
static void decode_ok(const char *text, kw_keywords *out)
{
    kw_error err;
    memset(&err, 0x5A, sizeof err);
    kw_status st = decode_text(text, out, &err);
    ck_assert_msg(st == KW_OK, "decode %s: %s at \"%s\": %s", text,
                  kw_status_name(err.code), err.path, err.message);
    expect_err(text, &err, KW_OK, "");
    ck_assert_ptr_nonnull(out->arena_);
}

/* Decodes text that must fail with code at path; out must come back empty,
 * and a NULL error record must give the same code. */
static void decode_bad(const char *label, const char *text, kw_status code,
                       const char *path)
{
    kw_keywords out;
    kw_error err;
    memset(&out, 0xA5, sizeof out);
    kw_status st = decode_text(text, &out, &err);
    expect_err(label, &err, code, path);
    ck_assert_msg(st == code, "%s: returned %s", label, kw_status_name(st));
    ck_assert_msg(is_zeroed(&out, sizeof out), "%s: out not emptied", label);
    ck_assert_int_eq(decode_text(text, &out, NULL), code);
    kw_keywords_free(&out);
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

static void expect_encoding(const kw_keywords *m, const char *want)
{
    kw_error err;
    size_t len = 12345;
    char *got = kw_keywords_encode(m, &len, &err);
    ck_assert_msg(got != NULL, "encode: %s at \"%s\": %s", kw_status_name(err.code),
                  err.path, err.message);
    expect_err("encode", &err, KW_OK, "");
    expect_text("encode", got, len, want);
}

/* Validate and encode of m must both fail with code at path. */
static void validate_bad(const char *label, const kw_keywords *m, kw_status code,
                         const char *path)
{
    kw_error err;
    size_t len = 12345;
    ck_assert_int_eq(kw_keywords_validate(m, &err), code);
    expect_err(label, &err, code, path);
    memset(&err, 0, sizeof err);
    ck_assert_ptr_null(kw_keywords_encode(m, &len, &err));
    expect_err(label, &err, code, path);
    ck_assert_uint_eq(len, 0);
    memset(&err, 0, sizeof err);
    ck_assert_ptr_null(kw_keywords_to_cjson(m, &err));
    expect_err(label, &err, code, path);
}

/* ---- Hand-built messages (static storage: never written by tests) ---- */

static const char *full_tags[] = {"a", "bc", "déf"};
static kw_corner full_points[] = {
    {.at = {.x = 1, .y = 2}, .has_color = true, .color = KW_COLOR_GREEN},
    {.at = {.x = 3, .y = 4}},
};
static int64_t full_row0[] = {1, 2, 3};
static int64_t full_row2[] = {-4};
static kw_int64_array full_rows[] = {{full_row0, 3}, {NULL, 0}, {full_row2, 1}};
static kw_keywords_scores_entry full_scores[] = {
    {"zeta", 1.5}, {"alpha", -2}, {"mid", 0.125},
};
static kw_keywords_by_name_value_entry full_outer[] = {
    {"b", {.at = {.x = 5, .y = 6}}},
    {"a", {.at = {.x = 7, .y = 8}, .has_color = true, .color = KW_COLOR_RED}},
};
static kw_keywords_by_name_entry full_by_name[] = {
    {"outer", {full_outer, 2}}, {"empty", {NULL, 0}},
};

static void build_min(kw_keywords *m)
{
    kw_keywords_init(m);
    m->text = "hi";
    m->small = 0;
    m->color = KW_COLOR_RED;
    m->origin.x = 1;
    m->origin.y = 2;
}

static void build_full_scalars(kw_keywords *m)
{
    m->text = "plain \"q\"";
    m->short_text = "éé";
    m->small = -5;
    m->has_big = true;
    m->big = INT64_C(1234567890123456);
    m->has_ratio = true;
    m->ratio = 0.25;
    m->has_flag = true;
    m->flag = true;
    m->color = KW_COLOR_DARK_BLUE;
    m->has_shade = true;
    m->shade = KW_KEYWORDS_SHADE_DARK;
    m->origin.x = INT32_MIN;
    m->origin.y = INT32_MAX;
    m->name = "Zoë";
}

static void build_full_collections(kw_keywords *m)
{
    m->has_tags = true;
    m->tags = (kw_string_array){full_tags, 3};
    m->has_points = true;
    m->points = (kw_corner_array){full_points, 2};
    m->has_grid = true;
    m->grid = (kw_keywords_grid){full_rows, 3};
    m->has_scores = true;
    m->scores = (kw_keywords_scores){full_scores, 3};
    m->has_nested = true;
    m->nested.default_ = true;
    m->nested.has_count = true;
    m->nested.count = 0;
    m->has_by_name = true;
    m->by_name = (kw_keywords_by_name){full_by_name, 2};
    m->has_extended = true;
    m->extended.at = (kw_point){.x = 9, .y = 10};
    m->extended.has_color = true;
    m->extended.color = KW_COLOR_GREEN;
    m->extended.label = "lbl";
}

static void build_full(kw_keywords *m)
{
    kw_keywords_init(m);
    build_full_scalars(m);
    build_full_collections(m);
}

/* ---- Checks of the FULL values ---- */

static void check_point(const kw_point *p, int32_t x, int32_t y)
{
    ck_assert_int_eq(p->x, x);
    ck_assert_int_eq(p->y, y);
}

static void check_corner(const kw_corner *c, int32_t x, int32_t y, kw_color color)
{
    check_point(&c->at, x, y);
    ck_assert_int_eq(c->has_color, color != 0);
    if (color != 0)
        ck_assert_int_eq(c->color, color);
}

static void check_full_scalars(const kw_keywords *m)
{
    ck_assert_str_eq(m->text, "plain \"q\"");
    ck_assert_str_eq(m->short_text, "éé");
    ck_assert_int_eq(m->small, -5);
    ck_assert(m->has_big);
    ck_assert(m->big == INT64_C(1234567890123456));
    ck_assert(m->has_ratio);
    ck_assert_double_eq(m->ratio, 0.25);
    ck_assert(m->has_flag && m->flag);
    ck_assert_int_eq(m->color, KW_COLOR_DARK_BLUE);
    ck_assert(m->has_shade);
    ck_assert_int_eq(m->shade, KW_KEYWORDS_SHADE_DARK);
    check_point(&m->origin, INT32_MIN, INT32_MAX);
    ck_assert_str_eq(m->name, "Zoë");
}

static void check_full_arrays(const kw_keywords *m)
{
    ck_assert(m->has_tags);
    ck_assert_uint_eq(m->tags.count, 3);
    ck_assert_str_eq(m->tags.items[0], "a");
    ck_assert_str_eq(m->tags.items[1], "bc");
    ck_assert_str_eq(m->tags.items[2], "déf");
    ck_assert(m->has_points);
    ck_assert_uint_eq(m->points.count, 2);
    check_corner(&m->points.items[0], 1, 2, KW_COLOR_GREEN);
    check_corner(&m->points.items[1], 3, 4, 0);
    ck_assert(m->has_grid);
    ck_assert_uint_eq(m->grid.count, 3);
    ck_assert_uint_eq(m->grid.items[0].count, 3);
    for (int i = 0; i < 3; i++)
        ck_assert(m->grid.items[0].items[i] == i + 1);
    ck_assert_uint_eq(m->grid.items[1].count, 0);
    ck_assert_uint_eq(m->grid.items[2].count, 1);
    ck_assert(m->grid.items[2].items[0] == -4);
}

static void check_score(const kw_keywords_scores *s, size_t i, const char *key, double v)
{
    ck_assert_str_eq(s->entries[i].key, key);
    ck_assert_double_eq(s->entries[i].value, v);
}

static void check_full_maps(const kw_keywords *m)
{
    ck_assert(m->has_scores);
    ck_assert_uint_eq(m->scores.count, 3);
    check_score(&m->scores, 0, "zeta", 1.5);
    check_score(&m->scores, 1, "alpha", -2);
    check_score(&m->scores, 2, "mid", 0.125);
    ck_assert(m->has_by_name);
    ck_assert_uint_eq(m->by_name.count, 2);
    ck_assert_str_eq(m->by_name.entries[0].key, "outer");
    const kw_keywords_by_name_value *outer = &m->by_name.entries[0].value;
    ck_assert_uint_eq(outer->count, 2);
    ck_assert_str_eq(outer->entries[0].key, "b");
    check_corner(&outer->entries[0].value, 5, 6, 0);
    ck_assert_str_eq(outer->entries[1].key, "a");
    check_corner(&outer->entries[1].value, 7, 8, KW_COLOR_RED);
    ck_assert_str_eq(m->by_name.entries[1].key, "empty");
    ck_assert_uint_eq(m->by_name.entries[1].value.count, 0);
}

static void check_full_objects(const kw_keywords *m)
{
    ck_assert(m->has_nested);
    ck_assert(m->nested.default_);
    ck_assert(m->nested.has_count);
    ck_assert(m->nested.count == 0);
    ck_assert(m->has_extended);
    check_point(&m->extended.at, 9, 10);
    ck_assert(m->extended.has_color);
    ck_assert_int_eq(m->extended.color, KW_COLOR_GREEN);
    ck_assert_str_eq(m->extended.label, "lbl");
}

static void check_full(const kw_keywords *m)
{
    check_full_scalars(m);
    check_full_arrays(m);
    check_full_maps(m);
    check_full_objects(m);
}

/* ---- Decode ---- */

START_TEST(test_decode_full)
{
    kw_keywords m;
    decode_ok(FULL, &m);
    check_full(&m);
    kw_keywords_free(&m);
    ck_assert(is_zeroed(&m, sizeof m));
}
END_TEST

START_TEST(test_decode_minimal)
{
    kw_keywords m;
    decode_ok(MINIMAL, &m);
    ck_assert_str_eq(m.text, "hi");
    ck_assert_int_eq(m.small, 0);
    ck_assert_int_eq(m.color, KW_COLOR_RED);
    check_point(&m.origin, 1, 2);
    ck_assert_ptr_null(m.short_text);
    ck_assert_ptr_null(m.name);
    ck_assert(!m.has_big && !m.has_ratio && !m.has_flag && !m.has_shade);
    ck_assert(!m.has_tags && !m.has_points && !m.has_grid && !m.has_scores);
    ck_assert(!m.has_nested && !m.has_by_name && !m.has_extended);
    kw_keywords_free(&m);
}
END_TEST

/* Member order in the input does not matter; flag false is kept. */
START_TEST(test_decode_any_order)
{
    kw_keywords m;
    decode_ok("{\"origin\":{\"y\":-1,\"x\":-2},\"flag\":false,\"color\":\"green\","
              "\"kind\":\"keywords\",\"small\":3,\"text\":\"\"}", &m);
    ck_assert_str_eq(m.text, "");
    ck_assert_int_eq(m.small, 3);
    ck_assert(m.has_flag && !m.flag);
    ck_assert_int_eq(m.color, KW_COLOR_GREEN);
    check_point(&m.origin, -2, -1);
    kw_keywords_free(&m);
}
END_TEST

static const int32_t small_ok[] = {-5, 5, 0};
static const char *const small_ok_text[] = {SMALL("-5"), SMALL("5"), SMALL("-0")};

START_TEST(test_decode_small_bounds)
{
    kw_keywords m;
    decode_ok(small_ok_text[_i], &m);
    ck_assert_int_eq(m.small, small_ok[_i]);
    kw_keywords_free(&m);
}
END_TEST

START_TEST(test_decode_integral_forms)
{
    kw_keywords m;
    decode_ok(ROOT("\"t\"", "4.0", "\"keywords\"", "\"red\"", "{\"x\":-3e0,\"y\":2E1}",
                   ",\"big\":1e1"), &m);
    ck_assert_int_eq(m.small, 4);
    check_point(&m.origin, -3, 20);
    ck_assert(m.has_big && m.big == 10);
    kw_keywords_free(&m);
}
END_TEST

START_TEST(test_decode_big)
{
    kw_keywords m;
    decode_ok(MSG(",\"big\":1"), &m);
    ck_assert(m.has_big);
    ck_assert(m.big == 1);
    kw_keywords_free(&m);
    decode_ok(MSG(",\"big\":9007199254740991"), &m);
    ck_assert(m.big == INT64_C(9007199254740991));
    kw_keywords_free(&m);
}
END_TEST

static const double ratio_ok[] = {0, 1.4999, 1.4999999999, 0.5};
static const char *const ratio_ok_text[] = {
    MSG(",\"ratio\":0"), MSG(",\"ratio\":1.4999"), MSG(",\"ratio\":1.4999999999"),
    MSG(",\"ratio\":5e-1"),
};

START_TEST(test_decode_ratio)
{
    kw_keywords m;
    decode_ok(ratio_ok_text[_i], &m);
    ck_assert(m.has_ratio);
    ck_assert_double_eq(m.ratio, ratio_ok[_i]);
    kw_keywords_free(&m);
}
END_TEST

/* minLength 2 / maxLength 4 count code points: 2-, 3- and 4-byte characters. */
static const char *const short_ok_text[] = {
    MSG(",\"shortText\":\"éé\""),       MSG(",\"shortText\":\"€€€€\""),
    MSG(",\"shortText\":\"ab\""),       MSG(",\"shortText\":\"abcd\""),
    MSG(",\"shortText\":\"\\u00e9\\u00e9\""),
    MSG(",\"shortText\":\"\\ud83d\\ude00\\ud83d\\ude00\""),
    MSG(",\"shortText\":\"😀é€a\""),
};
static const char *const short_ok[] = {"éé", "€€€€", "ab", "abcd", "éé", "😀😀", "😀é€a"};

START_TEST(test_decode_short_text)
{
    kw_keywords m;
    decode_ok(short_ok_text[_i], &m);
    ck_assert_str_eq(m.short_text, short_ok[_i]);
    kw_keywords_free(&m);
}
END_TEST

START_TEST(test_decode_name)
{
    kw_keywords m;
    decode_ok(MSG(",\"name\":\"a\""), &m);
    ck_assert_str_eq(m.name, "a");
    kw_keywords_free(&m);
    decode_ok(MSG(",\"name\":\"ÅÅÅÅÅÅÅÅ\""), &m);
    ck_assert_str_eq(m.name, "ÅÅÅÅÅÅÅÅ");
    kw_keywords_free(&m);
    decode_ok(MSG(",\"name\":\"12345678\""), &m);
    ck_assert_str_eq(m.name, "12345678");
    kw_keywords_free(&m);
}
END_TEST

START_TEST(test_decode_tags)
{
    kw_keywords m;
    decode_ok(MSG(",\"tags\":[\"x\"]"), &m);
    ck_assert(m.has_tags);
    ck_assert_uint_eq(m.tags.count, 1);
    ck_assert_str_eq(m.tags.items[0], "x");
    kw_keywords_free(&m);
    decode_ok(MSG(",\"tags\":[\"ééé\",\"€€€\",\"\"]"), &m);
    ck_assert_uint_eq(m.tags.count, 3);
    ck_assert_str_eq(m.tags.items[0], "ééé");
    ck_assert_str_eq(m.tags.items[1], "€€€");
    ck_assert_str_eq(m.tags.items[2], "");
    kw_keywords_free(&m);
}
END_TEST

START_TEST(test_decode_colors)
{
    static const char *const text[] = {COLOR("\"red\""), COLOR("\"green\""),
                                       COLOR("\"dark-blue\"")};
    static const kw_color want[] = {KW_COLOR_RED, KW_COLOR_GREEN, KW_COLOR_DARK_BLUE};
    kw_keywords m;
    decode_ok(text[_i], &m);
    ck_assert_int_eq(m.color, want[_i]);
    kw_keywords_free(&m);
}
END_TEST

START_TEST(test_decode_shade)
{
    kw_keywords m;
    decode_ok(MSG(",\"shade\":\"light\""), &m);
    ck_assert(m.has_shade);
    ck_assert_int_eq(m.shade, KW_KEYWORDS_SHADE_LIGHT);
    kw_keywords_free(&m);
    decode_ok(MSG(",\"shade\":\"dark\""), &m);
    ck_assert_int_eq(m.shade, KW_KEYWORDS_SHADE_DARK);
    kw_keywords_free(&m);
}
END_TEST

/* Records without additionalProperties: false ignore unknown members. */
START_TEST(test_decode_non_strict_ignores_unknown)
{
    kw_keywords m;
    decode_ok(MSG(",\"nested\":{\"x\":{\"deep\":[1,{\"a\":null}]},\"default\":false,\"y\":1}"
                  ",\"points\":[{\"at\":{\"x\":1,\"y\":1},\"extra\":\"e\"}]"
                  ",\"extended\":{\"more\":[],\"label\":\"L\",\"at\":{\"x\":2,\"y\":3}}"),
              &m);
    ck_assert(m.has_nested && !m.nested.default_ && !m.nested.has_count);
    ck_assert_uint_eq(m.points.count, 1);
    check_corner(&m.points.items[0], 1, 1, 0);
    ck_assert(m.has_extended && !m.extended.has_color);
    ck_assert_str_eq(m.extended.label, "L");
    check_point(&m.extended.at, 2, 3);
    kw_keywords_free(&m);
}
END_TEST

START_TEST(test_decode_nested_count_min)
{
    kw_keywords m;
    decode_ok(MSG(",\"nested\":{\"count\":0,\"default\":true}"), &m);
    ck_assert(m.nested.default_ && m.nested.has_count && m.nested.count == 0);
    kw_keywords_free(&m);
    decode_ok(MSG(",\"nested\":{\"count\":9007199254740991,\"default\":false}"), &m);
    ck_assert(m.nested.count == INT64_C(9007199254740991));
    kw_keywords_free(&m);
}
END_TEST

START_TEST(test_decode_empty_collections)
{
    kw_keywords m;
    decode_ok(MSG(",\"points\":[],\"grid\":[],\"scores\":{},\"byName\":{}"), &m);
    ck_assert(m.has_points && m.points.count == 0);
    ck_assert(m.has_grid && m.grid.count == 0);
    ck_assert(m.has_scores && m.scores.count == 0);
    ck_assert(m.has_by_name && m.by_name.count == 0);
    kw_keywords_free(&m);
}
END_TEST

/* The sub-records have their own decode. */
static const char EXT_OK[] = "{\"label\":\"x\",\"at\":{\"x\":1,\"y\":2}}";
static const char EXT_NO_LABEL[] = "{\"at\":{\"x\":1,\"y\":2}}";
static const char NESTED_OK[] = "{\"default\":true}";
static const char CORNER_NO_AT[] = "{\"color\":\"red\"}";

START_TEST(test_decode_sub_types)
{
    kw_keywords_extended e;
    kw_keywords_nested n;
    kw_corner c;
    kw_error err;
    ck_assert_int_eq(kw_keywords_extended_decode(EXT_OK, strlen(EXT_OK), &e, &err), KW_OK);
    ck_assert_str_eq(e.label, "x");
    check_point(&e.at, 1, 2);
    kw_keywords_extended_free(&e);
    ck_assert_int_eq(kw_keywords_extended_decode(EXT_NO_LABEL, strlen(EXT_NO_LABEL), &e, &err),
                     KW_ERR_MISSING);
    expect_err("extended alone", &err, KW_ERR_MISSING, "/label");
    ck_assert_int_eq(kw_keywords_nested_decode(NESTED_OK, strlen(NESTED_OK), &n, &err), KW_OK);
    ck_assert(n.default_ && !n.has_count);
    kw_keywords_nested_free(&n);
    ck_assert_int_eq(kw_corner_decode(CORNER_NO_AT, strlen(CORNER_NO_AT), &c, &err),
                     KW_ERR_MISSING);
    expect_err("corner alone", &err, KW_ERR_MISSING, "/at");
}
END_TEST

typedef struct bad_text {
    const char *label;
    const char *text;
    kw_status code;
    const char *path;
} bad_text;

/* Constraints of the scalar properties. */
static const bad_text bad_scalars[] = {
    {"small -6", SMALL("-6"), KW_ERR_VALUE, "/small"},
    {"small 6", SMALL("6"), KW_ERR_VALUE, "/small"},
    {"small 2^31", SMALL("2147483648"), KW_ERR_RANGE, "/small"},
    {"small -2^31-1", SMALL("-2147483649"), KW_ERR_RANGE, "/small"},
    {"small 2^53", SMALL("9007199254740992"), KW_ERR_RANGE, "/small"},
    {"small 1.5", SMALL("1.5"), KW_ERR_TYPE, "/small"},
    {"small string", SMALL("\"1\""), KW_ERR_TYPE, "/small"},
    {"small null", SMALL("null"), KW_ERR_TYPE, "/small"},
    {"big 0", MSG(",\"big\":0"), KW_ERR_VALUE, "/big"},
    {"big -1", MSG(",\"big\":-1"), KW_ERR_VALUE, "/big"},
    {"big 2.5", MSG(",\"big\":2.5"), KW_ERR_TYPE, "/big"},
    {"big 2^63", MSG(",\"big\":9223372036854775808"), KW_ERR_RANGE, "/big"},
    {"big null", MSG(",\"big\":null"), KW_ERR_TYPE, "/big"},
    {"ratio 1.5", MSG(",\"ratio\":1.5"), KW_ERR_VALUE, "/ratio"},
    {"ratio 2", MSG(",\"ratio\":2"), KW_ERR_VALUE, "/ratio"},
    {"ratio -0.001", MSG(",\"ratio\":-0.001"), KW_ERR_VALUE, "/ratio"},
    {"ratio 1e400", MSG(",\"ratio\":1e400"), KW_ERR_RANGE, "/ratio"},
    {"ratio string", MSG(",\"ratio\":\"0.5\""), KW_ERR_TYPE, "/ratio"},
    {"ratio null", MSG(",\"ratio\":null"), KW_ERR_TYPE, "/ratio"},
    {"flag string", MSG(",\"flag\":\"true\""), KW_ERR_TYPE, "/flag"},
    {"flag 1", MSG(",\"flag\":1"), KW_ERR_TYPE, "/flag"},
    {"flag null", MSG(",\"flag\":null"), KW_ERR_TYPE, "/flag"},
    {"text number", TEXT("5"), KW_ERR_TYPE, "/text"},
    {"text null", TEXT("null"), KW_ERR_TYPE, "/text"},
    {"shortText 1 char", MSG(",\"shortText\":\"é\""), KW_ERR_VALUE, "/shortText"},
    {"shortText 1 ascii", MSG(",\"shortText\":\"a\""), KW_ERR_VALUE, "/shortText"},
    {"shortText 5 chars", MSG(",\"shortText\":\"€€€€€\""), KW_ERR_VALUE, "/shortText"},
    {"shortText 5 ascii", MSG(",\"shortText\":\"abcde\""), KW_ERR_VALUE, "/shortText"},
    {"shortText 1 escaped", MSG(",\"shortText\":\"\\ud83d\\ude00\""), KW_ERR_VALUE,
     "/shortText"},
    {"shortText null", MSG(",\"shortText\":null"), KW_ERR_TYPE, "/shortText"},
    {"name empty", MSG(",\"name\":\"\""), KW_ERR_VALUE, "/name"},
    {"name 9 chars", MSG(",\"name\":\"123456789\""), KW_ERR_VALUE, "/name"},
    {"name 9 multibyte", MSG(",\"name\":\"ÅÅÅÅÅÅÅÅÅ\""), KW_ERR_VALUE, "/name"},
    {"name number", MSG(",\"name\":1"), KW_ERR_TYPE, "/name"},
    {"kind other", KIND("\"keyword\""), KW_ERR_VALUE, "/kind"},
    {"kind case", KIND("\"Keywords\""), KW_ERR_VALUE, "/kind"},
    {"kind number", KIND("1"), KW_ERR_TYPE, "/kind"},
    {"kind null", KIND("null"), KW_ERR_TYPE, "/kind"},
    {"color blue", COLOR("\"blue\""), KW_ERR_VALUE, "/color"},
    {"color dark_blue", COLOR("\"dark_blue\""), KW_ERR_VALUE, "/color"},
    {"color Red", COLOR("\"Red\""), KW_ERR_VALUE, "/color"},
    {"color 1", COLOR("1"), KW_ERR_TYPE, "/color"},
    {"color null", COLOR("null"), KW_ERR_TYPE, "/color"},
    {"shade medium", MSG(",\"shade\":\"medium\""), KW_ERR_VALUE, "/shade"},
    {"shade red", MSG(",\"shade\":\"red\""), KW_ERR_VALUE, "/shade"},
    {"shade null", MSG(",\"shade\":null"), KW_ERR_TYPE, "/shade"},
    {"name with NUL", MSG(",\"name\":\"a\\u0000\""), KW_ERR_VALUE, "/name"},
};

/* Records, required members, strictness and duplicates. */
static const bad_text bad_records[] = {
    {"root array", "[]", KW_ERR_TYPE, ""},
    {"root null", "null", KW_ERR_TYPE, ""},
    {"root empty", "{}", KW_ERR_MISSING, "/text"},
    {"no text", "{\"small\":0,\"kind\":\"keywords\",\"color\":\"red\","
                "\"origin\":{\"x\":0,\"y\":0}}", KW_ERR_MISSING, "/text"},
    {"no small", "{\"text\":\"t\",\"kind\":\"keywords\",\"color\":\"red\","
                 "\"origin\":{\"x\":0,\"y\":0}}", KW_ERR_MISSING, "/small"},
    {"no kind", "{\"text\":\"t\",\"small\":0,\"color\":\"red\","
                "\"origin\":{\"x\":0,\"y\":0}}", KW_ERR_MISSING, "/kind"},
    {"no color", "{\"text\":\"t\",\"small\":0,\"kind\":\"keywords\","
                 "\"origin\":{\"x\":0,\"y\":0}}", KW_ERR_MISSING, "/color"},
    {"no origin", "{\"text\":\"t\",\"small\":0,\"kind\":\"keywords\",\"color\":\"red\"}",
     KW_ERR_MISSING, "/origin"},
    {"unknown root key", MSG(",\"bogus\":1"), KW_ERR_UNKNOWN_KEY, "/bogus"},
    {"unknown root null", MSG(",\"extra\":null"), KW_ERR_UNKNOWN_KEY, "/extra"},
    {"unknown root escaped", MSG(",\"a/b~c\":1"), KW_ERR_UNKNOWN_KEY, "/a~1b~0c"},
    {"root case", MSG(",\"Text\":\"t\""), KW_ERR_UNKNOWN_KEY, "/Text"},
    {"dup text", "{\"text\":\"a\",\"text\":\"b\"}", KW_ERR_DUPLICATE, "/text"},
    {"dup kind", MSG(",\"kind\":\"keywords\""), KW_ERR_DUPLICATE, "/kind"},
    {"origin array", ORIGIN("[0,0]"), KW_ERR_TYPE, "/origin"},
    {"origin null", ORIGIN("null"), KW_ERR_TYPE, "/origin"},
    {"origin no x", ORIGIN("{\"y\":0}"), KW_ERR_MISSING, "/origin/x"},
    {"origin no y", ORIGIN("{\"x\":1}"), KW_ERR_MISSING, "/origin/y"},
    {"origin x 2^31", ORIGIN("{\"x\":2147483648,\"y\":0}"), KW_ERR_RANGE, "/origin/x"},
    {"origin y -2^31-1", ORIGIN("{\"x\":0,\"y\":-2147483649}"), KW_ERR_RANGE, "/origin/y"},
    {"origin x 0.5", ORIGIN("{\"x\":0.5,\"y\":0}"), KW_ERR_TYPE, "/origin/x"},
    {"origin x null", ORIGIN("{\"x\":null,\"y\":0}"), KW_ERR_TYPE, "/origin/x"},
    {"origin unknown", ORIGIN("{\"x\":0,\"y\":0,\"z\":0}"), KW_ERR_UNKNOWN_KEY, "/origin/z"},
    {"origin dup", ORIGIN("{\"x\":0,\"x\":1,\"y\":0}"), KW_ERR_DUPLICATE, "/origin/x"},
    {"nested null", MSG(",\"nested\":null"), KW_ERR_TYPE, "/nested"},
    {"nested no default", MSG(",\"nested\":{}"), KW_ERR_MISSING, "/nested/default"},
    {"nested count only", MSG(",\"nested\":{\"count\":1}"), KW_ERR_MISSING,
     "/nested/default"},
    {"nested default 1", MSG(",\"nested\":{\"default\":1}"), KW_ERR_TYPE, "/nested/default"},
    {"nested count -1", MSG(",\"nested\":{\"default\":true,\"count\":-1}"), KW_ERR_VALUE,
     "/nested/count"},
    {"nested count 1.5", MSG(",\"nested\":{\"default\":true,\"count\":1.5}"), KW_ERR_TYPE,
     "/nested/count"},
    {"nested dup unknown", MSG(",\"nested\":{\"default\":true,\"x\":1,\"x\":2}"),
     KW_ERR_DUPLICATE, "/nested/x"},
    {"nested dup in unknown", MSG(",\"nested\":{\"default\":true,\"x\":{\"k\":1,\"k\":2}}"),
     KW_ERR_DUPLICATE, "/nested/x/k"},
    {"extended empty", MSG(",\"extended\":{}"), KW_ERR_MISSING, "/extended/at"},
    {"extended no label", MSG(",\"extended\":{\"at\":{\"x\":0,\"y\":0}}"), KW_ERR_MISSING,
     "/extended/label"},
    {"extended no at", MSG(",\"extended\":{\"label\":\"l\"}"), KW_ERR_MISSING,
     "/extended/at"},
    {"extended label 5", MSG(",\"extended\":{\"label\":5,\"at\":{\"x\":0,\"y\":0}}"),
     KW_ERR_TYPE, "/extended/label"},
    {"extended color", MSG(",\"extended\":{\"color\":\"pink\",\"label\":\"l\"}"),
     KW_ERR_VALUE, "/extended/color"},
    {"extended at no y", MSG(",\"extended\":{\"at\":{\"x\":0},\"label\":\"l\"}"),
     KW_ERR_MISSING, "/extended/at/y"},
    {"extended at strict", MSG(",\"extended\":{\"at\":{\"x\":0,\"y\":0,\"z\":0}}"),
     KW_ERR_UNKNOWN_KEY, "/extended/at/z"},
};

/* Arrays and maps. */
static const bad_text bad_collections[] = {
    {"tags empty", MSG(",\"tags\":[]"), KW_ERR_VALUE, "/tags"},
    {"tags 4", MSG(",\"tags\":[\"a\",\"b\",\"c\",\"d\"]"), KW_ERR_VALUE, "/tags"},
    {"tags item 4 chars", MSG(",\"tags\":[\"a\",\"abcd\"]"), KW_ERR_VALUE, "/tags/1"},
    {"tags item 4 multibyte", MSG(",\"tags\":[\"a\",\"b\",\"éééé\"]"), KW_ERR_VALUE,
     "/tags/2"},
    {"tags item number", MSG(",\"tags\":[1]"), KW_ERR_TYPE, "/tags/0"},
    {"tags item null", MSG(",\"tags\":[null]"), KW_ERR_TYPE, "/tags/0"},
    {"tags string", MSG(",\"tags\":\"a\""), KW_ERR_TYPE, "/tags"},
    {"tags null", MSG(",\"tags\":null"), KW_ERR_TYPE, "/tags"},
    {"points object", MSG(",\"points\":{}"), KW_ERR_TYPE, "/points"},
    {"points item 1", MSG(",\"points\":[1]"), KW_ERR_TYPE, "/points/0"},
    {"points item no at", MSG(",\"points\":[{\"at\":{\"x\":0,\"y\":0}},{}]"), KW_ERR_MISSING,
     "/points/1/at"},
    {"points item color", MSG(",\"points\":[{\"at\":{\"x\":0,\"y\":0}},"
                              "{\"at\":{\"x\":0,\"y\":0},\"color\":\"blue\"}]"),
     KW_ERR_VALUE, "/points/1/color"},
    {"points at strict", MSG(",\"points\":[{\"at\":{\"x\":0,\"y\":0,\"w\":1}}]"),
     KW_ERR_UNKNOWN_KEY, "/points/0/at/w"},
    {"points dup at", MSG(",\"points\":[{\"at\":{\"x\":0,\"y\":0},\"at\":{\"x\":0,\"y\":0}}]"),
     KW_ERR_DUPLICATE, "/points/0/at"},
    {"grid row 2", MSG(",\"grid\":[[1],2]"), KW_ERR_TYPE, "/grid/1"},
    {"grid cell 2.5", MSG(",\"grid\":[[1],[2,2.5]]"), KW_ERR_TYPE, "/grid/1/1"},
    {"grid cell -2^63-1", MSG(",\"grid\":[[-9223372036854775809]]"), KW_ERR_RANGE, "/grid/0/0"},
    {"grid cell null", MSG(",\"grid\":[[],[null]]"), KW_ERR_TYPE, "/grid/1/0"},
    {"grid object", MSG(",\"grid\":{}"), KW_ERR_TYPE, "/grid"},
    {"scores array", MSG(",\"scores\":[1]"), KW_ERR_TYPE, "/scores"},
    {"scores string", MSG(",\"scores\":{\"a\":1,\"b\":\"2\"}"), KW_ERR_TYPE, "/scores/b"},
    {"scores null", MSG(",\"scores\":{\"a\":null}"), KW_ERR_TYPE, "/scores/a"},
    {"scores 1e400", MSG(",\"scores\":{\"a\":-1e400}"), KW_ERR_RANGE, "/scores/a"},
    {"scores dup", MSG(",\"scores\":{\"a\":1,\"b\":2,\"a\":3}"), KW_ERR_DUPLICATE,
     "/scores/a"},
    {"scores escaped key", MSG(",\"scores\":{\"x/y\":true}"), KW_ERR_TYPE, "/scores/x~1y"},
    {"byName 1", MSG(",\"byName\":1"), KW_ERR_TYPE, "/byName"},
    {"byName value 1", MSG(",\"byName\":{\"o\":1}"), KW_ERR_TYPE, "/byName/o"},
    {"byName inner 1", MSG(",\"byName\":{\"o\":{\"i\":1}}"), KW_ERR_TYPE, "/byName/o/i"},
    {"byName inner no at", MSG(",\"byName\":{\"o\":{\"i\":{}}}"), KW_ERR_MISSING,
     "/byName/o/i/at"},
    {"byName inner color", MSG(",\"byName\":{\"o\":{\"i\":{\"at\":{\"x\":0,\"y\":0},"
                               "\"color\":\"x\"}}}"),
     KW_ERR_VALUE, "/byName/o/i/color"},
    {"byName dup outer", MSG(",\"byName\":{\"o\":{},\"o\":{}}"), KW_ERR_DUPLICATE,
     "/byName/o"},
    {"byName dup inner", MSG(",\"byName\":{\"o\":{\"i\":{\"at\":{\"x\":0,\"y\":0}},"
                             "\"i\":{}}}"),
     KW_ERR_DUPLICATE, "/byName/o/i"},
};

START_TEST(test_decode_bad_scalars)
{
    decode_bad(bad_scalars[_i].label, bad_scalars[_i].text, bad_scalars[_i].code,
               bad_scalars[_i].path);
}
END_TEST

START_TEST(test_decode_bad_records)
{
    decode_bad(bad_records[_i].label, bad_records[_i].text, bad_records[_i].code,
               bad_records[_i].path);
}
END_TEST

START_TEST(test_decode_bad_collections)
{
    decode_bad(bad_collections[_i].label, bad_collections[_i].text,
               bad_collections[_i].code, bad_collections[_i].path);
}
END_TEST

/* from_cjson does not get text checked by kw_parse: strings are checked. */
START_TEST(test_from_cjson_checks_utf8)
{
    kw_keywords m;
    kw_error err;
    cJSON *tree = cJSON_Parse(MSG(",\"tags\":[\"ok\",\"b\"]"));
    ck_assert_ptr_nonnull(tree);
    ck_assert_int_eq(kw_keywords_from_cjson(tree, &m, &err), KW_OK);
    ck_assert_uint_eq(m.tags.count, 2);
    kw_keywords_free(&m);
    cJSON_SetValuestring(cJSON_GetArrayItem(cJSON_GetObjectItem(tree, "tags"), 1), "\xc3");
    ck_assert_int_eq(kw_keywords_from_cjson(tree, &m, &err), KW_ERR_VALUE);
    expect_err("tags item", &err, KW_ERR_VALUE, "/tags/1");
    ck_assert(is_zeroed(&m, sizeof m));
    cJSON_SetValuestring(cJSON_GetObjectItem(tree, "text"), "\xed\xa0\x80");
    ck_assert_int_eq(kw_keywords_from_cjson(tree, &m, &err), KW_ERR_VALUE);
    expect_err("text", &err, KW_ERR_VALUE, "/text");
    cJSON_Delete(tree);
}
END_TEST

/* The C types the mapping rules give each property. */
#define TYPE_IS(expr, type) _Generic((expr), type: true, default: false)

START_TEST(test_member_types)
{
    kw_keywords m;
    kw_keywords_init(&m);
    ck_assert(TYPE_IS(m.text, const char *) && TYPE_IS(m.short_text, const char *));
    ck_assert(TYPE_IS(m.name, const char *) && TYPE_IS(m.extended.label, const char *));
    ck_assert(TYPE_IS(m.small, int32_t) && TYPE_IS(m.origin.x, int32_t));
    ck_assert(TYPE_IS(m.big, int64_t) && TYPE_IS(m.nested.count, int64_t));
    ck_assert(TYPE_IS(m.ratio, double) && TYPE_IS(m.scores.entries[0].value, double));
    ck_assert(TYPE_IS(m.flag, bool) && TYPE_IS(m.nested.default_, bool));
    ck_assert(TYPE_IS(m.color, kw_color) && TYPE_IS(m.shade, kw_keywords_shade));
    ck_assert(TYPE_IS(m.origin, kw_point) && TYPE_IS(m.extended.at, kw_point));
    ck_assert(TYPE_IS(m.tags, kw_string_array) && TYPE_IS(m.points, kw_corner_array));
    ck_assert(TYPE_IS(m.grid.items[0], kw_int64_array));
    ck_assert(TYPE_IS(m.scores.entries[0].key, const char *));
    ck_assert(TYPE_IS(m.by_name.entries[0].value.entries[0].value, kw_corner));
    ck_assert(TYPE_IS(m.points.items[0].color, kw_color));
    ck_assert_ptr_null(m.text);
    ck_assert(!m.has_big && !m.has_flag && m.arena_ == NULL);
}
END_TEST

/* ---- Encode ---- */

START_TEST(test_encode_minimal)
{
    kw_keywords m;
    build_min(&m);
    expect_encoding(&m, MINIMAL);
}
END_TEST

START_TEST(test_encode_full)
{
    kw_keywords m;
    build_full(&m);
    expect_encoding(&m, FULL);
}
END_TEST

/* Absent optionals are omitted whatever their (invalid) values. */
START_TEST(test_encode_omits_absent)
{
    kw_keywords m;
    build_min(&m);
    m.big = 0;
    m.ratio = NAN;
    m.flag = true;
    m.shade = (kw_keywords_shade)0;
    m.tags.count = 9;
    m.points.count = 2;
    m.grid.count = 1;
    m.scores.count = 4;
    m.nested.count = -1;
    m.nested.has_count = true;
    m.by_name.count = 3;
    expect_encoding(&m, MINIMAL);
}
END_TEST

START_TEST(test_encode_empty_collections)
{
    kw_keywords m;
    build_min(&m);
    m.has_points = m.has_grid = m.has_scores = m.has_by_name = true;
    m.has_flag = true;
    expect_encoding(&m, "{\"text\":\"hi\",\"small\":0,\"flag\":false,\"kind\":\"keywords\","
                        "\"color\":\"red\",\"origin\":{\"x\":1,\"y\":2},\"points\":[],"
                        "\"grid\":[],\"scores\":{},\"byName\":{}}");
}
END_TEST

/* decode -> encode gives back the same text; build -> encode -> decode gives
 * back the same values. */
START_TEST(test_round_trip)
{
    kw_keywords m, built;
    kw_error err;
    size_t len = 0;
    decode_ok(FULL, &m);
    expect_encoding(&m, FULL);
    kw_keywords_free(&m);
    build_full(&built);
    char *text = kw_keywords_encode(&built, &len, &err);
    ck_assert_ptr_nonnull(text);
    decode_ok(text, &m);
    free(text);
    check_full(&m);
    kw_keywords_free(&m);
}
END_TEST

START_TEST(test_cjson_round_trip)
{
    kw_keywords m, built;
    kw_error err;
    cJSON *tree = cJSON_Parse(FULL);
    ck_assert_ptr_nonnull(tree);
    ck_assert_int_eq(kw_keywords_from_cjson(tree, &m, &err), KW_OK);
    cJSON_Delete(tree);
    check_full(&m);
    kw_keywords_free(&m);
    build_full(&built);
    tree = kw_keywords_to_cjson(&built, &err);
    ck_assert_ptr_nonnull(tree);
    char *text = cJSON_PrintUnformatted(tree);
    cJSON_Delete(tree);
    expect_text("to_cjson", text, strlen(FULL), FULL);
}
END_TEST

static void expect_nested(const kw_keywords_nested *n, const char *want)
{
    size_t len = 0;
    char *got = kw_keywords_nested_encode(n, &len, NULL);
    expect_text("nested", got, len, want);
}

START_TEST(test_encode_sub_types)
{
    kw_keywords_nested n = {.default_ = false};
    kw_corner c = {.at = {.x = -1, .y = 0}, .has_color = true, .color = KW_COLOR_DARK_BLUE};
    kw_keywords_extended e = {.at = {.x = 0, .y = 7}, .label = "L"};
    kw_point p = {.x = INT32_MIN, .y = INT32_MAX};
    size_t len = 0;
    char *got;
    expect_nested(&n, "{\"default\":false}");
    n = (kw_keywords_nested){.default_ = true, .has_count = true, .count = 42};
    expect_nested(&n, "{\"default\":true,\"count\":42}");
    got = kw_corner_encode(&c, &len, NULL);
    expect_text("corner", got, len, "{\"at\":{\"x\":-1,\"y\":0},\"color\":\"dark-blue\"}");
    got = kw_keywords_extended_encode(&e, &len, NULL);
    expect_text("extended", got, len, "{\"at\":{\"x\":0,\"y\":7},\"label\":\"L\"}");
    got = kw_point_encode(&p, &len, NULL);
    expect_text("point", got, len, "{\"x\":-2147483648,\"y\":2147483647}");
}
END_TEST

/* Encode must write every valid value exactly, so that decoding the text
 * gives the same value back: over the whole int64 range. */
static const int64_t exact_big[] = {
    INT64_C(2147483648), INT64_C(1234567890123456), INT64_C(4503599627370497),
    INT64_C(8999999999999999), INT64_C(9007199254740991), INT64_C(9007199254740993),
    INT64_C(999999999999999999), INT64_C(1000000000000000001), INT64_MAX,
};

START_TEST(test_encode_exact_big)
{
    kw_keywords m, back;
    char want[256];
    build_min(&m);
    m.has_big = true;
    m.big = exact_big[_i];
    snprintf(want, sizeof want, "{\"text\":\"hi\",\"small\":0,\"big\":%" PRId64
             ",\"kind\":\"keywords\",\"color\":\"red\",\"origin\":{\"x\":1,\"y\":2}}",
             exact_big[_i]);
    expect_encoding(&m, want);
    decode_ok(want, &back);
    ck_assert(back.big == exact_big[_i]);
    kw_keywords_free(&back);
}
END_TEST

/* The largest double below exclusiveMaximum 1.5 is valid, so its encoding
 * must decode (to the same value). */
START_TEST(test_encode_exact_ratio)
{
    const double values[] = {1.0 / 3, 0.1, nextafter(1.5, 0), 0.1 + 0.2};
    kw_keywords m, back;
    kw_error err;
    size_t len = 0;
    build_min(&m);
    m.has_ratio = true;
    m.ratio = values[_i];
    ck_assert_int_eq(kw_keywords_validate(&m, &err), KW_OK);
    char *text = kw_keywords_encode(&m, &len, &err);
    ck_assert_ptr_nonnull(text);
    kw_status st = decode_text(text, &back, &err);
    double got = back.ratio;
    char shown[256];
    snprintf(shown, sizeof shown, "%s", text);
    free(text);
    kw_keywords_free(&back);
    ck_assert_msg(st == KW_OK && got == values[_i],
                  "ratio %.17g encoded as %s, decoded as %s %.17g at \"%s\"", values[_i],
                  shown, kw_status_name(st), got, err.path);
}
END_TEST

/* ---- Validate ---- */

#define MUTATOR(name, ...) \
    static void name(kw_keywords *m) { __VA_ARGS__; }

static const char *tags_null_item[] = {"a", NULL};
static const char *tags_long_item[] = {"abcd"};
static const char *tags_long_multibyte[] = {"a", "b", "€€€€"};
static const char *tags_four[] = {"a", "b", "c", "d"};
static const char *tags_ok_multibyte[] = {"ééé", "€€€", "😀😀😀"};
static kw_corner points_bad_color[] = {{.at = {0, 0, NULL}},
                                       {.at = {0, 0, NULL}, .has_color = true,
                                        .color = (kw_color)9}};
static int64_t row_too_big[] = {0, INT64_C(9007199254740992)};
static kw_int64_array rows_too_big[] = {{NULL, 0}, {row_too_big, 2}};
static kw_int64_array rows_null_items[] = {{NULL, 1}};
static kw_keywords_scores_entry scores_nan[] = {{"a", 1}, {"b", NAN}};
static kw_keywords_scores_entry scores_inf_escaped[] = {{"x/y", -INFINITY}};
static kw_keywords_scores_entry scores_null_key[] = {{"a", 1}, {NULL, 2}};
static kw_keywords_scores_entry scores_dup[] = {{"a", 1}, {"b", 2}, {"a", 3}};
static kw_keywords_scores_entry scores_bad_key[] = {{"a", 1}, {"\xff", 2}};
static kw_keywords_by_name_value_entry inner_bad_color[] = {
    {"i", {.at = {0, 0, NULL}, .has_color = true, .color = (kw_color)0}},
};
static kw_keywords_by_name_entry by_name_bad_color[] = {{"o", {inner_bad_color, 1}}};

MUTATOR(text_null, m->text = NULL)
MUTATOR(text_bad_utf8, m->text = "a\xff")
MUTATOR(short_1, m->short_text = "é")
MUTATOR(short_5, m->short_text = "€€€€€")
MUTATOR(short_bad_utf8, m->short_text = "\xc3\x28")
MUTATOR(small_m6, m->small = -6)
MUTATOR(small_6, m->small = 6)
MUTATOR(small_max, m->small = INT32_MAX)
MUTATOR(big_0, m->big = 0)
MUTATOR(big_m1, m->big = -1)
MUTATOR(big_2_53, m->big = INT64_C(9007199254740992))
MUTATOR(ratio_1_5, m->ratio = 1.5)
MUTATOR(ratio_neg, m->ratio = -0.5)
MUTATOR(ratio_nan, m->ratio = NAN)
MUTATOR(ratio_inf, m->ratio = INFINITY)
MUTATOR(ratio_minf, m->ratio = -INFINITY)
MUTATOR(color_0, m->color = (kw_color)0)
MUTATOR(color_4, m->color = (kw_color)4)
MUTATOR(shade_0, m->shade = (kw_keywords_shade)0)
MUTATOR(shade_3, m->shade = (kw_keywords_shade)3)
MUTATOR(name_empty, m->name = "")
MUTATOR(name_9, m->name = "ÅÅÅÅÅÅÅÅÅ")
MUTATOR(tags_none, m->tags.count = 0; m->tags.items = NULL)
MUTATOR(tags_4, m->tags = (kw_string_array){tags_four, 4})
MUTATOR(tags_items_null, m->tags.items = NULL)
MUTATOR(tags_item_null, m->tags = (kw_string_array){tags_null_item, 2})
MUTATOR(tags_item_long, m->tags = (kw_string_array){tags_long_item, 1})
MUTATOR(tags_item_long_mb, m->tags = (kw_string_array){tags_long_multibyte, 3})
MUTATOR(points_color, m->points = (kw_corner_array){points_bad_color, 2})
MUTATOR(points_items_null, m->points.items = NULL)
MUTATOR(grid_cell_big, m->grid = (kw_keywords_grid){rows_too_big, 2})
MUTATOR(grid_items_null, m->grid.items = NULL)
MUTATOR(grid_row_null, m->grid = (kw_keywords_grid){rows_null_items, 1})
MUTATOR(scores_value_nan, m->scores = (kw_keywords_scores){scores_nan, 2})
MUTATOR(scores_value_inf, m->scores = (kw_keywords_scores){scores_inf_escaped, 1})
MUTATOR(scores_key_null, m->scores = (kw_keywords_scores){scores_null_key, 2})
MUTATOR(scores_key_dup, m->scores = (kw_keywords_scores){scores_dup, 3})
MUTATOR(scores_entries_null, m->scores.entries = NULL)
MUTATOR(scores_key_utf8, m->scores = (kw_keywords_scores){scores_bad_key, 2})
MUTATOR(nested_count_m1, m->nested.count = -1)
MUTATOR(nested_count_big, m->nested.count = INT64_C(9007199254740992))
MUTATOR(nested_count_min, m->nested.count = INT64_MIN)
MUTATOR(by_name_color, m->by_name = (kw_keywords_by_name){by_name_bad_color, 1})
MUTATOR(extended_label_null, m->extended.label = NULL)
MUTATOR(extended_color_7, m->extended.color = (kw_color)7)
MUTATOR(origin_ignored, m->origin.x = INT32_MIN)

typedef struct bad_struct {
    const char *label;
    void (*mutate)(kw_keywords *m);
    kw_status code;
    const char *path;
} bad_struct;

static const bad_struct bad_structs[] = {
    {"text NULL", text_null, KW_ERR_MISSING, "/text"},
    {"text bad UTF-8", text_bad_utf8, KW_ERR_VALUE, "/text"},
    {"shortText 1", short_1, KW_ERR_VALUE, "/shortText"},
    {"shortText 5", short_5, KW_ERR_VALUE, "/shortText"},
    {"shortText bad UTF-8", short_bad_utf8, KW_ERR_VALUE, "/shortText"},
    {"small -6", small_m6, KW_ERR_VALUE, "/small"},
    {"small 6", small_6, KW_ERR_VALUE, "/small"},
    {"small INT32_MAX", small_max, KW_ERR_VALUE, "/small"},
    {"big 0", big_0, KW_ERR_VALUE, "/big"},
    {"big -1", big_m1, KW_ERR_VALUE, "/big"},
    {"ratio 1.5", ratio_1_5, KW_ERR_VALUE, "/ratio"},
    {"ratio -0.5", ratio_neg, KW_ERR_VALUE, "/ratio"},
    {"ratio NaN", ratio_nan, KW_ERR_RANGE, "/ratio"},
    {"ratio inf", ratio_inf, KW_ERR_RANGE, "/ratio"},
    {"ratio -inf", ratio_minf, KW_ERR_RANGE, "/ratio"},
    {"color 0", color_0, KW_ERR_VALUE, "/color"},
    {"color 4", color_4, KW_ERR_VALUE, "/color"},
    {"shade 0", shade_0, KW_ERR_VALUE, "/shade"},
    {"shade 3", shade_3, KW_ERR_VALUE, "/shade"},
    {"name empty", name_empty, KW_ERR_VALUE, "/name"},
    {"name 9", name_9, KW_ERR_VALUE, "/name"},
    {"tags 0 items", tags_none, KW_ERR_VALUE, "/tags"},
    {"tags 4 items", tags_4, KW_ERR_VALUE, "/tags"},
    {"tags items NULL", tags_items_null, KW_ERR_VALUE, "/tags"},
    {"tags item NULL", tags_item_null, KW_ERR_MISSING, "/tags/1"},
    {"tags item abcd", tags_item_long, KW_ERR_VALUE, "/tags/0"},
    {"tags item 4 multibyte", tags_item_long_mb, KW_ERR_VALUE, "/tags/2"},
    {"points color 9", points_color, KW_ERR_VALUE, "/points/1/color"},
    {"points items NULL", points_items_null, KW_ERR_VALUE, "/points"},
    {"grid items NULL", grid_items_null, KW_ERR_VALUE, "/grid"},
    {"grid row items NULL", grid_row_null, KW_ERR_VALUE, "/grid/0"},
    {"scores NaN", scores_value_nan, KW_ERR_RANGE, "/scores/b"},
    {"scores -inf escaped", scores_value_inf, KW_ERR_RANGE, "/scores/x~1y"},
    {"scores key NULL", scores_key_null, KW_ERR_MISSING, "/scores"},
    {"scores dup key", scores_key_dup, KW_ERR_DUPLICATE, "/scores/a"},
    {"scores entries NULL", scores_entries_null, KW_ERR_VALUE, "/scores"},
    {"scores key bad UTF-8", scores_key_utf8, KW_ERR_VALUE, "/scores"},
    {"nested count -1", nested_count_m1, KW_ERR_VALUE, "/nested/count"},
    {"nested count -2^63", nested_count_min, KW_ERR_VALUE, "/nested/count"},
    {"byName inner color 0", by_name_color, KW_ERR_VALUE, "/byName/o/i/color"},
    {"extended label NULL", extended_label_null, KW_ERR_MISSING, "/extended/label"},
    {"extended color 7", extended_color_7, KW_ERR_VALUE, "/extended/color"},
};

START_TEST(test_validate_bad)
{
    kw_keywords m;
    build_full(&m);
    bad_structs[_i].mutate(&m);
    validate_bad(bad_structs[_i].label, &m, bad_structs[_i].code, bad_structs[_i].path);
}
END_TEST

/* Valid, and encoded exactly, but beyond what a double holds exactly: so
 * to_cjson, whose numbers are doubles, refuses them where they are. */
static const bad_struct tree_only_structs[] = {
    {"big 2^53", big_2_53, KW_ERR_RANGE, "/big"},
    {"grid cell 2^53", grid_cell_big, KW_ERR_RANGE, "/grid/1/1"},
    {"nested count 2^53", nested_count_big, KW_ERR_RANGE, "/nested/count"},
};

START_TEST(test_validate_tree_only)
{
    const bad_struct *c = &tree_only_structs[_i];
    kw_keywords m, back;
    kw_error err;
    size_t len = 0;
    build_full(&m);
    c->mutate(&m);
    ck_assert_int_eq(kw_keywords_validate(&m, &err), KW_OK);
    char *text = kw_keywords_encode(&m, &len, &err);
    ck_assert_ptr_nonnull(text);
    decode_ok(text, &back);
    ck_assert_msg(kw_keywords_equal(&m, &back), "%s: %s", c->label, text);
    kw_keywords_free(&back);
    free(text);
    ck_assert_ptr_null(kw_keywords_to_cjson(&m, &err));
    expect_err(c->label, &err, c->code, c->path);
}
END_TEST

MUTATOR(small_m5, m->small = -5)
MUTATOR(small_5, m->small = 5)
MUTATOR(big_1, m->big = 1)
MUTATOR(ratio_0, m->ratio = 0)
MUTATOR(ratio_below, m->ratio = 1.4999)
MUTATOR(short_2mb, m->short_text = "éé")
MUTATOR(short_4mb, m->short_text = "€€€€")
MUTATOR(short_4emoji, m->short_text = "😀😀😀😀")
MUTATOR(name_1, m->name = "a")
MUTATOR(name_8, m->name = "ÅÅÅÅÅÅÅÅ")
MUTATOR(tags_1, m->tags.count = 1)
MUTATOR(tags_3mb, m->tags = (kw_string_array){tags_ok_multibyte, 3})
MUTATOR(optionals_absent, m->has_big = false; m->big = 0; m->has_ratio = false;
        m->ratio = NAN; m->has_shade = false; m->shade = (kw_keywords_shade)0;
        m->short_text = NULL; m->name = NULL; m->has_tags = false; m->tags.count = 0;
        m->has_extended = false; m->extended.label = NULL)
MUTATOR(nested_absent, m->has_nested = false; m->nested.count = -1)
MUTATOR(nested_count_absent, m->nested.has_count = false; m->nested.count = -1)
MUTATOR(extended_no_color, m->extended.has_color = false; m->extended.color = 0)

typedef struct good_struct {
    const char *label;
    void (*mutate)(kw_keywords *m);
} good_struct;

static const good_struct good_structs[] = {
    {"small -5", small_m5}, {"small 5", small_5}, {"big 1", big_1},
    {"ratio 0", ratio_0}, {"ratio 1.4999", ratio_below}, {"shortText éé", short_2mb},
    {"shortText €€€€", short_4mb}, {"shortText 4 emoji", short_4emoji},
    {"name a", name_1}, {"name 8", name_8}, {"tags 1", tags_1},
    {"tags 3 multibyte", tags_3mb}, {"optionals absent", optionals_absent},
    {"nested absent", nested_absent}, {"count absent", nested_count_absent},
    {"extended no color", extended_no_color}, {"origin any int32", origin_ignored},
};

/* Accepted by validate; the encoding decodes back and encodes the same. */
START_TEST(test_validate_good)
{
    kw_keywords m, back;
    kw_error err;
    size_t len = 0;
    build_full(&m);
    good_structs[_i].mutate(&m);
    ck_assert_msg(kw_keywords_validate(&m, &err) == KW_OK, "%s: %s at \"%s\": %s",
                  good_structs[_i].label, kw_status_name(err.code), err.path, err.message);
    expect_err(good_structs[_i].label, &err, KW_OK, "");
    char *text = kw_keywords_encode(&m, &len, &err);
    ck_assert_ptr_nonnull(text);
    decode_ok(text, &back);
    expect_encoding(&back, text);
    kw_keywords_free(&back);
    free(text);
}
END_TEST

START_TEST(test_validate_sub_types)
{
    kw_keywords_nested n = {.default_ = true, .has_count = true, .count = -1};
    kw_corner c = {.has_color = true, .color = (kw_color)0};
    kw_keywords_extended e = {.label = NULL};
    kw_error err;
    ck_assert_int_eq(kw_keywords_nested_validate(&n, &err), KW_ERR_VALUE);
    expect_err("nested", &err, KW_ERR_VALUE, "/count");
    ck_assert_int_eq(kw_corner_validate(&c, &err), KW_ERR_VALUE);
    expect_err("corner", &err, KW_ERR_VALUE, "/color");
    ck_assert_int_eq(kw_keywords_extended_validate(&e, &err), KW_ERR_MISSING);
    expect_err("extended", &err, KW_ERR_MISSING, "/label");
    ck_assert_int_eq(kw_keywords_validate(NULL, &err), KW_ERR_INVALID_ARG);
    expect_err("NULL", &err, KW_ERR_INVALID_ARG, "");
}
END_TEST

/* ---- Enums ---- */

/* The generated key lookup compares bytes, whatever the C literal escapes:
 * each name finds its own member and nothing else. */
START_TEST(test_key_names_matched_by_bytes)
{
    static const char text[] = "{\"ba\":5,\"w??x\":3,\"q\\\"b\\\\c\":2,\"n\xC3\xA9\":1,\"ab\":4}";
    kw_key_names m;
    kw_error err;
    ck_assert_int_eq(kw_key_names_decode(text, strlen(text), &m, &err), KW_OK);
    ck_assert(m.has_n && m.has_q_b_c && m.has_w_x && m.has_ab && m.has_ba);
    ck_assert_int_eq(m.n, 1);
    ck_assert_int_eq(m.q_b_c, 2);
    ck_assert_int_eq(m.w_x, 3);
    ck_assert_int_eq(m.ab, 4);
    ck_assert_int_eq(m.ba, 5);
    kw_key_names_free(&m);
    /* Same length, other bytes: unknown to a strict record. */
    static const char *const unknown[][2] = {
        {"{\"ab\":1,\"aa\":2}", "/aa"},
        {"{\"n\xC3\xA8\":1}", "/n\xC3\xA8"},
        {"{\"n\\u0000\":1}", "/n\\u0000"},
        {"{\"w?x\":1}", "/w?x"},
    };
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        ck_assert_int_eq(kw_key_names_decode(unknown[i][0], strlen(unknown[i][0]), &m, &err),
                         KW_ERR_UNKNOWN_KEY);
        ck_assert_str_eq(err.path, unknown[i][1]);
    }
    static const char twice[] = "{\"ba\":1,\"n\xC3\xA9\":2,\"ba\":3}";
    ck_assert_int_eq(kw_key_names_decode(twice, strlen(twice), &m, &err), KW_ERR_DUPLICATE);
    ck_assert_str_eq(err.path, "/ba");
}
END_TEST

START_TEST(test_color_strings)
{
    ck_assert_int_eq(KW_COLOR_RED, 1);
    ck_assert_int_eq(KW_COLOR_GREEN, 2);
    ck_assert_int_eq(KW_COLOR_DARK_BLUE, 3);
    ck_assert_str_eq(kw_color_to_string(KW_COLOR_RED), "red");
    ck_assert_str_eq(kw_color_to_string(KW_COLOR_GREEN), "green");
    ck_assert_str_eq(kw_color_to_string(KW_COLOR_DARK_BLUE), "dark-blue");
    ck_assert_ptr_null(kw_color_to_string((kw_color)0));
    ck_assert_ptr_null(kw_color_to_string((kw_color)4));
    ck_assert_int_eq(kw_color_from_string("red"), KW_COLOR_RED);
    ck_assert_int_eq(kw_color_from_string("green"), KW_COLOR_GREEN);
    ck_assert_int_eq(kw_color_from_string("dark-blue"), KW_COLOR_DARK_BLUE);
    ck_assert_int_eq(kw_color_from_string("dark_blue"), 0);
    ck_assert_int_eq(kw_color_from_string("Red"), 0);
    ck_assert_int_eq(kw_color_from_string("red "), 0);
    ck_assert_int_eq(kw_color_from_string(""), 0);
    ck_assert_int_eq(kw_color_from_string(NULL), 0);
}
END_TEST

START_TEST(test_shade_strings)
{
    ck_assert_int_eq(KW_KEYWORDS_SHADE_LIGHT, 1);
    ck_assert_int_eq(KW_KEYWORDS_SHADE_DARK, 2);
    ck_assert_str_eq(kw_keywords_shade_to_string(KW_KEYWORDS_SHADE_LIGHT), "light");
    ck_assert_str_eq(kw_keywords_shade_to_string(KW_KEYWORDS_SHADE_DARK), "dark");
    ck_assert_ptr_null(kw_keywords_shade_to_string((kw_keywords_shade)0));
    ck_assert_ptr_null(kw_keywords_shade_to_string((kw_keywords_shade)3));
    ck_assert_int_eq(kw_keywords_shade_from_string("light"), KW_KEYWORDS_SHADE_LIGHT);
    ck_assert_int_eq(kw_keywords_shade_from_string("dark"), KW_KEYWORDS_SHADE_DARK);
    ck_assert_int_eq(kw_keywords_shade_from_string("Dark"), 0);
    ck_assert_int_eq(kw_keywords_shade_from_string("red"), 0);
    ck_assert_int_eq(kw_keywords_shade_from_string(NULL), 0);
}
END_TEST

/* ---- Suite ---- */

static Suite *keywords_suite(void)
{
    Suite *s = suite_create("keywords");
    TCase *dec = tcase_create("decode");
    TCase *bad = tcase_create("decode errors");
    TCase *enc = tcase_create("encode");
    TCase *val = tcase_create("validate");
    TCase *enums = tcase_create("enums");
    tcase_add_test(dec, test_decode_full);
    tcase_add_test(dec, test_decode_minimal);
    tcase_add_test(dec, test_decode_any_order);
    tcase_add_loop_test(dec, test_decode_small_bounds, 0, COUNT(small_ok));
    tcase_add_test(dec, test_decode_integral_forms);
    tcase_add_test(dec, test_decode_big);
    tcase_add_loop_test(dec, test_decode_ratio, 0, COUNT(ratio_ok));
    tcase_add_loop_test(dec, test_decode_short_text, 0, COUNT(short_ok));
    tcase_add_test(dec, test_decode_name);
    tcase_add_test(dec, test_decode_tags);
    tcase_add_loop_test(dec, test_decode_colors, 0, 3);
    tcase_add_test(dec, test_decode_shade);
    tcase_add_test(dec, test_decode_non_strict_ignores_unknown);
    tcase_add_test(dec, test_decode_nested_count_min);
    tcase_add_test(dec, test_decode_empty_collections);
    tcase_add_test(dec, test_decode_sub_types);
    tcase_add_test(dec, test_from_cjson_checks_utf8);
    tcase_add_test(dec, test_member_types);
    tcase_add_loop_test(bad, test_decode_bad_scalars, 0, COUNT(bad_scalars));
    tcase_add_loop_test(bad, test_decode_bad_records, 0, COUNT(bad_records));
    tcase_add_loop_test(bad, test_decode_bad_collections, 0, COUNT(bad_collections));
    tcase_add_test(enc, test_encode_minimal);
    tcase_add_test(enc, test_encode_full);
    tcase_add_test(enc, test_encode_omits_absent);
    tcase_add_test(enc, test_encode_empty_collections);
    tcase_add_test(enc, test_round_trip);
    tcase_add_test(enc, test_cjson_round_trip);
    tcase_add_test(enc, test_encode_sub_types);
    tcase_add_loop_test(enc, test_encode_exact_big, 0, COUNT(exact_big));
    tcase_add_loop_test(enc, test_encode_exact_ratio, 0, 4);
    tcase_add_loop_test(val, test_validate_bad, 0, COUNT(bad_structs));
    tcase_add_loop_test(val, test_validate_tree_only, 0, COUNT(tree_only_structs));
    tcase_add_loop_test(val, test_validate_good, 0, COUNT(good_structs));
    tcase_add_test(val, test_validate_sub_types);
    tcase_add_test(enums, test_color_strings);
    tcase_add_test(dec, test_key_names_matched_by_bytes);
    tcase_add_test(enums, test_shade_strings);
    suite_add_tcase(s, dec);
    suite_add_tcase(s, bad);
    suite_add_tcase(s, enc);
    suite_add_tcase(s, val);
    suite_add_tcase(s, enums);
    return s;
}

int main(void)
{
    SRunner *runner = srunner_create(keywords_suite());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
