/* Unit tests of wcc_runtime.c (Check). */
#include "wcc_runtime.h"

#include <check.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Helpers ---- */

/* Compares every field a failure fills; label names the case in messages. */
static void expect_err(const char *label, const wcc_error *e, wcc_status code,
                       size_t offset, const char *path, const char *message)
{
    ck_assert_msg(e->code == code, "%s: code %s, expected %s (message \"%s\")", label,
                  wcc_status_name(e->code), wcc_status_name(code), e->message);
    ck_assert_msg(e->offset == offset, "%s: offset %zu, expected %zu (message \"%s\")",
                  label, e->offset, offset, e->message);
    ck_assert_msg(strcmp(e->path, path) == 0, "%s: path \"%s\", expected \"%s\"", label,
                  e->path, path);
    ck_assert_msg(strcmp(e->message, message) == 0, "%s: message \"%s\", expected \"%s\"",
                  label, e->message, message);
}

static void expect_clean(const char *label, const wcc_error *e)
{
    expect_err(label, e, WCC_OK, 0, "", "");
    ck_assert(!e->path_truncated);
}

/* Runs wcc_check_text on an exact-size heap copy, so that reading json[len]
 * is caught by ASan and valgrind. */
static wcc_status check_exact(const char *text, size_t len, wcc_error *err)
{
    char *copy = malloc(len != 0 ? len : 1);
    wcc_status st;
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, text, len);
    wcc_error_reset(err);
    st = wcc_check_text(copy, len, NULL, err);
    free(copy);
    return st;
}

/* wcc_parse's tree, copied out of its arena so that tests own it as cJSON's. */
static cJSON *parse_ok(const char *text)
{
    const cJSON *tree = NULL;
    wcc_arena *arena = NULL;
    wcc_error err;
    wcc_error_reset(&err);
    ck_assert_msg(wcc_parse(text, strlen(text), NULL, &arena, &tree, &err) == WCC_OK,
                  "parse %s: %s", text, err.message);
    ck_assert_ptr_nonnull(tree);
    cJSON *copy = cJSON_Duplicate(tree, true);
    ck_assert_ptr_nonnull(copy);
    wcc_arena_destroy(arena);
    return copy;
}

/* Text of n copies of unit followed by n copies of tail, plus middle. */
static char *nest(size_t n, const char *unit, const char *middle, const char *tail)
{
    size_t lu = strlen(unit), lm = strlen(middle), lt = strlen(tail);
    char *s = malloc(n * (lu + lt) + lm + 1), *p = s;
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < n; i++, p += lu)
        memcpy(p, unit, lu);
    memcpy(p, middle, lm);
    p += lm;
    for (size_t i = 0; i < n; i++, p += lt)
        memcpy(p, tail, lt);
    *p = '\0';
    return s;
}

/* ---- wcc_check_text table ---- */

typedef struct text_case {
    const char *text;
    size_t len;
    wcc_status code;
    size_t offset;
    const char *path;
    const char *message;
} text_case;

#define GOOD(s) { s, sizeof(s) - 1, WCC_OK, 0, "", "" }
#define BAD(s, off, msg) { s, sizeof(s) - 1, WCC_ERR_SYNTAX, off, "", msg }
#define NUL_AT(s, off, path, msg) { s, sizeof(s) - 1, WCC_ERR_VALUE, off, path, msg }
#define EOI "unexpected end of input"
#define NUL_STR "string contains \\u0000, which a C string cannot hold"
#define NUL_KEY "key contains \\u0000, which a C string cannot hold"

