/* Tests of the library generated from schema/station_login_success.yaml
 * (decode, encode, validate, from_cjson, to_cjson, free) against its spec
 * (Check). */
#include "station_login_success.h"

#include <check.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef wcc_station_login_success msg_t;
typedef wcc_station_login_success_data data_t;
typedef wcc_station_login_success_data_channels_map map_t;
typedef wcc_station_login_success_data_channels_map_entry entry_t;

/* ---- Error and memory helpers ---- */

static void expect_err(const char *label, const wcc_error *e, wcc_status code,
                       const char *path)
{
    ck_assert_msg(e->code == code, "%s: code %s, expected %s (path \"%s\", message \"%s\")",
                  label, wcc_status_name(e->code), wcc_status_name(code), e->path,
                  e->message);
    ck_assert_msg(strcmp(e->path, path) == 0, "%s: path \"%s\", expected \"%s\" (%s)", label,
                  e->path, path, e->message);
    ck_assert_msg(!e->path_truncated, "%s: path truncated", label);
}

static void expect_clean(const char *label, const wcc_error *e)
{
    expect_err(label, e, WCC_OK, "");
    ck_assert_msg(e->offset == 0 && e->message[0] == '\0', "%s: error not reset", label);
}

static bool is_zeroed(const void *p, size_t size)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < size; i++)
        if (b[i] != 0)
            return false;
    return true;
}

#define ck_assert_zeroed(x) ck_assert_msg(is_zeroed(&(x), sizeof(x)), "%s is not zeroed", #x)

/* Decodes an exact-size heap copy of text[0..len) (no NUL after it), so that
 * ASan and valgrind catch any read of text[len]. */
static wcc_status decode_n(const char *text, size_t len, msg_t *out, wcc_error *err)
{
    char *copy = malloc(len != 0 ? len : 1);
    wcc_status st;
    ck_assert_ptr_nonnull(copy);
    if (len != 0)
        memcpy(copy, text, len);
    st = wcc_station_login_success_decode(copy, len, out, err);
    free(copy);
    return st;
}

/* Decodes text that must be valid into out (release with _free). */
static void decode_ok(const char *text, size_t len, msg_t *out)
{
    wcc_error err;
    memset(&err, 0x5A, sizeof err);
    wcc_status st = decode_n(text, len, out, &err);
    ck_assert_msg(st == WCC_OK, "decode: %s at \"%s\" (offset %zu): %s",
                  wcc_status_name(err.code), err.path, err.offset, err.message);
    expect_clean("decode", &err);
}

/* Decodes text that must fail with code at path, with and without an error
 * record; out must come back zeroed both times. Returns the error offset. */
static size_t decode_bad(const char *label, const char *text, size_t len, wcc_status code,
                         const char *path)
{
    msg_t out;
    wcc_error err;
    memset(&out, 0xA5, sizeof out);
    wcc_status st = decode_n(text, len, &out, &err);
    expect_err(label, &err, code, path);
    ck_assert_msg(st == code, "%s: returned %s", label, wcc_status_name(st));
    ck_assert_zeroed(out);
    wcc_station_login_success_free(&out);
    memset(&out, 0xA5, sizeof out);
    ck_assert_int_eq(decode_n(text, len, &out, NULL), code);
    ck_assert_zeroed(out);
    return err.offset;
}

/* ---- Value helpers ---- */

static const char *const no_strings[] = { NULL };
#define STRS(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* want is NULL-terminated. */
static void expect_strings(const char *label, const wcc_string_array *a,
                           const char *const *want)
{
    size_t n = 0;
    while (want[n] != NULL)
        n++;
    ck_assert_msg(a->count == n, "%s: %zu items, expected %zu", label, a->count, n);
    ck_assert_msg(n == 0 || a->items != NULL, "%s: items is NULL", label);
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(a->items[i] != NULL && strcmp(a->items[i], want[i]) == 0,
                      "%s[%zu]: \"%s\", expected \"%s\"", label, i,
                      a->items[i] ? a->items[i] : "(NULL)", want[i]);
}

static void expect_entry(const map_t *map, size_t i, const char *key,
                         const char *const *values)
{
    ck_assert_uint_lt(i, map->count);
    ck_assert_ptr_nonnull(map->entries);
    ck_assert_ptr_nonnull(map->entries[i].key);
    ck_assert_str_eq(map->entries[i].key, key);
    expect_strings(key, &map->entries[i].value, values);
}

static void same_str(const char *label, const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        ck_assert_msg(a == b, "%s: \"%s\" vs \"%s\"", label, a ? a : "(NULL)",
                      b ? b : "(NULL)");
    else
        ck_assert_msg(strcmp(a, b) == 0, "%s: \"%s\" vs \"%s\"", label, a, b);
}

static void same_strings(const char *label, const wcc_string_array *a,
                         const wcc_string_array *b)
{
    ck_assert_msg(a->count == b->count, "%s: %zu vs %zu items", label, a->count, b->count);
    for (size_t i = 0; i < a->count; i++)
        same_str(label, a->items[i], b->items[i]);
}

static void same_map(const map_t *a, const map_t *b)
{
    ck_assert_uint_eq(a->count, b->count);
    for (size_t i = 0; i < a->count; i++) {
        same_str("channelsMap key", a->entries[i].key, b->entries[i].key);
        same_strings(a->entries[i].key, &a->entries[i].value, &b->entries[i].value);
    }
}

static void same_data(const data_t *a, const data_t *b)
{
    same_str("agentId", a->agent_id, b->agent_id);
    same_str("agentSessionId", a->agent_session_id, b->agent_session_id);
    same_str("auxCodeId", a->aux_code_id, b->aux_code_id);
    same_map(&a->channels_map, &b->channels_map);
    same_str("dialNumber", a->dial_number, b->dial_number);
    same_strings("interactionIds", &a->interaction_ids, &b->interaction_ids);
    ck_assert_int_eq(a->last_idle_code_change_timestamp, b->last_idle_code_change_timestamp);
    ck_assert_int_eq(a->last_state_change_timestamp, b->last_state_change_timestamp);
    same_str("data.orgId", a->org_id, b->org_id);
    same_str("profileType", a->profile_type, b->profile_type);
    ck_assert_int_eq(a->has_roles, b->has_roles);
    same_strings("roles", &a->roles, &b->roles);
    same_str("siteId", a->site_id, b->site_id);
    same_str("status", a->status, b->status);
    ck_assert_int_eq(a->sub_status, b->sub_status);
    same_str("supervisorSessionId", a->supervisor_session_id, b->supervisor_session_id);
    same_str("teamId", a->team_id, b->team_id);
    same_str("data.trackingId", a->tracking_id, b->tracking_id);
}

static void same_msg(const msg_t *a, const msg_t *b)
{
    same_str("orgId", a->org_id, b->org_id);
    same_str("trackingId", a->tracking_id, b->tracking_id);
    same_data(&a->data, &b->data);
}

/* ---- The full sample: every field, unknown members, escapes ---- */

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

/* FULL encoded: compact, schema order, unknown members dropped. */
static const char FULL_ENCODED[] =
    "{\"type\":\"StationLogin\",\"orgId\":\"org-envelope\","
    "\"trackingId\":\"notifs_52628dc8-d2f5-4bd7-9e67-0a7c5e0c5a2f\",\"data\":{"
    "\"agentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"agentSessionId\":\"c3a8a2d5-7a46-4d2c-9f2b-5e0f2f6c4b1a\",\"auxCodeId\":\"0\","
    "\"channelsMap\":{\"telephony\":[\"t1\",\"t2\"],\"chat\":[\"c1\"],\"email\":[],"
    "\"social\":[\"s\xC3\xA9\"]},"
    "\"dialNumber\":\"+14085551234\",\"eventType\":\"AgentDesktopMessage\","
    "\"interactionIds\":[\"0ae913a4-c857-4705-8d49-76dd3dde75e4\",\"i-2\"],"
    "\"lastIdleCodeChangeTimestamp\":1733211616959,"
    "\"lastStateChangeTimestamp\":1733211617012,"
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"profileType\":\"BLENDED\","
    "\"roles\":[\"agent\",\"\xF0\x9F\x98\x80\"],"
    "\"siteId\":\"d64e19c0-11e6-4bd4-8c5a-3f1a4c4d2e10\",\"status\":\"LoggedIn\","
    "\"subStatus\":\"Idle\",\"supervisorSessionId\":\"sup/1\\t\\\"x\\\"\","
    "\"teamId\":\"c7a3d8b2-4f1e-4a9c-b6d5-2e8f0a1b3c4d\","
    "\"trackingId\":\"575c0ec2-618c-42af-a61c-53aeb0a221ee\","
    "\"type\":\"AgentStationLoginSuccess\"}}";

static void expect_full_data(const data_t *d)
{
    ck_assert_str_eq(d->agent_id, "723a8ffb-a26e-496d-b14a-ff44fb83b64f");
    ck_assert_str_eq(d->agent_session_id, "c3a8a2d5-7a46-4d2c-9f2b-5e0f2f6c4b1a");
    ck_assert_str_eq(d->aux_code_id, "0");
    ck_assert_uint_eq(d->channels_map.count, 4);
    expect_entry(&d->channels_map, 0, "telephony", STRS("t1", "t2"));
    expect_entry(&d->channels_map, 1, "chat", STRS("c1"));
    expect_entry(&d->channels_map, 2, "email", no_strings);
    expect_entry(&d->channels_map, 3, "social", STRS("s\xC3\xA9"));
    ck_assert_str_eq(d->dial_number, "+14085551234");
    expect_strings("interactionIds", &d->interaction_ids,
                   STRS("0ae913a4-c857-4705-8d49-76dd3dde75e4", "i-2"));
    ck_assert_int_eq(d->last_idle_code_change_timestamp, INT64_C(1733211616959));
    ck_assert_int_eq(d->last_state_change_timestamp, INT64_C(1733211617012));
    ck_assert_str_eq(d->org_id, "6ecef209-9a34-4ed1-a07a-7ddd1dbe925a");
    ck_assert_str_eq(d->profile_type, "BLENDED");
    ck_assert(d->has_roles);
    expect_strings("roles", &d->roles, STRS("agent", "\xF0\x9F\x98\x80"));
    ck_assert_str_eq(d->site_id, "d64e19c0-11e6-4bd4-8c5a-3f1a4c4d2e10");
    ck_assert_str_eq(d->status, "LoggedIn");
    ck_assert_int_eq(d->sub_status, WCC_SUB_STATUS_IDLE);
    ck_assert_str_eq(d->supervisor_session_id, "sup/1\t\"x\"");
    ck_assert_str_eq(d->team_id, "c7a3d8b2-4f1e-4a9c-b6d5-2e8f0a1b3c4d");
    ck_assert_str_eq(d->tracking_id, "575c0ec2-618c-42af-a61c-53aeb0a221ee");
}

