/* The options of decode_ex and encode_ex: limits, strict unknown keys and,
 * above all, the allocator: every allocation of a full decode and encode is
 * failed in turn, and each must give WCC_ERR_NOMEM and leak nothing. */
#include "station_login_success.h"
#include "wcc_types.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

static const char FULL[] =
    "{\"type\":\"StationLogin\",\n"
    " \"orgId\":\"org-envelope\",\n"
    " \"extraTop\":{\"nested\":{\"a\":[1,2.5,{\"b\":null}]},\"flag\":true},\n"
    " \"trackingId\":\"notifs_52628dc8-d2f5-4bd7-9e67-0a7c5e0c5a2f\",\n"
    " \"data\":{\n"
    "  \"agentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\",\n"
    "  \"agentSessionId\":\"c3a8a2d5-7a46-4d2c-9f2b-5e0f2f6c4b1a\",\n"
    "  \"auxCodeId\":\"0\",\n"
    "  \"channelsMap\":{\"telephony\":[\"t1\",\"t2\"],\"chat\":[\"c1\"],\"email\":[],"
    "\"social\":[\"s\\u00e9\"]},\n"
    "  \"deviceId\":\"1001\", \"dn\":\"1001\", \"voiceCount\":1,\n"
    "  \"dialNumber\":\"+14085551234\",\n"
    "  \"eventType\":\"AgentDesktopMessage\",\n"
    "  \"interactionIds\":[\"0ae913a4-c857-4705-8d49-76dd3dde75e4\",\"i-2\"],\n"
    "  \"lastIdleCodeChangeTimestamp\":1733211616959,\n"
    "  \"lastStateChangeTimestamp\":1733211617012,\n"
    "  \"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\n"
    "  \"profileType\":\"BLENDED\",\n"
    "  \"roles\":[\"agent\",\"\\uD83D\\uDE00\"],\n"
    "  \"siteId\":\"d64e19c0-11e6-4bd4-8c5a-3f1a4c4d2e10\",\n"
    "  \"status\":\"LoggedIn\",\n"
    "  \"subStatus\":\"Idle\",\n"
    "  \"supervisorSessionId\":\"sup\\/1\\t\\\"x\\\"\",\n"
    "  \"teamId\":\"c7a3d8b2-4f1e-4a9c-b6d5-2e8f0a1b3c4d\",\n"
    "  \"trackingId\":\"575c0ec2-618c-42af-a61c-53aeb0a221ee\",\n"
    "  \"type\":\"AgentStationLoginSuccess\",\n"
    "  \"unknownObj\":{\"k\":[{\"x\":1},{\"y\":[]}],\"deep\":{\"z\":{\"w\":\"v\"}}}\n"
    " }\n"
    "}";

/* Counts live blocks and fails every allocation from the fail_at-th on
 * (1-based; 0: never), as memory that has run out stays out: decode's
 * second reading, through the tree, must then fail too. */
typedef struct counting_heap {
    size_t calls;
    size_t fail_at;
    size_t live;
} counting_heap;

static void *counting_alloc(void *ctx, size_t size)
{
    counting_heap *h = ctx;
    if (++h->calls >= h->fail_at && h->fail_at != 0)
        return NULL;
    void *p = malloc(size);
    if (p != NULL)
        h->live++;
    return p;
}

static void counting_free(void *ctx, void *ptr)
{
    counting_heap *h = ctx;
    h->live--;
    free(ptr);
}

static bool is_zeroed(const void *p, size_t size)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < size; i++)
        if (b[i] != 0)
            return false;
    return true;
}

/* Decodes FULL and encodes it again with heap; returns the decode status, or
 * the encode's when decode succeeded. */
static wcc_status decode_and_encode(counting_heap *heap, char **text)
{
    const wcc_allocator alloc = { counting_alloc, counting_free, heap };
    const wcc_options options = { 0, 0, &alloc, false };
    wcc_station_login_success m;
    wcc_error err;
    size_t len = 0;
    *text = NULL;
    wcc_status st = wcc_station_login_success_decode_ex(FULL, strlen(FULL), &m, &options, &err);
    if (st != WCC_OK) {
        ck_assert_int_eq(err.code, st);
        ck_assert_msg(is_zeroed(&m, sizeof m), "failed decode left output");
        return st;
    }
    *text = wcc_station_login_success_encode_ex(&m, &len, &options, &err);
    st = *text != NULL ? WCC_OK : err.code;
    wcc_station_login_success_free(&m);
    return st;
}

START_TEST(test_every_allocation_fails_cleanly)
{
    counting_heap heap = { 0, 0, 0 };
    char *text = NULL;
    ck_assert_int_eq(decode_and_encode(&heap, &text), WCC_OK);
    size_t total = heap.calls;
    ck_assert_uint_eq(total, 2); /* the message, then the text */
    ck_assert_uint_eq(heap.live, 1); /* the text */
    counting_free(&heap, text);
    for (size_t n = 1; n <= total; n++) {
        counting_heap failing = { 0, n, 0 };
        ck_assert_msg(decode_and_encode(&failing, &text) == WCC_ERR_NOMEM,
                      "allocation %zu of %zu did not give WCC_ERR_NOMEM", n, total);
        ck_assert_ptr_null(text);
        ck_assert_msg(failing.live == 0, "allocation %zu of %zu: %zu blocks leaked", n, total,
                      failing.live);
    }
}
END_TEST

