/* Tests of the oneOf dispatcher, on the library generated (prefix kw) from
 * tests/schemas/good/one_of.yaml: every alternative is chosen by its
 * discriminators and decoded, round trips, and every way a message can fail
 * to choose one, with exact codes, JSON Pointer paths and messages (Check). */
#include "kw_types.h"
#include "one_of.h"

#include <check.h>
#include <stdbool.h>
#include <stddef.h>
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
static kw_status decode_text(const char *text, kw_one_of *out, kw_error *err)
{
    size_t len = strlen(text);
    char *copy = malloc(len + 1);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, text, len);
    kw_status st = kw_one_of_decode(copy, len, out, err);
    free(copy);
    return st;
}

/* Decodes text that must be valid as the alternative kind. */
static void decode_ok(const char *text, kw_one_of *out, kw_one_of_kind kind)
{
    kw_error err;
    kw_status st = decode_text(text, out, &err);
    ck_assert_msg(st == KW_OK, "decode %s: %s at \"%s\": %s", text, kw_status_name(err.code),
                  err.path, err.message);
    ck_assert_int_eq(out->kind, kind);
}

/* Decodes text that must fail with code at path (and message, unless NULL),
 * leaving out empty. */
static void decode_bad(const char *text, kw_status code, const char *path, const char *message)
{
    kw_one_of out;
    kw_error err;
    memset(&out, 0xA5, sizeof out);
    kw_status st = decode_text(text, &out, &err);
    ck_assert_msg(st == code, "%s: returned %s", text, kw_status_name(st));
    expect_err(text, &err, code, path);
    if (message != NULL)
        ck_assert_msg(strcmp(err.message, message) == 0, "%s: message \"%s\", expected \"%s\"",
                      text, err.message, message);
    ck_assert_msg(is_zeroed(&out, sizeof out), "%s: out not emptied", text);
    kw_one_of_free(&out);
}

/* Encodes m, which must give exactly want, and decodes that back to an equal
 * message. */
static void round_trip(const kw_one_of *m, const char *want)
{
    kw_error err;
    size_t len = 0;
    char *text = kw_one_of_encode(m, &len, &err);
    ck_assert_msg(text != NULL, "encode: %s at \"%s\": %s", kw_status_name(err.code), err.path,
                  err.message);
    char shown[512];
    snprintf(shown, sizeof shown, "%s", text);
    kw_one_of back;
    kw_status st = decode_text(shown, &back, &err);
    bool same_text = strcmp(text, want) == 0 && len == strlen(want);
    free(text);
    ck_assert_msg(same_text, "encode:\n got  %s\n want %s", shown, want);
    ck_assert_msg(st == KW_OK, "decode of %s: %s", shown, err.message);
    ck_assert(kw_one_of_equal(m, &back));
    ck_assert(kw_one_of_equal(&back, m));
    kw_one_of_free(&back);
}

/* ---- Every alternative ---- */

START_TEST(test_login_success)
{
    static const char text[] = "{\"type\":\"Login\",\"trackingId\":\"t-1\","
                               "\"data\":{\"type\":\"LoginSuccess\",\"agentId\":\"a-1\"}}";
    kw_one_of m;
    decode_ok(text, &m, KW_ONE_OF_LOGIN_SUCCESS);
    ck_assert_ptr_nonnull(m.arena_);
    ck_assert_str_eq(m.as.login_success.tracking_id, "t-1");
    ck_assert_str_eq(m.as.login_success.data.agent_id, "a-1");
    /* The alternative shares the message's memory. */
    ck_assert_ptr_null(m.as.login_success.arena_);
    round_trip(&m, text);
    kw_one_of_free(&m);
    ck_assert(is_zeroed(&m, sizeof m));
}
END_TEST