static void expect_full(const msg_t *m)
{
    ck_assert_str_eq(m->org_id, "org-envelope");
    ck_assert_str_eq(m->tracking_id, "notifs_52628dc8-d2f5-4bd7-9e67-0a7c5e0c5a2f");
    ck_assert_ptr_nonnull(m->arena_);
    expect_full_data(&m->data);
}

/* Only the required members, in an order unlike the schema's. */
static const char MINIMAL[] =
    "{\"data\":{\"type\":\"AgentStationLoginSuccess\",\"trackingId\":\"t-d\","
    "\"teamId\":\"team\",\"subStatus\":\"Available\",\"status\":\"LoggedIn\","
    "\"siteId\":\"site\",\"profileType\":\"AGENT\",\"orgId\":\"o-d\","
    "\"lastStateChangeTimestamp\":0,\"lastIdleCodeChangeTimestamp\":-5,"
    "\"interactionIds\":[],\"eventType\":\"AgentDesktopMessage\",\"channelsMap\":{},"
    "\"auxCodeId\":\"\",\"agentSessionId\":\"sess\",\"agentId\":\"agent\"},"
    "\"trackingId\":\"t-e\",\"orgId\":\"o-e\",\"type\":\"StationLogin\"}";

static const char MINIMAL_ENCODED[] =
    "{\"type\":\"StationLogin\",\"orgId\":\"o-e\",\"trackingId\":\"t-e\",\"data\":{"
    "\"agentId\":\"agent\",\"agentSessionId\":\"sess\",\"auxCodeId\":\"\","
    "\"channelsMap\":{},\"eventType\":\"AgentDesktopMessage\",\"interactionIds\":[],"
    "\"lastIdleCodeChangeTimestamp\":-5,\"lastStateChangeTimestamp\":0,"
    "\"orgId\":\"o-d\",\"profileType\":\"AGENT\",\"siteId\":\"site\","
    "\"status\":\"LoggedIn\",\"subStatus\":\"Available\",\"teamId\":\"team\","
    "\"trackingId\":\"t-d\",\"type\":\"AgentStationLoginSuccess\"}}";

/* ---- 1. Decoding valid messages ---- */

START_TEST(test_decode_full)
{
    msg_t m;
    decode_ok(FULL, strlen(FULL), &m);
    expect_full(&m);
    wcc_station_login_success_free(&m);
    ck_assert_zeroed(m);
}
END_TEST

START_TEST(test_decode_minimal)
{
    msg_t m;
    const data_t *d = &m.data;
    decode_ok(MINIMAL, strlen(MINIMAL), &m);
    ck_assert_str_eq(m.org_id, "o-e");
    ck_assert_str_eq(m.tracking_id, "t-e");
    ck_assert_str_eq(d->agent_id, "agent");
    ck_assert_str_eq(d->agent_session_id, "sess");
    ck_assert_str_eq(d->aux_code_id, "");
    ck_assert_uint_eq(d->channels_map.count, 0);
    ck_assert_ptr_null(d->dial_number);
    expect_strings("interactionIds", &d->interaction_ids, no_strings);
    ck_assert_int_eq(d->last_idle_code_change_timestamp, -5);
    ck_assert_int_eq(d->last_state_change_timestamp, 0);
    ck_assert_str_eq(d->org_id, "o-d");
    ck_assert_str_eq(d->profile_type, "AGENT");
    ck_assert(!d->has_roles);
    ck_assert_uint_eq(d->roles.count, 0);
    ck_assert_ptr_null(d->roles.items);
    ck_assert_str_eq(d->site_id, "site");
    ck_assert_str_eq(d->status, "LoggedIn");
    ck_assert_int_eq(d->sub_status, WCC_SUB_STATUS_AVAILABLE);
    ck_assert_ptr_null(d->supervisor_session_id);
    ck_assert_str_eq(d->team_id, "team");
    ck_assert_str_eq(d->tracking_id, "t-d");
    wcc_station_login_success_free(&m);
}
END_TEST

/* ---- The mutable base message and its builder ---- */

enum { ENV, DATA };
typedef enum edit_op { NO_EDIT, SET, DEL, ADD, TAIL, CUT, RAW } edit_op;

/* SET replaces a member's value (appending the member when the base lacks
 * it), DEL removes it, ADD appends another member (even a duplicate), TAIL
 * appends text after the message, CUT drops its last n bytes, RAW replaces
 * the whole text. */
typedef struct edit {
    edit_op op;
    int obj;
    const char *key;   /* as written in JSON, between the quotes */
    const char *value; /* JSON text */
    size_t n;
} edit;

typedef struct member {
    const char *key;
    const char *value; /* NULL: the data object */
} member;

static const member env_members[] = {
    { "type", "\"StationLogin\"" }, { "orgId", "\"org-env\"" },
    { "trackingId", "\"trk-env\"" }, { "data", NULL },
};

