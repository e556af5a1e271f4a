/* The direct decoder (X_decode reading text without a tree): that it is the
 * path valid messages take (one allocation, the message's), and the cases
 * its own code handles beyond the generated key switch: escaped keys,
 * growing arrays and maps, many unknown keys and their repeats, and texts
 * it hands to the tree path so that the error is named exactly. */
#include "agent_desktop_message.h"
#include "station_login_success.h"

#include <check.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Counts calls and live blocks, and fails every allocation from the
 * fail_at-th (1-based) on; 0: never. */
typedef struct counting_heap {
    size_t calls;
    size_t fail_at;
    size_t live;
} counting_heap;

static void *counting_alloc(void *ctx, size_t size)
{
    counting_heap *heap = ctx;
    if (++heap->calls >= heap->fail_at && heap->fail_at != 0)
        return NULL;
    void *p = malloc(size);
    heap->live += p != NULL;
    return p;
}

static void counting_free(void *ctx, void *ptr)
{
    counting_heap *heap = ctx;
    heap->live--;
    free(ptr);
}

/* A valid StationLoginSuccess whose data object is DATA_HEAD, then extra
 * (members with a leading comma, or ""), then DATA_TAIL. */
#define DATA_HEAD                                                                          \
    "{\"type\":\"StationLogin\",\"orgId\":\"o\",\"trackingId\":\"t\",\"data\":{"          \
    "\"agentId\":\"a\",\"agentSessionId\":\"s\",\"auxCodeId\":\"0\","                     \
    "\"dialNumber\":\"+1\",\"eventType\":\"AgentDesktopMessage\",\"interactionIds\":[],"  \
    "\"lastIdleCodeChangeTimestamp\":1,\"lastStateChangeTimestamp\":2,\"orgId\":\"o\","   \
    "\"profileType\":\"p\",\"siteId\":\"x\",\"status\":\"LoggedIn\","                     \
    "\"subStatus\":\"Idle\",\"teamId\":\"t\",\"trackingId\":\"k\","                       \
    "\"type\":\"AgentStationLoginSuccess\""
#define DATA_TAIL "}}"

/* The text DATA_HEAD + extra + DATA_TAIL, from malloc, with an empty
 * channelsMap (required) unless extra has one. */
static char *message_with(const char *extra)
{
    const char *map = strstr(extra, "channelsMap") ? "" : ",\"channelsMap\":{}";
    size_t size = strlen(DATA_HEAD) + strlen(map) + strlen(extra) + strlen(DATA_TAIL) + 1;
    char *text = malloc(size);
    ck_assert_ptr_nonnull(text);
    snprintf(text, size, "%s%s%s%s", DATA_HEAD, map, extra, DATA_TAIL);
    return text;
}

static wcc_status decode_text(const char *text, wcc_station_login_success *m, wcc_error *err)
{
    return wcc_station_login_success_decode(text, strlen(text), m, err);
}

START_TEST(test_valid_message_takes_one_allocation)
{
    counting_heap heap = { 0, 0, 0 };
    const wcc_allocator alloc = { counting_alloc, counting_free, &heap };
    const wcc_options options = { 0, 0, &alloc, false };
    char *text = message_with(",\"roles\":[\"agent\"],\"channelsMap\":{\"chat\":[\"c\"]}");
    wcc_station_login_success m;
    ck_assert_int_eq(wcc_station_login_success_decode_ex(text, strlen(text), &m, &options, NULL),
                     WCC_OK);
    ck_assert_uint_eq(heap.calls, 1); /* the tree path would take a second, for the tree */
    ck_assert_str_eq(m.data.roles.items[0], "agent");
    wcc_station_login_success_free(&m);
    ck_assert_uint_eq(heap.live, 0);
    free(text);
}
END_TEST

/* Blanks inside quotes are part of the string: " roles" is not "roles"
 * (found by the differential fuzzer). */