/* The message's memory goes back to the allocator that gave it, without
 * the options. The decoded message is one block, sized from the text, and
 * no tree is built for it; FULL's two unknown members are checked for
 * duplicate keys in the decoder's scratch memory, on the stack. */
START_TEST(test_free_uses_decode_allocator)
{
    counting_heap heap = { 0, 0, 0 };
    const wcc_allocator alloc = { counting_alloc, counting_free, &heap };
    const wcc_options options = { 0, 0, &alloc, false };
    wcc_station_login_success m;
    wcc_error err;
    ck_assert_int_eq(wcc_station_login_success_decode_ex(FULL, strlen(FULL), &m, &options, &err),
                     WCC_OK);
    ck_assert_uint_eq(heap.live, 1);
    ck_assert_uint_eq(heap.calls, 1);
    wcc_station_login_success_free(&m);
    ck_assert_uint_eq(heap.live, 0);
}
END_TEST

START_TEST(test_max_input_size)
{
    wcc_station_login_success m;
    wcc_error err;
    size_t len = strlen(FULL);
    wcc_options options = { 0, len - 1, NULL, false };
    ck_assert_int_eq(wcc_station_login_success_decode_ex(FULL, len, &m, &options, &err),
                     WCC_ERR_TOO_LARGE);
    ck_assert_uint_eq(err.offset, len - 1);
    ck_assert_str_eq(err.path, "");
    options.max_input_size = len;
    ck_assert_int_eq(wcc_station_login_success_decode_ex(FULL, len, &m, &options, &err), WCC_OK);
    wcc_station_login_success_free(&m);
}
END_TEST

/* FULL nests 6 levels deep, at the [] in data's ignored "unknownObj". */
START_TEST(test_max_depth)
{
    wcc_station_login_success m;
    wcc_error err;
    wcc_options options = { 5, 0, NULL, false };
    ck_assert_int_eq(wcc_station_login_success_decode_ex(FULL, strlen(FULL), &m, &options, &err),
                     WCC_ERR_DEPTH);
    ck_assert_uint_eq(err.offset, (size_t)(strstr(FULL, "[]}],") - FULL));
    ck_assert_str_eq(err.message, "nesting deeper than 5 levels");
    options.max_depth = 6;
    ck_assert_int_eq(wcc_station_login_success_decode_ex(FULL, strlen(FULL), &m, &options, &err),
                     WCC_OK);
    wcc_station_login_success_free(&m);
}
END_TEST

START_TEST(test_reject_unknown_keys)
{
    wcc_station_login_success m;
    wcc_error err;
    const wcc_options options = { 0, 0, NULL, true };
    ck_assert_int_eq(wcc_station_login_success_decode_ex(FULL, strlen(FULL), &m, &options, &err),
                     WCC_ERR_UNKNOWN_KEY);
    ck_assert_str_eq(err.path, "/extraTop");
    ck_assert_str_eq(err.message, "unknown property 'extraTop'");
    ck_assert(is_zeroed(&m, sizeof m));
}
END_TEST

START_TEST(test_registry)
{
    const wcc_message_type *t = wcc_message_type_find("wcc_station_login_success");
    ck_assert_ptr_nonnull(t);
    ck_assert_str_eq(t->schema_file, "schema/station_login_success.yaml");
    ck_assert_str_eq(t->schema_pointer, "");
    ck_assert_uint_eq(t->size, sizeof(wcc_station_login_success));
    ck_assert_ptr_null(wcc_message_type_find("wcc_nothing"));
    ck_assert_ptr_null(wcc_message_type_find(NULL));
    /* 29 record types across the 11 schema files: the root and $defs types and
     * the nested objects, sorted by name. */
    ck_assert_uint_eq(wcc_message_type_count, 29);
    ck_assert_ptr_null(wcc_message_types[wcc_message_type_count]);
    for (size_t i = 1; i < wcc_message_type_count; i++)
        ck_assert_int_lt(strcmp(wcc_message_types[i - 1]->name, wcc_message_types[i]->name), 0);
    ck_assert_str_eq(wcc_message_type_find("wcc_media_entry")->schema_pointer, "/$defs/MediaEntry");
    ck_assert_str_eq(wcc_message_type_find("wcc_agent_desktop_message")->schema_file,
                     "schema/agent_desktop_message.yaml");
    ck_assert_ptr_null(wcc_message_type_find("wcc_station_login_success_data")->schema_pointer);

    void *a = malloc(t->size), *b = malloc(t->size);
    wcc_error err;
    size_t len = 0;
    t->init(a);
    t->init(b);
    ck_assert_int_eq(t->decode(FULL, strlen(FULL), a, NULL, &err), WCC_OK);
    char *text = t->encode(a, &len, NULL, &err);
    ck_assert_ptr_nonnull(text);
    ck_assert_int_eq(t->decode(text, len, b, NULL, &err), WCC_OK);
    ck_assert(t->equal(a, b));
    ((wcc_station_login_success *)b)->data.last_state_change_timestamp++;
    ck_assert(!t->equal(a, b));
    free(text);
    t->free(a);
    t->free(b);
    free(a);
    free(b);
}
END_TEST

static Suite *options_suite(void)
{
    Suite *s = suite_create("options");
    TCase *tc = tcase_create("options");
    tcase_add_test(tc, test_every_allocation_fails_cleanly);
    tcase_add_test(tc, test_free_uses_decode_allocator);
    tcase_add_test(tc, test_max_input_size);
    tcase_add_test(tc, test_max_depth);
    tcase_add_test(tc, test_reject_unknown_keys);
    tcase_add_test(tc, test_registry);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(options_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