static const member data_members[] = {
    { "agentId", "\"agent-1\"" },
    { "agentSessionId", "\"sess-1\"" },
    { "auxCodeId", "\"aux-0\"" },
    { "channelsMap", "{\"chat\":[\"c1\"],\"email\":[]}" },
    { "dialNumber", "\"+1408\"" },
    { "eventType", "\"AgentDesktopMessage\"" },
    { "interactionIds", "[\"i1\",\"i2\"]" },
    { "lastIdleCodeChangeTimestamp", "1733211616959" },
    { "lastStateChangeTimestamp", "1733211617012" },
    { "orgId", "\"org-data\"" },
    { "profileType", "\"BLENDED\"" },
    { "roles", "[\"agent\"]" },
    { "siteId", "\"site-1\"" },
    { "status", "\"LoggedIn\"" },
    { "subStatus", "\"Available\"" },
    { "supervisorSessionId", "\"sup-1\"" },
    { "teamId", "\"team-1\"" },
    { "trackingId", "\"trk-data\"" },
    { "type", "\"AgentStationLoginSuccess\"" },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The base message with no edits: it is also its own encoding. */
static const char BASE[] =
    "{\"type\":\"StationLogin\",\"orgId\":\"org-env\",\"trackingId\":\"trk-env\","
    "\"data\":{\"agentId\":\"agent-1\",\"agentSessionId\":\"sess-1\",\"auxCodeId\":\"aux-0\","
    "\"channelsMap\":{\"chat\":[\"c1\"],\"email\":[]},\"dialNumber\":\"+1408\","
    "\"eventType\":\"AgentDesktopMessage\",\"interactionIds\":[\"i1\",\"i2\"],"
    "\"lastIdleCodeChangeTimestamp\":1733211616959,"
    "\"lastStateChangeTimestamp\":1733211617012,\"orgId\":\"org-data\","
    "\"profileType\":\"BLENDED\",\"roles\":[\"agent\"],\"siteId\":\"site-1\","
    "\"status\":\"LoggedIn\",\"subStatus\":\"Available\",\"supervisorSessionId\":\"sup-1\","
    "\"teamId\":\"team-1\",\"trackingId\":\"trk-data\",\"type\":\"AgentStationLoginSuccess\"}}";

/* mark: offset of the last edited value, of the TAIL text, or the length
 * after a CUT; syntax error offsets are given relative to it. */
typedef struct text {
    char buf[16384];
    size_t len;
    size_t mark;
} text;

static void put(text *t, const char *s)
{
    size_t n = strlen(s);
    ck_assert_uint_lt(t->len + n, sizeof t->buf);
    memcpy(t->buf + t->len, s, n + 1);
    t->len += n;
}

static void put_key(text *t, size_t *written, const char *key)
{
    if ((*written)++ != 0)
        put(t, ",");
    put(t, "\"");
    put(t, key);
    put(t, "\":");
}

static void put_marked(text *t, const char *value)
{
    t->mark = t->len;
    put(t, value);
}

static const edit *find_edit(const edit *edits, size_t n, int obj, const char *key)
{
    for (size_t i = 0; i < n; i++)
        if ((edits[i].op == SET || edits[i].op == DEL) && edits[i].obj == obj &&
            strcmp(edits[i].key, key) == 0)
            return &edits[i];
    return NULL;
}

static bool in_base(int obj, const char *key)
{
    const member *m = obj == ENV ? env_members : data_members;
    size_t count = obj == ENV ? COUNT(env_members) : COUNT(data_members);
    for (size_t i = 0; i < count; i++)
        if (strcmp(m[i].key, key) == 0)
            return true;
    return false;
}

static bool appends(const edit *e, int obj)
{
    return e->obj == obj && (e->op == ADD || (e->op == SET && !in_base(obj, e->key)));
}

static void put_object(text *t, int obj, const edit *edits, size_t n)
{
    const member *m = obj == ENV ? env_members : data_members;
    size_t count = obj == ENV ? COUNT(env_members) : COUNT(data_members), written = 0;
    put(t, "{");
    for (size_t i = 0; i < count; i++) {
        const edit *e = find_edit(edits, n, obj, m[i].key);
        if (e != NULL && e->op == DEL)
            continue;
        put_key(t, &written, m[i].key);
        if (e != NULL)
            put_marked(t, e->value);
        else if (m[i].value != NULL)
            put(t, m[i].value);
        else
            put_object(t, DATA, edits, n);
    }
    for (size_t i = 0; i < n; i++)
        if (appends(&edits[i], obj)) {
            put_key(t, &written, edits[i].key);
            put_marked(t, edits[i].value);
        }
    put(t, "}");
}

static void build(text *t, const edit *edits, size_t n)
{
    t->len = t->mark = 0;
    t->buf[0] = '\0';
    for (size_t i = 0; i < n; i++)
        if (edits[i].op == RAW) {
            put(t, edits[i].value);
            return;
        }
    put_object(t, ENV, edits, n);
    for (size_t i = 0; i < n; i++) {
        if (edits[i].op == TAIL)
            put_marked(t, edits[i].value);
        if (edits[i].op == CUT) {
            t->len -= edits[i].n;
            t->buf[t->len] = '\0';
            t->mark = t->len;
        }
    }
}

#define SET_(o, k, v) { SET, o, k, v, 0 }
#define DEL_(o, k) { DEL, o, k, NULL, 0 }
#define ADD_(o, k, v) { ADD, o, k, v, 0 }
#define TAIL_(v) { TAIL, ENV, NULL, v, 0 }
#define CUT_(n) { CUT, ENV, NULL, NULL, n }
#define RAW_(v) { RAW, ENV, NULL, v, 0 }

START_TEST(test_builder_base)
{
    text t;
    build(&t, NULL, 0);
    ck_assert_str_eq(t.buf, BASE);
}
END_TEST

/* ---- 2. Encoding and round trips ---- */

START_TEST(test_encode_full_exact)
{
    msg_t m;
    wcc_error err;
    size_t len = 99;
    decode_ok(FULL, strlen(FULL), &m);
    char *out = wcc_station_login_success_encode(&m, &len, &err);
    ck_assert_ptr_nonnull(out);
    expect_clean("encode", &err);
    ck_assert_str_eq(out, FULL_ENCODED);
    ck_assert_uint_eq(len, strlen(FULL_ENCODED));
    free(out);
    wcc_station_login_success_free(&m);
}
END_TEST

START_TEST(test_encode_minimal_exact)
{
    msg_t m;
    decode_ok(MINIMAL, strlen(MINIMAL), &m);
    char *out = wcc_station_login_success_encode(&m, NULL, NULL);
    ck_assert_ptr_nonnull(out);
    ck_assert_str_eq(out, MINIMAL_ENCODED);
    free(out);
    wcc_station_login_success_free(&m);
}
END_TEST

/* decode -> encode -> decode keeps every field, and encode is stable. */
static void round_trip(const char *text)
{
    msg_t a, b;
    size_t len = 0;
    decode_ok(text, strlen(text), &a);
    char *out = wcc_station_login_success_encode(&a, &len, NULL);
    ck_assert_ptr_nonnull(out);
    ck_assert_uint_eq(len, strlen(out));
    decode_ok(out, len, &b);
    same_msg(&a, &b);
    char *again = wcc_station_login_success_encode(&b, NULL, NULL);
    ck_assert_str_eq(again, out);
    free(again);
    free(out);
    wcc_station_login_success_free(&a);
    wcc_station_login_success_free(&b);
}

START_TEST(test_round_trip)
{
    round_trip(FULL);
    round_trip(MINIMAL);
    round_trip(BASE);
}
END_TEST

START_TEST(test_round_trip_full_values)
{
    msg_t a, b;
    decode_ok(FULL, strlen(FULL), &a);
    char *out = wcc_station_login_success_encode(&a, NULL, NULL);
    ck_assert_ptr_nonnull(out);
    decode_ok(out, strlen(out), &b);
    expect_full(&b);
    free(out);
    wcc_station_login_success_free(&a);
    wcc_station_login_success_free(&b);
}
END_TEST

/* The base message is compact and in schema order: it encodes to itself. */
START_TEST(test_encode_base_is_identity)
{
    msg_t m;
    decode_ok(BASE, strlen(BASE), &m);
    char *out = wcc_station_login_success_encode(&m, NULL, NULL);
    ck_assert_str_eq(out, BASE);
    free(out);
    wcc_station_login_success_free(&m);
}
END_TEST

START_TEST(test_to_cjson)
{
    msg_t m;
    wcc_error err;
    decode_ok(FULL, strlen(FULL), &m);
    cJSON *tree = wcc_station_login_success_to_cjson(&m, &err);
    ck_assert_ptr_nonnull(tree);
    expect_clean("to_cjson", &err);
    char *printed = cJSON_PrintUnformatted(tree);
    ck_assert_str_eq(printed, FULL_ENCODED);
    ck_assert_str_eq(cJSON_GetObjectItemCaseSensitive(tree, "orgId")->valuestring,
                     "org-envelope");
    cJSON_free(printed);
    cJSON_Delete(tree);
    wcc_station_login_success_free(&m);
}
END_TEST

/* ---- 3. Hand-built structs: validate, encode, free ---- */

typedef struct hand {
    msg_t m;
    entry_t entries[2];
    const char *ids[2];
    const char *chat[1];
    const char *roles[1];
} hand;

/* Without dialNumber and supervisorSessionId; with roles. */
static const char HAND_ENCODED[] =
    "{\"type\":\"StationLogin\",\"orgId\":\"org-env\",\"trackingId\":\"trk-env\","
    "\"data\":{\"agentId\":\"agent-1\",\"agentSessionId\":\"sess-1\",\"auxCodeId\":\"aux-0\","
    "\"channelsMap\":{\"chat\":[\"c1\"],\"email\":[]},"
    "\"eventType\":\"AgentDesktopMessage\",\"interactionIds\":[\"i1\",\"i2\"],"
    "\"lastIdleCodeChangeTimestamp\":1733211616959,"
    "\"lastStateChangeTimestamp\":1733211617012,\"orgId\":\"org-data\","
    "\"profileType\":\"BLENDED\",\"roles\":[\"agent\"],\"siteId\":\"site-1\","
    "\"status\":\"LoggedIn\",\"subStatus\":\"Available\","
    "\"teamId\":\"team-1\",\"trackingId\":\"trk-data\",\"type\":\"AgentStationLoginSuccess\"}}";

static void hand_data(hand *h)
{
    data_t *d = &h->m.data;
    d->agent_id = "agent-1";
    d->agent_session_id = "sess-1";
    d->aux_code_id = "aux-0";
    d->channels_map = (map_t){ h->entries, 2 };
    d->interaction_ids = (wcc_string_array){ h->ids, 2 };
    d->last_idle_code_change_timestamp = INT64_C(1733211616959);
    d->last_state_change_timestamp = INT64_C(1733211617012);
    d->org_id = "org-data";
    d->profile_type = "BLENDED";
    d->has_roles = true;
    d->roles = (wcc_string_array){ h->roles, 1 };
    d->site_id = "site-1";
    d->status = "LoggedIn";
    d->sub_status = WCC_SUB_STATUS_AVAILABLE;
    d->team_id = "team-1";
    d->tracking_id = "trk-data";
}

static void hand_init(hand *h)
{
    memset(h, 0, sizeof *h);
    h->ids[0] = "i1";
    h->ids[1] = "i2";
    h->chat[0] = "c1";
    h->roles[0] = "agent";
    h->entries[0] = (entry_t){ "chat", { h->chat, 1 } };
    h->entries[1] = (entry_t){ "email", { NULL, 0 } };
    h->m.org_id = "org-env";
    h->m.tracking_id = "trk-env";
    hand_data(h);
}

START_TEST(test_hand_valid_encodes_exactly)
{
    hand h;
    wcc_error err;
    size_t len = 0;
    hand_init(&h);
    ck_assert_int_eq(wcc_station_login_success_validate(&h.m, &err), WCC_OK);
    expect_clean("validate", &err);
    char *out = wcc_station_login_success_encode(&h.m, &len, &err);
    ck_assert_ptr_nonnull(out);
    expect_clean("encode", &err);
    ck_assert_str_eq(out, HAND_ENCODED);
    ck_assert_uint_eq(len, strlen(HAND_ENCODED));
    free(out);
    wcc_station_login_success_free(&h.m);
    ck_assert_zeroed(h.m);
}
END_TEST

/* Optional members: set ones are written, absent ones omitted; has_roles
 * false omits roles whatever the array holds. */
START_TEST(test_hand_optionals)
{
    hand h;
    hand_init(&h);
    h.m.data.dial_number = "+1408";
    h.m.data.supervisor_session_id = "sup-1";
    char *out = wcc_station_login_success_encode(&h.m, NULL, NULL);
    ck_assert_str_eq(out, BASE);
    free(out);
    hand_init(&h);
    h.m.data.has_roles = false;
    h.m.data.roles = (wcc_string_array){ NULL, 3 };
    ck_assert_int_eq(wcc_station_login_success_validate(&h.m, NULL), WCC_OK);
    out = wcc_station_login_success_encode(&h.m, NULL, NULL);
    ck_assert_ptr_null(strstr(out, "roles"));
    free(out);
    hand_init(&h);
    h.m.data.roles = (wcc_string_array){ NULL, 0 };
    out = wcc_station_login_success_encode(&h.m, NULL, NULL);
    ck_assert_ptr_nonnull(strstr(out, ",\"roles\":[],\"siteId\""));
    free(out);
}
END_TEST

/* encode and decode keep every int64 exactly; to_cjson refuses what a
 * double (a cJSON number) would round, naming the member. */
START_TEST(test_hand_int64_limits)
{
    static const struct {
        int64_t idle, state;
        const char *text; /* the two members as encode writes them */
        const char *tree_path, *tree_message; /* to_cjson's refusal, or NULL */
    } cases[] = {
        { INT64_C(9007199254740991), -INT64_C(9007199254740991),
          "\"lastIdleCodeChangeTimestamp\":9007199254740991,"
          "\"lastStateChangeTimestamp\":-9007199254740991,",
          NULL, NULL },
        { INT64_C(9007199254740993), 0,
          "\"lastIdleCodeChangeTimestamp\":9007199254740993,\"lastStateChangeTimestamp\":0,",
          "/data/lastIdleCodeChangeTimestamp",
          "lastIdleCodeChangeTimestamp: 9007199254740993 exceeds 2^53-1 in magnitude, which a "
          "cJSON number (a double) cannot hold exactly" },
        { INT64_MAX, INT64_MIN,
          "\"lastIdleCodeChangeTimestamp\":9223372036854775807,"
          "\"lastStateChangeTimestamp\":-9223372036854775808,",
          "/data/lastIdleCodeChangeTimestamp",
          "lastIdleCodeChangeTimestamp: 9223372036854775807 exceeds 2^53-1 in magnitude, which a "
          "cJSON number (a double) cannot hold exactly" },
        { 1, -(INT64_C(1) << 53),
          "\"lastIdleCodeChangeTimestamp\":1,\"lastStateChangeTimestamp\":-9007199254740992,",
          "/data/lastStateChangeTimestamp",
          "lastStateChangeTimestamp: -9007199254740992 exceeds 2^53-1 in magnitude, which a "
          "cJSON number (a double) cannot hold exactly" },
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        hand h;
        msg_t back;
        char text[1024];
        wcc_error err;
        hand_init(&h);
        h.m.data.last_idle_code_change_timestamp = cases[i].idle;
        h.m.data.last_state_change_timestamp = cases[i].state;
        ck_assert_int_eq(wcc_station_login_success_validate(&h.m, &err), WCC_OK);
        char *out = wcc_station_login_success_encode(&h.m, NULL, NULL);
        ck_assert_ptr_nonnull(out);
        snprintf(text, sizeof text, "%s", out); /* so that a failure leaks nothing */
        free(out);
        ck_assert_msg(strstr(text, cases[i].text) != NULL, "case %zu not written exactly: %s", i,
                      text);
        decode_ok(text, strlen(text), &back);
        same_msg(&h.m, &back);
        wcc_station_login_success_free(&back);
        cJSON *tree = wcc_station_login_success_to_cjson(&h.m, &err);
        if (cases[i].tree_path == NULL) {
            ck_assert_ptr_nonnull(tree);
            cJSON_Delete(tree);
            continue;
        }
        ck_assert_ptr_null(tree);
        expect_err("to_cjson", &err, WCC_ERR_RANGE, cases[i].tree_path);
        ck_assert_str_eq(err.message, cases[i].tree_message);
    }
}
END_TEST

/* Every string member: NULL is MISSING when required (allowed when
 * optional), invalid UTF-8 is VALUE, both at the member's path. */
typedef struct str_field {
    size_t offset;
    const char *path;
    bool optional;
} str_field;

static const str_field str_fields[] = {
    { offsetof(msg_t, org_id), "/orgId", false },
    { offsetof(msg_t, tracking_id), "/trackingId", false },
    { offsetof(msg_t, data.agent_id), "/data/agentId", false },
    { offsetof(msg_t, data.agent_session_id), "/data/agentSessionId", false },
    { offsetof(msg_t, data.aux_code_id), "/data/auxCodeId", false },
    { offsetof(msg_t, data.dial_number), "/data/dialNumber", true },
    { offsetof(msg_t, data.org_id), "/data/orgId", false },
    { offsetof(msg_t, data.profile_type), "/data/profileType", false },
    { offsetof(msg_t, data.site_id), "/data/siteId", false },
    { offsetof(msg_t, data.status), "/data/status", false },
    { offsetof(msg_t, data.supervisor_session_id), "/data/supervisorSessionId", true },
    { offsetof(msg_t, data.team_id), "/data/teamId", false },
    { offsetof(msg_t, data.tracking_id), "/data/trackingId", false },
};

static const char **str_at(msg_t *m, size_t offset)
{
    return (const char **)(void *)((char *)m + offset);
}

/* validate, encode and to_cjson all fail with code at path. */
static void expect_invalid(const char *label, hand *h, wcc_status code, const char *path)
{
    wcc_error err;
    size_t len = 77;
    ck_assert_int_eq(wcc_station_login_success_validate(&h->m, &err), code);
    expect_err(label, &err, code, path);
    ck_assert_int_eq(wcc_station_login_success_validate(&h->m, NULL), code);
    memset(&err, 0, sizeof err);
    ck_assert_ptr_null(wcc_station_login_success_encode(&h->m, &len, &err));
    expect_err(label, &err, code, path);
    ck_assert_uint_eq(len, 0);
    memset(&err, 0, sizeof err);
    ck_assert_ptr_null(wcc_station_login_success_to_cjson(&h->m, &err));
    expect_err(label, &err, code, path);
}

START_TEST(test_validate_string_null)
{
    const str_field *f = &str_fields[_i];
    hand h;
    hand_init(&h);
    *str_at(&h.m, f->offset) = NULL;
    if (f->optional)
        ck_assert_int_eq(wcc_station_login_success_validate(&h.m, NULL), WCC_OK);
    else
        expect_invalid(f->path, &h, WCC_ERR_MISSING, f->path);
}
END_TEST

START_TEST(test_validate_string_utf8)
{
    static const char *const bad[] = { "\xC3\x28", "a\xFF", "\xED\xA0\x80", "\xC0\xAF",
                                       "\xF4\x90\x80\x80", "\xE2\x82" };
    const str_field *f = &str_fields[_i];
    hand h;
    for (size_t i = 0; i < COUNT(bad); i++) {
        hand_init(&h);
        *str_at(&h.m, f->offset) = bad[i];
        expect_invalid(f->path, &h, WCC_ERR_VALUE, f->path);
    }
}
END_TEST

/* One way to break a valid hand-built message, and the error expected. */
typedef struct invalid_case {
    void (*spoil)(hand *h);
    wcc_status code;
    const char *path;
} invalid_case;

static void sub_status_0(hand *h) { h->m.data.sub_status = (wcc_sub_status)0; }
static void sub_status_99(hand *h) { h->m.data.sub_status = (wcc_sub_status)99; }
static void ids_items_null(hand *h) { h->m.data.interaction_ids.items = NULL; }
static void ids_item_null(hand *h) { h->ids[1] = NULL; }
static void ids_item_utf8(hand *h) { h->ids[1] = "\xFF"; }
static void roles_items_null(hand *h) { h->m.data.roles.items = NULL; }
static void roles_item_null(hand *h) { h->roles[0] = NULL; }
static void map_entries_null(hand *h) { h->m.data.channels_map.entries = NULL; }
static void map_dup_key(hand *h) { h->entries[1].key = "chat"; }
static void map_dup_slash(hand *h) { h->entries[0].key = h->entries[1].key = "a/b"; }
static void map_null_key(hand *h) { h->entries[1].key = NULL; }
static void map_key_utf8(hand *h) { h->entries[1].key = "\xC3"; }
static void map_value_null(hand *h) { h->entries[0].value.items = NULL; }
static void map_value_item_null(hand *h) { h->chat[0] = NULL; }
static void map_value_item_utf8(hand *h) { h->chat[0] = "\xF8"; }
static void two_missing(hand *h) { h->m.data.team_id = h->m.data.agent_id = NULL; }
static void env_and_data(hand *h) { h->m.tracking_id = NULL; h->m.data.agent_id = NULL; }
static void status_and_sub(hand *h) { h->m.data.status = NULL; h->m.data.sub_status = 0; }
/* encode leaves UTF-8 to its writer: the first fault in walk order still wins. */
static void utf8_then_null(hand *h) { h->m.data.agent_id = "\xFF"; h->m.data.team_id = NULL; }
static void utf8_then_null_array(hand *h)
{
    h->m.data.aux_code_id = "\xC3\x28";
    h->m.data.roles.items = NULL;
}

static const invalid_case invalid_cases[] = {
    { sub_status_0, WCC_ERR_VALUE, "/data/subStatus" },
    { sub_status_99, WCC_ERR_VALUE, "/data/subStatus" },
    { ids_items_null, WCC_ERR_VALUE, "/data/interactionIds" },
    { ids_item_null, WCC_ERR_MISSING, "/data/interactionIds/1" },
    { ids_item_utf8, WCC_ERR_VALUE, "/data/interactionIds/1" },
    { roles_items_null, WCC_ERR_VALUE, "/data/roles" },
    { roles_item_null, WCC_ERR_MISSING, "/data/roles/0" },
    { map_entries_null, WCC_ERR_VALUE, "/data/channelsMap" },
    { map_dup_key, WCC_ERR_DUPLICATE, "/data/channelsMap/chat" },
    { map_dup_slash, WCC_ERR_DUPLICATE, "/data/channelsMap/a~1b" },
    { map_null_key, WCC_ERR_MISSING, "/data/channelsMap" },
    { map_key_utf8, WCC_ERR_VALUE, "/data/channelsMap" },
    { map_value_null, WCC_ERR_VALUE, "/data/channelsMap/chat" },
    { map_value_item_null, WCC_ERR_MISSING, "/data/channelsMap/chat/0" },
    { map_value_item_utf8, WCC_ERR_VALUE, "/data/channelsMap/chat/0" },
    { two_missing, WCC_ERR_MISSING, "/data/agentId" },
    { env_and_data, WCC_ERR_MISSING, "/trackingId" },
    { status_and_sub, WCC_ERR_MISSING, "/data/status" },
    { utf8_then_null, WCC_ERR_VALUE, "/data/agentId" },
    { utf8_then_null_array, WCC_ERR_VALUE, "/data/auxCodeId" },
};

START_TEST(test_validate_table)
{
    const invalid_case *c = &invalid_cases[_i];
    char label[32];
    hand h;
    snprintf(label, sizeof label, "invalid case %d", _i);
    hand_init(&h);
    c->spoil(&h);
    expect_invalid(label, &h, c->code, c->path);
}
END_TEST

START_TEST(test_validate_accepts_limits)
{
    hand h;
    hand_init(&h);
    h.m.data.last_idle_code_change_timestamp = INT64_MAX;
    h.m.data.last_state_change_timestamp = INT64_MIN;
    h.m.data.sub_status = WCC_SUB_STATUS_IDLE;
    h.m.data.interaction_ids = (wcc_string_array){ NULL, 0 };
    h.m.data.channels_map = (map_t){ NULL, 0 };
    h.entries[0].key = "";
    ck_assert_int_eq(wcc_station_login_success_validate(&h.m, NULL), WCC_OK);
}
END_TEST

START_TEST(test_free_is_reset)
{
    hand h;
    msg_t m, z;
    hand_init(&h);
    wcc_station_login_success_free(&h.m);
    ck_assert_zeroed(h.m);
    wcc_station_login_success_free(&h.m);
    ck_assert_zeroed(h.m);
    wcc_station_login_success_init(&z);
    ck_assert_zeroed(z);
    wcc_station_login_success_free(&z);
    wcc_station_login_success_free(&z);
    ck_assert_zeroed(z);
    decode_ok(FULL, strlen(FULL), &m);
    wcc_station_login_success_free(&m);
    wcc_station_login_success_free(&m);
    ck_assert_zeroed(m);
    wcc_station_login_success_free(NULL);
    wcc_station_login_success_init(NULL);
}
END_TEST

/* ---- 4 and 5. Rejections: a table of edits to the base message ---- */

typedef struct bad_case {
    edit e[2];
    wcc_status code;
    const char *path;
    size_t at; /* WCC_ERR_SYNTAX/DEPTH: offset relative to the text's mark */
} bad_case;

#define BAD(e1, code, path) { { e1 }, code, path, 0 }
#define BAD2(e1, e2, code, path) { { e1, e2 }, code, path, 0 }
#define SYN(e1, at) { { e1 }, WCC_ERR_SYNTAX, "", at }
#define SYN2(e1, e2, at) { { e1, e2 }, WCC_ERR_SYNTAX, "", at }
#define T_ WCC_ERR_TYPE
#define V_ WCC_ERR_VALUE
#define M_ WCC_ERR_MISSING
#define R_ WCC_ERR_RANGE
#define D_ WCC_ERR_DUPLICATE

/* 17 distinct keys, then "k10" and "k01" again: "k10" repeats first. */
#define BIG_MAP_DUP                                                                  \
    "{\"k00\":[],\"k01\":[],\"k02\":[],\"k03\":[],\"k04\":[],\"k05\":[],\"k06\":[],"    \
    "\"k07\":[],\"k08\":[],\"k09\":[],\"k10\":[],\"k11\":[],\"k12\":[],\"k13\":[],"      \
    "\"k14\":[],\"k15\":[],\"k16\":[],\"k10\":[],\"k01\":[]}"

/* A well-formed number of 65 characters: more than cJSON reads (63). */
#define LONG_NUMBER "1.000000000000000000000000000000000000000000000000000000000000000"

static const bad_case bad_cases[] = {
    /* Each required member missing: reported after the object's members. */
    BAD(DEL_(ENV, "type"), M_, "/type"),
    BAD(DEL_(ENV, "orgId"), M_, "/orgId"),
    BAD(DEL_(ENV, "trackingId"), M_, "/trackingId"),
    BAD(DEL_(ENV, "data"), M_, "/data"),
    BAD(DEL_(DATA, "agentId"), M_, "/data/agentId"),
    BAD(DEL_(DATA, "agentSessionId"), M_, "/data/agentSessionId"),
    BAD(DEL_(DATA, "auxCodeId"), M_, "/data/auxCodeId"),
    BAD(DEL_(DATA, "channelsMap"), M_, "/data/channelsMap"),
    BAD(DEL_(DATA, "eventType"), M_, "/data/eventType"),
    BAD(DEL_(DATA, "interactionIds"), M_, "/data/interactionIds"),
    BAD(DEL_(DATA, "lastIdleCodeChangeTimestamp"), M_, "/data/lastIdleCodeChangeTimestamp"),
    BAD(DEL_(DATA, "lastStateChangeTimestamp"), M_, "/data/lastStateChangeTimestamp"),
    BAD(DEL_(DATA, "orgId"), M_, "/data/orgId"),
    BAD(DEL_(DATA, "profileType"), M_, "/data/profileType"),
    BAD(DEL_(DATA, "siteId"), M_, "/data/siteId"),
    BAD(DEL_(DATA, "status"), M_, "/data/status"),
    BAD(DEL_(DATA, "subStatus"), M_, "/data/subStatus"),
    BAD(DEL_(DATA, "teamId"), M_, "/data/teamId"),
    BAD(DEL_(DATA, "trackingId"), M_, "/data/trackingId"),
    BAD(DEL_(DATA, "type"), M_, "/data/type"),
    /* Wrong types and null (never "absent"), envelope. */
    BAD(SET_(ENV, "type", "1"), T_, "/type"),
    BAD(SET_(ENV, "orgId", "true"), T_, "/orgId"),
    BAD(SET_(ENV, "trackingId", "null"), T_, "/trackingId"),
    BAD(SET_(ENV, "data", "null"), T_, "/data"),
    BAD(SET_(ENV, "data", "[]"), T_, "/data"),
    BAD(SET_(ENV, "data", "\"x\""), T_, "/data"),
    /* Strings. */
    BAD(SET_(DATA, "agentId", "123"), T_, "/data/agentId"),
    BAD(SET_(DATA, "agentId", "null"), T_, "/data/agentId"),
    BAD(SET_(DATA, "agentSessionId", "{}"), T_, "/data/agentSessionId"),
    BAD(SET_(DATA, "auxCodeId", "[]"), T_, "/data/auxCodeId"),
    BAD(SET_(DATA, "orgId", "null"), T_, "/data/orgId"),
    BAD(SET_(DATA, "profileType", "1"), T_, "/data/profileType"),
    BAD(SET_(DATA, "siteId", "[\"s\"]"), T_, "/data/siteId"),
    BAD(SET_(DATA, "status", "false"), T_, "/data/status"),
    BAD(SET_(DATA, "teamId", "{\"a\":1}"), T_, "/data/teamId"),
    BAD(SET_(DATA, "trackingId", "null"), T_, "/data/trackingId"),
    BAD(SET_(DATA, "dialNumber", "null"), T_, "/data/dialNumber"),
    BAD(SET_(DATA, "dialNumber", "5"), T_, "/data/dialNumber"),
    BAD(SET_(DATA, "supervisorSessionId", "null"), T_, "/data/supervisorSessionId"),
    /* channelsMap. */
    BAD(SET_(DATA, "channelsMap", "null"), T_, "/data/channelsMap"),
    BAD(SET_(DATA, "channelsMap", "[\"chat\"]"), T_, "/data/channelsMap"),
    BAD(SET_(DATA, "channelsMap", "{\"chat\":\"c1\"}"), T_, "/data/channelsMap/chat"),
    BAD(SET_(DATA, "channelsMap", "{\"email\":[],\"chat\":null}"), T_,
        "/data/channelsMap/chat"),
    BAD(SET_(DATA, "channelsMap", "{\"chat\":[1]}"), T_, "/data/channelsMap/chat/0"),
    BAD(SET_(DATA, "channelsMap", "{\"chat\":[\"a\",null]}"), T_, "/data/channelsMap/chat/1"),
    BAD(SET_(DATA, "channelsMap", "{\"chat\":[\"a\"],\"chat\":[]}"), D_,
        "/data/channelsMap/chat"),
    BAD(SET_(DATA, "channelsMap", "{\"chat\":[],\"email\":[],\"chat\":[1]}"), D_,
        "/data/channelsMap/chat"),
    BAD(SET_(DATA, "channelsMap", "{\"chat\":[1],\"chat\":[]}"), T_,
        "/data/channelsMap/chat/0"),
    BAD(SET_(DATA, "channelsMap", BIG_MAP_DUP), D_, "/data/channelsMap/k10"),
    BAD(SET_(DATA, "channelsMap", "{\"\":5}"), T_, "/data/channelsMap/"),
    BAD(SET_(DATA, "channelsMap", "{\"\":[],\"\":[]}"), D_, "/data/channelsMap/"),
    BAD(SET_(DATA, "channelsMap", "{\"a/b~c\":{}}"), T_, "/data/channelsMap/a~1b~0c"),
    /* Constants. */
    BAD(SET_(DATA, "eventType", "\"AgentDesktopMessages\""), V_, "/data/eventType"),
    BAD(SET_(DATA, "eventType", "\"\""), V_, "/data/eventType"),
    BAD(SET_(DATA, "eventType", "null"), T_, "/data/eventType"),
    BAD(SET_(DATA, "type", "\"AgentStationLoginFailed\""), V_, "/data/type"),
    BAD(SET_(DATA, "type", "\"agentstationloginsuccess\""), V_, "/data/type"),
    BAD(SET_(DATA, "type", "null"), T_, "/data/type"),
    /* Arrays. */
    BAD(SET_(DATA, "interactionIds", "null"), T_, "/data/interactionIds"),
    BAD(SET_(DATA, "interactionIds", "\"i1\""), T_, "/data/interactionIds"),
    BAD(SET_(DATA, "interactionIds", "[\"i1\",2]"), T_, "/data/interactionIds/1"),
    BAD(SET_(DATA, "interactionIds", "[[\"i1\"]]"), T_, "/data/interactionIds/0"),
    BAD(SET_(DATA, "roles", "null"), T_, "/data/roles"),
    BAD(SET_(DATA, "roles", "{}"), T_, "/data/roles"),
    BAD(SET_(DATA, "roles", "[\"agent\",false]"), T_, "/data/roles/1"),
    /* Integers. */
    BAD(SET_(DATA, "lastIdleCodeChangeTimestamp", "\"1\""), T_,
        "/data/lastIdleCodeChangeTimestamp"),
    BAD(SET_(DATA, "lastIdleCodeChangeTimestamp", "1.5"), T_,
        "/data/lastIdleCodeChangeTimestamp"),
    BAD(SET_(DATA, "lastIdleCodeChangeTimestamp", "null"), T_,
        "/data/lastIdleCodeChangeTimestamp"),
    BAD(SET_(DATA, "lastIdleCodeChangeTimestamp", "1e400"), R_,
        "/data/lastIdleCodeChangeTimestamp"),
    BAD(SET_(DATA, "lastIdleCodeChangeTimestamp", "9223372036854775808"), R_,
        "/data/lastIdleCodeChangeTimestamp"),
    BAD(SET_(DATA, "lastStateChangeTimestamp", "-9223372036854775809"), R_,
        "/data/lastStateChangeTimestamp"),
    BAD(SET_(DATA, "lastStateChangeTimestamp", "-1e400"), R_,
        "/data/lastStateChangeTimestamp"),
    BAD(SET_(DATA, "lastStateChangeTimestamp", "18446744073709551616"), R_,
        "/data/lastStateChangeTimestamp"),
    BAD(SET_(DATA, "lastStateChangeTimestamp", "1733211616959.5"), T_,
        "/data/lastStateChangeTimestamp"),
    BAD(SET_(DATA, "lastStateChangeTimestamp", "true"), T_, "/data/lastStateChangeTimestamp"),
    /* Enum. */
    BAD(SET_(DATA, "subStatus", "\"Busy\""), V_, "/data/subStatus"),
    BAD(SET_(DATA, "subStatus", "\"idle\""), V_, "/data/subStatus"),
    BAD(SET_(DATA, "subStatus", "\"\""), V_, "/data/subStatus"),
    BAD(SET_(DATA, "subStatus", "null"), T_, "/data/subStatus"),
    BAD(SET_(DATA, "subStatus", "1"), T_, "/data/subStatus"),
    /* \u0000 in a value the schema reads: a string's path, or the map's for a
     * key. (In an ignored member it is ignored with the member.) */
    BAD(SET_(DATA, "agentId", "\"a\\u0000b\""), V_, "/data/agentId"),
    BAD(SET_(DATA, "interactionIds", "[\"i1\",\"\\u0000\"]"), V_, "/data/interactionIds/1"),
    BAD(SET_(DATA, "channelsMap", "{\"c\\u0000\":[]}"), V_, "/data/channelsMap"),
    BAD(SET_(DATA, "channelsMap", "{\"chat\":[\"\\u0000\"]}"), V_, "/data/channelsMap/chat/0"),
    BAD(SET_(DATA, "subStatus", "\"Idle\\u0000\""), V_, "/data/subStatus"),
    BAD(SET_(DATA, "eventType", "\"AgentDesktopMessage\\u0000\""), V_, "/data/eventType"),
    /* Duplicate keys, at the second occurrence. */
    BAD(ADD_(DATA, "agentId", "\"again\""), D_, "/data/agentId"),
    BAD(ADD_(DATA, "agent\\u0049d", "\"again\""), D_, "/data/agentId"),
    BAD(ADD_(ENV, "orgId", "\"org-env\""), D_, "/orgId"),
    BAD(ADD_(ENV, "data", "{}"), D_, "/data"),
    BAD(ADD_(DATA, "foo", "{\"x\":1,\"x\":2}"), D_, "/data/foo/x"),
    BAD(ADD_(DATA, "foo", "[{\"a\":1},{\"b\":1,\"b\":[]}]"), D_, "/data/foo/1/b"),
    BAD(ADD_(ENV, "extra", "{\"n\":{\"\":1,\"\":2}}"), D_, "/extra/n/"),
    BAD2(ADD_(DATA, "", "1"), ADD_(DATA, "", "2"), D_, "/data/"),
    BAD2(ADD_(DATA, "a/b", "1"), ADD_(DATA, "a/b", "2"), D_, "/data/a~1b"),
    BAD2(ADD_(DATA, "deviceId", "\"1001\""), ADD_(DATA, "deviceId", "1"), D_,
         "/data/deviceId"),
    /* Not well-formed JSON: always WCC_ERR_SYNTAX at the first bad byte. */
    SYN(SET_(DATA, "agentId", "\"\xC3\x28\""), 1),
    SYN(SET_(DATA, "agentId", "\"ok\xFF\""), 3),
    SYN(SET_(DATA, "agentId", "\"\xED\xA0\x80\""), 1),
    SYN(SET_(DATA, "agentId", "\"\xC0\xAF\""), 1),
    SYN(ADD_(DATA, "k\xFE", "1"), (size_t)-3), /* the key's byte, before the value */
    SYN(SET_(DATA, "agentId", "\"a\\x\""), 3),
    SYN(SET_(DATA, "agentId", "\"\\uD800\""), 1),
    SYN(SET_(DATA, "agentId", "\"tab\there\""), 4),
    SYN(SET_(DATA, "agentId", "'a'"), 0),
    SYN(SET_(DATA, "agentId", "tru"), 3),
    SYN(SET_(DATA, "lastIdleCodeChangeTimestamp", "01"), 1),
    SYN(SET_(DATA, "lastIdleCodeChangeTimestamp", "1."), 2),
    SYN(SET_(DATA, "lastIdleCodeChangeTimestamp", "-"), 1),
    SYN(SET_(DATA, "lastIdleCodeChangeTimestamp", "+1"), 0),
    SYN(SET_(DATA, "lastIdleCodeChangeTimestamp", "NaN"), 0),
    SYN(SET_(DATA, "lastIdleCodeChangeTimestamp", "Infinity"), 0),
    SYN(SET_(DATA, "lastIdleCodeChangeTimestamp", "0x10"), 1),
    SYN(SET_(DATA, "roles", "[\"a\",]"), 5),
    SYN(SET_(DATA, "channelsMap", "{\"chat\":[\"c1\"],}"), 15),
    SYN(SET_(DATA, "channelsMap", "{chat:[]}"), 1),
    /* Trailing content and truncation. */
    SYN(TAIL_("x"), 0),
    SYN(TAIL_(" }"), 1),
    SYN(TAIL_("{}"), 0),
    SYN(TAIL_("\n,"), 1),
    SYN(TAIL_("\f"), 0),
    SYN(CUT_(1), 0),
    SYN(CUT_(2), 0),
    SYN(CUT_(20), 0),
    SYN(RAW_(""), 0),
    SYN(RAW_("   "), 3),
    SYN(RAW_("{"), 1),
    SYN(RAW_("{\"type\""), 7),
    /* Root not an object. */
    BAD(RAW_("[]"), T_, ""),
    BAD(RAW_("null"), T_, ""),
    BAD(RAW_("\"x\""), T_, ""),
    BAD(RAW_("42"), T_, ""),
    BAD(RAW_("{}"), M_, "/type"),
    BAD(RAW_("{\"type\":\"StationLogin\",\"orgId\":\"o\",\"trackingId\":\"k\",\"data\":{}}"),
        M_, "/data/agentId"),
    BAD(RAW_("{\"type\":\"t\",\"orgId\":\"o\",\"trackingId\":\"k\",\"data\":{}}"), V_,
        "/type"),
    /* Several errors: the first in document order wins. */
    BAD2(SET_(DATA, "agentId", "1"), SET_(DATA, "type", "\"X\""), T_, "/data/agentId"),
    BAD2(DEL_(DATA, "agentId"), SET_(DATA, "type", "\"X\""), V_, "/data/type"),
    BAD2(DEL_(DATA, "teamId"), DEL_(DATA, "agentId"), M_, "/data/agentId"),
    BAD2(DEL_(DATA, "agentId"), ADD_(ENV, "type", "1"), M_, "/data/agentId"),
    BAD2(SET_(ENV, "type", "1"), SET_(DATA, "agentId", "1"), T_, "/type"),
    BAD2(SET_(DATA, "agentId", "1"), ADD_(DATA, "agentId", "\"x\""), T_, "/data/agentId"),
    BAD2(ADD_(DATA, "foo", "{\"x\":1,\"x\":2}"), ADD_(DATA, "agentId", "\"x\""), D_,
         "/data/foo/x"),
    BAD2(DEL_(DATA, "agentId"), ADD_(DATA, "foo", "[{\"x\":1,\"x\":2}]"), D_,
         "/data/foo/0/x"),
    /* ...unless the text is not well-formed JSON. */
    SYN2(SET_(DATA, "agentId", "1"), TAIL_("x"), 0),
    SYN2(ADD_(DATA, "agentId", "1"), CUT_(1), 0),
    SYN2(DEL_(ENV, "type"), CUT_(1), 0),
    SYN2(SET_(DATA, "agentId", "\"\\u0000\""), TAIL_("x"), 0),
    SYN2(SET_(DATA, "agentId", "\"\\u0000\""), CUT_(1), 0),
    SYN2(ADD_(DATA, "foo", LONG_NUMBER), CUT_(1), 0),
    /* A \u0000 is reported where the schema reads it, in document order. */
    BAD2(SET_(DATA, "agentId", "1"), SET_(DATA, "teamId", "\"\\u0000\""), T_,
         "/data/agentId"),
};

START_TEST(test_bad_table)
{
    const bad_case *c = &bad_cases[_i];
    char label[128];
    text t;
    build(&t, c->e, COUNT(c->e));
    snprintf(label, sizeof label, "bad case %d (%s %.60s)", _i,
             c->e[0].key ? c->e[0].key : "-", c->e[0].value ? c->e[0].value : "-");
    size_t offset = decode_bad(label, t.buf, t.len, c->code, c->path);
    if (c->code == WCC_ERR_SYNTAX)
        ck_assert_msg(offset == t.mark + c->at, "%s: offset %zu, expected %zu", label, offset,
                      t.mark + c->at);
}
END_TEST

/* Every proper prefix of a valid message is a syntax error at its end. */
static void expect_prefixes_bad(const char *text)
{
    size_t len = strlen(text);
    char label[48];
    for (size_t cut = 0; cut < len; cut++) {
        snprintf(label, sizeof label, "prefix of %zu bytes", cut);
        size_t offset = decode_bad(label, text, cut, WCC_ERR_SYNTAX, "");
        ck_assert_msg(offset == cut, "%s: offset %zu", label, offset);
    }
}

START_TEST(test_truncation_everywhere)
{
    expect_prefixes_bad(FULL);
    expect_prefixes_bad(MINIMAL);
    expect_prefixes_bad(BASE);
}
END_TEST

/* Integers that are accepted, with the value they read as. */
typedef struct int_case {
    const char *json;
    int64_t value;
} int_case;

static const int_case int_cases[] = {
    { "1.0", 1 },
    { "1e3", 1000 },
    { "1E+2", 100 },
    { "0.1e1", 1 },
    { "-0", 0 },
    { "-0.0", 0 },
    { "0", 0 },
    { "-1", -1 },
    { "9007199254740991", INT64_C(9007199254740991) },
    { "-9007199254740991", -INT64_C(9007199254740991) },
    { "17332116169.59e2", INT64_C(1733211616959) },
    { "1733211616959", INT64_C(1733211616959) },
};

START_TEST(test_integers_accepted)
{
    const int_case *c = &int_cases[_i];
    edit e[2] = { SET_(DATA, "lastIdleCodeChangeTimestamp", c->json),
                  SET_(DATA, "lastStateChangeTimestamp", c->json) };
    text t;
    msg_t m;
    build(&t, e, 2);
    decode_ok(t.buf, t.len, &m);
    ck_assert_int_eq(m.data.last_idle_code_change_timestamp, c->value);
    ck_assert_int_eq(m.data.last_state_change_timestamp, c->value);
    wcc_station_login_success_free(&m);
}
END_TEST

/* ---- 6. Unknown members and reading exactly len bytes ---- */

static const edit accepted_edits[] = {
    ADD_(ENV, "deviceId", "\"1001\""),
    ADD_(ENV, "extra", "{\"a\":[{},{\"b\":[null,true,false]}],\"c\":{\"d\":{}}}"),
    ADD_(ENV, "", "1"),
    ADD_(DATA, "dn", "\"1001\""),
    ADD_(DATA, "voiceCount", "3"),
    ADD_(DATA, "", "\"x\""),
    ADD_(DATA, "huge", "1e400"),
    ADD_(DATA, "frac", "-0.5e-3"),
    ADD_(DATA, "nul", "null"),
    ADD_(DATA, "x\\u0000y", "1"),
    ADD_(DATA, "foo", "{\"a\":\"\\u0000\",\"b\\u0000\":[\"\\\\u0000\"]}"),
    ADD_(DATA, "Agentid", "5"),
    ADD_(DATA, "nested", "{\"agentId\":1,\"data\":[[[]]],\"x\":{\"y\":[1,\"2\"]}}"),
    DEL_(DATA, "dialNumber"),
    DEL_(DATA, "roles"),
    DEL_(DATA, "supervisorSessionId"),
    TAIL_(" \t\r\n"),
    SET_(DATA, "interactionIds", "[]"),
    SET_(DATA, "roles", "[]"),
    SET_(DATA, "channelsMap", "{}"),
};

START_TEST(test_accepted_edits)
{
    text t;
    msg_t m, base;
    build(&t, &accepted_edits[_i], 1);
    decode_ok(t.buf, t.len, &m);
    decode_ok(BASE, strlen(BASE), &base);
    ck_assert_str_eq(m.data.agent_id, "agent-1");
    if (accepted_edits[_i].op == ADD || accepted_edits[_i].op == TAIL)
        same_msg(&m, &base);
    wcc_station_login_success_free(&m);
    wcc_station_login_success_free(&base);
}
END_TEST

START_TEST(test_empty_and_escaped_keys)
{
    edit e[2] = { SET_(DATA, "channelsMap", "{\"\":[\"x\"],\"a\\/b\":[\"\\u00e9\"]}"),
                  SET_(DATA, "agentId", "\"\\u00e9\\uD83D\\uDE00\\n\"") };
    text t;
    msg_t m;
    build(&t, e, 2);
    decode_ok(t.buf, t.len, &m);
    ck_assert_uint_eq(m.data.channels_map.count, 2);
    expect_entry(&m.data.channels_map, 0, "", STRS("x"));
    expect_entry(&m.data.channels_map, 1, "a/b", STRS("\xC3\xA9"));
    ck_assert_str_eq(m.data.agent_id, "\xC3\xA9\xF0\x9F\x98\x80\n");
    wcc_station_login_success_free(&m);
}
END_TEST

/* A buffer longer than len: only json[0..len) is read. */
START_TEST(test_reads_only_len)
{
    char buf[sizeof FULL + 32];
    msg_t m;
    wcc_error err;
    snprintf(buf, sizeof buf, "%s}garbage\"{[", FULL);
    ck_assert_int_eq(wcc_station_login_success_decode(buf, strlen(FULL), &m, &err), WCC_OK);
    expect_clean("prefix", &err);
    expect_full(&m);
    wcc_station_login_success_free(&m);
    memcpy(buf, FULL, sizeof FULL); /* with its NUL, inside len */
    ck_assert_uint_eq(decode_bad("NUL inside len", buf, sizeof FULL, WCC_ERR_SYNTAX, ""),
                      strlen(FULL));
}
END_TEST

START_TEST(test_decode_into_dirty_struct)
{
    msg_t m;
    memset(&m, 0xEE, sizeof m);
    decode_ok(BASE, strlen(BASE), &m);
    ck_assert_str_eq(m.data.tracking_id, "trk-data");
    ck_assert_str_eq(m.tracking_id, "trk-env");
    ck_assert_str_eq(m.org_id, "org-env");
    ck_assert_str_eq(m.data.org_id, "org-data");
    wcc_station_login_success_free(&m);
}
END_TEST

/* ---- Nesting depth ---- */

static char *nested_arrays(size_t n)
{
    char *s = malloc(2 * n + 1);
    ck_assert_ptr_nonnull(s);
    memset(s, '[', n);
    memset(s + n, ']', n);
    s[2 * n] = '\0';
    return s;
}

/* The root object is level 1 and data level 2, so data's member holds
 * WCC_DEFAULT_MAX_DEPTH - 2 arrays at most. */
START_TEST(test_depth)
{
    char *ok = nested_arrays(WCC_DEFAULT_MAX_DEPTH - 2);
    char *deep = nested_arrays(WCC_DEFAULT_MAX_DEPTH - 1);
    edit e[1] = { ADD_(DATA, "foo", ok) };
    text t;
    msg_t m;
    build(&t, e, 1);
    free(ok);
    decode_ok(t.buf, t.len, &m);
    wcc_station_login_success_free(&m);
    e[0].value = deep;
    build(&t, e, 1);
    free(deep);
    ck_assert_uint_eq(decode_bad("depth 513", t.buf, t.len, WCC_ERR_DEPTH, ""),
                      t.mark + WCC_DEFAULT_MAX_DEPTH - 2);
}
END_TEST

/* Too deep and truncated: not well-formed, so WCC_ERR_SYNTAX. */
START_TEST(test_depth_truncated)
{
    char *deep = nested_arrays(WCC_DEFAULT_MAX_DEPTH - 1);
    edit e[2] = { ADD_(DATA, "foo", deep), CUT_(1) };
    text t;
    build(&t, e, 2);
    free(deep);
    ck_assert_uint_eq(decode_bad("deep, truncated", t.buf, t.len, WCC_ERR_SYNTAX, ""), t.len);
}
END_TEST

/* A duplicate deep inside an unknown member: the path is cut with "...". */
START_TEST(test_deep_duplicate_path)
{
    size_t n = 300;
    char *s = malloc(n * 6 + 16), *p = s;
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < n; i++, p += 5)
        memcpy(p, "{\"a\":", 5);
    p += sprintf(p, "{\"x\":1,\"x\":2}");
    memset(p, '}', n);
    p[n] = '\0';
    edit e[1] = { ADD_(DATA, "foo", s) };
    text t;
    msg_t m;
    wcc_error err;
    build(&t, e, 1);
    free(s);
    ck_assert_int_eq(decode_n(t.buf, t.len, &m, &err), WCC_ERR_DUPLICATE);
    ck_assert(err.path_truncated);
    ck_assert_uint_eq(strncmp(err.path, "/data/foo/a/a/", 14), 0);
    ck_assert_str_eq(err.path + strlen(err.path) - 3, "...");
    ck_assert_zeroed(m);
}
END_TEST