static const text_case text_cases[] = {
    /* Valid: scalars and every number form. */
    GOOD("0"),
    GOOD("-0"),
    GOOD("7"),
    GOOD("-123"),
    GOOD("1.5"),
    GOOD("-0.25"),
    GOOD("0.0"),
    GOOD("1e5"),
    GOOD("1E+5"),
    GOOD("1e-5"),
    GOOD("0e0"),
    GOOD("-1.25E+300"),
    GOOD("1e999"),
    GOOD("true"),
    GOOD("false"),
    GOOD("null"),
    GOOD("\"\""),
    GOOD("\"abc\""),
    GOOD("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""),
    GOOD("\"\\u00e9\\u20AC\\uFFFF\""),
    GOOD("\"\\uD83D\\uDE00\""),
    GOOD("\"\\udbff\\udfff\""),
    GOOD("\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\""),
    GOOD("\"\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF\""),
    GOOD("\"\xF0\x90\x80\x80\xF4\x8F\xBF\xBF\""),
    GOOD("\"\x7F\""),
    /* Valid: containers, whitespace, BOM. */
    GOOD("[]"),
    GOOD("{}"),
    GOOD("[1,[2,[3]],{\"a\":{\"b\":null} }]"),
    GOOD("{\"a\":1,\"a\":2}"),
    GOOD(" \t\n\r[ 1 , \"x\" ] \t\n\r"),
    GOOD("{ \"a\" : [ ] , \"b\" : { } }"),
    GOOD("\xEF\xBB\xBF{\"a\":1}"),
    GOOD("\xEF\xBB\xBF" "1"),
    GOOD("\xEF\xBB\xBF \"x\" "),
    /* Empty and structural errors. */
    BAD("", 0, EOI),
    BAD(" \t\r\n", 4, EOI),
    BAD("\xEF\xBB\xBF", 3, EOI),
    BAD("\xEF\xBB", 0, "unexpected byte 0xEF, expected a value"),
    BAD("[", 1, EOI),
    BAD("{\"a\":1", 6, EOI),
    BAD("{\"a\"", 4, EOI),
    BAD("]", 0, "unexpected character ']', expected a value"),
    BAD("[1,]", 3, "unexpected character ']', expected a value"),
    BAD("[1 2]", 3, "unexpected character '2', expected ',' or ']'"),
    BAD("[1}", 2, "unexpected character '}', expected ',' or ']'"),
    BAD("{\"a\" 1}", 5, "unexpected character '1', expected ':'"),
    BAD("{\"a\":1,}", 7, "unexpected character '}', expected a string key"),
    BAD("{a:1}", 1, "unexpected character 'a', expected a string key or '}'"),
    BAD("{\"a\":1]", 6, "unexpected character ']', expected ',' or '}'"),
    BAD("{'a':1}", 1, "unexpected character ''', expected a string key or '}'"),
    BAD("1 2", 2, "unexpected character '2', expected end of input"),
    BAD("{} x", 3, "unexpected character 'x', expected end of input"),
    BAD("[1]]", 3, "unexpected character ']', expected end of input"),
    BAD("\f1", 0, "unexpected byte 0x0C, expected a value"),
    BAD("\xC2\xA0" "1", 0, "unexpected byte 0xC2, expected a value"),
    BAD("[1,\xA0]", 3, "unexpected byte 0xA0, expected a value"),
    /* NUL bytes outside and inside strings. */
    BAD("\0", 0, "unexpected byte 0x00, expected a value"),
    BAD("1\0", 1, "unexpected byte 0x00, expected end of input"),
    BAD("[1\0]", 2, "unexpected byte 0x00, expected ',' or ']'"),
    BAD("\"a\0\"", 2, "unescaped control character 0x00 in string"),
    /* Literals. */
    BAD("tru", 3, EOI),
    BAD("trUe", 2, "unexpected character 'U', expected 'true'"),
    BAD("nan", 1, "unexpected character 'a', expected 'null'"),
    BAD("[fals]", 5, "unexpected character ']', expected 'false'"),
    BAD("True", 0, "unexpected character 'T', expected a value"),
    BAD("truex", 4, "unexpected character 'x', expected end of input"),
    BAD("NaN", 0, "unexpected character 'N', expected a value"),
    BAD("Infinity", 0, "unexpected character 'I', expected a value"),
    /* Numbers. */
    BAD("01", 1, "leading zero in number"),
    BAD("-01", 2, "leading zero in number"),
    BAD("[00]", 2, "leading zero in number"),
    BAD("1.", 2, EOI),
    BAD("[1.]", 3, "unexpected character ']', expected a digit after '.'"),
    BAD("1.e5", 2, "unexpected character 'e', expected a digit after '.'"),
    BAD(".5", 0, "unexpected character '.', expected a value"),
    BAD("+1", 0, "unexpected character '+', expected a value"),
    BAD("-", 1, EOI),
    BAD("-a", 1, "unexpected character 'a', expected a digit after '-'"),
    BAD("-Infinity", 1, "unexpected character 'I', expected a digit after '-'"),
    BAD("1e", 2, EOI),
    BAD("1e+", 3, EOI),
    BAD("[1e]", 3, "unexpected character ']', expected a digit in the exponent"),
    BAD("1e+-1", 3, "unexpected character '-', expected a digit in the exponent"),
    BAD("0x10", 1, "unexpected character 'x', expected end of input"),
    BAD("[0x10]", 2, "unexpected character 'x', expected ',' or ']'"),
    BAD("1.5.2", 3, "unexpected character '.', expected end of input"),
    /* Strings and escapes. */
    BAD("\"abc", 4, "unterminated string"),
    BAD("[\"abc]", 6, "unterminated string"),
    BAD("\"a\nb\"", 2, "unescaped control character 0x0A in string"),
    BAD("\"a\tb\"", 2, "unescaped control character 0x09 in string"),
    BAD("\"\x1F\"", 1, "unescaped control character 0x1F in string"),
    BAD("\"\\x\"", 2, "invalid escape: character 'x' after '\\'"),
    BAD("\"\\'\"", 2, "invalid escape: character ''' after '\\'"),
    BAD("\"\\\x01\"", 2, "invalid escape: byte 0x01 after '\\'"),
    BAD("\"\\", 2, "unterminated string"),
    BAD("\"\\u12G4\"", 5, "invalid hex digit (character 'G') in \\u escape"),
    BAD("\"\\u12\"", 5, "invalid hex digit (character '\"') in \\u escape"),
    BAD("\"\\u12", 5, "unterminated string"),
    /* Surrogate escapes. */
    BAD("\"\\uD800\"", 1, "unpaired surrogate \\uD800"),
    BAD("\"\\udbff\"", 1, "unpaired surrogate \\uDBFF"),
    BAD("\"\\uDC00\"", 1, "unpaired surrogate \\uDC00"),
    BAD("\"a\\uDC00\\uD800\"", 2, "unpaired surrogate \\uDC00"),
    BAD("\"\\uD800\\uD800\"", 1, "unpaired surrogate \\uD800"),
    BAD("\"\\uD800\\u0041\"", 1, "unpaired surrogate \\uD800"),
    BAD("\"\\uD800\\u0000\"", 1, "unpaired surrogate \\uD800"),
    BAD("\"\\uD800\\n\"", 1, "unpaired surrogate \\uD800"),
    BAD("\"\\uD800x\"", 1, "unpaired surrogate \\uD800"),
    BAD("\"\\uD800", 7, "unterminated string"),
    BAD("\"\\uD800\\", 8, "unterminated string"),
    BAD("\"\\uD800\\uDC", 11, "unterminated string"),
    /* UTF-8. */
    BAD("\"\xC0\x80\"", 1, "invalid UTF-8 byte 0xC0"),
    BAD("\"\xC1\xBF\"", 1, "invalid UTF-8 byte 0xC1"),
    BAD("\"\xE0\x80\x80\"", 1, "overlong UTF-8 sequence 0xE0 0x80"),
    BAD("\"\xE0\x9F\xBF\"", 1, "overlong UTF-8 sequence 0xE0 0x9F"),
    BAD("\"\xF0\x80\x80\x80\"", 1, "overlong UTF-8 sequence 0xF0 0x80"),
    BAD("\"\xF0\x8F\xBF\xBF\"", 1, "overlong UTF-8 sequence 0xF0 0x8F"),
    BAD("\"\xED\xA0\x80\"", 1, "UTF-8 encoded surrogate 0xED 0xA0"),
    BAD("\"ab\xED\xBF\xBF\"", 3, "UTF-8 encoded surrogate 0xED 0xBF"),
    BAD("\"\xF4\x90\x80\x80\"", 1, "UTF-8 sequence 0xF4 0x90 is above U+10FFFF"),
    BAD("\"\xF5\x80\x80\x80\"", 1, "invalid UTF-8 byte 0xF5"),
    BAD("\"\xFF\"", 1, "invalid UTF-8 byte 0xFF"),
    BAD("\"\x80\"", 1, "invalid UTF-8 byte 0x80"),
    BAD("\"\xC3\xA9\xBF\"", 3, "invalid UTF-8 byte 0xBF"),
    BAD("\"\xC3\"", 1, "truncated UTF-8 sequence starting with byte 0xC3"),
    BAD("\"\xE2\x82\"", 1, "truncated UTF-8 sequence starting with byte 0xE2"),
    BAD("\"\xF0\x9F\x98x\"", 1, "truncated UTF-8 sequence starting with byte 0xF0"),
    BAD("\"\xE2\x82", 3, "unterminated string"),
    BAD("\"\xC3", 2, "unterminated string"),
    BAD("{\"\xC0\":1}", 2, "invalid UTF-8 byte 0xC0"),
    /* \u0000: the pointer of the string, or of the object for a key. */
    NUL_AT("\"\\u0000\"", 1, "", NUL_STR),
    NUL_AT("{\"a/b\":[1,\"x\\u0000\"]}", 12, "/a~1b/1", NUL_STR),
    NUL_AT("{\"k\":{\"a\\u0000\":1} }", 8, "/k", NUL_KEY),
    NUL_AT("{\"\\u0000\":1}", 2, "", NUL_KEY),
    NUL_AT("{\"\\u00e9~\\/\\\"\\n\":{\"x\":\"\\u0000\"} }", 23, "/\xC3\xA9~0~1\"\n/x", NUL_STR),
    NUL_AT("{\"\\uD83D\\uDE00\":[0,0,\"\\u0000\"]}", 22, "/\xF0\x9F\x98\x80/2", NUL_STR),
    NUL_AT("[{\"a\":1,\"b\":[\"\\u0000\"]}]", 14, "/0/b/0", NUL_STR),
    /* Any syntax error, before or after a \u0000, beats it. */
    BAD("{\"a\":\"\\u0000\"x", 13, "unexpected character 'x', expected ',' or '}'"),
    BAD("[\"\\u0000\" x", 10, "unexpected character 'x', expected ',' or ']'"),
    BAD("{\"type\":\"\\u0000\"", 16, EOI),
    BAD("[{\"a\\u0000\":1},[1,2}]", 19, "unexpected character '}', expected ',' or ']'"),
    BAD("[\"\\u0000\",\"\\u0000\",tru]", 22, "unexpected character ']', expected 'true'"),
    BAD("[\"\\u0000\",\"\\uDC00\"]", 11, "unpaired surrogate \\uDC00"),
    BAD("[x,\"\\u0000\"]", 1, "unexpected character 'x', expected a value"),
    BAD("[1,\"\xC0\\u0000\"]", 4, "invalid UTF-8 byte 0xC0"),
    /* Otherwise only the first \u0000 counts. */
    NUL_AT("[\"\\u0000\",{\"\\u0000\":\"\\u0000\"}]", 2, "/0", NUL_STR),
    NUL_AT("[1,{\"a\\u0000\":\"\\u0000\"}]", 6, "/1", NUL_KEY),
};

START_TEST(test_text_table)
{
    const text_case *c = &text_cases[_i];
    wcc_error err;
    char label[64];
    wcc_status st = check_exact(c->text, c->len, &err);
    snprintf(label, sizeof label, "case %d", _i);
    ck_assert_int_eq(st, c->code);
    expect_err(label, &err, c->code, c->offset, c->path, c->message);
}
END_TEST

START_TEST(test_text_reads_only_len)
{
    static const char buf[] = "{\"a\":1}";
    wcc_error err;
    ck_assert_int_eq(check_exact(buf, 6, &err), WCC_ERR_SYNTAX);
    expect_err("short", &err, WCC_ERR_SYNTAX, 6, "", EOI);
    ck_assert_int_eq(check_exact("[1,2]garbage", 5, &err), WCC_OK);
    ck_assert_int_eq(check_exact("\"ab\"", 3, &err), WCC_ERR_SYNTAX);
    expect_err("string", &err, WCC_ERR_SYNTAX, 3, "", "unterminated string");
    ck_assert_int_eq(check_exact("truex", 3, &err), WCC_ERR_SYNTAX);
    expect_err("literal", &err, WCC_ERR_SYNTAX, 3, "", EOI);
    ck_assert_int_eq(check_exact("\"\\uD800\\uDC00\"", 12, &err), WCC_ERR_SYNTAX);
    expect_err("pair", &err, WCC_ERR_SYNTAX, 12, "", "unterminated string");
}
END_TEST

START_TEST(test_text_null_and_no_err)
{
    wcc_error err;
    wcc_error_reset(&err);
    ck_assert_int_eq(wcc_check_text(NULL, 0, NULL, &err), WCC_ERR_INVALID_ARG);
    expect_err("null", &err, WCC_ERR_INVALID_ARG, 0, "", "json is NULL");
    ck_assert_int_eq(wcc_check_text("[1,", 3, NULL, NULL), WCC_ERR_SYNTAX);
    ck_assert_int_eq(wcc_check_text("\"\\u0000\"", 8, NULL, NULL), WCC_ERR_VALUE);
    ck_assert_int_eq(wcc_check_text("\"\\u0000\"", 7, NULL, NULL), WCC_ERR_SYNTAX);
    ck_assert_int_eq(wcc_check_text("[\"\\u0000\",01]", 13, NULL, NULL), WCC_ERR_SYNTAX);
    ck_assert_int_eq(wcc_check_text("{}", 2, NULL, NULL), WCC_OK);
}
END_TEST

START_TEST(test_text_success_leaves_err)
{
    wcc_error err;
    ck_assert_int_eq(check_exact("{\"a\":[1,2]}", 11, &err), WCC_OK);
    expect_clean("ok", &err);
}
END_TEST

START_TEST(test_text_depth)
{
    wcc_error err;
    char *ok = nest(WCC_DEFAULT_MAX_DEPTH, "[", "", "]");
    char *deep = nest(WCC_DEFAULT_MAX_DEPTH + 1, "[", "", "]");
    char *objs = nest(WCC_DEFAULT_MAX_DEPTH, "{\"a\":", "1", "}");
    char *objs_deep = nest(WCC_DEFAULT_MAX_DEPTH + 1, "{\"a\":", "1", "}");
    ck_assert_int_eq(check_exact(ok, strlen(ok), &err), WCC_OK);
    ck_assert_int_eq(check_exact(deep, strlen(deep), &err), WCC_ERR_DEPTH);
    expect_err("arrays", &err, WCC_ERR_DEPTH, WCC_DEFAULT_MAX_DEPTH, "",
               "nesting deeper than 512 levels");
    ck_assert_int_eq(check_exact(objs, strlen(objs), &err), WCC_OK);
    ck_assert_int_eq(check_exact(objs_deep, strlen(objs_deep), &err), WCC_ERR_DEPTH);
    expect_err("objects", &err, WCC_ERR_DEPTH, WCC_DEFAULT_MAX_DEPTH * 5, "",
               "nesting deeper than 512 levels");
    free(ok);
    free(deep);
    free(objs);
    free(objs_deep);
}
END_TEST

#define DEEPER "nesting deeper than 512 levels"

/* Past WCC_DEFAULT_MAX_DEPTH the depth error is kept but the syntax is still checked
 * to the end, brackets included. */
START_TEST(test_text_depth_then_syntax)
{
    wcc_error err;
    char *cut = nest(WCC_DEFAULT_MAX_DEPTH + 1, "[", "", "");
    char *inner = nest(WCC_DEFAULT_MAX_DEPTH + 1, "[", "", "]");
    char *closed_wrong = nest(1, "{\"a\":", inner, "]");
    char *nul_cut = nest(WCC_DEFAULT_MAX_DEPTH + 1, "[", "\"\\u0000\"", "");
    ck_assert_int_eq(check_exact(cut, strlen(cut), &err), WCC_ERR_SYNTAX);
    expect_err("513 cut", &err, WCC_ERR_SYNTAX, WCC_DEFAULT_MAX_DEPTH + 1, "", EOI);
    /* Level 1 is an object again once the deep levels are closed. */
    ck_assert_int_eq(check_exact(closed_wrong, strlen(closed_wrong), &err), WCC_ERR_SYNTAX);
    expect_err("back to 1", &err, WCC_ERR_SYNTAX, 5 + 2 * (WCC_DEFAULT_MAX_DEPTH + 1), "",
               "unexpected character ']', expected ',' or '}'");
    ck_assert_int_eq(check_exact(nul_cut, strlen(nul_cut), &err), WCC_ERR_SYNTAX);
    expect_err("513 nul cut", &err, WCC_ERR_SYNTAX, strlen(nul_cut), "", EOI);
    free(cut);
    free(inner);
    free(closed_wrong);
    free(nul_cut);
}
END_TEST

START_TEST(test_text_depth_first_in_order)
{
    wcc_error err;
    char *nul_inside = nest(WCC_DEFAULT_MAX_DEPTH + 1, "[", "\"\\u0000\"", "]");
    char *nul_before = nest(1, "[\"\\u0000\",", nul_inside, "]");
    ck_assert_int_eq(check_exact(nul_inside, strlen(nul_inside), &err), WCC_ERR_DEPTH);
    expect_err("nul inside", &err, WCC_ERR_DEPTH, WCC_DEFAULT_MAX_DEPTH, "", DEEPER);
    ck_assert_int_eq(check_exact(nul_before, strlen(nul_before), &err), WCC_ERR_VALUE);
    expect_err("nul before", &err, WCC_ERR_VALUE, 2, "/0", NUL_STR);
    free(nul_inside);
    free(nul_before);
}
END_TEST

/* Objects and arrays alternate past the limit, so the kept bits decide which
 * closer and which element matches. Each unit opens a '[' at 14 * k. */
START_TEST(test_text_depth_mixed)
{
    wcc_error err;
    const char *unit = "[0,{\"a\":1,\"b\":";
    char *ok = nest(600, unit, "2", "}]");
    char *swapped = nest(600, unit, "2", "]}");
    char *key_missing = nest(600, unit, "2,3", "}]");
    ck_assert_int_eq(check_exact(ok, strlen(ok), &err), WCC_ERR_DEPTH);
    expect_err("mixed", &err, WCC_ERR_DEPTH, 14 * 256, "", DEEPER);
    ck_assert_int_eq(check_exact(swapped, strlen(swapped), &err), WCC_ERR_SYNTAX);
    expect_err("swapped", &err, WCC_ERR_SYNTAX, 14 * 600 + 1, "",
               "unexpected character ']', expected ',' or '}'");
    ck_assert_int_eq(check_exact(key_missing, strlen(key_missing), &err), WCC_ERR_SYNTAX);
    expect_err("key", &err, WCC_ERR_SYNTAX, 14 * 600 + 2, "",
               "unexpected character '3', expected a string key");
    free(ok);
    free(swapped);
    free(key_missing);
}
END_TEST

START_TEST(test_text_depth_huge)
{
    enum { N = 100000 };
    wcc_error err;
    char *deep = nest(N, "[", "", "]");
    ck_assert_int_eq(check_exact(deep, 2 * N, &err), WCC_ERR_DEPTH);
    expect_err("100000", &err, WCC_ERR_DEPTH, WCC_DEFAULT_MAX_DEPTH, "", DEEPER);
    ck_assert_int_eq(wcc_check_text(deep, 2 * N, NULL, NULL), WCC_ERR_DEPTH);
    deep[2 * N - 1] = '}';
    ck_assert_int_eq(check_exact(deep, 2 * N, &err), WCC_ERR_SYNTAX);
    expect_err("100000 }", &err, WCC_ERR_SYNTAX, 2 * N - 1, "",
               "unexpected character '}', expected ',' or ']'");
    ck_assert_int_eq(wcc_check_text(deep, 2 * N, NULL, NULL), WCC_ERR_SYNTAX);
    ck_assert_int_eq(check_exact(deep, N, &err), WCC_ERR_SYNTAX);
    expect_err("100000 cut", &err, WCC_ERR_SYNTAX, N, "", EOI);
    free(deep);
}
END_TEST

START_TEST(test_text_depth_parse)
{
    const cJSON *tree = NULL;
    wcc_arena *arena = NULL;
    wcc_error err;
    char *ok = nest(WCC_DEFAULT_MAX_DEPTH, "[", "\"x\"", "]");
    const cJSON *leaf;
    wcc_error_reset(&err);
    ck_assert_int_eq(wcc_parse(ok, strlen(ok), NULL, &arena, &tree, &err), WCC_OK);
    leaf = tree;
    for (int i = 0; i < WCC_DEFAULT_MAX_DEPTH; i++)
        leaf = leaf->child;
    ck_assert_str_eq(leaf->valuestring, "x");
    wcc_arena_destroy(arena);
    free(ok);
}
END_TEST

START_TEST(test_text_nul_path_truncated)
{
    wcc_error err;
    char *deep = nest(200, "[", "\"\\u0000\"", "]");
    char expected[WCC_ERROR_PATH_MAX];
    char *p = expected;
    for (int i = 0; i < 126; i++, p += 2)
        memcpy(p, "/0", 2);
    memcpy(p, "...", 4);
    ck_assert_int_eq(check_exact(deep, strlen(deep), &err), WCC_ERR_VALUE);
    expect_err("deep", &err, WCC_ERR_VALUE, 201, expected, NUL_STR);
    ck_assert(err.path_truncated);
    ck_assert_uint_eq(strlen(err.path), 255);
    free(deep);
}
END_TEST

/* A later syntax error replaces the whole recorded \u0000 error. */
START_TEST(test_text_nul_path_then_syntax)
{
    wcc_error err;
    char *cut = nest(200, "[", "\"\\u0000\"", "");
    ck_assert_int_eq(check_exact(cut, strlen(cut), &err), WCC_ERR_SYNTAX);
    expect_err("cut", &err, WCC_ERR_SYNTAX, strlen(cut), "", EOI);
    ck_assert(!err.path_truncated);
    free(cut);
}
END_TEST

static char *number_text(size_t digits, const char *before, const char *after)
{
    size_t lb = strlen(before), la = strlen(after);
    char *s = malloc(lb + digits + la + 1);
    ck_assert_ptr_nonnull(s);
    memcpy(s, before, lb);
    memset(s + lb, '7', digits);
    memcpy(s + lb + digits, after, la + 1);
    return s;
}

/* Numbers of any length are read: the decoder parses them itself. */
START_TEST(test_text_long_numbers)
{
    wcc_error err;
    char *n400 = number_text(400, "[1,", "]");
    char *frac = number_text(300, "-0.", "");
    cJSON *tree;
    ck_assert_int_eq(check_exact(n400, strlen(n400), &err), WCC_OK);
    ck_assert_int_eq(check_exact(frac, strlen(frac), &err), WCC_OK);
    tree = parse_ok(frac);
    ck_assert(tree->valuedouble == strtod(frac, NULL));
    cJSON_Delete(tree);
    /* Not JSON: a syntax error, however long the number before it. */
    free(n400);
    n400 = number_text(400, "[", ",");
    ck_assert_int_eq(check_exact(n400, strlen(n400), &err), WCC_ERR_SYNTAX);
    expect_err("cut", &err, WCC_ERR_SYNTAX, 402, "", EOI);
    free(n400);
    free(frac);
}
END_TEST

/* ---- wcc_parse ---- */

static void *failing_alloc(void *ctx, size_t size)
{
    (void)ctx;
    (void)size;
    return NULL;
}

static void plain_free(void *ctx, void *ptr)
{
    (void)ctx;
    free(ptr);
}

START_TEST(test_parse)
{
    const cJSON *tree = (const cJSON *)1;
    wcc_arena *arena = NULL;
    wcc_error err;
    static const char bom1[] = "\xEF\xBB\xBF" "7";
    wcc_error_reset(&err);
    ck_assert_int_eq(wcc_parse("[1,", 3, NULL, &arena, &tree, &err), WCC_ERR_SYNTAX);
    ck_assert_ptr_null(tree);
    expect_err("bad", &err, WCC_ERR_SYNTAX, 3, "", EOI);
    ck_assert_int_eq(wcc_parse(bom1, 4, NULL, &arena, &tree, &err), WCC_OK);
    ck_assert(cJSON_IsNumber(tree) && tree->valuedouble == 7);
    ck_assert_str_eq(tree->valuestring, "7");
    ck_assert_int_eq(wcc_parse("{\"a\":[1,\"\\u00e9\\ud83d\\ude00\\u0000\"]}xyz", 36, NULL, &arena,
                               &tree, &err), WCC_OK);
    ck_assert_str_eq(cJSON_GetArrayItem(cJSON_GetObjectItem(tree, "a"), 1)->valuestring,
                     "\xC3\xA9\xF0\x9F\x98\x80\xC0\x80");
    ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(tree, "a")), 2);
    ck_assert_int_eq(wcc_parse("1", 1, NULL, &arena, NULL, &err), WCC_ERR_INVALID_ARG);
    expect_err("out", &err, WCC_ERR_INVALID_ARG, 0, "", "NULL argument");
    ck_assert_int_eq(wcc_parse(NULL, 0, NULL, &arena, &tree, &err), WCC_ERR_INVALID_ARG);
    ck_assert_ptr_null(tree);
    wcc_arena_destroy(arena);
}
END_TEST