START_TEST(test_failure_by_enums)
{
    kw_one_of m;
    decode_ok("{\"data\":{\"reason\":\"bad pin\",\"type\":\"LoginFailed\"},\"type\":\"Login\"}",
              &m, KW_ONE_OF_FAILURE);
    ck_assert_int_eq(m.as.failure.type, KW_FAILURE_TYPE_LOGIN);
    ck_assert_int_eq(m.as.failure.data.type, KW_FAILURE_DATA_TYPE_LOGIN_FAILED);
    ck_assert_str_eq(m.as.failure.data.reason, "bad pin");
    round_trip(&m, "{\"type\":\"Login\",\"data\":{\"type\":\"LoginFailed\",\"reason\":\"bad pin\"}}");
    kw_one_of_free(&m);
    decode_ok("{\"type\":\"Logout\",\"data\":{\"type\":\"LogoutFailed\",\"reason\":\"r\"}}", &m,
              KW_ONE_OF_FAILURE);
    ck_assert_int_eq(m.as.failure.type, KW_FAILURE_TYPE_LOGOUT);
    ck_assert_int_eq(m.as.failure.data.type, KW_FAILURE_DATA_TYPE_LOGOUT_FAILED);
    kw_one_of_free(&m);
}
END_TEST

/* Its data is optional: a Logout without data can only be a LogoutSuccess. */
START_TEST(test_logout_success_with_and_without_data)
{
    kw_one_of m;
    decode_ok("{\"type\":\"Logout\",\"data\":{\"type\":\"LogoutSuccess\",\"at\":17}}", &m,
              KW_ONE_OF_LOGOUT_SUCCESS);
    ck_assert(m.as.logout_success.has_data);
    ck_assert(m.as.logout_success.data.has_at);
    ck_assert_int_eq(m.as.logout_success.data.at, 17);
    round_trip(&m, "{\"type\":\"Logout\",\"data\":{\"type\":\"LogoutSuccess\",\"at\":17}}");
    kw_one_of_free(&m);
    decode_ok("{\"type\":\"Logout\"}", &m, KW_ONE_OF_LOGOUT_SUCCESS);
    ck_assert(!m.as.logout_success.has_data);
    round_trip(&m, "{\"type\":\"Logout\"}");
    kw_one_of_free(&m);
}
END_TEST

/* Strict and without "type": chosen by the absence of "type" and the
 * presence of "keepalive". */
START_TEST(test_keepalive_by_absence)
{
    kw_one_of m;
    decode_ok("{\"keepalive\":\"true\"}", &m, KW_ONE_OF_KEEPALIVE);
    round_trip(&m, "{\"keepalive\":\"true\"}");
    kw_one_of_free(&m);
    decode_bad("{\"keepalive\":\"true\",\"x\":1}", KW_ERR_UNKNOWN_KEY, "/x",
               "unknown property 'x'");
}
END_TEST

/* Note does not constrain "data": anything there is ignored. */
START_TEST(test_note_with_unconstrained_data)
{
    kw_one_of m;
    decode_ok("{\"type\":\"Note\",\"text\":\"hello\",\"data\":{\"type\":\"LoginSuccess\"}}", &m,
              KW_ONE_OF_NOTE);
    ck_assert_str_eq(m.as.note.text, "hello");
    round_trip(&m, "{\"type\":\"Note\",\"text\":\"hello\"}");
    kw_one_of_free(&m);
    decode_ok("{\"data\":7,\"keepalive\":false,\"type\":\"Note\",\"text\":\"\"}", &m,
              KW_ONE_OF_NOTE);
    kw_one_of_free(&m);
}
END_TEST

/* An inline alternative without a title is named after its place, and its
 * allOf is merged like any other. */
START_TEST(test_inline_all_of)
{
    kw_one_of m;
    decode_ok("{\"type\":\"Ping\",\"seq\":3,\"trackingId\":\"k\"}", &m, KW_ONE_OF_ONE_OF_6);
    ck_assert(m.as.one_of_6.has_seq);
    ck_assert_int_eq(m.as.one_of_6.seq, 3);
    ck_assert_str_eq(m.as.one_of_6.tracking_id, "k");
    round_trip(&m, "{\"trackingId\":\"k\",\"type\":\"Ping\",\"seq\":3}");
    kw_one_of_free(&m);
}
END_TEST