/* ---- 7. from_cjson, the data-level API and NULL arguments ---- */

static cJSON *parse_tree(const char *text)
{
    cJSON *tree = cJSON_ParseWithLength(text, strlen(text));
    ck_assert_ptr_nonnull(tree);
    return tree;
}

static cJSON *member_of(cJSON *object, const char *key)
{
    cJSON *item = cJSON_GetObjectItemCaseSensitive(object, key);
    ck_assert_ptr_nonnull(item);
    return item;
}

START_TEST(test_from_cjson_equals_decode)
{
    cJSON *tree = parse_tree(FULL);
    msg_t a, b;
    wcc_error err;
    memset(&err, 0x5A, sizeof err);
    ck_assert_int_eq(wcc_station_login_success_from_cjson(tree, &a, &err), WCC_OK);
    expect_clean("from_cjson", &err);
    expect_full(&a);
    decode_ok(FULL, strlen(FULL), &b);
    same_msg(&a, &b);
    cJSON_Delete(tree);
    ck_assert_str_eq(a.data.agent_id, "723a8ffb-a26e-496d-b14a-ff44fb83b64f");
    wcc_station_login_success_free(&a);
    wcc_station_login_success_free(&b);
}
END_TEST

/* A tree built by hand may hold what a text cannot: invalid UTF-8, repeated
 * keys. Each spoil edits a tree of BASE. */