START_TEST(test_blanks_inside_strings)
{
    char *text = message_with(",\" roles\":[\"  a \",\"\\t\"]");
    wcc_station_login_success m;
    ck_assert_int_eq(decode_text(text, &m, NULL), WCC_OK);
    ck_assert(!m.data.has_roles); /* an unknown member, skipped */
    wcc_station_login_success_free(&m);
    free(text);
    text = message_with(",\"roles\":[\"  a \",\" \"]");
    ck_assert_int_eq(decode_text(text, &m, NULL), WCC_OK);
    ck_assert_str_eq(m.data.roles.items[0], "  a ");
    ck_assert_str_eq(m.data.roles.items[1], " ");
    wcc_station_login_success_free(&m);
    free(text);
}
END_TEST

START_TEST(test_escaped_keys_and_strings)
{
    /* "\u0074ype" is "type"; "\u00e9" and a surrogate pair become UTF-8. */
    char *text = message_with(",\"ro\\u006ces\":[\"\\u00e9\",\"\\uD83D\\uDE00\",\"a\\/b\\n\"]");
    wcc_station_login_success m;
    wcc_error err;
    ck_assert_int_eq(decode_text(text, &m, &err), WCC_OK);
    ck_assert(m.data.has_roles);
    ck_assert_uint_eq(m.data.roles.count, 3);
    ck_assert_str_eq(m.data.roles.items[0], "\xC3\xA9");
    ck_assert_str_eq(m.data.roles.items[1], "\xF0\x9F\x98\x80");
    ck_assert_str_eq(m.data.roles.items[2], "a/b\n");
    wcc_station_login_success_free(&m);
    free(text);
}
END_TEST

/* Arrays and maps grow in the arena by doubling: every item must survive
 * the moves. */
START_TEST(test_arrays_and_maps_grow)
{
    char extra[8192] = ",\"roles\":[";
    for (int i = 0; i < 100; i++)
        snprintf(extra + strlen(extra), sizeof extra - strlen(extra), "%s\"r%d\"", i ? "," : "", i);
    strcat(extra, "],\"channelsMap\":{");
    for (int i = 0; i < 40; i++)
        snprintf(extra + strlen(extra), sizeof extra - strlen(extra), "%s\"k%d\":[\"v%d\"]",
                 i ? "," : "", i, i);
    strcat(extra, "}");
    char *text = message_with(extra);
    wcc_station_login_success m;
    ck_assert_int_eq(decode_text(text, &m, NULL), WCC_OK);
    ck_assert_uint_eq(m.data.roles.count, 100);
    ck_assert_str_eq(m.data.roles.items[0], "r0");
    ck_assert_str_eq(m.data.roles.items[99], "r99");
    ck_assert_uint_eq(m.data.channels_map.count, 40);
    ck_assert_str_eq(m.data.channels_map.entries[39].key, "k39");
    ck_assert_str_eq(m.data.channels_map.entries[39].value.items[0], "v39");
    wcc_station_login_success_free(&m);
    free(text);
}
END_TEST

/* n unknown members "u0".."u<n-1>", then, when repeat >= 0, "u<repeat>" again. */
static char *with_unknown_keys(int n, int repeat)
{
    char *extra = malloc((size_t)n * 16 + 32);
    ck_assert_ptr_nonnull(extra);
    extra[0] = '\0';
    for (int i = 0; i < n; i++)
        sprintf(extra + strlen(extra), ",\"u%d\":%d", i, i);
    if (repeat >= 0)
        sprintf(extra + strlen(extra), ",\"u%d\":0", repeat);
    char *text = message_with(extra);
    free(extra);
    return text;
}

/* Past eight unknown keys the repeat check uses a hash table. The reader
 * takes the valid text itself: a refusal would send it to the tree path,
 * which allocates a node per member. */