/* A strict record of another file, told from Keepalive by "keepalive" alone. */
START_TEST(test_point_from_other_file)
{
    kw_one_of m;
    decode_ok("{\"y\":-2,\"x\":1}", &m, KW_ONE_OF_POINT);
    ck_assert_int_eq(m.as.point.x, 1);
    ck_assert_int_eq(m.as.point.y, -2);
    round_trip(&m, "{\"x\":1,\"y\":-2}");
    kw_one_of_free(&m);
    decode_bad("{}", KW_ERR_MISSING, "/x", "missing required property 'x'");
}
END_TEST

/* ---- Choosing fails ---- */

START_TEST(test_unknown_value)
{
    decode_bad("{\"type\":\"Bogus\",\"data\":{}}", KW_ERR_VALUE, "/type",
               "expected one of 'Login', 'Logout', 'Note', 'Ping', found 'Bogus'");
    /* Only the values the remaining alternatives allow are named. */
    decode_bad("{\"type\":\"Login\",\"data\":{\"type\":\"LogoutSuccess\"}}", KW_ERR_VALUE,
               "/data/type", "expected one of 'LoginSuccess', 'LoginFailed', 'LogoutFailed', "
               "found 'LogoutSuccess'");
    decode_bad("{\"type\":\"Logout\",\"data\":{\"type\":\"LoginSuccess\"}}", KW_ERR_VALUE,
               "/data/type", "expected one of 'LoginFailed', 'LogoutFailed', 'LogoutSuccess', "
               "found 'LoginSuccess'");
    decode_bad("{\"keepalive\":\"false\"}", KW_ERR_VALUE, "/keepalive",
               "expected one of 'true', found 'false'");
}
END_TEST

/* The bad value is quoted up to 64 bytes, never cutting a UTF-8 sequence. */
START_TEST(test_unknown_value_cut)
{
    char text[256], want[256];
    snprintf(text, sizeof text, "{\"type\":\"x%s\"}",
             "éééééééééééééééééééééééééééééééééééééééé");
    snprintf(want, sizeof want, "expected one of 'Login', 'Logout', 'Note', 'Ping', found 'x%s'",
             "ééééééééééééééééééééééééééééééé");
    decode_bad(text, KW_ERR_VALUE, "/type", want);
    decode_bad("{\"type\":\"Lo\\u0000gin\"}", KW_ERR_VALUE, "/type",
               "string contains \\u0000, which a C string cannot hold");
}
END_TEST

START_TEST(test_missing_discriminator)
{
    decode_bad("{\"type\":\"Login\"}", KW_ERR_MISSING, "/data",
               "missing required property 'data'");
    decode_bad("{\"type\":\"Login\",\"data\":{\"agentId\":\"a\"}}", KW_ERR_MISSING, "/data/type",
               "missing required property 'type'");
    /* Present and absent discriminators are found in any member order. */
    decode_bad("{\"data\":{},\"type\":\"Logout\"}", KW_ERR_MISSING, "/data/type", NULL);
}
END_TEST

START_TEST(test_wrong_type_discriminator)
{
    decode_bad("{\"type\":5}", KW_ERR_TYPE, "/type", "expected string, found number");
    decode_bad("{\"type\":null}", KW_ERR_TYPE, "/type", "expected string, found null");
    decode_bad("{\"keepalive\":true}", KW_ERR_TYPE, "/keepalive", "expected string, found boolean");
    decode_bad("{\"type\":\"Login\",\"data\":[]}", KW_ERR_TYPE, "/data",
               "expected object, found array");
    decode_bad("{\"type\":\"Login\",\"data\":{\"type\":[\"LoginSuccess\"]}}", KW_ERR_TYPE,
               "/data/type", "expected string, found array");
}
END_TEST