START_TEST(test_parse_nomem)
{
    const cJSON *tree = NULL;
    wcc_arena *arena = NULL;
    wcc_error err;
    const wcc_allocator failing = { failing_alloc, plain_free, NULL };
    const wcc_options options = { 0, 0, &failing, false };
    wcc_error_reset(&err);
    ck_assert_int_eq(wcc_parse("[1,2]", 5, &options, &arena, &tree, &err), WCC_ERR_NOMEM);
    ck_assert_ptr_null(tree);
    ck_assert_ptr_null(arena);
    expect_err("nomem", &err, WCC_ERR_NOMEM, 0, "", "out of memory while parsing");
}
END_TEST

/* ---- wcc_fail and paths ---- */

START_TEST(test_fail_paths)
{
    wcc_error err;
    wcc_path a = { NULL, "a/b~c", 0 };
    wcc_path i = { &a, NULL, 42 };
    wcc_path e = { &i, "", 0 };
    wcc_error_reset(&err);
    ck_assert_int_eq(wcc_fail(&err, NULL, WCC_ERR_TYPE, "x %d", 1), WCC_ERR_TYPE);
    expect_err("root", &err, WCC_ERR_TYPE, 0, "", "x 1");
    ck_assert_int_eq(wcc_fail(&err, &e, WCC_ERR_VALUE, "%s", "m"), WCC_ERR_VALUE);
    expect_err("steps", &err, WCC_ERR_VALUE, 0, "/a~1b~0c/42/", "m");
    ck_assert(!err.path_truncated);
    ck_assert_int_eq(wcc_fail(NULL, &e, WCC_ERR_MISSING, "m"), WCC_ERR_MISSING);
}
END_TEST

static void fail_with_key(wcc_error *err, const char *key)
{
    wcc_path step = { NULL, key, 0 };
    wcc_error_reset(err);
    wcc_fail(err, &step, WCC_ERR_VALUE, "m");
}

START_TEST(test_fail_path_truncation)
{
    wcc_error err;
    char key[400], expected[WCC_ERROR_PATH_MAX];
    memset(key, 'k', 254);
    key[254] = '\0';
    fail_with_key(&err, key);
    ck_assert_uint_eq(strlen(err.path), 255);
    ck_assert(!err.path_truncated);
    key[254] = 'k';
    key[255] = '\0';
    fail_with_key(&err, key);
    ck_assert(err.path_truncated);
    expected[0] = '/';
    memset(expected + 1, 'k', 251);
    memcpy(expected + 252, "...", 4);
    ck_assert_str_eq(err.path, expected);
}
END_TEST

START_TEST(test_fail_path_truncation_boundaries)
{
    wcc_error err;
    char key[400] = "";
    for (int n = 0; n < 127; n++)
        strcat(key, "\xC3\xA9");
    fail_with_key(&err, key);
    ck_assert(!err.path_truncated);
    ck_assert_uint_eq(strlen(err.path), 255);
    strcat(key, "\xC3\xA9");
    fail_with_key(&err, key);
    ck_assert(err.path_truncated);
    ck_assert_uint_eq(strlen(err.path), 254);
    ck_assert(wcc_utf8_valid(err.path, strlen(err.path)));
    ck_assert_str_eq(err.path + 251, "...");
    memset(key, '~', 200);
    key[200] = '\0';
    fail_with_key(&err, key);
    ck_assert(err.path_truncated);
    ck_assert_uint_eq(strlen(err.path), 254);
    ck_assert_str_eq(err.path + 247, "~0~0...");
}
END_TEST