START_TEST(test_many_unknown_keys)
{
    wcc_station_login_success m;
    wcc_error err;
    counting_heap heap = { 0, 0, 0 };
    const wcc_allocator alloc = { counting_alloc, counting_free, &heap };
    const wcc_options options = { 0, 0, &alloc, false };
    char *text = with_unknown_keys(1000, -1);
    ck_assert_int_eq(wcc_station_login_success_decode_ex(text, strlen(text), &m, &options, &err),
                     WCC_OK);
    ck_assert_uint_le(heap.calls, 8);
    wcc_station_login_success_free(&m);
    ck_assert_uint_eq(heap.live, 0);
    free(text);
    text = with_unknown_keys(1000, 517);
    ck_assert_int_eq(decode_text(text, &m, &err), WCC_ERR_DUPLICATE);
    ck_assert_str_eq(err.path, "/data/u517");
    ck_assert_str_eq(err.message, "duplicate key 'u517'");
    free(text);
    text = with_unknown_keys(3, 1);
    ck_assert_int_eq(decode_text(text, &m, &err), WCC_ERR_DUPLICATE);
    ck_assert_str_eq(err.path, "/data/u1");
    free(text);
}
END_TEST

/* A thousand unknown keys outgrow the scratch memory on the stack: with
 * memory running out at each of the allocations that takes in turn, decode
 * gives WCC_ERR_NOMEM and leaks nothing. */
START_TEST(test_scratch_allocations_fail_cleanly)
{
    char *text = with_unknown_keys(1000, -1);
    counting_heap heap = { 0, 0, 0 };
    const wcc_allocator alloc = { counting_alloc, counting_free, &heap };
    wcc_options options = { 0, 0, &alloc, false };
    wcc_station_login_success m;
    wcc_error err;
    ck_assert_int_eq(wcc_station_login_success_decode_ex(text, strlen(text), &m, &options, &err), WCC_OK);
    wcc_station_login_success_free(&m);
    size_t total = heap.calls;
    ck_assert_uint_gt(total, 2); /* the message and at least one scratch block */
    for (size_t n = 1; n <= total; n++) {
        counting_heap failing = { 0, n, 0 };
        const wcc_allocator failing_alloc = { counting_alloc, counting_free, &failing };
        options.allocator = &failing_alloc;
        ck_assert_int_eq(wcc_station_login_success_decode_ex(text, strlen(text), &m, &options, &err),
                         WCC_ERR_NOMEM);
        ck_assert_int_eq(err.code, WCC_ERR_NOMEM);
        ck_assert_uint_eq(failing.live, 0);
    }
    free(text);
}
END_TEST

/* With no memory at all, a text that is not JSON is still ERR_SYNTAX (at
 * its first bad byte): running out of memory does not hide the text's own
 * error. A valid one is ERR_NOMEM. */
START_TEST(test_syntax_error_wins_over_memory)
{
    char *text = message_with("");
    counting_heap none = { 0, 1, 0 };
    const wcc_allocator alloc = { counting_alloc, counting_free, &none };
    const wcc_options options = { 0, 0, &alloc, false };
    wcc_station_login_success m;
    wcc_error err;
    size_t len = strlen(text);
    ck_assert_int_eq(wcc_station_login_success_decode_ex(text, len - 1, &m, &options, &err),
                     WCC_ERR_SYNTAX);
    ck_assert_uint_eq(err.offset, len - 1);
    ck_assert_int_eq(wcc_station_login_success_decode_ex(text, len, &m, &options, &err),
                     WCC_ERR_NOMEM);
    ck_assert_uint_eq(none.live, 0);
    free(text);
}
END_TEST

/* A repeated map key, and a repeated declared property. */
START_TEST(test_repeated_keys)
{
    wcc_station_login_success m;
    wcc_error err;
    char *text = message_with(",\"channelsMap\":{\"chat\":[],\"email\":[],\"chat\":[]}");
    ck_assert_int_eq(decode_text(text, &m, &err), WCC_ERR_DUPLICATE);
    ck_assert_str_eq(err.path, "/data/channelsMap/chat");
    free(text);
    text = message_with(",\"roles\":[],\"roles\":[]");
    ck_assert_int_eq(decode_text(text, &m, &err), WCC_ERR_DUPLICATE);
    ck_assert_str_eq(err.path, "/data/roles");
    free(text);
}
END_TEST