typedef struct tree_case {
    void (*spoil)(cJSON *root);
    wcc_status code;
    const char *path;
} tree_case;

static void put_item(cJSON *object, const char *key, cJSON *item)
{
    ck_assert_ptr_nonnull(item);
    ck_assert(cJSON_ReplaceItemInObjectCaseSensitive(object, key, item));
}

static void tree_type(cJSON *r) { put_item(r, "type", cJSON_CreateString("\xC3\x28")); }
static void tree_agent(cJSON *r)
{
    put_item(member_of(r, "data"), "agentId", cJSON_CreateString("ok\xFF"));
}
static void tree_dial(cJSON *r)
{
    put_item(member_of(r, "data"), "dialNumber", cJSON_CreateString("\xED\xA0\x80"));
}
static void tree_ids(cJSON *r)
{
    const char *ids[] = { "i1", "\xC0\xAF" };
    put_item(member_of(r, "data"), "interactionIds", cJSON_CreateStringArray(ids, 2));
}
static void tree_roles(cJSON *r)
{
    const char *roles[] = { "\xF4\x90\x80\x80" };
    put_item(member_of(r, "data"), "roles", cJSON_CreateStringArray(roles, 1));
}
static void tree_chat(cJSON *r)
{
    const char *chat[] = { "\xE2\x82" };
    put_item(member_of(member_of(r, "data"), "channelsMap"), "chat",
             cJSON_CreateStringArray(chat, 1));
}
static void tree_map_key(cJSON *r)
{
    cJSON_AddItemToObject(member_of(member_of(r, "data"), "channelsMap"), "\xC3",
                          cJSON_CreateArray());
}
static void tree_sub_status(cJSON *r)
{
    put_item(member_of(r, "data"), "subStatus", cJSON_CreateString("Idle\xFF"));
}
static void tree_dup(cJSON *r)
{
    cJSON_AddItemToObject(member_of(r, "data"), "agentId", cJSON_CreateString("b"));
}
static void tree_map_dup(cJSON *r)
{
    cJSON_AddItemToObject(member_of(member_of(r, "data"), "channelsMap"), "chat",
                          cJSON_CreateArray());
}
static void tree_null(cJSON *r) { put_item(member_of(r, "data"), "roles", cJSON_CreateNull()); }
static void tree_drop(cJSON *r) { cJSON_DeleteItemFromObject(member_of(r, "data"), "siteId"); }
static void tree_number(cJSON *r)
{
    put_item(member_of(r, "data"), "lastIdleCodeChangeTimestamp", cJSON_CreateNumber(0.5));
}