START_TEST(test_fail_message_truncation)
{
    wcc_error err;
    char big[600];
    memset(big, 'm', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    wcc_error_reset(&err);
    wcc_fail(&err, NULL, WCC_ERR_VALUE, "%s", big);
    ck_assert_uint_eq(strlen(err.message), WCC_ERROR_MESSAGE_MAX - 1);
}
END_TEST

/* A message cut at its end, or a "%.64s" that cuts a key, never leaves half
 * a UTF-8 character; the mark of an escaped \u0000 is spelled out. */
START_TEST(test_fail_message_utf8)
{
    wcc_error err;
    char big[600];
    size_t n = 0;
    big[n++] = 'm';
    big[n++] = 'm';
    while (n + 2 < sizeof big) {
        big[n++] = '\xC3';
        big[n++] = '\xA9'; /* é, so the cut at 255 bytes falls inside one */
    }
    big[n] = '\0';
    wcc_fail(&err, NULL, WCC_ERR_VALUE, "%s", big);
    ck_assert_uint_eq(strlen(err.message), WCC_ERROR_MESSAGE_MAX - 2);
    ck_assert(wcc_utf8_valid(err.message, strlen(err.message)));
    wcc_fail(&err, NULL, WCC_ERR_VALUE, "key '%.2s' then '%s'", "\xC3\xA9", "x\xC0\x80y");
    ck_assert_str_eq(err.message, "key '\xC3\xA9' then 'x\\u0000y'");
    wcc_fail(&err, NULL, WCC_ERR_VALUE, "cut '%.1s'", "\xC3\xA9");
    ck_assert_str_eq(err.message, "cut '?'");
    const wcc_path key = {NULL, "a\xC0\x80/b", 0};
    wcc_fail(&err, &key, WCC_ERR_UNKNOWN_KEY, "unknown property '%.64s'", key.key);
    ck_assert_str_eq(err.path, "/a\\u0000~1b");
    ck_assert_str_eq(err.message, "unknown property 'a\\u0000/b'");
}
END_TEST

START_TEST(test_fail_deep_chain)
{
    enum { N = 3000 };
    wcc_path *steps = malloc(N * sizeof *steps);
    wcc_error err;
    ck_assert_ptr_nonnull(steps);
    for (size_t n = 0; n < N; n++) {
        steps[n].parent = n == 0 ? NULL : &steps[n - 1];
        steps[n].key = NULL;
        steps[n].index = n;
    }
    wcc_error_reset(&err);
    wcc_fail(&err, &steps[N - 1], WCC_ERR_TYPE, "deep");
    ck_assert(err.path_truncated);
    ck_assert(strncmp(err.path, "/0/1/2/3/4/5/6/7/8/9/10/11/", 27) == 0);
    ck_assert_uint_eq(strlen(err.path), 255);
    free(steps);
}
END_TEST

START_TEST(test_status_names_and_reset)
{
    wcc_error err;
    ck_assert_str_eq(wcc_status_name(WCC_OK), "WCC_OK");
    ck_assert_str_eq(wcc_status_name(WCC_ERR_DUPLICATE), "WCC_ERR_DUPLICATE");
    ck_assert_str_eq(wcc_status_name(WCC_ERR_INVALID_ARG), "WCC_ERR_INVALID_ARG");
    ck_assert_str_eq(wcc_status_name((wcc_status)99), "WCC_ERR_UNKNOWN");
    ck_assert_str_eq(wcc_status_name((wcc_status)-1), "WCC_ERR_UNKNOWN");
    wcc_fail(&err, NULL, WCC_ERR_TYPE, "x");
    err.offset = 9;
    err.path_truncated = true;
    wcc_error_reset(&err);
    expect_clean("reset", &err);
    wcc_error_reset(NULL);
}
END_TEST

/* ---- Readers ---- */

typedef struct reader_env {
    wcc_error err;
    wcc_decoder d;
    cJSON *tree;
} reader_env;

/* tree is [null, true, 1, "s", [], {}]. */
static void env_init(reader_env *env, const char *json)
{
    wcc_error_reset(&env->err);
    wcc_decoder_init(&env->d, NULL, &env->err, true);
    env->tree = parse_ok(json);
}

static void env_free(reader_env *env)
{
    cJSON_Delete(env->tree);
    wcc_arena_destroy(env->d.arena);
}

static const char *const kinds[] = { "null", "boolean", "number", "string", "array",
                                     "object" };
#define ALL_KINDS "[null, true, 1, \"s\", [], {}]"

START_TEST(test_read_wrong_types)
{
    reader_env env;
    const wcc_path at = { NULL, "f", 0 };
    char msg[64];
    const char *s;
    int64_t i64;
    int32_t i32;
    double dbl;
    bool b;
    env_init(&env, ALL_KINDS);
    for (int k = 0; k < 6; k++) {
        const cJSON *v = cJSON_GetArrayItem(env.tree, k);
        if (k != 3) {
            ck_assert_int_eq(wcc_read_string(&env.d, &at, v, &s), WCC_ERR_TYPE);
            snprintf(msg, sizeof msg, "expected string, found %s", kinds[k]);
            expect_err("string", &env.err, WCC_ERR_TYPE, 0, "/f", msg);
            ck_assert_int_eq(wcc_read_const(&env.d, &at, v, "s"), WCC_ERR_TYPE);
            expect_err("const", &env.err, WCC_ERR_TYPE, 0, "/f", msg);
        }
        if (k != 2) {
            ck_assert_int_eq(wcc_read_int64(&env.d, &at, v, &i64), WCC_ERR_TYPE);
            snprintf(msg, sizeof msg, "expected integer, found %s", kinds[k]);
            expect_err("int64", &env.err, WCC_ERR_TYPE, 0, "/f", msg);
            ck_assert_int_eq(wcc_read_int32(&env.d, &at, v, &i32), WCC_ERR_TYPE);
            expect_err("int32", &env.err, WCC_ERR_TYPE, 0, "/f", msg);
            ck_assert_int_eq(wcc_read_double(&env.d, &at, v, &dbl), WCC_ERR_TYPE);
            snprintf(msg, sizeof msg, "expected number, found %s", kinds[k]);
            expect_err("double", &env.err, WCC_ERR_TYPE, 0, "/f", msg);
        }
        if (k != 1) {
            ck_assert_int_eq(wcc_read_bool(&env.d, &at, v, &b), WCC_ERR_TYPE);
            snprintf(msg, sizeof msg, "expected boolean, found %s", kinds[k]);
            expect_err("bool", &env.err, WCC_ERR_TYPE, 0, "/f", msg);
        }
        if (k != 4) {
            ck_assert_int_eq(wcc_expect_array(&env.d, &at, v), WCC_ERR_TYPE);
            snprintf(msg, sizeof msg, "expected array, found %s", kinds[k]);
            expect_err("array", &env.err, WCC_ERR_TYPE, 0, "/f", msg);
        }
        if (k != 5) {
            ck_assert_int_eq(wcc_expect_object(&env.d, &at, v), WCC_ERR_TYPE);
            snprintf(msg, sizeof msg, "expected object, found %s", kinds[k]);
            expect_err("object", &env.err, WCC_ERR_TYPE, 0, "/f", msg);
        }
    }
    ck_assert_int_eq(wcc_expect_array(&env.d, &at, cJSON_GetArrayItem(env.tree, 4)), WCC_OK);
    ck_assert_int_eq(wcc_expect_object(&env.d, &at, cJSON_GetArrayItem(env.tree, 5)), WCC_OK);
    env_free(&env);
}
END_TEST

START_TEST(test_read_missing)
{
    reader_env env;
    const char *s = "unchanged";
    int64_t i64 = 5;
    env_init(&env, "{}");
    ck_assert_int_eq(wcc_read_string(&env.d, NULL, NULL, &s), WCC_ERR_MISSING);
    expect_err("string", &env.err, WCC_ERR_MISSING, 0, "", "expected string, found nothing");
    ck_assert_str_eq(s, "unchanged");
    ck_assert_int_eq(wcc_read_int64(&env.d, NULL, NULL, &i64), WCC_ERR_MISSING);
    expect_err("int64", &env.err, WCC_ERR_MISSING, 0, "", "expected integer, found nothing");
    ck_assert_int_eq(i64, 5);
    ck_assert_int_eq(wcc_expect_object(&env.d, NULL, NULL), WCC_ERR_MISSING);
    env_free(&env);
}
END_TEST

START_TEST(test_read_string_and_const)
{
    reader_env env;
    const char *s = NULL;
    const wcc_path at = { NULL, NULL, 3 };
    env_init(&env, "[\"h\\u00e9llo\", \"\"]");
    ck_assert_int_eq(wcc_read_string(&env.d, &at, env.tree->child, &s), WCC_OK);
    ck_assert_str_eq(s, "h\xC3\xA9llo");
    ck_assert_ptr_ne(s, env.tree->child->valuestring);
    ck_assert_int_eq(wcc_read_string(&env.d, &at, env.tree->child->next, &s), WCC_OK);
    ck_assert_str_eq(s, "");
    ck_assert_int_eq(wcc_read_const(&env.d, &at, env.tree->child, "h\xC3\xA9llo"), WCC_OK);
    ck_assert_int_eq(wcc_read_const(&env.d, &at, env.tree->child, "hello"), WCC_ERR_VALUE);
    expect_err("const", &env.err, WCC_ERR_VALUE, 0, "/3",
               "expected \"hello\", found \"h\xC3\xA9llo\"");
    env_free(&env);
}
END_TEST

START_TEST(test_read_string_unchecked_utf8)
{
    reader_env env;
    const char *s = NULL;
    cJSON *bad = cJSON_CreateString("a\xC0\x80");
    env_init(&env, "1");
    env.d.text_checked = false;
    ck_assert_int_eq(wcc_read_string(&env.d, NULL, bad, &s), WCC_ERR_VALUE);
    expect_err("bad", &env.err, WCC_ERR_VALUE, 0, "", "string is not valid UTF-8");
    ck_assert_ptr_null(s);
    /* From a checked text, C0 80 can only be wcc_parse's mark of a \u0000. */
    env.d.text_checked = true;
    ck_assert_int_eq(wcc_read_string(&env.d, NULL, bad, &s), WCC_ERR_VALUE);
    expect_err("marked", &env.err, WCC_ERR_VALUE, 0, "",
               "string contains \\u0000, which a C string cannot hold");
    cJSON_Delete(bad);
    bad = cJSON_CreateString("a\xFF");
    ck_assert_int_eq(wcc_read_string(&env.d, NULL, bad, &s), WCC_OK);
    ck_assert_str_eq(s, "a\xFF");
    cJSON_Delete(bad);
    env_free(&env);
}
END_TEST

typedef struct int_case {
    const char *json;
    wcc_status code64;
    wcc_status code32;
    int64_t value;
    const char *message; /* of the reader that fails first */
} int_case;

#define INT32_RANGE " does not fit in int32 (-2147483648..2147483647)"
#define OUTSIDE " is outside the int64 range"
/* From parsed text the digits decide, exactly over the whole int64 range. */
static const int_case int_cases[] = {
    { "0", WCC_OK, WCC_OK, 0, "" },
    { "-0", WCC_OK, WCC_OK, 0, "" },
    { "-0.0", WCC_OK, WCC_OK, 0, "" },
    { "0e999999999999999999", WCC_OK, WCC_OK, 0, "" },
    { "1.0", WCC_OK, WCC_OK, 1, "" },
    { "1e2", WCC_OK, WCC_OK, 100, "" },
    { "12.50e1", WCC_OK, WCC_OK, 125, "" },
    { "1500e-2", WCC_OK, WCC_OK, 15, "" },
    { "-7", WCC_OK, WCC_OK, -7, "" },
    { "2147483647", WCC_OK, WCC_OK, INT32_MAX, "" },
    { "-2147483648", WCC_OK, WCC_OK, INT32_MIN, "" },
    { "2147483648", WCC_OK, WCC_ERR_RANGE, 2147483648LL, "integer 2147483648" INT32_RANGE },
    { "-2147483649", WCC_OK, WCC_ERR_RANGE, -2147483649LL, "integer -2147483649" INT32_RANGE },
    { "9007199254740991", WCC_OK, WCC_ERR_RANGE, 9007199254740991LL,
      "integer 9007199254740991" INT32_RANGE },
    { "9007199254740993", WCC_OK, WCC_ERR_RANGE, 9007199254740993LL,
      "integer 9007199254740993" INT32_RANGE },
    { "-9007199254740993", WCC_OK, WCC_ERR_RANGE, -9007199254740993LL,
      "integer -9007199254740993" INT32_RANGE },
    { "100000000000000000", WCC_OK, WCC_ERR_RANGE, 100000000000000000LL,
      "integer 100000000000000000" INT32_RANGE },
    { "9223372036854775807", WCC_OK, WCC_ERR_RANGE, INT64_MAX,
      "integer 9223372036854775807" INT32_RANGE },
    { "-9223372036854775808", WCC_OK, WCC_ERR_RANGE, INT64_MIN,
      "integer -9223372036854775808" INT32_RANGE },
    { "92233720368547758.07e2", WCC_OK, WCC_ERR_RANGE, INT64_MAX,
      "integer 9223372036854775807" INT32_RANGE },
    { "9223372036854775808", WCC_ERR_RANGE, WCC_ERR_RANGE, 0, "integer 9223372036854775808" OUTSIDE },
    { "-9223372036854775809", WCC_ERR_RANGE, WCC_ERR_RANGE, 0,
      "integer -9223372036854775809" OUTSIDE },
    { "10000000000000000000", WCC_ERR_RANGE, WCC_ERR_RANGE, 0, "integer 10000000000000000000" OUTSIDE },
    { "1e19", WCC_ERR_RANGE, WCC_ERR_RANGE, 0, "integer 1e19" OUTSIDE },
    { "1e300", WCC_ERR_RANGE, WCC_ERR_RANGE, 0, "integer 1e300" OUTSIDE },
    { "-1e999", WCC_ERR_RANGE, WCC_ERR_RANGE, 0, "integer -1e999" OUTSIDE },
    { "1.5", WCC_ERR_TYPE, WCC_ERR_TYPE, 0, "expected integer, found 1.5" },
    { "-0.5", WCC_ERR_TYPE, WCC_ERR_TYPE, 0, "expected integer, found -0.5" },
    { "0.1", WCC_ERR_TYPE, WCC_ERR_TYPE, 0, "expected integer, found 0.1" },
    { "1.0000000000000001", WCC_ERR_TYPE, WCC_ERR_TYPE, 0, "expected integer, found 1.0000000000000001" },
    { "1e-300", WCC_ERR_TYPE, WCC_ERR_TYPE, 0, "expected integer, found 1e-300" },
};

START_TEST(test_read_ints)
{
    const int_case *c = &int_cases[_i];
    reader_env env;
    int64_t v64 = -99;
    int32_t v32 = -99;
    const wcc_path at = { NULL, "n", 0 };
    env_init(&env, c->json);
    ck_assert_int_eq(wcc_read_int64(&env.d, &at, env.tree, &v64), c->code64);
    if (c->code64 != WCC_OK)
        expect_err(c->json, &env.err, c->code64, 0, "/n", c->message);
    ck_assert_int_eq(v64, c->code64 == WCC_OK ? c->value : -99);
    ck_assert_int_eq(wcc_read_int32(&env.d, &at, env.tree, &v32), c->code32);
    if (c->code32 != WCC_OK)
        expect_err(c->json, &env.err, c->code32, 0, "/n", c->message);
    ck_assert_int_eq(v32, c->code32 == WCC_OK ? c->value : -99);
    env_free(&env);
}
END_TEST

/* A caller's tree has only doubles, which may have been rounded already:
 * there the magnitude stops at 2^53 - 1. */
START_TEST(test_read_int_from_tree)
{
    static const struct {
        double value;
        wcc_status code;
        const char *message;
    } cases[] = {
        { 9007199254740991.0, WCC_OK, "" },
        { -9007199254740991.0, WCC_OK, "" },
        { 9007199254740992.0, WCC_ERR_RANGE,
          "integer 9007199254740992 exceeds 2^53-1 in magnitude and cannot be read exactly" },
        { -9223372036854775808.0, WCC_ERR_RANGE,
          "integer -9.2233720368547758e+18 exceeds 2^53-1 in magnitude and cannot be read exactly" },
        { 2.5, WCC_ERR_TYPE, "expected integer, found 2.5" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wcc_decoder d;
        wcc_error err;
        int64_t v = -99;
        cJSON *node = cJSON_CreateNumber(cases[i].value);
        ck_assert_ptr_nonnull(node);
        wcc_error_reset(&err);
        wcc_decoder_init(&d, NULL, &err, false);
        wcc_status st = wcc_read_int64(&d, NULL, node, &v);
        cJSON_Delete(node);
        ck_assert_int_eq(st, cases[i].code);
        ck_assert_str_eq(err.message, cases[i].message);
        ck_assert(v == (st == WCC_OK ? (int64_t)cases[i].value : -99));
    }
}
END_TEST

START_TEST(test_read_double_and_bool)
{
    reader_env env;
    double v = 0;
    bool b = false;
    cJSON *nan_item = cJSON_CreateNumber(NAN);
    env_init(&env, "[1.5, 1e999, -1e999, true, false]");
    ck_assert_int_eq(wcc_read_double(&env.d, NULL, cJSON_GetArrayItem(env.tree, 0), &v), WCC_OK);
    ck_assert(v == 1.5);
    ck_assert_int_eq(wcc_read_double(&env.d, NULL, cJSON_GetArrayItem(env.tree, 1), &v),
                     WCC_ERR_RANGE);
    expect_err("inf", &env.err, WCC_ERR_RANGE, 0, "", "number is too large for a double");
    ck_assert_int_eq(wcc_read_double(&env.d, NULL, cJSON_GetArrayItem(env.tree, 2), &v),
                     WCC_ERR_RANGE);
    ck_assert_int_eq(wcc_read_double(&env.d, NULL, nan_item, &v), WCC_ERR_RANGE);
    expect_err("nan", &env.err, WCC_ERR_RANGE, 0, "", "number is NaN");
    ck_assert(v == 1.5);
    ck_assert_int_eq(wcc_read_bool(&env.d, NULL, cJSON_GetArrayItem(env.tree, 3), &b), WCC_OK);
    ck_assert(b);
    ck_assert_int_eq(wcc_read_bool(&env.d, NULL, cJSON_GetArrayItem(env.tree, 4), &b), WCC_OK);
    ck_assert(!b);
    cJSON_Delete(nan_item);
    env_free(&env);
}
END_TEST

START_TEST(test_child_count)
{
    cJSON *tree = parse_ok("[{\"a\":1,\"b\":2,\"c\":3},[1,2],5,[]]");
    ck_assert_uint_eq(wcc_child_count(tree), 4);
    ck_assert_uint_eq(wcc_child_count(tree->child), 3);
    ck_assert_uint_eq(wcc_child_count(tree->child->next), 2);
    ck_assert_uint_eq(wcc_child_count(tree->child->next->next), 0);
    ck_assert_uint_eq(wcc_child_count(tree->child->next->next->next), 0);
    ck_assert_uint_eq(wcc_child_count(NULL), 0);
    cJSON_Delete(tree);
}
END_TEST

/* ---- Duplicates ---- */

static size_t first_dup_of(const char *json)
{
    reader_env env;
    size_t index = 12345;
    env_init(&env, json);
    ck_assert_int_eq(wcc_first_duplicate(&env.d, env.tree, &index), WCC_OK);
    env_free(&env);
    return index;
}

/* An object of n members "k0".."k<n-1>", except that member i of each
 * (at, dup_of) pair is named k<dup_of>. */
static cJSON *big_object(size_t n, const size_t (*dups)[2], size_t ndups)
{
    cJSON *obj = cJSON_CreateObject();
    char key[32];
    for (size_t i = 0; i < n; i++) {
        size_t name = i;
        for (size_t d = 0; d < ndups; d++)
            if (dups[d][0] == i)
                name = dups[d][1];
        snprintf(key, sizeof key, "k%zu", name);
        cJSON_AddItemToObject(obj, key, cJSON_CreateNumber((double)i));
    }
    return obj;
}

static size_t big_dup(size_t n, const size_t (*dups)[2], size_t ndups)
{
    wcc_error err;
    wcc_decoder d;
    wcc_decoder_init(&d, NULL, &err, true);
    cJSON *obj = big_object(n, dups, ndups);
    size_t index = 0;
    ck_assert_int_eq(wcc_first_duplicate(&d, obj, &index), WCC_OK);
    cJSON_Delete(obj);
    return index;
}

START_TEST(test_first_duplicate_small)
{
    ck_assert_uint_eq(first_dup_of("{}"), SIZE_MAX);
    ck_assert_uint_eq(first_dup_of("{\"a\":1}"), SIZE_MAX);
    ck_assert_uint_eq(first_dup_of("{\"a\":1,\"b\":2,\"c\":3}"), SIZE_MAX);
    ck_assert_uint_eq(first_dup_of("{\"a\":1,\"b\":2,\"a\":3}"), 2);
    ck_assert_uint_eq(first_dup_of("{\"a\":1,\"b\":2,\"b\":3,\"a\":4}"), 2);
    ck_assert_uint_eq(first_dup_of("{\"a\":1,\"b\":2,\"c\":3,\"b\":4,\"a\":5}"), 3);
    ck_assert_uint_eq(first_dup_of("{\"\":1,\"\":2}"), 1);
    ck_assert_uint_eq(first_dup_of("{\"\\u00e9\":1,\"\xC3\xA9\":2}"), 1);
    ck_assert_uint_eq(first_dup_of("[1,1]"), SIZE_MAX);
    ck_assert_uint_eq(first_dup_of("5"), SIZE_MAX);
}
END_TEST

START_TEST(test_first_duplicate_sizes)
{
    static const size_t at15[][2] = { { 15, 0 } };
    static const size_t at16[][2] = { { 16, 0 } };
    static const size_t at700[][2] = { { 700, 3 } };
    static const size_t several[][2] = { { 950, 20 }, { 800, 10 }, { 900, 3 }, { 990, 3 } };
    static const size_t last[][2] = { { 999, 998 } };
    ck_assert_uint_eq(big_dup(16, NULL, 0), SIZE_MAX);
    ck_assert_uint_eq(big_dup(16, at15, 1), 15);
    ck_assert_uint_eq(big_dup(17, NULL, 0), SIZE_MAX);
    ck_assert_uint_eq(big_dup(17, at16, 1), 16);
    ck_assert_uint_eq(big_dup(1000, NULL, 0), SIZE_MAX);
    ck_assert_uint_eq(big_dup(1000, at700, 1), 700);
    ck_assert_uint_eq(big_dup(1000, several, 4), 800);
    ck_assert_uint_eq(big_dup(1000, last, 1), 999);
}
END_TEST

/* The runtime's key hash (FNV-1a, 32 bits), to build keys that all land in
 * one slot of its table. */
static uint32_t fnv1a(const char *key)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)key; *p != '\0'; p++)
        h = (h ^ *p) * 16777619u;
    return h;
}