START_TEST(test_root_not_object)
{
    decode_bad("[]", KW_ERR_TYPE, "", "expected object, found array");
    decode_bad("null", KW_ERR_TYPE, "", "expected object, found null");
    decode_bad("\"Login\"", KW_ERR_TYPE, "", "expected object, found string");
    decode_bad("{", KW_ERR_SYNTAX, "", NULL);
}
END_TEST

START_TEST(test_duplicate_discriminator)
{
    decode_bad("{\"type\":\"Login\",\"type\":\"Logout\"}", KW_ERR_DUPLICATE, "/type",
               "duplicate key 'type'");
    decode_bad("{\"type\":\"Login\",\"data\":{\"type\":\"LoginFailed\",\"type\":\"x\"}}",
               KW_ERR_DUPLICATE, "/data/type", NULL);
    /* Elsewhere the chosen alternative finds it, as any record does. */
    decode_bad("{\"type\":\"Note\",\"text\":\"a\",\"text\":\"b\"}", KW_ERR_DUPLICATE, "/text",
               NULL);
}
END_TEST

/* Once chosen, the alternative reports its own errors at their own paths. */
START_TEST(test_error_inside_alternative)
{
    decode_bad("{\"type\":\"Login\",\"data\":{\"type\":\"LoginSuccess\",\"agentId\":5}}",
               KW_ERR_TYPE, "/data/agentId", "expected string, found number");
    decode_bad("{\"type\":\"Login\",\"data\":{\"type\":\"LoginSuccess\"}}", KW_ERR_MISSING,
               "/data/agentId", NULL);
    decode_bad("{\"type\":\"Ping\",\"seq\":1.5}", KW_ERR_TYPE, "/seq", NULL);
    decode_bad("{\"type\":\"Note\"}", KW_ERR_MISSING, "/text", NULL);
    decode_bad("{\"x\":1,\"y\":2,\"z\":3}", KW_ERR_UNKNOWN_KEY, "/z", NULL);
}
END_TEST

START_TEST(test_reject_unknown_keys)
{
    static const char text[] = "{\"type\":\"Note\",\"text\":\"t\",\"extra\":1}";
    kw_options options = {0};
    kw_one_of m;
    kw_error err;
    options.reject_unknown_keys = true;
    ck_assert_int_eq(kw_one_of_decode_ex(text, strlen(text), &m, &options, &err),
                     KW_ERR_UNKNOWN_KEY);
    expect_err("reject_unknown_keys", &err, KW_ERR_UNKNOWN_KEY, "/extra");
}
END_TEST

/* from_cjson: strings of a caller's tree are checked before being quoted. */
START_TEST(test_from_cjson)
{
    cJSON *tree = cJSON_Parse("{\"type\":\"Note\",\"text\":\"t\"}");
    kw_one_of m;
    kw_error err;
    ck_assert_int_eq(kw_one_of_from_cjson(tree, &m, &err), KW_OK);
    ck_assert_int_eq(m.kind, KW_ONE_OF_NOTE);
    ck_assert_str_eq(m.as.note.text, "t");
    kw_one_of_free(&m);
    cJSON_ReplaceItemInObject(tree, "type", cJSON_CreateString("\xff"));
    ck_assert_int_eq(kw_one_of_from_cjson(tree, &m, &err), KW_ERR_VALUE);
    expect_err("invalid UTF-8", &err, KW_ERR_VALUE, "/type");
    ck_assert_str_eq(err.message, "string is not valid UTF-8");
    cJSON_Delete(tree);
}
END_TEST

/* ---- Built messages ---- */

START_TEST(test_encode_built)
{
    kw_one_of m;
    kw_one_of_init(&m);
    m.kind = KW_ONE_OF_NOTE;
    m.as.note.text = "built";
    round_trip(&m, "{\"type\":\"Note\",\"text\":\"built\"}");
    cJSON *tree = kw_one_of_to_cjson(&m, NULL);
    ck_assert_ptr_nonnull(tree);
    ck_assert_str_eq(cJSON_GetObjectItemCaseSensitive(tree, "type")->valuestring, "Note");
    cJSON_Delete(tree);
    kw_one_of_free(&m); /* only resets a built message */
    ck_assert_int_eq(m.kind, 0);
}
END_TEST