static const tree_case tree_cases[] = {
    { tree_type, V_, "/type" },
    { tree_agent, V_, "/data/agentId" },
    { tree_dial, V_, "/data/dialNumber" },
    { tree_ids, V_, "/data/interactionIds/1" },
    { tree_roles, V_, "/data/roles/0" },
    { tree_chat, V_, "/data/channelsMap/chat/0" },
    { tree_map_key, V_, "/data/channelsMap" }, /* a bad key: its map's path */
    { tree_sub_status, V_, "/data/subStatus" },
    { tree_dup, D_, "/data/agentId" },
    { tree_map_dup, D_, "/data/channelsMap/chat" },
    { tree_null, T_, "/data/roles" },
    { tree_drop, M_, "/data/siteId" },
    { tree_number, T_, "/data/lastIdleCodeChangeTimestamp" },
};

START_TEST(test_from_cjson_table)
{
    const tree_case *c = &tree_cases[_i];
    cJSON *tree = parse_tree(BASE);
    char label[32];
    msg_t m;
    wcc_error err;
    snprintf(label, sizeof label, "tree case %d", _i);
    c->spoil(tree);
    memset(&m, 0xA5, sizeof m);
    ck_assert_int_eq(wcc_station_login_success_from_cjson(tree, &m, &err), c->code);
    expect_err(label, &err, c->code, c->path);
    ck_assert_zeroed(m);
    ck_assert_int_eq(wcc_station_login_success_from_cjson(tree, &m, NULL), c->code);
    ck_assert_zeroed(m);
    cJSON_Delete(tree);
}
END_TEST