/* 200 keys hashing alike in their low 9 bits (the table has 512 slots):
 * probing would be quadratic, so the runtime gives up hashing and sorts.
 * The answer must not change. */
static size_t colliding_dup(size_t at, size_t dup_of)
{
    wcc_error err;
    wcc_decoder d;
    wcc_decoder_init(&d, NULL, &err, true);
    cJSON *obj = cJSON_CreateObject();
    char keys[200][16];
    size_t n = 0;
    for (unsigned i = 0; n < 200; i++) {
        snprintf(keys[n], sizeof keys[n], "c%u", i);
        if ((fnv1a(keys[n]) & 511) == 0)
            n++;
    }
    for (size_t i = 0; i < n; i++)
        cJSON_AddItemToObject(obj, keys[i == at ? dup_of : i], cJSON_CreateNumber((double)i));
    size_t index = 0;
    ck_assert_int_eq(wcc_first_duplicate(&d, obj, &index), WCC_OK);
    cJSON_Delete(obj);
    return index;
}

START_TEST(test_first_duplicate_colliding_keys)
{
    ck_assert_uint_eq(colliding_dup(SIZE_MAX, 0), SIZE_MAX);
    ck_assert_uint_eq(colliding_dup(150, 40), 150);
    ck_assert_uint_eq(colliding_dup(199, 198), 199);
    ck_assert_uint_eq(colliding_dup(1, 0), 1);
}
END_TEST