START_TEST(test_validate_bad_kind)
{
    kw_one_of m;
    kw_error err;
    size_t len = 7;
    kw_one_of_init(&m);
    ck_assert_int_eq(kw_one_of_validate(&m, &err), KW_ERR_VALUE);
    expect_err("kind 0", &err, KW_ERR_VALUE, "");
    ck_assert_str_eq(err.message, "kind 0 is not a kw_one_of_kind constant");
    m.kind = (kw_one_of_kind)8;
    ck_assert_int_eq(kw_one_of_validate(&m, &err), KW_ERR_VALUE);
    ck_assert_str_eq(err.message, "kind 8 is not a kw_one_of_kind constant");
    ck_assert_ptr_null(kw_one_of_encode(&m, &len, &err));
    ck_assert_uint_eq(len, 0);
    expect_err("encode kind 8", &err, KW_ERR_VALUE, "");
    /* A valid kind, then the alternative is checked. */
    m.kind = KW_ONE_OF_FAILURE;
    m.as.failure.type = KW_FAILURE_TYPE_LOGIN;
    m.as.failure.data.type = KW_FAILURE_DATA_TYPE_LOGIN_FAILED;
    ck_assert_int_eq(kw_one_of_validate(&m, &err), KW_ERR_MISSING);
    expect_err("failure without reason", &err, KW_ERR_MISSING, "/data/reason");
    m.as.failure.data.reason = "r";
    ck_assert_int_eq(kw_one_of_validate(&m, &err), KW_OK);
    m.as.failure.type = (kw_failure_type)0;
    ck_assert_int_eq(kw_one_of_validate(&m, &err), KW_ERR_VALUE);
    expect_err("failure type 0", &err, KW_ERR_VALUE, "/type");
}
END_TEST

START_TEST(test_equal)
{
    kw_one_of a, b;
    kw_one_of_init(&a);
    kw_one_of_init(&b);
    ck_assert(kw_one_of_equal(&a, &b)); /* both empty */
    a.kind = KW_ONE_OF_KEEPALIVE;
    b.kind = KW_ONE_OF_POINT;
    ck_assert(!kw_one_of_equal(&a, &b));
    b.kind = KW_ONE_OF_KEEPALIVE;
    ck_assert(kw_one_of_equal(&a, &b));
    a.kind = b.kind = KW_ONE_OF_NOTE;
    a.as.note.text = "x";
    b.as.note.text = "y";
    ck_assert(!kw_one_of_equal(&a, &b));
    b.as.note.text = "x";
    ck_assert(kw_one_of_equal(&a, &b));
    ck_assert(!kw_one_of_equal(&a, NULL));
    ck_assert(kw_one_of_equal(NULL, NULL));
}
END_TEST

/* ---- oneOf types held by records ---- */