/* The same nesting limit as decode: a hand-built tree deeper than
 * WCC_DEFAULT_MAX_DEPTH levels is rejected (not walked without bound). */
START_TEST(test_from_cjson_depth)
{
    cJSON *tree = parse_tree(BASE), *top = cJSON_CreateArray(), *cur = top;
    msg_t m;
    wcc_error err;
    for (int level = 4; level <= WCC_DEFAULT_MAX_DEPTH + 1; level++) {
        cJSON *inner = cJSON_CreateArray();
        ck_assert(cJSON_AddItemToArray(cur, inner));
        cur = inner;
    }
    ck_assert(cJSON_AddItemToObject(member_of(tree, "data"), "foo", top));
    wcc_status st = wcc_station_login_success_from_cjson(tree, &m, &err);
    bool zeroed = is_zeroed(&m, sizeof m);
    wcc_station_login_success_free(&m); /* so that a failure leaks nothing */
    cJSON_Delete(tree);
    ck_assert_msg(st == WCC_ERR_DEPTH, "from_cjson of %d levels: %s", WCC_DEFAULT_MAX_DEPTH + 1,
                  wcc_status_name(st));
    ck_assert_int_eq(err.code, WCC_ERR_DEPTH);
    ck_assert(zeroed);
}
END_TEST