START_TEST(test_first_duplicate_null_keys)
{
    wcc_error err;
    wcc_decoder d;
    wcc_decoder_init(&d, NULL, &err, true);
    cJSON *obj = cJSON_CreateObject();
    size_t index = 0;
    /* Appending as to an array leaves the member's key NULL. */
    cJSON_AddItemToArray(obj, cJSON_CreateNull());
    cJSON_AddItemToObject(obj, "x", cJSON_CreateNull());
    ck_assert_int_eq(wcc_first_duplicate(&d, obj, &index), WCC_OK);
    ck_assert_uint_eq(index, SIZE_MAX);
    cJSON_AddItemToObject(obj, "", cJSON_CreateNull());
    ck_assert_int_eq(wcc_first_duplicate(&d, obj, &index), WCC_OK);
    ck_assert_uint_eq(index, 2);
    for (int i = 0; i < 20; i++)
        cJSON_AddItemToArray(obj, cJSON_CreateNull());
    ck_assert_int_eq(wcc_first_duplicate(&d, obj, &index), WCC_OK);
    ck_assert_uint_eq(index, 2);
    cJSON_Delete(obj);
}
END_TEST

typedef struct unknown_case {
    const char *json;
    wcc_status code;
    const char *path;
    const char *message;
} unknown_case;

static const unknown_case unknown_cases[] = {
    { "{\"a\":[1,{\"b\":2}],\"c\":{\"d\":{} } }", WCC_OK, "", "" },
    { "[1,\"x\",null]", WCC_OK, "", "" },
    { "7", WCC_OK, "", "" },
    { "{\"a\":1,\"a\":2}", WCC_ERR_DUPLICATE, "/u/a", "duplicate key \"a\"" },
    { "{\"a\":{\"x\":1,\"y\":{\"p\":1,\"p\":2} },\"a\":3}", WCC_ERR_DUPLICATE, "/u/a/y/p",
      "duplicate key \"p\"" },
    { "{\"a\":1,\"a\":{\"x\":1,\"x\":2} }", WCC_ERR_DUPLICATE, "/u/a", "duplicate key \"a\"" },
    { "[{\"a\":1},[{\"b\":1,\"b\":2}]]", WCC_ERR_DUPLICATE, "/u/1/0/b",
      "duplicate key \"b\"" },
    { "{\"a/b\":{\"~\":1,\"~\":2} }", WCC_ERR_DUPLICATE, "/u/a~1b/~0", "duplicate key \"~\"" },
    { "[{\"a\":{\"q\":1,\"q\":1} },{\"b\":1,\"b\":1}]", WCC_ERR_DUPLICATE, "/u/0/a/q",
      "duplicate key \"q\"" },
};

START_TEST(test_check_unknown)
{
    const unknown_case *c = &unknown_cases[_i];
    reader_env env;
    const wcc_path at = { NULL, "u", 0 };
    env_init(&env, c->json);
    ck_assert_int_eq(wcc_check_unknown(&env.d, &at, env.tree), c->code);
    if (c->code != WCC_OK)
        expect_err(c->json, &env.err, c->code, 0, c->path, c->message);
    else
        expect_clean(c->json, &env.err);
    env_free(&env);
}
END_TEST

START_TEST(test_check_unknown_large)
{
    static const size_t dups[][2] = { { 70, 3 } };
    wcc_error err;
    wcc_decoder d;
    wcc_decoder_init(&d, NULL, &err, true);
    cJSON *arr = cJSON_CreateArray();
    cJSON_AddItemToArray(arr, cJSON_CreateNumber(1));
    cJSON_AddItemToArray(arr, big_object(100, dups, 1));
    wcc_error_reset(&err);
    ck_assert_int_eq(wcc_check_unknown(&d, NULL, arr), WCC_ERR_DUPLICATE);
    expect_err("large", &err, WCC_ERR_DUPLICATE, 0, "/1/k3", "duplicate key \"k3\"");
    ck_assert_int_eq(wcc_check_unknown(&d, NULL, NULL), WCC_OK);
    cJSON_Delete(arr);
}
END_TEST

/* ---- Map keys ---- */

typedef struct map_entry {
    const char *key;
    int value;
} map_entry;

START_TEST(test_map_keys)
{
    wcc_error err;
    wcc_checker ck = { &err, wcc_allocator_of(NULL), 0, WCC_DEFAULT_MAX_DEPTH, false, false };
    const wcc_path at = { NULL, "m", 0 };
    map_entry ok[] = { { "a", 1 }, { "b", 2 }, { "c/d", 3 } };
    map_entry null_key[] = { { "a", 1 }, { NULL, 2 }, { "a", 3 } };
    map_entry bad_utf8[] = { { "a", 1 }, { "a", 1 }, { "\xED\xA0\x80", 3 } };
    map_entry dup[] = { { "a", 1 }, { "c/d", 2 }, { "b", 3 }, { "c/d", 4 }, { "b", 5 } };
    wcc_error_reset(&err);
    ck_assert_int_eq(wcc_check_map_keys(&ck, &at, "tags", ok, 3, sizeof ok[0]), WCC_OK);
    ck_assert_int_eq(wcc_check_map_keys(&ck, &at, "tags", NULL, 0, sizeof ok[0]), WCC_OK);
    ck_assert_int_eq(wcc_check_map_keys(&ck, &at, "tags", ok, 1, sizeof ok[0]), WCC_OK);
    expect_clean("ok", &err);
    ck_assert_int_eq(wcc_check_map_keys(&ck, &at, "tags", null_key, 3, sizeof null_key[0]),
                     WCC_ERR_MISSING);
    expect_err("null", &err, WCC_ERR_MISSING, 0, "/m", "tags: entry 1 has no key");
    ck_assert_int_eq(wcc_check_map_keys(&ck, &at, "tags", bad_utf8, 3, sizeof bad_utf8[0]),
                     WCC_ERR_VALUE);
    expect_err("utf8", &err, WCC_ERR_VALUE, 0, "/m", "tags: key of entry 2 is not valid UTF-8");
    ck_assert_int_eq(wcc_check_map_keys(&ck, &at, "tags", dup, 5, sizeof dup[0]),
                     WCC_ERR_DUPLICATE);
    expect_err("dup", &err, WCC_ERR_DUPLICATE, 0, "/m/c~1d", "tags: duplicate key \"c/d\"");
    ck_assert_int_eq(wcc_check_map_keys(&ck, &at, "tags", NULL, 2, sizeof dup[0]),
                     WCC_ERR_VALUE);
    expect_err("items", &err, WCC_ERR_VALUE, 0, "/m", "tags: items is NULL but count is 2");
    ck_assert_int_eq(wcc_check_map_keys(&ck, &at, "tags", ok, 3, 1), WCC_ERR_INVALID_ARG);
}
END_TEST

START_TEST(test_map_keys_large)
{
    enum { N = 100 };
    char names[N][16];
    map_entry entries[N];
    wcc_error err;
    wcc_checker ck = { &err, wcc_allocator_of(NULL), 0, WCC_DEFAULT_MAX_DEPTH, false, false };
    for (int i = 0; i < N; i++) {
        snprintf(names[i], sizeof names[i], "k%d", i == 70 || i == 90 ? 3 : i);
        entries[i].key = names[i];
        entries[i].value = i;
    }
    wcc_error_reset(&err);
    ck_assert_int_eq(wcc_check_map_keys(&ck, NULL, "big", entries, N, sizeof entries[0]),
                     WCC_ERR_DUPLICATE);
    expect_err("big", &err, WCC_ERR_DUPLICATE, 0, "/k3", "big: duplicate key \"k3\"");
    snprintf(names[70], sizeof names[70], "k70");
    snprintf(names[90], sizeof names[90], "k90");
    ck_assert_int_eq(wcc_check_map_keys(&ck, NULL, "big", entries, N, sizeof entries[0]),
                     WCC_OK);
}
END_TEST

/* ---- UTF-8 ---- */

typedef struct utf8_case {
    const char *s;
    size_t len;
    bool valid;
} utf8_case;

#define U8(s, ok) { s, sizeof(s) - 1, ok }

static const utf8_case utf8_cases[] = {
    U8("", true),
    U8("abc", true),
    U8("a\0b", true),
    U8("\xC2\x80", true),
    U8("\xDF\xBF", true),
    U8("\xE0\xA0\x80", true),
    U8("\xED\x9F\xBF", true),
    U8("\xEE\x80\x80", true),
    U8("\xEF\xBF\xBF", true),
    U8("\xF0\x90\x80\x80", true),
    U8("\xF4\x8F\xBF\xBF", true),
    U8("\xC0\x80", false),          /* overlong 2-byte */
    U8("\xC1\xBF", false),          /* overlong 2-byte */
    U8("\xE0\x80\x80", false),      /* overlong 3-byte */
    U8("\xE0\x9F\xBF", false),      /* overlong 3-byte */
    U8("\xF0\x80\x80\x80", false),  /* overlong 4-byte */
    U8("\xF0\x8F\xBF\xBF", false),  /* overlong 4-byte */
    U8("\xED\xA0\x80", false),      /* surrogate D800 */
    U8("\xED\xBF\xBF", false),      /* surrogate DFFF */
    U8("\xF4\x90\x80\x80", false),  /* U+110000 */
    U8("\xF5\x80\x80\x80", false),  /* lead above F4 */
    U8("\xF7\xBF\xBF\xBF", false),
    U8("\xFE", false),
    U8("\xFF", false),
    U8("\x80", false),              /* stray continuation */
    U8("a\xBF", false),
    U8("\xC3", false),              /* truncated */
    U8("\xE2\x82", false),
    U8("\xF0\x9F\x98", false),
    U8("\xC3" "a", false),
    U8("\xE2\x82" "a", false),
};

START_TEST(test_utf8_valid)
{
    const utf8_case *c = &utf8_cases[_i];
    ck_assert_msg(wcc_utf8_valid(c->s, c->len) == c->valid, "case %d", _i);
}
END_TEST

START_TEST(test_utf8_length_and_check)
{
    wcc_error err;
    const wcc_path at = { NULL, "name", 0 };
    ck_assert_uint_eq(wcc_utf8_length(""), 0);
    ck_assert_uint_eq(wcc_utf8_length("abc"), 3);
    ck_assert_uint_eq(wcc_utf8_length("\xC3\xA9"), 1);
    ck_assert_uint_eq(wcc_utf8_length("\xE2\x82\xAC"), 1);
    ck_assert_uint_eq(wcc_utf8_length("\xF0\x9F\x98\x80"), 1);
    ck_assert_uint_eq(wcc_utf8_length("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z"), 5);
    ck_assert_uint_eq(wcc_utf8_length(NULL), 0);
    ck_assert(wcc_utf8_valid(NULL, 0));
    wcc_error_reset(&err);
    ck_assert_int_eq(wcc_check_utf8(&err, &at, "name", "ok \xC3\xA9"), WCC_OK);
    ck_assert_int_eq(wcc_check_utf8(&err, &at, "name", NULL), WCC_OK);
    expect_clean("ok", &err);
    ck_assert_int_eq(wcc_check_utf8(&err, &at, "name", "bad \xC3"), WCC_ERR_VALUE);
    expect_err("bad", &err, WCC_ERR_VALUE, 0, "/name", "name is not valid UTF-8");
}
END_TEST