START_TEST(test_batch)
{
    static const char text[] =
        "{\"first\":{\"type\":\"Note\",\"text\":\"n\"},"
        "\"rest\":[{\"keepalive\":\"true\"},{\"x\":1,\"y\":2}],"
        "\"signal\":{\"keepalive\":\"true\"}}";
    kw_batch m;
    kw_error err;
    ck_assert_int_eq(kw_batch_decode(text, strlen(text), &m, &err), KW_OK);
    ck_assert_int_eq(m.first.kind, KW_ONE_OF_NOTE);
    ck_assert_uint_eq(m.rest.count, 2);
    ck_assert_int_eq(m.rest.items[0].kind, KW_ONE_OF_KEEPALIVE);
    ck_assert_int_eq(m.rest.items[1].kind, KW_ONE_OF_POINT);
    ck_assert_int_eq(m.rest.items[1].as.point.y, 2);
    ck_assert_int_eq(m.signal.kind, KW_SIGNAL_KEEPALIVE);
    size_t len;
    char *again = kw_batch_encode(&m, &len, &err);
    ck_assert_ptr_nonnull(again);
    bool same = strcmp(again, text) == 0;
    free(again);
    ck_assert(same);
    m.rest.items[1].kind = (kw_one_of_kind)0;
    ck_assert_int_eq(kw_batch_validate(&m, &err), KW_ERR_VALUE);
    expect_err("rest kind 0", &err, KW_ERR_VALUE, "/rest/1");
    kw_batch_free(&m);

    static const struct {
        const char *text;
        kw_status code;
        const char *path;
    } bad[] = {
        {"{\"first\":{\"type\":\"Bogus\"}}", KW_ERR_VALUE, "/first/type"},
        {"{\"first\":[]}", KW_ERR_TYPE, "/first"},
        {"{\"first\":{\"type\":\"Login\",\"data\":{}}}", KW_ERR_MISSING, "/first/data/type"},
        {"{\"first\":{\"keepalive\":\"true\"},\"rest\":[{\"type\":\"Note\"}]}", KW_ERR_MISSING,
         "/rest/0/text"},
        {"{\"first\":{\"keepalive\":\"true\"},\"signal\":{\"type\":\"Note\"}}",
         KW_ERR_UNKNOWN_KEY, "/signal/type"},
        {"{\"first\":{\"keepalive\":\"true\"},\"signal\":1}", KW_ERR_TYPE, "/signal"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_int_eq(kw_batch_decode(bad[i].text, strlen(bad[i].text), &m, &err),
                         bad[i].code);
        expect_err(bad[i].text, &err, bad[i].code, bad[i].path);
    }
}
END_TEST

/* The registry lists oneOf types like records, so generic code reaches them. */
START_TEST(test_registry)
{
    const kw_message_type *t = kw_message_type_find("kw_one_of");
    ck_assert_ptr_nonnull(t);
    ck_assert_str_eq(t->schema_pointer, "");
    ck_assert_uint_eq(t->size, sizeof(kw_one_of));
    t = kw_message_type_find("kw_signal");
    ck_assert_ptr_nonnull(t);
    ck_assert_str_eq(t->schema_pointer, "/$defs/Signal");
    kw_signal s;
    kw_error err;
    ck_assert_int_eq(t->decode("{\"keepalive\":\"true\"}", 20, &s, NULL, &err), KW_OK);
    ck_assert_int_eq(s.kind, KW_SIGNAL_KEEPALIVE);
    t->free(&s);
}
END_TEST

static Suite *one_of_suite(void)
{
    Suite *s = suite_create("one_of");
    TCase *alternatives = tcase_create("alternatives");
    tcase_add_test(alternatives, test_login_success);
    tcase_add_test(alternatives, test_failure_by_enums);
    tcase_add_test(alternatives, test_logout_success_with_and_without_data);
    tcase_add_test(alternatives, test_keepalive_by_absence);
    tcase_add_test(alternatives, test_note_with_unconstrained_data);
    tcase_add_test(alternatives, test_inline_all_of);
    tcase_add_test(alternatives, test_point_from_other_file);
    suite_add_tcase(s, alternatives);
    TCase *errors = tcase_create("errors");
    tcase_add_test(errors, test_unknown_value);
    tcase_add_test(errors, test_unknown_value_cut);
    tcase_add_test(errors, test_missing_discriminator);
    tcase_add_test(errors, test_wrong_type_discriminator);
    tcase_add_test(errors, test_root_not_object);
    tcase_add_test(errors, test_duplicate_discriminator);
    tcase_add_test(errors, test_error_inside_alternative);
    tcase_add_test(errors, test_reject_unknown_keys);
    tcase_add_test(errors, test_from_cjson);
    suite_add_tcase(s, errors);
    TCase *built = tcase_create("built");
    tcase_add_test(built, test_encode_built);
    tcase_add_test(built, test_validate_bad_kind);
    tcase_add_test(built, test_equal);
    tcase_add_test(built, test_batch);
    tcase_add_test(built, test_registry);
    suite_add_tcase(s, built);
    return s;
}

int main(void)
{
    SRunner *runner = srunner_create(one_of_suite());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