START_TEST(test_from_cjson_root_types)
{
    cJSON *array = cJSON_CreateArray(), *string = cJSON_CreateString("x");
    msg_t m;
    wcc_error err;
    ck_assert_int_eq(wcc_station_login_success_from_cjson(array, &m, &err), WCC_ERR_TYPE);
    expect_err("array root", &err, WCC_ERR_TYPE, "");
    ck_assert_int_eq(wcc_station_login_success_from_cjson(string, &m, &err), WCC_ERR_TYPE);
    expect_err("string root", &err, WCC_ERR_TYPE, "");
    ck_assert_zeroed(m);
    cJSON_Delete(array);
    cJSON_Delete(string);
}
END_TEST

START_TEST(test_null_arguments)
{
    cJSON *tree = parse_tree(BASE);
    msg_t m;
    wcc_error err;
    size_t len = 5;
    ck_assert_int_eq(wcc_station_login_success_from_cjson(NULL, &m, &err), WCC_ERR_INVALID_ARG);
    expect_err("from_cjson NULL tree", &err, WCC_ERR_INVALID_ARG, "");
    ck_assert_zeroed(m);
    ck_assert_int_eq(wcc_station_login_success_from_cjson(tree, NULL, &err),
                     WCC_ERR_INVALID_ARG);
    expect_err("from_cjson NULL out", &err, WCC_ERR_INVALID_ARG, "");
    ck_assert_int_eq(wcc_station_login_success_decode(NULL, 5, &m, &err), WCC_ERR_INVALID_ARG);
    expect_err("decode NULL json", &err, WCC_ERR_INVALID_ARG, "");
    ck_assert_int_eq(wcc_station_login_success_decode(NULL, 0, &m, &err), WCC_ERR_INVALID_ARG);
    ck_assert_int_eq(wcc_station_login_success_decode(BASE, strlen(BASE), NULL, &err),
                     WCC_ERR_INVALID_ARG);
    ck_assert_int_eq(wcc_station_login_success_validate(NULL, &err), WCC_ERR_INVALID_ARG);
    ck_assert_ptr_null(wcc_station_login_success_encode(NULL, &len, &err));
    ck_assert_int_eq(err.code, WCC_ERR_INVALID_ARG);
    ck_assert_uint_eq(len, 0);
    ck_assert_ptr_null(wcc_station_login_success_to_cjson(NULL, &err));
    ck_assert_int_eq(err.code, WCC_ERR_INVALID_ARG);
    ck_assert_int_eq(wcc_station_login_success_decode(NULL, 0, NULL, NULL), WCC_ERR_INVALID_ARG);
    cJSON_Delete(tree);
}
END_TEST

/* The data object alone: paths are relative to it. */
START_TEST(test_data_api)
{
    cJSON *tree = parse_tree(BASE);
    char *text = cJSON_PrintUnformatted(member_of(tree, "data"));
    data_t d;
    wcc_error err;
    ck_assert_int_eq(wcc_station_login_success_data_decode(text, strlen(text), &d, &err), WCC_OK);
    ck_assert_str_eq(d.agent_id, "agent-1");
    ck_assert_str_eq(d.org_id, "org-data");
    char *out = wcc_station_login_success_data_encode(&d, NULL, &err);
    ck_assert_str_eq(out, text);
    free(out);
    wcc_station_login_success_data_free(&d);
    wcc_station_login_success_data_free(&d);
    ck_assert_zeroed(d);
    ck_assert_int_eq(wcc_station_login_success_data_decode("{}", 2, &d, &err), WCC_ERR_MISSING);
    expect_err("data {}", &err, WCC_ERR_MISSING, "/agentId");
    ck_assert_zeroed(d);
    cJSON_free(text);
    cJSON_Delete(tree);
}
END_TEST

/* ---- 8. Status names ---- */

START_TEST(test_status_names)
{
    static const char *const names[] = {
        "WCC_OK", "WCC_ERR_SYNTAX", "WCC_ERR_TYPE", "WCC_ERR_MISSING",
        "WCC_ERR_VALUE", "WCC_ERR_DUPLICATE", "WCC_ERR_UNKNOWN_KEY",
        "WCC_ERR_NOMEM", "WCC_ERR_RANGE", "WCC_ERR_DEPTH", "WCC_ERR_INVALID_ARG",
        "WCC_ERR_TOO_LARGE", "WCC_ERR_BUFFER_TOO_SMALL",
    };
    static const wcc_status codes[] = {
        WCC_OK, WCC_ERR_SYNTAX, WCC_ERR_TYPE, WCC_ERR_MISSING, WCC_ERR_VALUE,
        WCC_ERR_DUPLICATE, WCC_ERR_UNKNOWN_KEY, WCC_ERR_NOMEM, WCC_ERR_RANGE,
        WCC_ERR_DEPTH, WCC_ERR_INVALID_ARG, WCC_ERR_TOO_LARGE, WCC_ERR_BUFFER_TOO_SMALL,
    };
    for (size_t i = 0; i < COUNT(codes); i++)
        ck_assert_str_eq(wcc_status_name(codes[i]), names[i]);
    ck_assert_str_eq(wcc_status_name((wcc_status)13), "WCC_ERR_UNKNOWN");
    ck_assert_str_eq(wcc_status_name((wcc_status)1000), "WCC_ERR_UNKNOWN");
}
END_TEST

static Suite *station_login_suite(void)
{
    Suite *s = suite_create("station_login_success");
    TCase *decode = tcase_create("decode");
    TCase *encode = tcase_create("encode");
    TCase *validate = tcase_create("validate");
    TCase *reject = tcase_create("reject");
    TCase *cjson = tcase_create("cjson");
    tcase_set_timeout(reject, 120);
    tcase_add_test(decode, test_decode_full);
    tcase_add_test(decode, test_decode_minimal);
    tcase_add_test(decode, test_builder_base);
    tcase_add_loop_test(decode, test_integers_accepted, 0, (int)COUNT(int_cases));
    tcase_add_loop_test(decode, test_accepted_edits, 0, (int)COUNT(accepted_edits));
    tcase_add_test(decode, test_empty_and_escaped_keys);
    tcase_add_test(decode, test_reads_only_len);
    tcase_add_test(decode, test_decode_into_dirty_struct);
    tcase_add_test(decode, test_data_api);
    tcase_add_test(encode, test_encode_full_exact);
    tcase_add_test(encode, test_encode_minimal_exact);
    tcase_add_test(encode, test_round_trip);
    tcase_add_test(encode, test_round_trip_full_values);
    tcase_add_test(encode, test_encode_base_is_identity);
    tcase_add_test(encode, test_to_cjson);
    tcase_add_test(validate, test_hand_valid_encodes_exactly);
    tcase_add_test(validate, test_hand_optionals);
    tcase_add_test(validate, test_hand_int64_limits);
    tcase_add_loop_test(validate, test_validate_string_null, 0, (int)COUNT(str_fields));
    tcase_add_loop_test(validate, test_validate_string_utf8, 0, (int)COUNT(str_fields));
    tcase_add_loop_test(validate, test_validate_table, 0, (int)COUNT(invalid_cases));
    tcase_add_test(validate, test_validate_accepts_limits);
    tcase_add_test(validate, test_free_is_reset);
    tcase_add_loop_test(reject, test_bad_table, 0, (int)COUNT(bad_cases));
    tcase_add_test(reject, test_truncation_everywhere);
    tcase_add_test(reject, test_depth);
    tcase_add_test(reject, test_depth_truncated);
    tcase_add_test(reject, test_deep_duplicate_path);
    tcase_add_test(cjson, test_from_cjson_equals_decode);
    tcase_add_loop_test(cjson, test_from_cjson_table, 0, (int)COUNT(tree_cases));
    tcase_add_test(cjson, test_from_cjson_depth);
    tcase_add_test(cjson, test_from_cjson_root_types);
    tcase_add_test(cjson, test_null_arguments);
    tcase_add_test(cjson, test_status_names);
    suite_add_tcase(s, decode);
    suite_add_tcase(s, encode);
    suite_add_tcase(s, validate);
    suite_add_tcase(s, reject);
    suite_add_tcase(s, cjson);
    return s;
}

int main(void)
{
    SRunner *runner = srunner_create(station_login_suite());
    int failed;
    srunner_run_all(runner, CK_NORMAL);
    failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