/* ---- Other checks ---- */

START_TEST(test_value_checks)
{
    wcc_error err;
    const wcc_path at = { NULL, "v", 0 };
    int dummy = 0;
    wcc_error_reset(&err);
    ck_assert_int_eq(wcc_check_int64_exact(&err, &at, "n", 9007199254740991LL), WCC_OK);
    ck_assert_int_eq(wcc_check_int64_exact(&err, &at, "n", -9007199254740991LL), WCC_OK);
    ck_assert_int_eq(wcc_check_finite(&err, &at, "x", 1e308), WCC_OK);
    ck_assert_int_eq(wcc_check_items(&err, &at, "list", NULL, 0), WCC_OK);
    ck_assert_int_eq(wcc_check_items(&err, &at, "list", &dummy, 1), WCC_OK);
    expect_clean("ok", &err);
    ck_assert_int_eq(wcc_check_int64_exact(&err, &at, "n", 9007199254740992LL), WCC_ERR_RANGE);
    expect_err("2^53", &err, WCC_ERR_RANGE, 0, "/v",
               "n: 9007199254740992 exceeds 2^53-1 in magnitude, which a cJSON number (a "
               "double) cannot hold exactly");
    ck_assert_int_eq(wcc_check_int64_exact(&err, &at, "n", INT64_MIN), WCC_ERR_RANGE);
    ck_assert_int_eq(wcc_check_finite(&err, &at, "x", INFINITY), WCC_ERR_RANGE);
    expect_err("inf", &err, WCC_ERR_RANGE, 0, "/v", "x: inf is not finite, which JSON cannot hold");
    ck_assert_int_eq(wcc_check_finite(&err, &at, "x", NAN), WCC_ERR_RANGE);
    ck_assert_int_eq(wcc_check_items(&err, &at, "list", NULL, 3), WCC_ERR_VALUE);
    expect_err("items", &err, WCC_ERR_VALUE, 0, "/v", "list: items is NULL but count is 3");
}
END_TEST

/* ---- Arena ---- */

static bool all_bytes(const unsigned char *p, size_t n, unsigned char value)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != value)
            return false;
    return true;
}

START_TEST(test_arena_growth)
{
    enum { N = 20000 };
    const wcc_allocator heap = wcc_allocator_of(NULL);
    wcc_arena *arena = NULL;
    unsigned char **blocks = malloc(N * sizeof *blocks);
    size_t *sizes = malloc(N * sizeof *sizes);
    ck_assert_ptr_nonnull(blocks);
    ck_assert_ptr_nonnull(sizes);
    for (size_t i = 0; i < N; i++) {
        sizes[i] = i % 1000 == 999 ? 5000 + i : i % 97 + 1;
        blocks[i] = wcc_arena_alloc(&arena, &heap, sizes[i]);
        ck_assert_ptr_nonnull(blocks[i]);
        ck_assert_uint_eq((uintptr_t)blocks[i] % _Alignof(max_align_t), 0);
        ck_assert_msg(all_bytes(blocks[i], sizes[i], 0), "allocation %zu not zeroed", i);
        memset(blocks[i], (int)(i & 0xFF), sizes[i]);
    }
    /* Had two allocations overlapped, the later pattern would show here. */
    for (size_t i = 0; i < N; i++)
        ck_assert_msg(all_bytes(blocks[i], sizes[i], (unsigned char)(i & 0xFF)),
                      "allocation %zu overwritten", i);
    wcc_arena_destroy(arena);
    free(blocks);
    free(sizes);
}
END_TEST

START_TEST(test_arena_edges)
{
    const wcc_allocator heap = wcc_allocator_of(NULL);
    wcc_arena *arena = NULL;
    void *a, *b;
    int64_t *arr;
    ck_assert_ptr_null(wcc_arena_alloc(NULL, &heap, 8));
    ck_assert_ptr_null(wcc_arena_alloc(&arena, &heap, SIZE_MAX));
    ck_assert_ptr_null(wcc_arena_alloc(&arena, &heap, SIZE_MAX - 20));
    ck_assert_ptr_null(arena);
    ck_assert_ptr_null(wcc_arena_alloc_array(&arena, &heap, SIZE_MAX / 2, 3));
    a = wcc_arena_alloc(&arena, &heap, 0);
    b = wcc_arena_alloc(&arena, &heap, 0);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_ptr_ne(a, b);
    arr = wcc_arena_alloc_array(&arena, &heap, 100, sizeof *arr);
    ck_assert_ptr_nonnull(arr);
    arr[99] = 1;
    /* A request larger than double the current block gets a block of its own. */
    arr = wcc_arena_alloc_array(&arena, &heap, 100000, sizeof *arr);
    ck_assert_ptr_nonnull(arr);
    ck_assert_int_eq(arr[99999], 0);
    arr[99999] = 1;
    ck_assert_ptr_null(wcc_arena_alloc_array(&arena, &heap, SIZE_MAX / 8 + 1, 8));
    ck_assert_ptr_nonnull(wcc_arena_alloc(&arena, &heap, 1));
    wcc_arena_destroy(arena);
    wcc_arena_destroy(NULL);
}
END_TEST

START_TEST(test_alloc_items)
{
    wcc_error err;
    wcc_decoder d;
    wcc_decoder_init(&d, NULL, &err, true);
    void *out = &d;
    wcc_error_reset(&err);
    ck_assert_int_eq(wcc_alloc_items(&d, 0, 8, &out), WCC_OK);
    ck_assert_ptr_null(out);
    ck_assert_int_eq(wcc_alloc_items(&d, 10, 8, &out), WCC_OK);
    ck_assert_ptr_nonnull(out);
    ck_assert_int_eq(((int64_t *)out)[9], 0);
    ck_assert_int_eq(wcc_alloc_items(&d, SIZE_MAX / 4, 8, &out), WCC_ERR_NOMEM);
    ck_assert_ptr_null(out);
    ck_assert_str_eq(err.message, "out of memory allocating 4611686018427387903 items of 8 bytes");
    wcc_arena_destroy(d.arena);
}
END_TEST

/* ---- Encoding ---- */

START_TEST(test_add_and_print)
{
    wcc_error err;
    wcc_encoder e;
    cJSON *obj = NULL, *arr = NULL;
    const int64_t one = 1;
    const char *const quoted = "x\"y";
    const bool yes = true;
    char *text;
    size_t len = 99;
    wcc_error_reset(&err);
    wcc_encoder_init(&e, NULL, &err);
    ck_assert_int_eq(wcc_begin_object(&e, &obj), WCC_OK);
    ck_assert_int_eq(wcc_put_key(&e, "a"), WCC_OK);
    ck_assert_int_eq(wcc_begin_array(&e, &arr), WCC_OK);
    ck_assert_int_eq(wcc_put_item(&e), WCC_OK);
    ck_assert_int_eq(wcc_write_int64(&e, &one), WCC_OK);
    ck_assert_int_eq(wcc_put_item(&e), WCC_OK);
    ck_assert_int_eq(wcc_write_string(&e, &quoted), WCC_OK);
    ck_assert_int_eq(wcc_end_array(&e, arr), WCC_OK);
    ck_assert_int_eq(wcc_put_key(&e, "b"), WCC_OK);
    ck_assert_int_eq(wcc_write_bool(&e, &yes), WCC_OK);
    ck_assert_int_eq(wcc_end_object(&e, obj), WCC_OK);
    expect_clean("adds", &err);
    text = wcc_text_result(&e, WCC_OK, &len);
    ck_assert_str_eq(text, "{\"a\":[1,\"x\\\"y\"],\"b\":true}");
    ck_assert_uint_eq(len, strlen(text));
    free(text);

    /* The same calls build a tree. */
    wcc_encoder_init_tree(&e, &err);
    ck_assert_int_eq(wcc_begin_object(&e, &obj), WCC_OK);
    ck_assert_int_eq(wcc_put_key(&e, "b"), WCC_OK);
    ck_assert_int_eq(wcc_write_bool(&e, &yes), WCC_OK);
    ck_assert_int_eq(wcc_end_object(&e, obj), WCC_OK);
    cJSON *tree = wcc_tree_result(&e, WCC_OK);
    text = cJSON_PrintUnformatted(tree);
    ck_assert_str_eq(text, "{\"b\":true}");
    ck_assert_int_eq(cJSON_GetObjectItemCaseSensitive(tree, "b")->valueint, 1);
    cJSON_free(text);
    cJSON_Delete(tree);
}
END_TEST

/* Prints item as an any value is printed: through an encoder. */
static char *print_any(cJSON *item, size_t *len, wcc_error *err)
{
    wcc_encoder e;
    wcc_error_reset(err);
    wcc_encoder_init(&e, NULL, err);
    return wcc_text_result(&e, wcc_write_any(&e, &item), len);
}

/* The encoder writes every number exactly, unlike cJSON's own printer. */
static void expect_printed(double v, const char *want)
{
    wcc_error err;
    wcc_encoder e;
    size_t len = 0;
    wcc_encoder_init(&e, NULL, &err);
    char *text = wcc_text_result(&e, wcc_write_double(&e, &v), &len);
    ck_assert_ptr_nonnull(text);
    ck_assert_str_eq(text, want);
    ck_assert_uint_eq(len, strlen(want));
    ck_assert(strtod(text, NULL) == v);
    free(text);
}