/* The reader stops at the first fault; the tree path then names the first
 * error in document order: a schema error before a syntax error loses. */
START_TEST(test_errors_named_by_the_tree_path)
{
    wcc_station_login_success m;
    wcc_error err;
    char *text = message_with(",\"roles\":[1],\"x\":tru");
    ck_assert_int_eq(decode_text(text, &m, &err), WCC_ERR_SYNTAX);
    ck_assert_uint_eq(err.offset, strlen(text) - strlen("tru}}") + 3);
    free(text);
    text = message_with(",\"roles\":[1]");
    ck_assert_int_eq(decode_text(text, &m, &err), WCC_ERR_TYPE);
    ck_assert_str_eq(err.path, "/data/roles/0");
    ck_assert_str_eq(err.message, "expected string, found number");
    free(text);
    text = message_with(",\"lastStateChangeTimestamp\":9223372036854775808"); /* RANGE, repeated */
    ck_assert_int_eq(decode_text(text, &m, &err), WCC_ERR_DUPLICATE);
    free(text);
    text = message_with("");
    text[strlen(text) - 2] = ' '; /* the data object never closes */
    ck_assert_int_eq(decode_text(text, &m, &err), WCC_ERR_SYNTAX);
    free(text);
}
END_TEST

/* Decodes a valid message whose lastStateChangeTimestamp is spelled text. */
static wcc_status decode_state_timestamp(const char *spelling, int64_t *value, wcc_error *err)
{
    static const char member[] = "\"lastStateChangeTimestamp\":2";
    char *text = message_with("");
    char *two = strstr(text, member);
    ck_assert_ptr_nonnull(two);
    size_t size = strlen(text) + strlen(spelling) + 1;
    char *full = malloc(size);
    ck_assert_ptr_nonnull(full);
    snprintf(full, size, "%.*s\"lastStateChangeTimestamp\":%s%s", (int)(two - text), text, spelling,
             two + strlen(member));
    free(text);
    wcc_station_login_success m;
    wcc_status st = decode_text(full, &m, err);
    free(full);
    *value = m.data.last_state_change_timestamp;
    wcc_station_login_success_free(&m);
    return st;
}

/* Numbers the reader takes digit by digit and those it hands to the exact
 * text reader (fractions, exponents, long digit runs). */
