/* Tests of the direct writer (prefix wcc): for every frame in tests/messages
 * and every registry type that decodes it, encode's text parses with cJSON
 * into the tree to_cjson gives, and encode_to writes the same bytes into a
 * caller's buffer: exactly fitting, one byte short (needed reported, nothing
 * written past the buffer), and asked for the size with no buffer (Check). */
#include "station_login_success.h"
#include "wcc_types.h"

#include "test_files.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { GUARD = 0x5A };

/* encode_to into buffers of every interesting size, each followed by a
 * guard byte that must survive. */
static void expect_encode_to(const char *label, const wcc_message_type *type, const void *m,
                             const char *text, size_t len)
{
    wcc_error err;
    size_t needed = 0;
    ck_assert_int_eq(type->encode_to(m, NULL, 0, &needed, &err), WCC_ERR_BUFFER_TOO_SMALL);
    ck_assert_msg(needed == len + 1, "%s: needed %zu for %zu bytes", label, needed, len);
    ck_assert_int_eq(err.code, WCC_ERR_BUFFER_TOO_SMALL);

    char *buf = malloc(len + 2);
    ck_assert_ptr_nonnull(buf);
    memset(buf, GUARD, len + 2);
    needed = 0;
    ck_assert_int_eq(type->encode_to(m, buf, len + 1, &needed, &err), WCC_OK);
    ck_assert_uint_eq(needed, len + 1);
    ck_assert_msg(memcmp(buf, text, len + 1) == 0, "%s: encode_to wrote other bytes", label);
    ck_assert_int_eq((unsigned char)buf[len + 1], GUARD);
    ck_assert_int_eq(err.code, WCC_OK);

    memset(buf, GUARD, len + 2);
    needed = 0;
    ck_assert_int_eq(type->encode_to(m, buf, len, &needed, &err), WCC_ERR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(needed, len + 1);
    ck_assert_str_eq(buf, "");
    ck_assert_int_eq((unsigned char)buf[len], GUARD);
    ck_assert_int_eq((unsigned char)buf[len + 1], GUARD);
    free(buf);
}

/* Every check for one message m of type, decoded from file. */
static void expect_same_output(const char *label, const wcc_message_type *type, const void *m)
{
    wcc_error err;
    size_t len = 0;
    char *text = type->encode(m, &len, NULL, &err);
    ck_assert_msg(text != NULL, "%s: encode: %s", label, err.message);
    cJSON *parsed = cJSON_ParseWithLength(text, len);
    ck_assert_msg(parsed != NULL, "%s: cJSON cannot parse %s", label, text);
    cJSON *tree = type->to_cjson(m, &err);
    ck_assert_msg(tree != NULL, "%s: to_cjson: %s", label, err.message);
    ck_assert_msg(cJSON_Compare(parsed, tree, true), "%s: encode and to_cjson differ", label);
    /* Printing to_cjson's tree with cJSON gives the same JSON again. */
    char *printed = cJSON_PrintUnformatted(tree);
    cJSON *reparsed = cJSON_Parse(printed);
    ck_assert(cJSON_Compare(reparsed, parsed, true));
    expect_encode_to(label, type, m, text, len);
    cJSON_Delete(reparsed);
    cJSON_free(printed);
    cJSON_Delete(tree);
    cJSON_Delete(parsed);
    free(text);
}

/* The registry types that decode the file; how many did. */
static size_t check_file(const char *path)
{
    size_t len, decoded = 0;
    char *text = read_test_file(path, &len);
    for (size_t i = 0; wcc_message_types[i] != NULL; i++) {
        const wcc_message_type *type = wcc_message_types[i];
        void *m = malloc(type->size);
        wcc_error err;
        ck_assert_ptr_nonnull(m);
        if (type->decode(text, len, m, NULL, &err) == WCC_OK) {
            char label[2300];
            snprintf(label, sizeof label, "%s as %s", path, type->name);
            expect_same_output(label, type, m);
            decoded++;
        }
        type->free(m);
        free(m);
    }
    free(text);
    return decoded;
}

static bool is_json(const char *name)
{
    size_t n = strlen(name);
    return n > 5 && strcmp(name + n - 5, ".json") == 0;
}

START_TEST(test_every_message)
{
    DIR *dir = opendir(MESSAGES_DIR);
    ck_assert_ptr_nonnull(dir);
    size_t files = 0;
    for (struct dirent *d; (d = readdir(dir)) != NULL;) {
        char sub[1024];
        if (d->d_name[0] == '.' || strcmp(d->d_name, "invalid") == 0)
            continue;
        snprintf(sub, sizeof sub, "%s/%s", MESSAGES_DIR, d->d_name);
        DIR *inner = opendir(sub);
        if (inner == NULL)
            continue; /* a file, not a directory of frames */
        for (struct dirent *f; (f = readdir(inner)) != NULL;) {
            char path[2048];
            if (!is_json(f->d_name))
                continue;
            snprintf(path, sizeof path, "%s/%s", sub, f->d_name);
            ck_assert_msg(check_file(path) >= 2, "%s: neither its type nor the dispatcher decodes it", path);
            files++;
        }
        closedir(inner);
    }
    closedir(dir);
    ck_assert_uint_ge(files, 20);
}
END_TEST

/* A message that does not validate: nothing written, nothing needed. */
START_TEST(test_encode_to_invalid)
{
    wcc_station_login_success m;
    wcc_error err;
    size_t needed = 99;
    char buf[8];
    memset(buf, GUARD, sizeof buf);
    wcc_station_login_success_init(&m);
    ck_assert_int_eq(wcc_station_login_success_encode_to(&m, buf, sizeof buf, &needed, &err),
                     WCC_ERR_MISSING);
    ck_assert_uint_eq(needed, 0);
    ck_assert_str_eq(buf, "");
    ck_assert_int_eq((unsigned char)buf[1], GUARD);
    ck_assert_int_eq(wcc_station_login_success_encode_to(NULL, NULL, 0, NULL, &err), WCC_ERR_INVALID_ARG);
    ck_assert_ptr_null(wcc_station_login_success_to_cjson(&m, &err));
    ck_assert_int_eq(err.code, WCC_ERR_MISSING);
}
END_TEST

/* A NULL buffer with a size is refused, and nothing is written. */
START_TEST(test_encode_to_null_buffer)
{
    size_t len, needed = 99;
    wcc_error err;
    wcc_station_login_success m;
    char *text = read_test_file(MESSAGES_DIR "/station_login_success/agent_dn_minimal.json", &len);
    ck_assert_int_eq(wcc_station_login_success_decode(text, len, &m, &err), WCC_OK);
    ck_assert_int_eq(wcc_station_login_success_encode_to(&m, NULL, 10, &needed, &err), WCC_ERR_INVALID_ARG);
    ck_assert_uint_eq(needed, 0);
    ck_assert_str_eq(err.message, "NULL buffer of 10 bytes");
    /* needed may be NULL. */
    char buf[4096];
    ck_assert_int_eq(wcc_station_login_success_encode_to(&m, buf, sizeof buf, NULL, &err), WCC_OK);
    ck_assert_int_eq(wcc_station_login_success_encode_to(&m, buf, 3, NULL, &err), WCC_ERR_BUFFER_TOO_SMALL);
    wcc_station_login_success_free(&m);
    free(text);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("encode");
    TCase *tc = tcase_create("direct writer");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_every_message);
    tcase_add_test(tc, test_encode_to_invalid);
    tcase_add_test(tc, test_encode_to_null_buffer);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