START_TEST(test_print_exact)
{
    expect_printed(9007199254740991.0, "9007199254740991");
    expect_printed(-9007199254740991.0, "-9007199254740991");
    expect_printed(8999999999999999.0, "8999999999999999");
    expect_printed(1733211616959.0, "1733211616959");
    expect_printed(-0.0, "-0");
    expect_printed(0.0, "0");
    expect_printed(0.1, "0.1");
    expect_printed(0.1 + 0.2, "0.30000000000000004");
    expect_printed(1.4999999999999998, "1.4999999999999998");
    expect_printed(9007199254740992.0, "9007199254740992");
    /* Whole within int64: every digit, so that it reads back the same way. */
    expect_printed(9223372036854770.0, "9223372036854770");
    expect_printed(1e18, "1000000000000000000");
    expect_printed(-9223372036854775808.0, "-9223372036854775808");
    expect_printed(9223372036854775808.0, "9.223372036854776e+18");
    expect_printed(1e300, "1e+300");
    expect_printed(5e-324, "4.94065645841247e-324");
    expect_printed(-2.5, "-2.5");

    wcc_error err;
    cJSON *item = cJSON_CreateString("a\"b\\c\n\x01\x1f\x7f\xc3\xa9");
    char *text = print_any(item, NULL, &err);
    cJSON_Delete(item);
    ck_assert_str_eq(text, "\"a\\\"b\\\\c\\n\\u0001\\u001f\x7f\xc3\xa9\"");
    free(text);

    size_t len = 7;
    item = cJSON_CreateNumber(NAN);
    ck_assert_ptr_null(print_any(item, &len, &err));
    cJSON_Delete(item);
    ck_assert_uint_eq(len, 0);
    expect_err("nan", &err, WCC_ERR_RANGE, 0, "", "a number is not finite");
    item = cJSON_CreateRaw("1");
    ck_assert_ptr_null(print_any(item, NULL, &err));
    cJSON_Delete(item);
    expect_err("raw", &err, WCC_ERR_INVALID_ARG, 0, "",
               "a raw or invalid cJSON item cannot be printed");

    /* int64 is written from its digits, whatever its size. */
    const int64_t extremes[] = { INT64_MIN, INT64_MAX, 0, -7 };
    const char *const digits[] = { "-9223372036854775808", "9223372036854775807", "0", "-7" };
    for (size_t i = 0; i < 4; i++) {
        wcc_encoder e;
        wcc_encoder_init(&e, NULL, &err);
        text = wcc_text_result(&e, wcc_write_int64(&e, &extremes[i]), NULL);
        ck_assert_str_eq(text, digits[i]);
        free(text);
    }
    /* Two digits a step: every count of digits, odd and even, either sign. */
    for (int64_t p = 1; p <= INT64_MAX / 10; p *= 10)
        for (int64_t d = -1; d <= 1; d++)
            for (int sign = -1; sign <= 1; sign += 2) {
                const int64_t v = sign * (p + d);
                char want[32];
                wcc_encoder e;
                snprintf(want, sizeof want, "%" PRId64, v);
                wcc_encoder_init(&e, NULL, &err);
                text = wcc_text_result(&e, wcc_write_int64(&e, &v), NULL);
                ck_assert_str_eq(text, want);
                free(text);
            }
}
END_TEST

/* Strings that take every path of the word-at-a-time scans: each length
 * up to three 16-byte steps, with one of these at each place. */
static const char *const scan_inserts[] = {
    "", "\"", "\\", "\n", "\x01", "\x1f", "\x7f", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
    "\xFF", "\xC3", "\xED\xA0\x80", /* from here on, not UTF-8 */
};
enum { SCAN_FIRST_BAD = 10, SCAN_MAX_LEN = 48 };

/* s[0..len), all 'a' but for scan_inserts[ins] at at; false when it does
 * not fit. */
static bool scan_string(char *s, size_t len, size_t ins, size_t at)
{
    size_t n = strlen(scan_inserts[ins]);
    if (at + n > len || (n == 0 && at != 0))
        return false;
    memset(s, 'a', len);
    memcpy(s + at, scan_inserts[ins], n);
    s[len] = '\0';
    return true;
}

/* The JSON text of s, escaped one byte at a time. */
static void escape_slowly(const char *s, char *out)
{
    static const char hex[] = "0123456789abcdef";
    *out++ = '"';
    for (; *s != '\0'; s++) {
        unsigned char c = (unsigned char)*s;
        const char *two = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n" : NULL;
        if (two != NULL) {
            memcpy(out, two, 2);
            out += 2;
        } else if (c < 0x20) {
            memcpy(out, "\\u00", 4);
            out[4] = hex[c >> 4];
            out[5] = hex[c & 15];
            out += 6;
        } else {
            *out++ = (char)c;
        }
    }
    *out++ = '"';
    *out = '\0';
}

/* Writes s into a growing text, and into a fixed buffer just big enough
 * (whose writes take the byte-at-a-time path); both give want, or fail
 * as not UTF-8 when want is NULL. */
static void expect_string_written(const char *s, const char *want)
{
    wcc_error err;
    wcc_encoder e;
    char buf[8 * SCAN_MAX_LEN];
    size_t cap = want != NULL ? strlen(want) + 1 : sizeof buf, needed = 0;
    wcc_encoder_init(&e, NULL, &err);
    char *text = wcc_text_result(&e, wcc_write_string(&e, &s), NULL);
    wcc_encoder_init_fixed(&e, buf, cap, &err);
    wcc_status fixed = wcc_fixed_result(&e, wcc_write_string(&e, &s), &needed);
    if (want == NULL) {
        ck_assert_ptr_null(text);
        ck_assert_int_eq(fixed, WCC_ERR_VALUE);
        expect_err("not UTF-8", &err, WCC_ERR_VALUE, 0, "", "string is not valid UTF-8");
        wcc_encoder_init_fixed(&e, buf, 1, &err); /* byte at a time */
        ck_assert_int_eq(wcc_fixed_result(&e, wcc_write_string(&e, &s), &needed), WCC_ERR_VALUE);
        expect_err("not UTF-8, full buffer", &err, WCC_ERR_VALUE, 0, "", "string is not valid UTF-8");
        return;
    }
    ck_assert_ptr_nonnull(text);
    ck_assert_str_eq(text, want);
    free(text);
    ck_assert_int_eq(fixed, WCC_OK);
    ck_assert_str_eq(buf, want);
    ck_assert_uint_eq(needed, cap);
}

START_TEST(test_print_string_scan)
{
    char s[SCAN_MAX_LEN + 1], want[8 * SCAN_MAX_LEN];
    for (size_t len = 0; len <= SCAN_MAX_LEN; len++)
        for (size_t ins = 0; ins < sizeof scan_inserts / sizeof scan_inserts[0]; ins++)
            for (size_t at = 0; at <= len; at++) {
                if (!scan_string(s, len, ins, at))
                    continue;
                escape_slowly(s, want);
                expect_string_written(s, ins < SCAN_FIRST_BAD ? want : NULL);
            }
}
END_TEST

/* A caller's tree's strings are copied and checked in one pass. */
START_TEST(test_read_string_scan)
{
    char s[SCAN_MAX_LEN + 1];
    reader_env env;
    env_init(&env, "1");
    env.d.text_checked = false;
    for (size_t len = 0; len <= SCAN_MAX_LEN; len++)
        for (size_t ins = 0; ins < sizeof scan_inserts / sizeof scan_inserts[0]; ins++)
            for (size_t at = 0; at <= len; at++) {
                if (!scan_string(s, len, ins, at))
                    continue;
                cJSON *item = cJSON_CreateString(s);
                const char *copy = NULL;
                wcc_status st = wcc_read_string(&env.d, NULL, item, &copy);
                cJSON_Delete(item);
                if (ins >= SCAN_FIRST_BAD) {
                    ck_assert_int_eq(st, WCC_ERR_VALUE);
                    ck_assert_ptr_null(copy);
                    continue;
                }
                ck_assert_int_eq(st, WCC_OK);
                ck_assert_str_eq(copy, s);
            }
    env_free(&env);
}
END_TEST

START_TEST(test_add_and_print_nomem)
{
    wcc_error err;
    wcc_encoder e;
    cJSON *obj = (cJSON *)1;
    size_t len = 5;
    const wcc_allocator failing = { failing_alloc, plain_free, NULL };
    const wcc_options options = { 0, 0, &failing, false };
    wcc_error_reset(&err);
    wcc_encoder_init(&e, &options, &err);
    ck_assert_int_eq(wcc_begin_object(&e, &obj), WCC_ERR_NOMEM);
    ck_assert_ptr_null(obj);
    expect_err("object", &err, WCC_ERR_NOMEM, 0, "", "out of memory");
    ck_assert_int_eq(wcc_put_key(&e, "later"), WCC_ERR_NOMEM); /* nothing more is written */
    ck_assert_ptr_null(wcc_text_result(&e, WCC_OK, &len));
    ck_assert_uint_eq(len, 0);
}
END_TEST

/* ---- Suite ---- */

static Suite *runtime_suite(void)
{
    Suite *s = suite_create("wcc_runtime");
    TCase *text = tcase_create("text");
    TCase *errors = tcase_create("errors");
    TCase *readers = tcase_create("readers");
    TCase *dups = tcase_create("duplicates");
    TCase *checks = tcase_create("checks");
    TCase *memory = tcase_create("memory");
    int ntext = (int)(sizeof text_cases / sizeof text_cases[0]);
    tcase_add_loop_test(text, test_text_table, 0, ntext);
    tcase_add_test(text, test_text_reads_only_len);
    tcase_add_test(text, test_text_null_and_no_err);
    tcase_add_test(text, test_text_success_leaves_err);
    tcase_add_test(text, test_text_depth);
    tcase_add_test(text, test_text_depth_then_syntax);
    tcase_add_test(text, test_text_depth_first_in_order);
    tcase_add_test(text, test_text_depth_mixed);
    tcase_add_test(text, test_text_depth_huge);
    tcase_add_test(text, test_text_depth_parse);
    tcase_add_test(text, test_text_nul_path_truncated);
    tcase_add_test(text, test_text_nul_path_then_syntax);
    tcase_add_test(text, test_text_long_numbers);
    tcase_add_test(text, test_parse);
    tcase_add_test(text, test_parse_nomem);
    tcase_add_test(errors, test_fail_paths);
    tcase_add_test(errors, test_fail_path_truncation);
    tcase_add_test(errors, test_fail_path_truncation_boundaries);
    tcase_add_test(errors, test_fail_message_utf8);
    tcase_add_test(errors, test_fail_message_truncation);
    tcase_add_test(errors, test_fail_deep_chain);
    tcase_add_test(errors, test_status_names_and_reset);
    tcase_add_test(readers, test_read_wrong_types);
    tcase_add_test(readers, test_read_missing);
    tcase_add_test(readers, test_read_string_and_const);
    tcase_add_test(readers, test_read_string_unchecked_utf8);
    tcase_add_loop_test(readers, test_read_ints, 0,
                        (int)(sizeof int_cases / sizeof int_cases[0]));
    tcase_add_test(readers, test_read_int_from_tree);
    tcase_add_test(readers, test_read_double_and_bool);
    tcase_add_test(readers, test_child_count);
    tcase_add_test(dups, test_first_duplicate_small);
    tcase_add_test(dups, test_first_duplicate_colliding_keys);
    tcase_add_test(dups, test_first_duplicate_sizes);
    tcase_add_test(dups, test_first_duplicate_null_keys);
    tcase_add_loop_test(dups, test_check_unknown, 0,
                        (int)(sizeof unknown_cases / sizeof unknown_cases[0]));
    tcase_add_test(dups, test_check_unknown_large);
    tcase_add_test(dups, test_map_keys);
    tcase_add_test(dups, test_map_keys_large);
    tcase_add_loop_test(checks, test_utf8_valid, 0,
                        (int)(sizeof utf8_cases / sizeof utf8_cases[0]));
    tcase_add_test(checks, test_utf8_length_and_check);
    tcase_add_test(checks, test_value_checks);
    tcase_add_test(memory, test_arena_growth);
    tcase_add_test(memory, test_arena_edges);
    tcase_add_test(memory, test_alloc_items);
    tcase_add_test(memory, test_add_and_print);
    tcase_add_test(memory, test_print_exact);
    tcase_add_test(memory, test_add_and_print_nomem);
    tcase_add_test(memory, test_print_string_scan);
    tcase_add_test(memory, test_read_string_scan);
    suite_add_tcase(s, text);
    suite_add_tcase(s, errors);
    suite_add_tcase(s, readers);
    suite_add_tcase(s, dups);
    suite_add_tcase(s, checks);
    suite_add_tcase(s, memory);
    return s;
}

int main(void)
{
    SRunner *runner = srunner_create(runtime_suite());
    int failed;
    srunner_run_all(runner, CK_NORMAL);
    failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