START_TEST(test_integer_forms)
{
    static const struct {
        const char *text;
        wcc_status status;
        int64_t value;
    } cases[] = {
        { "0", WCC_OK, 0 },
        { "-0", WCC_OK, 0 },
        { "123456789012345", WCC_OK, INT64_C(123456789012345) },
        { "9007199254740991", WCC_OK, INT64_C(9007199254740991) },
        { "-9007199254740991", WCC_OK, -INT64_C(9007199254740991) },
        { "9007199254740992", WCC_OK, INT64_C(9007199254740992) },
        { "9007199254740993", WCC_OK, INT64_C(9007199254740993) },
        { "-9007199254740993", WCC_OK, -INT64_C(9007199254740993) },
        { "999999999999999999", WCC_OK, INT64_C(999999999999999999) },
        { "1000000000000000000", WCC_OK, INT64_C(1000000000000000000) },
        { "9223372036854775807", WCC_OK, INT64_MAX },
        { "-9223372036854775808", WCC_OK, INT64_MIN },
        { "9223372036854775807.000", WCC_OK, INT64_MAX },
        { "922337203685477580.7e1", WCC_OK, INT64_MAX },
        { "-0.9223372036854775808E19", WCC_OK, INT64_MIN },
        { "1e18", WCC_OK, INT64_C(1000000000000000000) },
        { "1000000000000000000000e-3", WCC_OK, INT64_C(1000000000000000000) },
        { "9223372036854775808", WCC_ERR_RANGE, 0 },
        { "-9223372036854775809", WCC_ERR_RANGE, 0 },
        { "18446744073709551616", WCC_ERR_RANGE, 0 },
        { "99999999999999999999", WCC_ERR_RANGE, 0 },
        { "1e19", WCC_ERR_RANGE, 0 },
        { "9223372036854775807.5", WCC_ERR_TYPE, 0 },
        { "1.0", WCC_OK, 1 },
        { "15e2", WCC_OK, 1500 },
        { "1.5", WCC_ERR_TYPE, 0 },
        { "01", WCC_ERR_SYNTAX, 0 },
        { "1.", WCC_ERR_SYNTAX, 0 },
        { "-", WCC_ERR_SYNTAX, 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char body[160];
        snprintf(body, sizeof body, "%s,\"lastIdleCodeChangeTimestamp\":%s%s",
                 "{\"type\":\"StationLogin\",\"orgId\":\"o\",\"trackingId\":\"t\",\"data\":{"
                 "\"agentId\":\"a\"", cases[i].text, "}}");
        /* Only the timestamp matters: a missing property is reported after it. */
        wcc_station_login_success m;
        wcc_error err;
        wcc_status st = decode_text(body, &m, &err);
        if (cases[i].status == WCC_OK) {
            ck_assert_msg(st == WCC_ERR_MISSING, "%s: %s", cases[i].text, err.message);
            continue;
        }
        ck_assert_msg(st == cases[i].status, "%s: %s (%s)", cases[i].text, wcc_status_name(st),
                      err.message);
    }
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (cases[i].status != WCC_OK)
            continue;
        int64_t value = 0;
        wcc_error err;
        ck_assert_msg(decode_state_timestamp(cases[i].text, &value, &err) == WCC_OK, "%s: %s",
                      cases[i].text, err.message);
        ck_assert_int_eq(value, cases[i].value);
    }
}
END_TEST

/* x = (x * a + c) mod 2^64: the same numbers on every run. */
static uint64_t next_random(uint64_t *x)
{
    *x = *x * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
    return *x;
}

/* Every int64, however it is spelled (plain, with a zero fraction, with
 * its point moved into the exponent), reads back exactly; one past the
 * range does not. Values of every magnitude, and those next to the limits. */
START_TEST(test_int64_spellings)
{
    uint64_t x = 2026;
    for (int i = 0; i < 3000; i++) {
        uint64_t bits = next_random(&x);
        bits >>= next_random(&x) % 64;
        int64_t v = i < 20 ? INT64_MAX - i : i < 40 ? INT64_MIN + (i - 20) : (int64_t)bits;
        if (i >= 40 && (i & 1))
            v = v == INT64_MIN ? v : -v;
        char plain[32], spelled[3][48];
        snprintf(plain, sizeof plain, "%" PRId64, v);
        size_t sign = v < 0, digits = strlen(plain) - sign;
        snprintf(spelled[0], sizeof spelled[0], "%s.000", plain);
        snprintf(spelled[1], sizeof spelled[1], "%s0e-1", v != 0 ? plain : ""); /* not 00e-1 */
        /* -0.123e3 for -123 */
        snprintf(spelled[2], sizeof spelled[2], "%s0.%se%zu", sign ? "-" : "", plain + sign, digits);
        for (int k = -1; k < 3; k++) {
            const char *text = k < 0 ? plain : spelled[k];
            int64_t got = 0;
            wcc_error err;
            ck_assert_msg(decode_state_timestamp(text, &got, &err) == WCC_OK, "%s: %s", text,
                          err.message);
            ck_assert_msg(got == v, "%s read as %" PRId64, text, got);
        }
    }
    static const char *const beyond[] = { "9223372036854775808", "-9223372036854775809",
                                          "9223372036854775808.0", "0.9223372036854775808e19",
                                          "92233720368547758080e-1", "-9.223372036854775809E18" };
    for (size_t i = 0; i < sizeof beyond / sizeof beyond[0]; i++) {
        int64_t got = 0;
        wcc_error err;
        ck_assert_int_eq(decode_state_timestamp(beyond[i], &got, &err), WCC_ERR_RANGE);
        ck_assert_str_eq(err.path, "/data/lastStateChangeTimestamp");
    }
}
END_TEST

/* The dispatcher finds the discriminators wherever they are in the object,
 * escaped or not, and the chosen message reads the whole object. */
START_TEST(test_dispatch_in_text)
{
    static const struct {
        const char *edit; /* what replaces the first "type":"StationLogin" */
        wcc_status status;
    } cases[] = {
        { "\"type\":\"StationLogin\"", WCC_OK },
        { "\"type\":\"Station\\u004cogin\"", WCC_OK },      /* escaped value */
        { "\"\\u0074ype\":\"StationLogin\"", WCC_OK },      /* escaped key */
        { "\"type\":\"StationLogin\",\"type\":\"StationLogin\"", WCC_ERR_DUPLICATE },
        { "\"type\":\"Nope\"", WCC_ERR_VALUE },
    };
    char *base = message_with("");
    const char *first = "\"type\":\"StationLogin\"";
    char *at = strstr(base, first);
    ck_assert_ptr_nonnull(at);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t head = (size_t)(at - base), tail = strlen(at + strlen(first));
        char *text = malloc(head + strlen(cases[i].edit) + tail + 1);
        ck_assert_ptr_nonnull(text);
        sprintf(text, "%.*s%s%s", (int)head, base, cases[i].edit, at + strlen(first));
        wcc_agent_desktop_message m;
        wcc_error err;
        wcc_status st = wcc_agent_desktop_message_decode(text, strlen(text), &m, &err);
        ck_assert_msg(st == cases[i].status, "%s: %s (%s)", cases[i].edit, wcc_status_name(st),
                      err.message);
        if (st == WCC_OK) {
            ck_assert_int_eq(m.kind, WCC_AGENT_DESKTOP_MESSAGE_STATION_LOGIN_SUCCESS);
            ck_assert_str_eq(m.as.station_login_success.data.agent_id, "a");
            wcc_agent_desktop_message_free(&m);
        }
        free(text);
    }
    /* The discriminators last: "data" (with data.type) before "type". */
    const char *rest = at + strlen(first) + 1; /* past the comma */
    char *moved = malloc(strlen(base) + 2);
    ck_assert_ptr_nonnull(moved);
    sprintf(moved, "{%.*s,%s}", (int)(strlen(rest) - 1), rest, first);
    wcc_agent_desktop_message m;
    wcc_error err;
    ck_assert_msg(wcc_agent_desktop_message_decode(moved, strlen(moved), &m, &err) == WCC_OK, "%s",
                  err.message);
    ck_assert_int_eq(m.kind, WCC_AGENT_DESKTOP_MESSAGE_STATION_LOGIN_SUCCESS);
    wcc_agent_desktop_message_free(&m);
    free(moved);
    free(base);
}
END_TEST

static Suite *direct_decode_suite(void)
{
    Suite *s = suite_create("direct_decode");
    TCase *tc = tcase_create("decode");
    tcase_add_test(tc, test_valid_message_takes_one_allocation);
    tcase_add_test(tc, test_blanks_inside_strings);
    tcase_add_test(tc, test_escaped_keys_and_strings);
    tcase_add_test(tc, test_arrays_and_maps_grow);
    tcase_add_test(tc, test_many_unknown_keys);
    tcase_add_test(tc, test_scratch_allocations_fail_cleanly);
    tcase_add_test(tc, test_syntax_error_wins_over_memory);
    tcase_add_test(tc, test_repeated_keys);
    tcase_add_test(tc, test_errors_named_by_the_tree_path);
    tcase_add_test(tc, test_integer_forms);
    tcase_add_test(tc, test_int64_spellings);
    tcase_add_test(tc, test_dispatch_in_text);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(direct_decode_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
