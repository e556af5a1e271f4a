/* Tests of the agent desktop messages (schema/, prefix wcc) as they
 * arrive on the wire: realistic frames of every type decoded through the
 * dispatcher (wcc_agent_desktop_message) and through the type's own decode,
 * every field checked against a hand-written expectation, and round-tripped;
 * null, absent and set for every nullable kind; open enums; any values and
 * additional properties kept verbatim; every dispatch row; and every way a
 * frame is rejected, with exact codes, JSON Pointer paths and messages
 * (Check).
 *
 * Expectations are plain C structs written with designated initializers: a
 * member left out is expected absent (NULL, 0, false), so each comparator
 * below checks every member of its struct, not only those the frame sets.
 * Any values (cJSON trees) are expected as their compact JSON text, numbers
 * spelled as they came. */
#include "agent_desktop_message.h"
#include "wcc_types.h"

#include <check.h>
#include <stdarg.h>
#include <dirent.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef wcc_agent_desktop_message message_t;

/* ---- Errors and memory ---- */

static void expect_err(const char *label, const wcc_error *e, wcc_status code, const char *path)
{
    ck_assert_msg(e->code == code, "%s: code %s, expected %s (path \"%s\", message \"%s\")",
                  label, wcc_status_name(e->code), wcc_status_name(code), e->path, e->message);
    ck_assert_msg(strcmp(e->path, path) == 0, "%s: path \"%s\", expected \"%s\" (%s)", label,
                  e->path, path, e->message);
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

/* An exact-size heap copy of text[0..len) (no NUL after it), so that ASan
 * and valgrind catch a read past the end. Release with free. */
static char *exact_copy(const char *text, size_t len)
{
    char *copy = malloc(len != 0 ? len : 1);
    ck_assert_ptr_nonnull(copy);
    if (len != 0)
        memcpy(copy, text, len);
    return copy;
}

static wcc_status decode_message(const char *text, size_t len, message_t *out, wcc_error *err)
{
    char *copy = exact_copy(text, len);
    wcc_status st = wcc_agent_desktop_message_decode(copy, len, out, err);
    free(copy);
    return st;
}

/* Decodes through the registry entry of one type (its own decode). */
static wcc_status decode_own(const wcc_message_type *type, const char *text, size_t len,
                             void *out, wcc_error *err)
{
    char *copy = exact_copy(text, len);
    wcc_status st = type->decode(copy, len, out, NULL, err);
    free(copy);
    return st;
}

static const wcc_message_type *registry_type(const char *name)
{
    const wcc_message_type *type = wcc_message_type_find(name);
    ck_assert_msg(type != NULL, "%s is not in the registry", name);
    return type;
}

/* Decodes text that must be a valid message. */
static void decode_ok(const char *label, const char *text, message_t *out)
{
    wcc_error err;
    memset(&err, 0x5A, sizeof err);
    wcc_status st = decode_message(text, strlen(text), out, &err);
    ck_assert_msg(st == WCC_OK, "%s: decode: %s at \"%s\": %s", label, wcc_status_name(err.code),
                  err.path, err.message);
    expect_err(label, &err, WCC_OK, "");
    ck_assert_msg(err.message[0] == '\0', "%s: error message not reset", label);
}

/* Encodes m (which must succeed) into a malloc'd text. */
static char *encode_message(const char *label, const message_t *m, size_t *len)
{
    wcc_error err;
    char *text = wcc_agent_desktop_message_encode(m, len, &err);
    ck_assert_msg(text != NULL, "%s: encode: %s at \"%s\": %s", label, wcc_status_name(err.code),
                  err.path, err.message);
    ck_assert_uint_eq(*len, strlen(text));
    return text;
}

static void expect_text(const char *label, const char *got, const char *want)
{
    ck_assert_msg(strcmp(got, want) == 0, "%s: encoded\n got  %s\n want %s", label, got, want);
}

/* The longest frame a test builds. */
enum { FRAME_MAX = 16384 };

/* Replaces the one occurrence of from in text (in place; FRAME_MAX bytes). */
static const char *replace_once(char *text, const char *from, const char *to)
{
    char *at = strstr(text, from);
    ck_assert_msg(at != NULL, "\"%s\" is not in the frame", from);
    ck_assert_msg(strstr(at + 1, from) == NULL, "\"%s\" is in the frame twice", from);
    size_t from_len = strlen(from), to_len = strlen(to), tail = strlen(at + from_len);
    ck_assert_uint_lt((size_t)(at - text) + to_len + tail, FRAME_MAX);
    memmove(at + to_len, at + from_len, tail + 1);
    memcpy(at, to, to_len);
    return text;
}

/* ---- Labels: where a compared value is, for failure messages ---- */

enum { LABEL_MAX = 512 };

/* A label longer than LABEL_MAX is cut: it only names a place in a message. */
__attribute__((format(printf, 2, 3))) static const char *label(char *buf, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, LABEL_MAX, fmt, ap);
    va_end(ap);
    return buf;
}

static const char *join(char *buf, const char *at, const char *name)
{
    return label(buf, "%s.%s", at, name);
}

static const char *join_key(char *buf, const char *at, const char *key)
{
    return label(buf, "%s[\"%s\"]", at, key != NULL ? key : "(NULL)");
}

static const char *join_index(char *buf, const char *at, size_t i)
{
    return label(buf, "%s[%zu]", at, i);
}

/* ---- Comparing values ---- */

static void same_str(const char *at, const char *field, const char *got, const char *want)
{
    if (want == NULL || got == NULL)
        ck_assert_msg(got == want, "%s.%s: \"%s\", expected \"%s\"", at, field,
                      got ? got : "(NULL)", want ? want : "(NULL)");
    else
        ck_assert_msg(strcmp(got, want) == 0, "%s.%s: \"%s\", expected \"%s\"", at, field, got,
                      want);
}

static void same_int(const char *at, const char *field, int64_t got, int64_t want)
{
    ck_assert_msg(got == want, "%s.%s: %lld, expected %lld", at, field, (long long)got,
                  (long long)want);
}

static void same_count(const char *at, size_t got, size_t want, const void *items)
{
    ck_assert_msg(got == want, "%s: %zu items, expected %zu", at, got, want);
    ck_assert_msg(want == 0 || items != NULL, "%s: items is NULL", at);
}

static void same_strings(const char *at, const wcc_string_array *got,
                         const wcc_string_array *want)
{
    char item[LABEL_MAX];
    same_count(at, got->count, want->count, got->items);
    for (size_t i = 0; i < want->count; i++)
        same_str(join_index(item, at, i), "", got->items[i], want->items[i]);
}

static void same_scalar(const char *at, const char *field, const wcc_scalar *got,
                        const wcc_scalar *want)
{
    same_int(at, field, got->kind, want->kind);
    switch (want->kind) {
    case WCC_SCALAR_STRING:
        same_str(at, field, got->as.string, want->as.string);
        break;
    case WCC_SCALAR_INTEGER:
        same_int(at, field, got->as.integer, want->as.integer);
        break;
    case WCC_SCALAR_NUMBER:
        ck_assert_msg(got->as.number == want->as.number, "%s.%s: %.17g, expected %.17g", at,
                      field, got->as.number, want->as.number);
        break;
    case WCC_SCALAR_BOOLEAN:
        same_int(at, field, got->as.boolean, want->as.boolean);
        break;
    default:
        break;
    }
}

/* A growing text buffer. */
typedef struct text_buf {
    char *p;
    size_t len, cap;
} text_buf;

static void put(text_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        ck_assert_ptr_nonnull(b->p);
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void put_s(text_buf *b, const char *s)
{
    put(b, s, strlen(s));
}

static void put_quoted(text_buf *b, const char *s)
{
    put_s(b, "\"");
    for (; *s != '\0'; s++) {
        char esc[8];
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            put(b, esc, 2);
        } else if (c < 0x20) {
            snprintf(esc, sizeof esc, "\\u%04x", c);
            put_s(b, esc);
        } else {
            put(b, s, 1);
        }
    }
    put_s(b, "\"");
}

/* Writes a decoded any value compactly, each number as the text it came
 * with (which must be kept, and must read as the node's double). This is
 * the test's own printer, independent of the encoder under test. */
static void put_any(text_buf *b, const cJSON *node)
{
    if (cJSON_IsNull(node)) {
        put_s(b, "null");
    } else if (cJSON_IsTrue(node)) {
        put_s(b, "true");
    } else if (cJSON_IsFalse(node)) {
        put_s(b, "false");
    } else if (cJSON_IsNumber(node)) {
        ck_assert_msg(node->valuestring != NULL, "a decoded number lost its text (%.17g)",
                      node->valuedouble);
        ck_assert_msg(strtod(node->valuestring, NULL) == node->valuedouble,
                      "number text %s does not read as %.17g", node->valuestring,
                      node->valuedouble);
        put_s(b, node->valuestring);
    } else if (cJSON_IsString(node)) {
        ck_assert_ptr_nonnull(node->valuestring);
        put_quoted(b, node->valuestring);
    } else if (cJSON_IsArray(node) || cJSON_IsObject(node)) {
        bool object = cJSON_IsObject(node);
        put_s(b, object ? "{" : "[");
        for (const cJSON *c = node->child; c != NULL; c = c->next) {
            if (c != node->child)
                put_s(b, ",");
            if (object) {
                ck_assert_ptr_nonnull(c->string);
                put_quoted(b, c->string);
                put_s(b, ":");
            }
            put_any(b, c);
        }
        put_s(b, object ? "}" : "]");
    } else {
        ck_abort_msg("a decoded any value has node type %d", node->type);
    }
}

/* An expected any value: a raw cJSON node holding the compact text. */
#define ANY_TEXT(text) (&(cJSON){ .type = cJSON_Raw, .valuestring = (char *)(text) })

static void same_any(const char *at, const char *field, const cJSON *got, const cJSON *want)
{
    if (want == NULL) {
        ck_assert_msg(got == NULL, "%s.%s: present, expected absent", at, field);
        return;
    }
    ck_assert_int_eq(want->type, cJSON_Raw);
    ck_assert_msg(got != NULL, "%s.%s: absent, expected %s", at, field, want->valuestring);
    text_buf b = { 0 };
    put_any(&b, got);
    bool same = strcmp(b.p, want->valuestring) == 0;
    ck_assert_msg(same, "%s.%s: %s, expected %s", at, field, b.p, want->valuestring);
    free(b.p);
}

/* ---- Comparing structs: every member of each ----
 * In each comparator `at` names the value, `got` is decoded, `want` expected. */

#define STR(f) same_str(at, #f, got->f, want->f)
#define INT(f) same_int(at, #f, got->f, want->f)
#define BOOL(f) same_int(at, #f, got->f, want->f)
#define ENUM(f) same_int(at, #f, (int64_t)got->f, (int64_t)want->f)
#define OPEN(f) (ENUM(f.known), STR(f.text))
#define SCALAR(f) same_scalar(at, #f, &got->f, &want->f)
#define ANY(f) same_any(at, #f, got->f, want->f)
#define STRS(f) same_strings(join(sub, at, #f), &got->f, &want->f)
#define NESTED(check, f) check(join(sub, at, #f), &got->f, &want->f)
/* Map f: the same keys in the same order, each value compared by check. */
#define MAP(check, f)                                                              \
    do {                                                                           \
        char map_at[LABEL_MAX], entry_at[LABEL_MAX];                               \
        join(map_at, at, #f);                                                      \
        same_count(map_at, got->f.count, want->f.count, got->f.entries);           \
        for (size_t i = 0; i < want->f.count; i++) {                               \
            same_str(join_index(entry_at, map_at, i), "key", got->f.entries[i].key, \
                     want->f.entries[i].key);                                      \
            check(join_key(entry_at, map_at, want->f.entries[i].key),              \
                  &got->f.entries[i].value, &want->f.entries[i].value);            \
        }                                                                          \
    } while (0)
/* Array f of records, each compared by check. */
#define ITEMS(check, f)                                                            \
    do {                                                                           \
        char list_at[LABEL_MAX], item_at[LABEL_MAX];                               \
        join(list_at, at, #f);                                                     \
        same_count(list_at, got->f.count, want->f.count, got->f.items);            \
        for (size_t i = 0; i < want->f.count; i++)                                 \
            check(join_index(item_at, list_at, i), &got->f.items[i],               \
                  &want->f.items[i]);                                              \
    } while (0)

/* Map values that are not records. */
static void same_str_value(const char *at, const char *const *got, const char *const *want)
{
    same_str(at, "value", *got, *want);
}

static void same_any_value(const char *at, cJSON *const *got, cJSON *const *want)
{
    same_any(at, "value", *got, *want);
}

/* ---- StationLoginSuccess ---- */

static void expect_station_login_data(const char *at, const wcc_station_login_success_data *got,
                                      const wcc_station_login_success_data *want)
{
    char sub[LABEL_MAX];
    STR(agent_id);
    STR(agent_session_id);
    STR(aux_code_id);
    MAP(same_strings, channels_map);
    STR(dial_number);
    STRS(interaction_ids);
    INT(last_idle_code_change_timestamp);
    INT(last_state_change_timestamp);
    STR(org_id);
    STR(profile_type);
    BOOL(has_roles);
    STRS(roles);
    STR(site_id);
    STR(status);
    ENUM(sub_status);
    STR(supervisor_session_id);
    STR(team_id);
    STR(tracking_id);
}

static void expect_station_login(const char *at, const void *got_, const void *want_)
{
    const wcc_station_login_success *got = got_, *want = want_;
    char sub[LABEL_MAX];
    STR(org_id);
    STR(tracking_id);
    NESTED(expect_station_login_data, data);
}

/* ---- LogoutSuccess ---- */

static void expect_logout_data(const char *at, const wcc_logout_success_data *got,
                               const wcc_logout_success_data *want)
{
    char sub[LABEL_MAX];
    STR(agent_id);
    STR(tracking_id);
    STR(agent_session_id);
    STR(org_id);
    STR(status);
    STR(sub_status);
    STR(logged_out_by);
    BOOL(has_roles);
    STRS(roles);
}

static void expect_logout(const char *at, const void *got_, const void *want_)
{
    const wcc_logout_success *got = got_, *want = want_;
    char sub[LABEL_MAX];
    STR(org_id);
    STR(tracking_id);
    NESTED(expect_logout_data, data);
}

/* ---- ReloginSuccess ---- */

static void expect_relogin_data(const char *at, const wcc_relogin_success_data *got,
                                const wcc_relogin_success_data *want)
{
    char sub[LABEL_MAX];
    STR(agent_id);
    STR(tracking_id);
    STR(aux_code_id);
    STR(team_id);
    STR(agent_session_id);
    STR(dn);
    STR(org_id);
    STRS(interaction_ids);
    BOOL(is_extension);
    STR(site_id);
    INT(last_idle_code_change_timestamp);
    INT(last_state_change_timestamp);
    STR(last_state_change_reason);
    STR(profile_type);
    MAP(same_strings, channels_map);
    STR(dial_number);
    BOOL(has_roles);
    STRS(roles);
    BOOL(has_device_type);
    OPEN(device_type);
    BOOL(device_id_is_null);
    STR(device_id);
    BOOL(has_is_emergency_modal_already_displayed);
    BOOL(is_emergency_modal_already_displayed);
}

static void expect_relogin(const char *at, const void *got_, const void *want_)
{
    const wcc_relogin_success *got = got_, *want = want_;
    char sub[LABEL_MAX];
    STR(org_id);
    STR(tracking_id);
    NESTED(expect_relogin_data, data);
}

/* ---- StateChangeSuccess ---- */

static void expect_state_change_data(const char *at, const wcc_state_change_success_data *got,
                                     const wcc_state_change_success_data *want)
{
    STR(agent_id);
    STR(tracking_id);
    STR(aux_code_id);
    STR(agent_session_id);
    STR(org_id);
    STR(status);
    ENUM(sub_status);
    INT(last_idle_code_change_timestamp);
    INT(last_state_change_timestamp);
    BOOL(changed_by_is_null);
    STR(changed_by);
    BOOL(changed_by_id_is_null);
    STR(changed_by_id);
    BOOL(changed_by_name_is_null);
    STR(changed_by_name);
    STR(last_state_change_reason);
}

static void expect_state_change(const char *at, const void *got_, const void *want_)
{
    const wcc_state_change_success *got = got_, *want = want_;
    char sub[LABEL_MAX];
    STR(org_id);
    STR(tracking_id);
    NESTED(expect_state_change_data, data);
}

/* ---- BuddyAgentsSuccess ---- */

static void expect_buddy(const char *at, const wcc_buddy_details *got,
                         const wcc_buddy_details *want)
{
    STR(agent_id);
    STR(state);
    STR(team_id);
    STR(dn);
    STR(agent_name);
    STR(site_id);
}

static void expect_buddy_data(const char *at, const wcc_buddy_agents_success_data *got,
                              const wcc_buddy_agents_success_data *want)
{
    STR(agent_id);
    STR(tracking_id);
    STR(agent_session_id);
    STR(org_id);
    ITEMS(expect_buddy, agent_list);
}

static void expect_buddy_agents(const char *at, const void *got_, const void *want_)
{
    const wcc_buddy_agents_success *got = got_, *want = want_;
    char sub[LABEL_MAX];
    STR(org_id);
    STR(tracking_id);
    NESTED(expect_buddy_data, data);
}

/* ---- Failure ---- */

static void expect_failure_data(const char *at, const wcc_failure_data *got,
                                const wcc_failure_data *want)
{
    STR(agent_id);
    STR(tracking_id);
    INT(reason_code);
    STR(org_id);
    STR(reason);
    ENUM(type);
}

static void expect_failure(const char *at, const void *got_, const void *want_)
{
    const wcc_failure *got = got_, *want = want_;
    char sub[LABEL_MAX];
    ENUM(type);
    STR(org_id);
    STR(tracking_id);
    NESTED(expect_failure_data, data);
}

/* ---- Welcome and Keepalive ---- */

static void expect_welcome(const char *at, const void *got_, const void *want_)
{
    const wcc_welcome *got = got_, *want = want_;
    STR(data.agent_id);
}

/* A keepalive stores nothing: its one member is a const, checked on decode
 * and written on encode. */
static void expect_keepalive(const char *at, const void *got, const void *want)
{
    (void)at, (void)got, (void)want;
}

/* ---- AgentContact ---- */

static void expect_participant(const char *at, const wcc_interaction_participant *got,
                               const wcc_interaction_participant *want)
{
    char sub[LABEL_MAX];
    STR(id);
    STR(p_type);
    STR(type);
    SCALAR(has_joined);
    SCALAR(has_left);
    SCALAR(is_in_predial);
    BOOL(caller_id_is_null);
    STR(caller_id);
    BOOL(has_auto_answer_enabled);
    SCALAR(auto_answer_enabled);
    ANY(bnr_details);
    STR(channel_id);
    BOOL(consult_state_is_null);
    STR(consult_state);
    BOOL(has_consult_timestamp);
    BOOL(consult_timestamp_is_null);
    INT(consult_timestamp);
    BOOL(current_state_is_null);
    STR(current_state);
    BOOL(has_current_state_timestamp);
    BOOL(current_state_timestamp_is_null);
    INT(current_state_timestamp);
    BOOL(device_call_id_is_null);
    STR(device_call_id);
    BOOL(device_id_is_null);
    STR(device_id);
    BOOL(device_type_is_null);
    STR(device_type);
    BOOL(dn_is_null);
    STR(dn);
    BOOL(has_is_consulted);
    SCALAR(is_consulted);
    BOOL(has_is_offered);
    SCALAR(is_offered);
    BOOL(has_is_wrap_up);
    SCALAR(is_wrap_up);
    BOOL(has_is_wrapped_up);
    SCALAR(is_wrapped_up);
    BOOL(has_join_timestamp);
    BOOL(join_timestamp_is_null);
    INT(join_timestamp);
    BOOL(has_last_updated);
    BOOL(last_updated_is_null);
    INT(last_updated);
    BOOL(name_is_null);
    STR(name);
    STR(queue_id);
    STR(queue_mgr_id);
    STR(session_id);
    STR(site_id);
    BOOL(skill_id_is_null);
    STR(skill_id);
    BOOL(skill_name_is_null);
    STR(skill_name);
    BOOL(has_skills);
    STRS(skills);
    STR(team_id);
    STR(team_name);
    BOOL(has_wrap_up_timestamp);
    BOOL(wrap_up_timestamp_is_null);
    INT(wrap_up_timestamp);
    MAP(same_any_value, additional_properties);
}

static void expect_datum(const char *at, const wcc_call_associated_datum *got,
                         const wcc_call_associated_datum *want)
{
    BOOL(agent_editable);
    BOOL(agent_viewable);
    STR(display_name);
    BOOL(global);
    BOOL(is_secure);
    STR(name);
    BOOL(reportable);
    STR(secure_key_id);
    INT(secure_key_version);
    STR(type);
    STR(value);
}

static void expect_processing(const char *at, const wcc_interaction_call_processing_details *got,
                              const wcc_interaction_call_processing_details *want)
{
    STR(q_mgr_name);
    SCALAR(task_to_be_self_serviced);
    STR(ani);
    STR(display_ani);
    STR(dnis);
    STR(tenant_id);
    STR(queue_id);
    STR(vteam_id);
    BOOL(has_pause_resume_enabled);
    SCALAR(pause_resume_enabled);
    STR(pause_duration);
    BOOL(has_is_paused);
    SCALAR(is_paused);
    BOOL(has_record_in_progress);
    SCALAR(record_in_progress);
    BOOL(has_recording_started);
    SCALAR(recording_started);
    STR(customer_region);
    STR(flow_tag_id);
    BOOL(has_ctq_in_progress);
    SCALAR(ctq_in_progress);
    BOOL(has_outdial_transfer_to_queue_enabled);
    SCALAR(outdial_transfer_to_queue_enabled);
    STR(conv_ivr_transcript);
    STR(customer_name);
    STR(virtual_team_name);
    STR(rona_timeout);
    STR(category);
    STR(reason);
    STR(source_number);
    STR(source_page);
    STR(app_user);
    STR(customer_number);
    STR(reason_code);
    STR(ivr_path);
    STR(path_id);
    STR(from_address);
    STR(parent_interaction_id);
    STR(child_interaction_id);
    STR(relationship_type);
    STR(parent_ani);
    STR(parent_dnis);
    BOOL(has_consult_destination_agent_joined);
    SCALAR(consult_destination_agent_joined);
    STR(consult_destination_agent_name);
    STR(parent_agent_dn);
    STR(parent_agent_name);
    STR(parent_agent_team_name);
    STR(is_conferencing);
    STR(monitor_type);
    STR(workflow_name);
    STR(workflow_id);
    STR(monitoring_invisible_mode);
    STR(monitoring_request_id);
    BOOL(has_participant_invite_timeout);
    SCALAR(participant_invite_timeout);
    STR(moh_file_name);
    BOOL(has_continue_recording_on_transfer);
    SCALAR(continue_recording_on_transfer);
    STR(ep_id);
    STR(routing_type);
    STR(fce_registered_events);
    BOOL(has_is_parked);
    SCALAR(is_parked);
    STR(priority);
    STR(routing_strategy_id);
    STR(monitoring_state);
    BOOL(has_blind_transfer_in_progress);
    BOOL(blind_transfer_in_progress);
    STR(fc_desktop_view);
    STR(outdial_agent_id);
    STR(has_customer_left);
    STR(campaign_preview_skip_disabled);
    STR(campaign_preview_remove_disabled);
    STR(campaign_preview_auto_action);
    STR(campaign_preview_offer_timeout);
}

static void expect_media_entry(const char *at, const wcc_media_entry *got,
                               const wcc_media_entry *want)
{
    char sub[LABEL_MAX];
    STR(media_resource_id);
    OPEN(media_type);
    STR(media_mgr);
    STRS(participants);
    STR(m_type);
    SCALAR(is_hold);
    BOOL(hold_timestamp_is_null);
    INT(hold_timestamp);
}

static void expect_flow_parameter(const char *at, const wcc_flow_parameter *got,
                                  const wcc_flow_parameter *want)
{
    STR(name);
    STR(qualifier);
    STR(description);
    STR(value_data_type);
    STR(value);
}

static void expect_interaction(const char *at, const wcc_interaction *got,
                               const wcc_interaction *want)
{
    char sub[LABEL_MAX];
    SCALAR(is_fc_managed);
    SCALAR(is_terminated);
    OPEN(media_type);
    STRS(previous_v_teams);
    STR(state);
    STR(current_v_team);
    MAP(expect_participant, participants);
    BOOL(has_call_associated_data);
    MAP(expect_datum, call_associated_data);
    BOOL(has_call_associated_details);
    MAP(same_str_value, call_associated_details);
    STR(interaction_id);
    STR(org_id);
    BOOL(has_created_timestamp);
    INT(created_timestamp);
    BOOL(has_is_wrap_up_assist);
    BOOL(is_wrap_up_assist);
    STR(parent_interaction_id);
    BOOL(has_is_media_forked);
    SCALAR(is_media_forked);
    BOOL(has_flow_properties);
    BOOL(flow_properties_is_null);
    MAP(same_any_value, flow_properties);
    BOOL(has_media_properties);
    BOOL(media_properties_is_null);
    MAP(same_any_value, media_properties);
    NESTED(expect_processing, call_processing_details);
    STR(main_interaction_id);
    BOOL(has_queued_timestamp);
    BOOL(queued_timestamp_is_null);
    INT(queued_timestamp);
    MAP(expect_media_entry, media);
    STR(owner);
    STR(media_channel);
    STR(contact_direction.type);
    STR(outbound_type);
    BOOL(workflow_manager_is_null);
    STR(workflow_manager);
    BOOL(has_call_flow_params);
    MAP(expect_flow_parameter, call_flow_params);
}

static void expect_contact_data(const char *at, const wcc_agent_contact_data *got,
                                const wcc_agent_contact_data *want)
{
    char sub[LABEL_MAX];
    STR(media_resource_id);
    STR(event_type);
    BOOL(has_event_time);
    INT(event_time);
    STR(agent_id);
    STR(dest_agent_id);
    STR(tracking_id);
    STR(consult_media_resource_id);
    NESTED(expect_interaction, interaction);
    STR(participant_id);
    BOOL(has_from_owner);
    BOOL(from_owner);
    BOOL(has_to_owner);
    BOOL(to_owner);
    STR(child_interaction_id);
    STR(interaction_id);
    STR(org_id);
    STR(owner);
    STR(queue_mgr);
    STR(queue_name);
    STR(type);
    BOOL(has_rona_timeout);
    INT(rona_timeout);
    BOOL(has_is_consulted);
    BOOL(is_consulted);
    BOOL(is_conferencing);
    STR(updated_by);
    STR(destination_type);
    BOOL(has_auto_resumed);
    BOOL(auto_resumed);
    BOOL(has_reason_code);
    SCALAR(reason_code);
    STR(reason);
    STR(consulting_agent_id);
    STR(task_id);
    BOOL(has_task);
    NESTED(expect_interaction, task);
    STR(supervisor_id);
    STR(monitor_type);
    STR(supervisor_dn);
    STR(id);
    BOOL(has_is_web_call_mute);
    BOOL(is_web_call_mute);
    STR(reservation_interaction_id);
    STR(reserved_agent_channel_id);
    BOOL(has_monitoring_state);
    STR(monitoring_state.type);
    STR(supervisor_name);
}

static void expect_contact(const char *at, const void *got_, const void *want_)
{
    const wcc_agent_contact *got = got_, *want = want_;
    char sub[LABEL_MAX];
    STR(org_id);
    STR(tracking_id);
    NESTED(expect_contact_data, data);
}

/* ---- Expected values ---- */

/* A string array / a counted C array (map entries, array items). */
#define STRINGS(...)                                                               \
    {                                                                              \
        (const char *[]){ __VA_ARGS__ },                                           \
            sizeof((const char *[]){ __VA_ARGS__ }) / sizeof(const char *)         \
    }
#define NO_STRINGS { NULL, 0 }
#define COUNTED(a) { (a), sizeof(a) / sizeof((a)[0]) }
/* Type-list values. */
#define S_BOOL(b) { .kind = WCC_SCALAR_BOOLEAN, .as = { .boolean = (b) } }
#define S_STR(s) { .kind = WCC_SCALAR_STRING, .as = { .string = (s) } }
#define S_NUM(n) { .kind = WCC_SCALAR_NUMBER, .as = { .number = (n) } }

/* Identifiers the frames share. */
#define ORG "6ecef209-9a34-4ed1-a07a-7ddd1dbe925a"
#define SAM "723a8ffb-a26e-496d-b14a-ff44fb83b64f"
#define JORDAN "ebeb893b-ba67-4f36-8418-95c7492b28c2"
#define MARIA "a3d91f27-6c4e-4b85-9f0a-2e7b1c8d5f36"
#define SITE "9c4e7a21-3f6b-4d8e-a5c0-7b1d2e9f4a63"
#define TEAM1 "0b2a6d8c-5e1f-4a93-b7c4-2d9e8f6a1b35"
#define TEAM2 "5c8e2a4f-7b1d-4e9c-a3f6-1d0b8e2c7a49"
#define SAM_SESSION "4f5d1c2e-8b3a-4e6f-9d27-1a0c5b7e3f81"
#define JORDAN_SESSION "b7c2e9f4-1a3d-4c8e-9f6b-5d0a2e7c4b18"
#define MARIA_SESSION "e2f7a9c1-5b3d-4e8f-a6c0-9b1d3f5e7a28"
#define AUX_IDLE "2a8f3c5d-6e9b-4a71-8c2d-5f0e1b7a9d46"
#define AUX_MEETING "6d2f8b4a-1c7e-4a9d-b5f3-0e8c2a6d4b71"
#define TEL_CHANNEL "f5b7d9f1-3a2c-4e6b-8d0f-1c3e5a7b9d24"
#define CHAT_CHANNEL "c41e9f2a-7b3d-4e5c-8a61-0d2f9b7c3e18"
#define CALL "0ae913a4-c857-4705-8d49-76dd3dde75e4"
#define CONSULT_CALL "5d7e2b91-4c6a-4f38-9e1d-8a3b0c7f2e54"
#define QUEUE "3e9b1f7a-2c4d-4e8a-b6f5-9d0c1a2b3e47"
#define ENTRY_POINT "8a1d4f7b-0e3c-4a6d-9b2f-5c8e1a4d7b09"
#define WEBRTC_SAM "webrtc-723a8ffb-a26e-496d-b14a-ff44fb83b64f"
#define AVERY "+19725550147"

/* ---- Decoding a frame both ways, every field, and the round trip ---- */

/* One alternative of the dispatcher: its kind, its own type in the registry
 * and the comparator of its struct. */
typedef struct alternative {
    wcc_agent_desktop_message_kind kind;
    const char *type_name;
    void (*expect)(const char *at, const void *got, const void *want);
} alternative;

static const alternative STATION_LOGIN = { WCC_AGENT_DESKTOP_MESSAGE_STATION_LOGIN_SUCCESS,
                                           "wcc_station_login_success", expect_station_login };
static const alternative LOGOUT = { WCC_AGENT_DESKTOP_MESSAGE_LOGOUT_SUCCESS,
                                    "wcc_logout_success", expect_logout };
static const alternative RELOGIN = { WCC_AGENT_DESKTOP_MESSAGE_RELOGIN_SUCCESS,
                                     "wcc_relogin_success", expect_relogin };
static const alternative STATE_CHANGE = { WCC_AGENT_DESKTOP_MESSAGE_STATE_CHANGE_SUCCESS,
                                          "wcc_state_change_success", expect_state_change };
static const alternative BUDDY_AGENTS = { WCC_AGENT_DESKTOP_MESSAGE_BUDDY_AGENTS_SUCCESS,
                                          "wcc_buddy_agents_success", expect_buddy_agents };
static const alternative FAILURE = { WCC_AGENT_DESKTOP_MESSAGE_FAILURE, "wcc_failure",
                                     expect_failure };
static const alternative WELCOME = { WCC_AGENT_DESKTOP_MESSAGE_WELCOME, "wcc_welcome",
                                     expect_welcome };
static const alternative CONTACT = { WCC_AGENT_DESKTOP_MESSAGE_AGENT_CONTACT,
                                     "wcc_agent_contact", expect_contact };
static const alternative KEEPALIVE = { WCC_AGENT_DESKTOP_MESSAGE_KEEPALIVE, "wcc_keepalive",
                                       expect_keepalive };

/* The frame, decoded by the dispatcher and by the alternative's own decode,
 * must hold exactly want (checked field by field, and the two decodes
 * equal); it validates; both encode to exactly encoded; and that decodes to
 * an equal message holding want again. */
static void check_message(const alternative *alt, const char *label, const char *frame,
                          const void *want, const char *encoded)
{
    char at[LABEL_MAX];
    message_t m, back;
    wcc_error err;
    size_t len, own_len;

    decode_ok(label, frame, &m);
    ck_assert_msg(m.kind == alt->kind, "%s: kind %d, expected %d", label, m.kind, alt->kind);
    snprintf(at, sizeof at, "%s (dispatcher)", label);
    alt->expect(at, &m.as, want);
    ck_assert_msg(wcc_agent_desktop_message_validate(&m, &err) == WCC_OK,
                  "%s: validate: %s at \"%s\": %s", label, wcc_status_name(err.code), err.path,
                  err.message);

    const wcc_message_type *type = registry_type(alt->type_name);
    void *own = malloc(type->size);
    ck_assert_ptr_nonnull(own);
    ck_assert_msg(decode_own(type, frame, strlen(frame), own, &err) == WCC_OK,
                  "%s: %s decode: %s at \"%s\": %s", label, type->name,
                  wcc_status_name(err.code), err.path, err.message);
    snprintf(at, sizeof at, "%s (%s_decode)", label, type->name);
    alt->expect(at, own, want);
    ck_assert_msg(type->equal(own, &m.as) && type->equal(&m.as, own),
                  "%s: the two decodes differ", label);

    char *text = encode_message(label, &m, &len);
    char *own_text = type->encode(own, &own_len, NULL, &err);
    ck_assert_ptr_nonnull(own_text);
    snprintf(at, sizeof at, "%s (%s_encode)", label, type->name);
    expect_text(at, own_text, text);
    expect_text(label, text, encoded);

    snprintf(at, sizeof at, "%s (round trip)", label);
    decode_ok(at, text, &back);
    ck_assert_int_eq(back.kind, alt->kind);
    alt->expect(at, &back.as, want);
    ck_assert_msg(wcc_agent_desktop_message_equal(&m, &back) &&
                      wcc_agent_desktop_message_equal(&back, &m),
                  "%s: not equal after the round trip", label);

    free(text);
    free(own_text);
    type->free(own);
    free(own);
    wcc_agent_desktop_message_free(&back);
    wcc_agent_desktop_message_free(&m);
    ck_assert_msg(is_zeroed(&m, sizeof m), "%s: free left the message set", label);
}

/* ---- StationLoginSuccess ---- */

static const char SLS_MINIMAL[] =
    "{\"type\":\"StationLogin\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_17c3a9e5-4b2d-4f6a-8e1c-9d7b5a3f2e60\",\"data\":{"
    "\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"ebeb893b-ba67-4f36-8418-95c7492b28c2\","
    "\"trackingId\":\"WX_CC_SDK_a0f7e3c1-6b4d-4d29-8e5a-3c1b9f7d2e84\","
    "\"auxCodeId\":\"2a8f3c5d-6e9b-4a71-8c2d-5f0e1b7a9d46\","
    "\"teamId\":\"0b2a6d8c-5e1f-4a93-b7c4-2d9e8f6a1b35\","
    "\"agentSessionId\":\"b7c2e9f4-1a3d-4c8e-9f6b-5d0a2e7c4b18\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"interactionIds\":[],"
    "\"status\":\"LoggedIn\",\"subStatus\":\"Idle\","
    "\"siteId\":\"9c4e7a21-3f6b-4d8e-a5c0-7b1d2e9f4a63\","
    "\"lastIdleCodeChangeTimestamp\":1733209874421,\"lastStateChangeTimestamp\":1733209874421,"
    "\"profileType\":\"TELEPHONY\",\"channelsMap\":{\"telephony\":["
    "\"f5b7d9f1-3a2c-4e6b-8d0f-1c3e5a7b9d24\"]},\"type\":\"AgentStationLoginSuccess\"}}";

static const char SLS_MINIMAL_OUT[] =
    "{\"type\":\"StationLogin\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_17c3a9e5-4b2d-4f6a-8e1c-9d7b5a3f2e60\",\"data\":{"
    "\"agentId\":\"ebeb893b-ba67-4f36-8418-95c7492b28c2\","
    "\"agentSessionId\":\"b7c2e9f4-1a3d-4c8e-9f6b-5d0a2e7c4b18\","
    "\"auxCodeId\":\"2a8f3c5d-6e9b-4a71-8c2d-5f0e1b7a9d46\",\"channelsMap\":{\"telephony\":["
    "\"f5b7d9f1-3a2c-4e6b-8d0f-1c3e5a7b9d24\"]},\"eventType\":\"AgentDesktopMessage\","
    "\"interactionIds\":[],\"lastIdleCodeChangeTimestamp\":1733209874421,"
    "\"lastStateChangeTimestamp\":1733209874421,"
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"profileType\":\"TELEPHONY\","
    "\"siteId\":\"9c4e7a21-3f6b-4d8e-a5c0-7b1d2e9f4a63\",\"status\":\"LoggedIn\","
    "\"subStatus\":\"Idle\",\"teamId\":\"0b2a6d8c-5e1f-4a93-b7c4-2d9e8f6a1b35\","
    "\"trackingId\":\"WX_CC_SDK_a0f7e3c1-6b4d-4d29-8e5a-3c1b9f7d2e84\","
    "\"type\":\"AgentStationLoginSuccess\"}}";

static const char SLS_BROWSER[] =
    "{\"type\":\"StationLogin\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_8d0f4b6e-2a71-4c95-b3e8-1f6a9c2d7e40\",\"data\":{"
    "\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"trackingId\":\"WX_CC_SDK_3c1e9a7b-5d24-4f80-96ab-e2d8c0f47b13\","
    "\"auxCodeId\":\"2a8f3c5d-6e9b-4a71-8c2d-5f0e1b7a9d46\","
    "\"teamId\":\"0b2a6d8c-5e1f-4a93-b7c4-2d9e8f6a1b35\","
    "\"agentSessionId\":\"4f5d1c2e-8b3a-4e6f-9d27-1a0c5b7e3f81\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"interactionIds\":[],"
    "\"isExtension\":false,\"status\":\"LoggedIn\",\"subStatus\":\"Idle\","
    "\"siteId\":\"9c4e7a21-3f6b-4d8e-a5c0-7b1d2e9f4a63\","
    "\"lastIdleCodeChangeTimestamp\":1733211502114,\"lastStateChangeTimestamp\":1733211502114,"
    "\"profileType\":\"BLENDED\",\"channelsMap\":{\"chat\":["
    "\"c41e9f2a-7b3d-4e5c-8a61-0d2f9b7c3e18\"],\"email\":["
    "\"e8a2c4d6-1f3b-4a5e-9c7d-2b0f6e8a4c13\"],\"social\":[],\"telephony\":["
    "\"f5b7d9f1-3a2c-4e6b-8d0f-1c3e5a7b9d24\"]},"
    "\"dialNumber\":\"webrtc-723a8ffb-a26e-496d-b14a-ff44fb83b64f\",\"roles\":[\"agent\"],"
    "\"deviceType\":\"BROWSER\",\"deviceId\":\"webrtc-723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"isEmergencyModalAlreadyDisplayed\":false,\"mmProfile\":{\"chat\":3,\"email\":2,"
    "\"social\":2,\"telephony\":1},"
    "\"notifsTrackingId\":\"notifs_8d0f4b6e-2a71-4c95-b3e8-1f6a9c2d7e40\","
    "\"type\":\"AgentStationLoginSuccess\"}}";

static const char SLS_BROWSER_OUT[] =
    "{\"type\":\"StationLogin\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_8d0f4b6e-2a71-4c95-b3e8-1f6a9c2d7e40\",\"data\":{"
    "\"agentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"agentSessionId\":\"4f5d1c2e-8b3a-4e6f-9d27-1a0c5b7e3f81\","
    "\"auxCodeId\":\"2a8f3c5d-6e9b-4a71-8c2d-5f0e1b7a9d46\",\"channelsMap\":{\"chat\":["
    "\"c41e9f2a-7b3d-4e5c-8a61-0d2f9b7c3e18\"],\"email\":["
    "\"e8a2c4d6-1f3b-4a5e-9c7d-2b0f6e8a4c13\"],\"social\":[],\"telephony\":["
    "\"f5b7d9f1-3a2c-4e6b-8d0f-1c3e5a7b9d24\"]},"
    "\"dialNumber\":\"webrtc-723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"eventType\":\"AgentDesktopMessage\",\"interactionIds\":[],"
    "\"lastIdleCodeChangeTimestamp\":1733211502114,\"lastStateChangeTimestamp\":1733211502114,"
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"profileType\":\"BLENDED\",\"roles\":["
    "\"agent\"],\"siteId\":\"9c4e7a21-3f6b-4d8e-a5c0-7b1d2e9f4a63\",\"status\":\"LoggedIn\","
    "\"subStatus\":\"Idle\",\"teamId\":\"0b2a6d8c-5e1f-4a93-b7c4-2d9e8f6a1b35\","
    "\"trackingId\":\"WX_CC_SDK_3c1e9a7b-5d24-4f80-96ab-e2d8c0f47b13\","
    "\"type\":\"AgentStationLoginSuccess\"}}";

static const char SLS_SUPERVISOR[] =
    "{\"type\":\"StationLogin\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_62e8b1d4-9c3f-4a7e-b5d2-0f1a8c6e3b97\",\"data\":{"
    "\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"a3d91f27-6c4e-4b85-9f0a-2e7b1c8d5f36\","
    "\"trackingId\":\"WX_CC_SDK_f49b2c7e-0d1a-4e63-8b5f-7c2e9a1d3f05\",\"auxCodeId\":\"0\","
    "\"teamId\":\"5c8e2a4f-7b1d-4e9c-a3f6-1d0b8e2c7a49\","
    "\"agentSessionId\":\"e2f7a9c1-5b3d-4e8f-a6c0-9b1d3f5e7a28\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"interactionIds\":["
    "\"0ae913a4-c857-4705-8d49-76dd3dde75e4\",\"7f1c3e5a-9b2d-4c6e-8a0f-4d2b6e8c1a37\"],"
    "\"status\":\"LoggedIn\",\"subStatus\":\"Available\","
    "\"siteId\":\"9c4e7a21-3f6b-4d8e-a5c0-7b1d2e9f4a63\","
    "\"lastIdleCodeChangeTimestamp\":1733208011530,\"lastStateChangeTimestamp\":1733211260977,"
    "\"profileType\":\"BLENDED_REALTIME\",\"channelsMap\":{\"chat\":["
    "\"c41e9f2a-7b3d-4e5c-8a61-0d2f9b7c3e18\",\"c52f0a3b-8c4e-4f6d-9b72-1e3a0c8d4f29\"],"
    "\"telephony\":[\"f5b7d9f1-3a2c-4e6b-8d0f-1c3e5a7b9d24\"]},\"dialNumber\":\"+14085550123\","
    "\"roles\":[\"agent\",\"supervisor\"],"
    "\"supervisorSessionId\":\"d8b4f1a6-2c9e-4d7b-8f3a-6e0c2b9d5a14\","
    "\"type\":\"AgentStationLoginSuccess\"}}";

static const char SLS_SUPERVISOR_OUT[] =
    "{\"type\":\"StationLogin\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_62e8b1d4-9c3f-4a7e-b5d2-0f1a8c6e3b97\",\"data\":{"
    "\"agentId\":\"a3d91f27-6c4e-4b85-9f0a-2e7b1c8d5f36\","
    "\"agentSessionId\":\"e2f7a9c1-5b3d-4e8f-a6c0-9b1d3f5e7a28\",\"auxCodeId\":\"0\","
    "\"channelsMap\":{\"chat\":[\"c41e9f2a-7b3d-4e5c-8a61-0d2f9b7c3e18\","
    "\"c52f0a3b-8c4e-4f6d-9b72-1e3a0c8d4f29\"],\"telephony\":["
    "\"f5b7d9f1-3a2c-4e6b-8d0f-1c3e5a7b9d24\"]},\"dialNumber\":\"+14085550123\","
    "\"eventType\":\"AgentDesktopMessage\",\"interactionIds\":["
    "\"0ae913a4-c857-4705-8d49-76dd3dde75e4\",\"7f1c3e5a-9b2d-4c6e-8a0f-4d2b6e8c1a37\"],"
    "\"lastIdleCodeChangeTimestamp\":1733208011530,\"lastStateChangeTimestamp\":1733211260977,"
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"profileType\":\"BLENDED_REALTIME\","
    "\"roles\":[\"agent\",\"supervisor\"],\"siteId\":\"9c4e7a21-3f6b-4d8e-a5c0-7b1d2e9f4a63\","
    "\"status\":\"LoggedIn\",\"subStatus\":\"Available\","
    "\"supervisorSessionId\":\"d8b4f1a6-2c9e-4d7b-8f3a-6e0c2b9d5a14\","
    "\"teamId\":\"5c8e2a4f-7b1d-4e9c-a3f6-1d0b8e2c7a49\","
    "\"trackingId\":\"WX_CC_SDK_f49b2c7e-0d1a-4e63-8b5f-7c2e9a1d3f05\","
    "\"type\":\"AgentStationLoginSuccess\"}}";

START_TEST(test_station_login_success)
{
    wcc_station_login_success_data_channels_map_entry telephony_only[] = {
        { "telephony", STRINGS(TEL_CHANNEL) },
    };
    const wcc_station_login_success agent_dn = {
        .org_id = ORG,
        .tracking_id = "notifs_17c3a9e5-4b2d-4f6a-8e1c-9d7b5a3f2e60",
        .data = {
            .agent_id = JORDAN,
            .agent_session_id = JORDAN_SESSION,
            .aux_code_id = AUX_IDLE,
            .channels_map = COUNTED(telephony_only),
            .interaction_ids = NO_STRINGS,
            .last_idle_code_change_timestamp = 1733209874421,
            .last_state_change_timestamp = 1733209874421,
            .org_id = ORG,
            .profile_type = "TELEPHONY",
            .site_id = SITE,
            .status = "LoggedIn",
            .sub_status = WCC_SUB_STATUS_IDLE,
            .team_id = TEAM1,
            .tracking_id = "WX_CC_SDK_a0f7e3c1-6b4d-4d29-8e5a-3c1b9f7d2e84",
        },
    };
    check_message(&STATION_LOGIN, "agent DN login", SLS_MINIMAL, &agent_dn, SLS_MINIMAL_OUT);

    /* The members the schema does not declare (deviceType, mmProfile ...)
     * are ignored; an empty channel list is kept. */
    wcc_station_login_success_data_channels_map_entry four_channels[] = {
        { "chat", STRINGS(CHAT_CHANNEL) },
        { "email", STRINGS("e8a2c4d6-1f3b-4a5e-9c7d-2b0f6e8a4c13") },
        { "social", NO_STRINGS },
        { "telephony", STRINGS(TEL_CHANNEL) },
    };
    const wcc_station_login_success browser = {
        .org_id = ORG,
        .tracking_id = "notifs_8d0f4b6e-2a71-4c95-b3e8-1f6a9c2d7e40",
        .data = {
            .agent_id = SAM,
            .agent_session_id = SAM_SESSION,
            .aux_code_id = AUX_IDLE,
            .channels_map = COUNTED(four_channels),
            .dial_number = WEBRTC_SAM,
            .interaction_ids = NO_STRINGS,
            .last_idle_code_change_timestamp = 1733211502114,
            .last_state_change_timestamp = 1733211502114,
            .org_id = ORG,
            .profile_type = "BLENDED",
            .has_roles = true,
            .roles = STRINGS("agent"),
            .site_id = SITE,
            .status = "LoggedIn",
            .sub_status = WCC_SUB_STATUS_IDLE,
            .team_id = TEAM1,
            .tracking_id = "WX_CC_SDK_3c1e9a7b-5d24-4f80-96ab-e2d8c0f47b13",
        },
    };
    check_message(&STATION_LOGIN, "browser login", SLS_BROWSER, &browser, SLS_BROWSER_OUT);

    wcc_station_login_success_data_channels_map_entry chat_and_telephony[] = {
        { "chat", STRINGS(CHAT_CHANNEL, "c52f0a3b-8c4e-4f6d-9b72-1e3a0c8d4f29") },
        { "telephony", STRINGS(TEL_CHANNEL) },
    };
    const wcc_station_login_success supervisor = {
        .org_id = ORG,
        .tracking_id = "notifs_62e8b1d4-9c3f-4a7e-b5d2-0f1a8c6e3b97",
        .data = {
            .agent_id = MARIA,
            .agent_session_id = MARIA_SESSION,
            .aux_code_id = "0",
            .channels_map = COUNTED(chat_and_telephony),
            .dial_number = "+14085550123",
            .interaction_ids = STRINGS(CALL, "7f1c3e5a-9b2d-4c6e-8a0f-4d2b6e8c1a37"),
            .last_idle_code_change_timestamp = 1733208011530,
            .last_state_change_timestamp = 1733211260977,
            .org_id = ORG,
            .profile_type = "BLENDED_REALTIME",
            .has_roles = true,
            .roles = STRINGS("agent", "supervisor"),
            .site_id = SITE,
            .status = "LoggedIn",
            .sub_status = WCC_SUB_STATUS_AVAILABLE,
            .supervisor_session_id = "d8b4f1a6-2c9e-4d7b-8f3a-6e0c2b9d5a14",
            .team_id = TEAM2,
            .tracking_id = "WX_CC_SDK_f49b2c7e-0d1a-4e63-8b5f-7c2e9a1d3f05",
        },
    };
    check_message(&STATION_LOGIN, "supervisor login", SLS_SUPERVISOR, &supervisor,
                  SLS_SUPERVISOR_OUT);
}
END_TEST

/* ---- LogoutSuccess ---- */

static const char LOGOUT_SUPERVISOR[] =
    "{\"type\":\"Logout\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_c1e7a3f9-5d2b-4a8c-b6e0-3f9d1b7c5a82\",\"data\":{"
    "\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"ebeb893b-ba67-4f36-8418-95c7492b28c2\","
    "\"trackingId\":\"5b8e1d3f-7a2c-4e9b-8f0d-6c4a2e9b1d73\","
    "\"agentSessionId\":\"b7c2e9f4-1a3d-4c8e-9f6b-5d0a2e7c4b18\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"status\":\"LoggedOut\","
    "\"subStatus\":\"Available\",\"loggedOutBy\":\"SUPERVISOR\",\"roles\":[\"agent\"],"
    "\"logoutReason\":\"Supervisor initiated logout\","
    "\"supervisorId\":\"a3d91f27-6c4e-4b85-9f0a-2e7b1c8d5f36\",\"type\":\"AgentLogoutSuccess\"}}";

static const char LOGOUT_SUPERVISOR_OUT[] =
    "{\"type\":\"Logout\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_c1e7a3f9-5d2b-4a8c-b6e0-3f9d1b7c5a82\",\"data\":{"
    "\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"ebeb893b-ba67-4f36-8418-95c7492b28c2\","
    "\"trackingId\":\"5b8e1d3f-7a2c-4e9b-8f0d-6c4a2e9b1d73\","
    "\"agentSessionId\":\"b7c2e9f4-1a3d-4c8e-9f6b-5d0a2e7c4b18\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"status\":\"LoggedOut\","
    "\"subStatus\":\"Available\",\"loggedOutBy\":\"SUPERVISOR\",\"roles\":[\"agent\"],"
    "\"type\":\"AgentLogoutSuccess\"}}";

static const char LOGOUT_INACTIVITY[] =
    "{\"type\":\"Logout\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_e5f2b8d1-3c7a-4e9f-a1b6-7d0c4e2a9f58\",\"data\":{"
    "\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"a3d91f27-6c4e-4b85-9f0a-2e7b1c8d5f36\","
    "\"trackingId\":\"d2a7c9e4-6f1b-4d3a-9e8c-1b5f7a0d2c96\","
    "\"agentSessionId\":\"e2f7a9c1-5b3d-4e8f-a6c0-9b1d3f5e7a28\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"status\":\"LoggedOut\","
    "\"subStatus\":\"Idle\",\"logoutReason\":\"Inactivity Logout\","
    "\"type\":\"AgentLogoutSuccess\"}}";

static const char LOGOUT_INACTIVITY_OUT[] =
    "{\"type\":\"Logout\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_e5f2b8d1-3c7a-4e9f-a1b6-7d0c4e2a9f58\",\"data\":{"
    "\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"a3d91f27-6c4e-4b85-9f0a-2e7b1c8d5f36\","
    "\"trackingId\":\"d2a7c9e4-6f1b-4d3a-9e8c-1b5f7a0d2c96\","
    "\"agentSessionId\":\"e2f7a9c1-5b3d-4e8f-a6c0-9b1d3f5e7a28\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"status\":\"LoggedOut\","
    "\"subStatus\":\"Idle\",\"type\":\"AgentLogoutSuccess\"}}";

START_TEST(test_logout_success)
{
    const wcc_logout_success by_supervisor = {
        .org_id = ORG,
        .tracking_id = "notifs_c1e7a3f9-5d2b-4a8c-b6e0-3f9d1b7c5a82",
        .data = {
            .agent_id = JORDAN,
            .tracking_id = "5b8e1d3f-7a2c-4e9b-8f0d-6c4a2e9b1d73",
            .agent_session_id = JORDAN_SESSION,
            .org_id = ORG,
            .status = "LoggedOut",
            .sub_status = "Available",
            .logged_out_by = "SUPERVISOR",
            .has_roles = true,
            .roles = STRINGS("agent"),
        },
    };
    check_message(&LOGOUT, "logout by supervisor", LOGOUT_SUPERVISOR, &by_supervisor,
                  LOGOUT_SUPERVISOR_OUT);

    /* No loggedOutBy, no roles. */
    const wcc_logout_success inactivity = {
        .org_id = ORG,
        .tracking_id = "notifs_e5f2b8d1-3c7a-4e9f-a1b6-7d0c4e2a9f58",
        .data = {
            .agent_id = MARIA,
            .tracking_id = "d2a7c9e4-6f1b-4d3a-9e8c-1b5f7a0d2c96",
            .agent_session_id = MARIA_SESSION,
            .org_id = ORG,
            .status = "LoggedOut",
            .sub_status = "Idle",
        },
    };
    check_message(&LOGOUT, "inactivity logout", LOGOUT_INACTIVITY, &inactivity,
                  LOGOUT_INACTIVITY_OUT);
}
END_TEST

/* ---- ReloginSuccess ---- */

static const char RELOGIN_AGENT_DN[] =
    "{\"type\":\"AgentReloginSuccess\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_5e8a1c4f-7d2b-4f9e-b3a6-0c5d8e1f4a93\",\"data\":{"
    "\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"a3d91f27-6c4e-4b85-9f0a-2e7b1c8d5f36\","
    "\"trackingId\":\"c8e1a4d7-0f3b-4c6e-9a2d-5b8f1c4e7a02\","
    "\"auxCodeId\":\"6d2f8b4a-1c7e-4a9d-b5f3-0e8c2a6d4b71\","
    "\"teamId\":\"5c8e2a4f-7b1d-4e9c-a3f6-1d0b8e2c7a49\","
    "\"agentSessionId\":\"e2f7a9c1-5b3d-4e8f-a6c0-9b1d3f5e7a28\",\"dn\":\"+14085550123\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"interactionIds\":["
    "\"7f1c3e5a-9b2d-4c6e-8a0f-4d2b6e8c1a37\"],\"isExtension\":false,\"status\":\"LoggedIn\","
    "\"subStatus\":\"Idle\",\"siteId\":\"9c4e7a21-3f6b-4d8e-a5c0-7b1d2e9f4a63\","
    "\"lastIdleCodeChangeTimestamp\":1733208011530,\"lastStateChangeTimestamp\":1733208011530,"
    "\"lastStateChangeReason\":\"Meeting\",\"profileType\":\"BLENDED_REALTIME\",\"channelsMap\":{"
    "},\"deviceType\":\"AGENT_DN\",\"type\":\"AgentReloginSuccess\"}}";

/* RELOGIN_AGENT_DN_OUT: the frame itself */
#define RELOGIN_AGENT_DN_OUT RELOGIN_AGENT_DN

static const char RELOGIN_BROWSER[] =
    "{\"type\":\"AgentReloginSuccess\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_0c6e9a2f-8b4d-4e1c-a7f3-5d9b2e0c6a71\",\"data\":{"
    "\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"trackingId\":\"WX_CC_SDK_7d3f1b9e-2a6c-4f8d-b0e5-9c1a7e3d5b26\","
    "\"auxCodeId\":\"2a8f3c5d-6e9b-4a71-8c2d-5f0e1b7a9d46\","
    "\"teamId\":\"0b2a6d8c-5e1f-4a93-b7c4-2d9e8f6a1b35\","
    "\"agentSessionId\":\"4f5d1c2e-8b3a-4e6f-9d27-1a0c5b7e3f81\","
    "\"dn\":\"webrtc-723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"interactionIds\":["
    "\"0ae913a4-c857-4705-8d49-76dd3dde75e4\"],\"isExtension\":false,\"status\":\"LoggedIn\","
    "\"subStatus\":\"Idle\",\"siteId\":\"9c4e7a21-3f6b-4d8e-a5c0-7b1d2e9f4a63\","
    "\"lastIdleCodeChangeTimestamp\":1733211502114,\"lastStateChangeTimestamp\":1733211502114,"
    "\"lastStateChangeReason\":\"\",\"profileType\":\"BLENDED\",\"channelsMap\":{\"chat\":["
    "\"c41e9f2a-7b3d-4e5c-8a61-0d2f9b7c3e18\"],\"telephony\":["
    "\"f5b7d9f1-3a2c-4e6b-8d0f-1c3e5a7b9d24\"]},"
    "\"dialNumber\":\"webrtc-723a8ffb-a26e-496d-b14a-ff44fb83b64f\",\"roles\":[\"agent\"],"
    "\"deviceType\":\"BROWSER\",\"deviceId\":\"webrtc-723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"isEmergencyModalAlreadyDisplayed\":true,\"type\":\"AgentReloginSuccess\"}}";

/* RELOGIN_BROWSER_OUT: the frame itself */
#define RELOGIN_BROWSER_OUT RELOGIN_BROWSER

static const char RELOGIN_CUSTOM_PHONE[] =
    "{\"type\":\"AgentReloginSuccess\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_93b5d7f1-2e4c-4a6b-8d0f-e1c3a5b7d9f2\",\"data\":{"
    "\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"ebeb893b-ba67-4f36-8418-95c7492b28c2\","
    "\"trackingId\":\"1f4a7c0e-3b6d-4e9f-a2c5-8d1b4e7a0c36\","
    "\"auxCodeId\":\"2a8f3c5d-6e9b-4a71-8c2d-5f0e1b7a9d46\","
    "\"teamId\":\"0b2a6d8c-5e1f-4a93-b7c4-2d9e8f6a1b35\","
    "\"agentSessionId\":\"b7c2e9f4-1a3d-4c8e-9f6b-5d0a2e7c4b18\",\"dn\":\"5021\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"interactionIds\":[],"
    "\"isExtension\":true,\"status\":\"LoggedIn\",\"subStatus\":\"Idle\","
    "\"siteId\":\"9c4e7a21-3f6b-4d8e-a5c0-7b1d2e9f4a63\","
    "\"lastIdleCodeChangeTimestamp\":1733209874421,\"lastStateChangeTimestamp\":1733210133702,"
    "\"profileType\":\"TELEPHONY\",\"channelsMap\":{\"telephony\":["
    "\"f5b7d9f1-3a2c-4e6b-8d0f-1c3e5a7b9d24\"]},\"dialNumber\":\"5021\","
    "\"deviceType\":\"CUSTOM_PHONE\",\"deviceId\":null,\"channelDetails\":{\"telephony\":{"
    "\"capacity\":1}},\"type\":\"AgentReloginSuccess\"}}";

static const char RELOGIN_CUSTOM_PHONE_OUT[] =
    "{\"type\":\"AgentReloginSuccess\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_93b5d7f1-2e4c-4a6b-8d0f-e1c3a5b7d9f2\",\"data\":{"
    "\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"ebeb893b-ba67-4f36-8418-95c7492b28c2\","
    "\"trackingId\":\"1f4a7c0e-3b6d-4e9f-a2c5-8d1b4e7a0c36\","
    "\"auxCodeId\":\"2a8f3c5d-6e9b-4a71-8c2d-5f0e1b7a9d46\","
    "\"teamId\":\"0b2a6d8c-5e1f-4a93-b7c4-2d9e8f6a1b35\","
    "\"agentSessionId\":\"b7c2e9f4-1a3d-4c8e-9f6b-5d0a2e7c4b18\",\"dn\":\"5021\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"interactionIds\":[],"
    "\"isExtension\":true,\"status\":\"LoggedIn\",\"subStatus\":\"Idle\","
    "\"siteId\":\"9c4e7a21-3f6b-4d8e-a5c0-7b1d2e9f4a63\","
    "\"lastIdleCodeChangeTimestamp\":1733209874421,\"lastStateChangeTimestamp\":1733210133702,"
    "\"profileType\":\"TELEPHONY\",\"channelsMap\":{\"telephony\":["
    "\"f5b7d9f1-3a2c-4e6b-8d0f-1c3e5a7b9d24\"]},\"dialNumber\":\"5021\","
    "\"deviceType\":\"CUSTOM_PHONE\",\"deviceId\":null,\"type\":\"AgentReloginSuccess\"}}";

START_TEST(test_relogin_success)
{
    /* deviceId absent, deviceType a known value, an empty channelsMap. */
    const wcc_relogin_success agent_dn = {
        .org_id = ORG,
        .tracking_id = "notifs_5e8a1c4f-7d2b-4f9e-b3a6-0c5d8e1f4a93",
        .data = {
            .agent_id = MARIA,
            .tracking_id = "c8e1a4d7-0f3b-4c6e-9a2d-5b8f1c4e7a02",
            .aux_code_id = AUX_MEETING,
            .team_id = TEAM2,
            .agent_session_id = MARIA_SESSION,
            .dn = "+14085550123",
            .org_id = ORG,
            .interaction_ids = STRINGS("7f1c3e5a-9b2d-4c6e-8a0f-4d2b6e8c1a37"),
            .is_extension = false,
            .site_id = SITE,
            .last_idle_code_change_timestamp = 1733208011530,
            .last_state_change_timestamp = 1733208011530,
            .last_state_change_reason = "Meeting",
            .profile_type = "BLENDED_REALTIME",
            .channels_map = { NULL, 0 },
            .has_device_type = true,
            .device_type = { WCC_DEVICE_TYPE_AGENT_DN, "AGENT_DN" },
        },
    };
    check_message(&RELOGIN, "agent DN relogin", RELOGIN_AGENT_DN, &agent_dn,
                  RELOGIN_AGENT_DN_OUT);

    /* deviceId set, every optional member present. */
    wcc_relogin_success_data_channels_map_entry browser_channels[] = {
        { "chat", STRINGS(CHAT_CHANNEL) },
        { "telephony", STRINGS(TEL_CHANNEL) },
    };
    const wcc_relogin_success browser = {
        .org_id = ORG,
        .tracking_id = "notifs_0c6e9a2f-8b4d-4e1c-a7f3-5d9b2e0c6a71",
        .data = {
            .agent_id = SAM,
            .tracking_id = "WX_CC_SDK_7d3f1b9e-2a6c-4f8d-b0e5-9c1a7e3d5b26",
            .aux_code_id = AUX_IDLE,
            .team_id = TEAM1,
            .agent_session_id = SAM_SESSION,
            .dn = WEBRTC_SAM,
            .org_id = ORG,
            .interaction_ids = STRINGS(CALL),
            .is_extension = false,
            .site_id = SITE,
            .last_idle_code_change_timestamp = 1733211502114,
            .last_state_change_timestamp = 1733211502114,
            .last_state_change_reason = "",
            .profile_type = "BLENDED",
            .channels_map = COUNTED(browser_channels),
            .dial_number = WEBRTC_SAM,
            .has_roles = true,
            .roles = STRINGS("agent"),
            .has_device_type = true,
            .device_type = { WCC_DEVICE_TYPE_BROWSER, "BROWSER" },
            .device_id = WEBRTC_SAM,
            .has_is_emergency_modal_already_displayed = true,
            .is_emergency_modal_already_displayed = true,
        },
    };
    check_message(&RELOGIN, "browser relogin", RELOGIN_BROWSER, &browser, RELOGIN_BROWSER_OUT);

    /* deviceId null; deviceType outside the enum, kept as it came. */
    wcc_relogin_success_data_channels_map_entry telephony_only[] = {
        { "telephony", STRINGS(TEL_CHANNEL) },
    };
    const wcc_relogin_success custom_phone = {
        .org_id = ORG,
        .tracking_id = "notifs_93b5d7f1-2e4c-4a6b-8d0f-e1c3a5b7d9f2",
        .data = {
            .agent_id = JORDAN,
            .tracking_id = "1f4a7c0e-3b6d-4e9f-a2c5-8d1b4e7a0c36",
            .aux_code_id = AUX_IDLE,
            .team_id = TEAM1,
            .agent_session_id = JORDAN_SESSION,
            .dn = "5021",
            .org_id = ORG,
            .interaction_ids = NO_STRINGS,
            .is_extension = true,
            .site_id = SITE,
            .last_idle_code_change_timestamp = 1733209874421,
            .last_state_change_timestamp = 1733210133702,
            .profile_type = "TELEPHONY",
            .channels_map = COUNTED(telephony_only),
            .dial_number = "5021",
            .has_device_type = true,
            .device_type = { 0, "CUSTOM_PHONE" },
            .device_id_is_null = true,
        },
    };
    check_message(&RELOGIN, "custom phone relogin", RELOGIN_CUSTOM_PHONE, &custom_phone,
                  RELOGIN_CUSTOM_PHONE_OUT);
}
END_TEST

/* ---- StateChangeSuccess ---- */

static const char STATE_SUPERVISOR[] =
    "{\"type\":\"AgentStateChange\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_f0a3c6e9-1d4b-4f7a-9c2e-5b8d0f3a6c14\",\"data\":{"
    "\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"ebeb893b-ba67-4f36-8418-95c7492b28c2\","
    "\"trackingId\":\"4c7f0a3d-6e9b-4c1f-8a5d-2e7b0c4f9a63\","
    "\"auxCodeId\":\"6d2f8b4a-1c7e-4a9d-b5f3-0e8c2a6d4b71\","
    "\"agentSessionId\":\"b7c2e9f4-1a3d-4c8e-9f6b-5d0a2e7c4b18\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"status\":\"LoggedIn\","
    "\"subStatus\":\"Idle\",\"lastIdleCodeChangeTimestamp\":1733211701256,"
    "\"lastStateChangeTimestamp\":1733211701256,\"type\":\"AgentStateChangeSuccess\","
    "\"changedBy\":\"SUPERVISOR\",\"changedById\":\"a3d91f27-6c4e-4b85-9f0a-2e7b1c8d5f36\","
    "\"changedByName\":\"Maria Lopez\",\"lastStateChangeReason\":\"Meeting\","
    "\"emergencyMessage\":false}}";

static const char STATE_SUPERVISOR_OUT[] =
    "{\"type\":\"AgentStateChange\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_f0a3c6e9-1d4b-4f7a-9c2e-5b8d0f3a6c14\",\"data\":{"
    "\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"ebeb893b-ba67-4f36-8418-95c7492b28c2\","
    "\"trackingId\":\"4c7f0a3d-6e9b-4c1f-8a5d-2e7b0c4f9a63\","
    "\"auxCodeId\":\"6d2f8b4a-1c7e-4a9d-b5f3-0e8c2a6d4b71\","
    "\"agentSessionId\":\"b7c2e9f4-1a3d-4c8e-9f6b-5d0a2e7c4b18\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"status\":\"LoggedIn\","
    "\"subStatus\":\"Idle\",\"lastIdleCodeChangeTimestamp\":1733211701256,"
    "\"lastStateChangeTimestamp\":1733211701256,\"type\":\"AgentStateChangeSuccess\","
    "\"changedBy\":\"SUPERVISOR\",\"changedById\":\"a3d91f27-6c4e-4b85-9f0a-2e7b1c8d5f36\","
    "\"changedByName\":\"Maria Lopez\",\"lastStateChangeReason\":\"Meeting\"}}";

static const char STATE_SELF_NULLS[] =
    "{\"type\":\"AgentStateChange\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_2b7e4a9c-6d1f-4c3e-8b5a-9f0d2c7e4b16\",\"data\":{"
    "\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"trackingId\":\"WX_CC_SDK_8f3a6c1e-4d9b-4e2f-a7c0-1b5d8e3f6a49\",\"auxCodeId\":\"0\","
    "\"agentSessionId\":\"4f5d1c2e-8b3a-4e6f-9d27-1a0c5b7e3f81\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"status\":\"LoggedIn\","
    "\"subStatus\":\"Available\",\"lastIdleCodeChangeTimestamp\":1733211502114,"
    "\"lastStateChangeTimestamp\":1733211588340,\"type\":\"AgentStateChangeSuccess\","
    "\"changedBy\":null,\"changedById\":null,\"changedByName\":null,"
    "\"lastStateChangeReason\":\"\"}}";

/* STATE_SELF_NULLS_OUT: the frame itself */
#define STATE_SELF_NULLS_OUT STATE_SELF_NULLS

static const char STATE_MIXED[] =
    "{\"type\":\"AgentStateChange\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_7a0d3f6b-9c2e-4a5d-8f1b-4e7c0a3d6f92\",\"data\":{"
    "\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"a3d91f27-6c4e-4b85-9f0a-2e7b1c8d5f36\","
    "\"trackingId\":\"WX_CC_SDK_0e5b8d1a-4f7c-4b2e-9d6a-3c0f5b8e1d47\","
    "\"auxCodeId\":\"2a8f3c5d-6e9b-4a71-8c2d-5f0e1b7a9d46\","
    "\"agentSessionId\":\"e2f7a9c1-5b3d-4e8f-a6c0-9b1d3f5e7a28\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"status\":\"LoggedIn\","
    "\"subStatus\":\"Idle\",\"lastIdleCodeChangeTimestamp\":1733212045918,"
    "\"lastStateChangeTimestamp\":1733212045918,\"type\":\"AgentStateChangeSuccess\","
    "\"changedBy\":\"AGENT\",\"changedById\":\"a3d91f27-6c4e-4b85-9f0a-2e7b1c8d5f36\","
    "\"changedByName\":null,\"lastStateChangeReason\":\"Lunch\"}}";

/* STATE_MIXED_OUT: the frame itself */
#define STATE_MIXED_OUT STATE_MIXED

START_TEST(test_state_change_success)
{
    const wcc_state_change_success by_supervisor = {
        .org_id = ORG,
        .tracking_id = "notifs_f0a3c6e9-1d4b-4f7a-9c2e-5b8d0f3a6c14",
        .data = {
            .agent_id = JORDAN,
            .tracking_id = "4c7f0a3d-6e9b-4c1f-8a5d-2e7b0c4f9a63",
            .aux_code_id = AUX_MEETING,
            .agent_session_id = JORDAN_SESSION,
            .org_id = ORG,
            .status = "LoggedIn",
            .sub_status = WCC_SUB_STATUS_IDLE,
            .last_idle_code_change_timestamp = 1733211701256,
            .last_state_change_timestamp = 1733211701256,
            .changed_by = "SUPERVISOR",
            .changed_by_id = MARIA,
            .changed_by_name = "Maria Lopez",
            .last_state_change_reason = "Meeting",
        },
    };
    check_message(&STATE_CHANGE, "idle by supervisor", STATE_SUPERVISOR, &by_supervisor,
                  STATE_SUPERVISOR_OUT);

    /* The three required nullable strings null. */
    const wcc_state_change_success self_nulls = {
        .org_id = ORG,
        .tracking_id = "notifs_2b7e4a9c-6d1f-4c3e-8b5a-9f0d2c7e4b16",
        .data = {
            .agent_id = SAM,
            .tracking_id = "WX_CC_SDK_8f3a6c1e-4d9b-4e2f-a7c0-1b5d8e3f6a49",
            .aux_code_id = "0",
            .agent_session_id = SAM_SESSION,
            .org_id = ORG,
            .status = "LoggedIn",
            .sub_status = WCC_SUB_STATUS_AVAILABLE,
            .last_idle_code_change_timestamp = 1733211502114,
            .last_state_change_timestamp = 1733211588340,
            .changed_by_is_null = true,
            .changed_by_id_is_null = true,
            .changed_by_name_is_null = true,
            .last_state_change_reason = "",
        },
    };
    check_message(&STATE_CHANGE, "available by self", STATE_SELF_NULLS, &self_nulls,
                  STATE_SELF_NULLS_OUT);

    const wcc_state_change_success mixed = {
        .org_id = ORG,
        .tracking_id = "notifs_7a0d3f6b-9c2e-4a5d-8f1b-4e7c0a3d6f92",
        .data = {
            .agent_id = MARIA,
            .tracking_id = "WX_CC_SDK_0e5b8d1a-4f7c-4b2e-9d6a-3c0f5b8e1d47",
            .aux_code_id = AUX_IDLE,
            .agent_session_id = MARIA_SESSION,
            .org_id = ORG,
            .status = "LoggedIn",
            .sub_status = WCC_SUB_STATUS_IDLE,
            .last_idle_code_change_timestamp = 1733212045918,
            .last_state_change_timestamp = 1733212045918,
            .changed_by = "AGENT",
            .changed_by_id = MARIA,
            .changed_by_name_is_null = true,
            .last_state_change_reason = "Lunch",
        },
    };
    check_message(&STATE_CHANGE, "idle by self, mixed nulls", STATE_MIXED, &mixed,
                  STATE_MIXED_OUT);
}
END_TEST

/* ---- BuddyAgentsSuccess ---- */

static const char BUDDY_THREE[] =
    "{\"type\":\"BuddyAgents\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_d4b7e0a3-2f5c-4e8b-a1d6-9c2f5e8b1a04\",\"data\":{"
    "\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"trackingId\":\"WX_CC_SDK_6b9e2c5f-8a1d-4f4b-b7e0-3d6a9c2f5b18\","
    "\"agentSessionId\":\"4f5d1c2e-8b3a-4e6f-9d27-1a0c5b7e3f81\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"type\":\"BuddyAgents\",\"agentList\":[{"
    "\"agentId\":\"ebeb893b-ba67-4f36-8418-95c7492b28c2\",\"state\":\"Available\","
    "\"teamId\":\"0b2a6d8c-5e1f-4a93-b7c4-2d9e8f6a1b35\",\"dn\":\"5021\","
    "\"agentName\":\"Jordan Kim\",\"siteId\":\"9c4e7a21-3f6b-4d8e-a5c0-7b1d2e9f4a63\"},{"
    "\"agentId\":\"a3d91f27-6c4e-4b85-9f0a-2e7b1c8d5f36\",\"state\":\"Available\","
    "\"teamId\":\"5c8e2a4f-7b1d-4e9c-a3f6-1d0b8e2c7a49\",\"dn\":\"+14085550123\","
    "\"agentName\":\"Maria Lopez\",\"siteId\":\"9c4e7a21-3f6b-4d8e-a5c0-7b1d2e9f4a63\"},{"
    "\"agentId\":\"3b6e9c2f-5a8d-4b1e-9f4c-7a0d3e6b9c25\",\"state\":\"Available\","
    "\"teamId\":\"0b2a6d8c-5e1f-4a93-b7c4-2d9e8f6a1b35\","
    "\"dn\":\"webrtc-3b6e9c2f-5a8d-4b1e-9f4c-7a0d3e6b9c25\",\"agentName\":\"Priya Natarajan\","
    "\"siteId\":\"1e4b7d0a-3c6f-4e9b-8d2a-5f8c1b4e7d30\"}]}}";

/* BUDDY_THREE_OUT: the frame itself */
#define BUDDY_THREE_OUT BUDDY_THREE

static const char BUDDY_EMPTY[] =
    "{\"type\":\"BuddyAgents\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_81c4f7a0-3d6e-4b9c-a2f5-8e1b4d7a0c63\",\"data\":{"
    "\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"ebeb893b-ba67-4f36-8418-95c7492b28c2\","
    "\"trackingId\":\"a9d2f5b8-1e4c-4a7f-b0d3-6c9e2f5a8b41\","
    "\"agentSessionId\":\"b7c2e9f4-1a3d-4c8e-9f6b-5d0a2e7c4b18\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"type\":\"BuddyAgents\",\"agentList\":["
    "]}}";

/* BUDDY_EMPTY_OUT: the frame itself */
#define BUDDY_EMPTY_OUT BUDDY_EMPTY

static const char BUDDY_EXTRA[] =
    "{\"type\":\"BuddyAgents\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_3f6a9d2c-5b8e-4f1a-9c4d-7e0b3f6a9d52\",\"data\":{"
    "\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"a3d91f27-6c4e-4b85-9f0a-2e7b1c8d5f36\","
    "\"trackingId\":\"WX_CC_SDK_2d5a8e1b-4c7f-4a0d-b3e6-9f2c5a8d1e74\","
    "\"agentSessionId\":\"e2f7a9c1-5b3d-4e8f-a6c0-9b1d3f5e7a28\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"type\":\"BuddyAgents\","
    "\"mediaType\":\"telephony\",\"agentList\":[{"
    "\"agentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\",\"state\":\"Idle\","
    "\"teamId\":\"0b2a6d8c-5e1f-4a93-b7c4-2d9e8f6a1b35\",\"teamName\":\"Tier 1 Support\","
    "\"dn\":\"webrtc-723a8ffb-a26e-496d-b14a-ff44fb83b64f\",\"agentName\":\"Sam Okafor\","
    "\"siteId\":\"9c4e7a21-3f6b-4d8e-a5c0-7b1d2e9f4a63\",\"idleCodeName\":\"Meeting\","
    "\"lastStateChangeTimestamp\":1733211701256}]}}";

static const char BUDDY_EXTRA_OUT[] =
    "{\"type\":\"BuddyAgents\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_3f6a9d2c-5b8e-4f1a-9c4d-7e0b3f6a9d52\",\"data\":{"
    "\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"a3d91f27-6c4e-4b85-9f0a-2e7b1c8d5f36\","
    "\"trackingId\":\"WX_CC_SDK_2d5a8e1b-4c7f-4a0d-b3e6-9f2c5a8d1e74\","
    "\"agentSessionId\":\"e2f7a9c1-5b3d-4e8f-a6c0-9b1d3f5e7a28\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"type\":\"BuddyAgents\",\"agentList\":[{"
    "\"agentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\",\"state\":\"Idle\","
    "\"teamId\":\"0b2a6d8c-5e1f-4a93-b7c4-2d9e8f6a1b35\","
    "\"dn\":\"webrtc-723a8ffb-a26e-496d-b14a-ff44fb83b64f\",\"agentName\":\"Sam Okafor\","
    "\"siteId\":\"9c4e7a21-3f6b-4d8e-a5c0-7b1d2e9f4a63\"}]}}";

START_TEST(test_buddy_agents_success)
{
    wcc_buddy_details three[] = {
        { .agent_id = JORDAN, .state = "Available", .team_id = TEAM1, .dn = "5021",
          .agent_name = "Jordan Kim", .site_id = SITE },
        { .agent_id = MARIA, .state = "Available", .team_id = TEAM2, .dn = "+14085550123",
          .agent_name = "Maria Lopez", .site_id = SITE },
        { .agent_id = "3b6e9c2f-5a8d-4b1e-9f4c-7a0d3e6b9c25", .state = "Available",
          .team_id = TEAM1, .dn = "webrtc-3b6e9c2f-5a8d-4b1e-9f4c-7a0d3e6b9c25",
          .agent_name = "Priya Natarajan", .site_id = "1e4b7d0a-3c6f-4e9b-8d2a-5f8c1b4e7d30" },
    };
    const wcc_buddy_agents_success three_available = {
        .org_id = ORG,
        .tracking_id = "notifs_d4b7e0a3-2f5c-4e8b-a1d6-9c2f5e8b1a04",
        .data = {
            .agent_id = SAM,
            .tracking_id = "WX_CC_SDK_6b9e2c5f-8a1d-4f4b-b7e0-3d6a9c2f5b18",
            .agent_session_id = SAM_SESSION,
            .org_id = ORG,
            .agent_list = COUNTED(three),
        },
    };
    check_message(&BUDDY_AGENTS, "three buddies", BUDDY_THREE, &three_available,
                  BUDDY_THREE_OUT);

    const wcc_buddy_agents_success empty = {
        .org_id = ORG,
        .tracking_id = "notifs_81c4f7a0-3d6e-4b9c-a2f5-8e1b4d7a0c63",
        .data = {
            .agent_id = JORDAN,
            .tracking_id = "a9d2f5b8-1e4c-4a7f-b0d3-6c9e2f5a8b41",
            .agent_session_id = JORDAN_SESSION,
            .org_id = ORG,
            .agent_list = { NULL, 0 },
        },
    };
    check_message(&BUDDY_AGENTS, "no buddies", BUDDY_EMPTY, &empty, BUDDY_EMPTY_OUT);

    /* Undeclared members of the list items and of data are ignored. */
    wcc_buddy_details one[] = {
        { .agent_id = SAM, .state = "Idle", .team_id = TEAM1, .dn = WEBRTC_SAM,
          .agent_name = "Sam Okafor", .site_id = SITE },
    };
    const wcc_buddy_agents_success extra = {
        .org_id = ORG,
        .tracking_id = "notifs_3f6a9d2c-5b8e-4f1a-9c4d-7e0b3f6a9d52",
        .data = {
            .agent_id = MARIA,
            .tracking_id = "WX_CC_SDK_2d5a8e1b-4c7f-4a0d-b3e6-9f2c5a8d1e74",
            .agent_session_id = MARIA_SESSION,
            .org_id = ORG,
            .agent_list = COUNTED(one),
        },
    };
    check_message(&BUDDY_AGENTS, "buddy with extra members", BUDDY_EXTRA, &extra,
                  BUDDY_EXTRA_OUT);
}
END_TEST

/* ---- Failure: each of its four (type, data.type) pairs ---- */

static const char FAILURE_LOGIN[] =
    "{\"type\":\"StationLogin\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_5a8d1f4b-7e0c-4c3a-9b6e-2d5f8a1c4e97\",\"data\":{"
    "\"agentId\":\"ebeb893b-ba67-4f36-8418-95c7492b28c2\","
    "\"trackingId\":\"WX_CC_SDK_e7b0d3a6-9c2f-4e5b-8a1d-4f7c0e3b6a19\",\"reasonCode\":1030,"
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"reason\":\"DN_ALREADY_IN_USE\","
    "\"eventType\":\"AgentDesktopMessage\",\"type\":\"AgentStationLoginFailed\"}}";

static const char FAILURE_LOGIN_OUT[] =
    "{\"type\":\"StationLogin\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_5a8d1f4b-7e0c-4c3a-9b6e-2d5f8a1c4e97\",\"data\":{"
    "\"agentId\":\"ebeb893b-ba67-4f36-8418-95c7492b28c2\","
    "\"trackingId\":\"WX_CC_SDK_e7b0d3a6-9c2f-4e5b-8a1d-4f7c0e3b6a19\",\"reasonCode\":1030,"
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"reason\":\"DN_ALREADY_IN_USE\","
    "\"type\":\"AgentStationLoginFailed\"}}";

static const char FAILURE_LOGOUT[] =
    "{\"type\":\"Logout\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_c3f6a9d2-5e8b-4b1c-a4d7-0e3a6c9f2b58\",\"data\":{"
    "\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"trackingId\":\"WX_CC_SDK_1b4e7a0d-3f6c-4d9a-b2e5-8c1f4a7d0b36\","
    "\"agentSessionId\":\"4f5d1c2e-8b3a-4e6f-9d27-1a0c5b7e3f81\",\"reasonCode\":1050,"
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"reason\":\"AGENT_HAS_ACTIVE_INTERACTIONS\",\"type\":\"AgentLogoutFailed\"}}";

static const char FAILURE_LOGOUT_OUT[] =
    "{\"type\":\"Logout\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_c3f6a9d2-5e8b-4b1c-a4d7-0e3a6c9f2b58\",\"data\":{"
    "\"agentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"trackingId\":\"WX_CC_SDK_1b4e7a0d-3f6c-4d9a-b2e5-8c1f4a7d0b36\",\"reasonCode\":1050,"
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"reason\":\"AGENT_HAS_ACTIVE_INTERACTIONS\",\"type\":\"AgentLogoutFailed\"}}";

static const char FAILURE_STATE[] =
    "{\"type\":\"AgentStateChange\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_9e2b5d8a-1c4f-4e7b-a0d3-6f9c2e5b8a17\",\"data\":{"
    "\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"a3d91f27-6c4e-4b85-9f0a-2e7b1c8d5f36\","
    "\"trackingId\":\"4e7a0d3f-6b9c-4c2e-8f5a-1d4b7e0a3c69\","
    "\"agentSessionId\":\"e2f7a9c1-5b3d-4e8f-a6c0-9b1d3f5e7a28\",\"reasonCode\":1124,"
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"reason\":\"INVALID_AUX_CODE\","
    "\"auxCodeId\":\"00000000-0000-0000-0000-000000000000\",\"type\":\"AgentStateChangeFailed\"}}";

static const char FAILURE_STATE_OUT[] =
    "{\"type\":\"AgentStateChange\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_9e2b5d8a-1c4f-4e7b-a0d3-6f9c2e5b8a17\",\"data\":{"
    "\"agentId\":\"a3d91f27-6c4e-4b85-9f0a-2e7b1c8d5f36\","
    "\"trackingId\":\"4e7a0d3f-6b9c-4c2e-8f5a-1d4b7e0a3c69\",\"reasonCode\":1124,"
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"reason\":\"INVALID_AUX_CODE\","
    "\"type\":\"AgentStateChangeFailed\"}}";

static const char FAILURE_BUDDY[] =
    "{\"type\":\"BuddyAgents\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_6c9f2b5e-8d1a-4a4c-b7f0-3e6a9d2c5f81\",\"data\":{"
    "\"agentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"trackingId\":\"WX_CC_SDK_b5e8a1d4-7c0f-4b3e-9a6d-2f5c8b1e4a07\",\"reasonCode\":0,"
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"reason\":\"Internal Server Error\","
    "\"type\":\"BuddyAgentsRetrieveFailed\"}}";

/* FAILURE_BUDDY_OUT: the frame itself */
#define FAILURE_BUDDY_OUT FAILURE_BUDDY

START_TEST(test_failure)
{
    const wcc_failure login = {
        .type = WCC_FAILURE_TYPE_STATION_LOGIN,
        .org_id = ORG,
        .tracking_id = "notifs_5a8d1f4b-7e0c-4c3a-9b6e-2d5f8a1c4e97",
        .data = {
            .agent_id = JORDAN,
            .tracking_id = "WX_CC_SDK_e7b0d3a6-9c2f-4e5b-8a1d-4f7c0e3b6a19",
            .reason_code = 1030,
            .org_id = ORG,
            .reason = "DN_ALREADY_IN_USE",
            .type = WCC_FAILURE_DATA_TYPE_AGENT_STATION_LOGIN_FAILED,
        },
    };
    check_message(&FAILURE, "station login failed", FAILURE_LOGIN, &login, FAILURE_LOGIN_OUT);

    const wcc_failure logout = {
        .type = WCC_FAILURE_TYPE_LOGOUT,
        .org_id = ORG,
        .tracking_id = "notifs_c3f6a9d2-5e8b-4b1c-a4d7-0e3a6c9f2b58",
        .data = {
            .agent_id = SAM,
            .tracking_id = "WX_CC_SDK_1b4e7a0d-3f6c-4d9a-b2e5-8c1f4a7d0b36",
            .reason_code = 1050,
            .org_id = ORG,
            .reason = "AGENT_HAS_ACTIVE_INTERACTIONS",
            .type = WCC_FAILURE_DATA_TYPE_AGENT_LOGOUT_FAILED,
        },
    };
    check_message(&FAILURE, "logout failed", FAILURE_LOGOUT, &logout, FAILURE_LOGOUT_OUT);

    const wcc_failure state = {
        .type = WCC_FAILURE_TYPE_AGENT_STATE_CHANGE,
        .org_id = ORG,
        .tracking_id = "notifs_9e2b5d8a-1c4f-4e7b-a0d3-6f9c2e5b8a17",
        .data = {
            .agent_id = MARIA,
            .tracking_id = "4e7a0d3f-6b9c-4c2e-8f5a-1d4b7e0a3c69",
            .reason_code = 1124,
            .org_id = ORG,
            .reason = "INVALID_AUX_CODE",
            .type = WCC_FAILURE_DATA_TYPE_AGENT_STATE_CHANGE_FAILED,
        },
    };
    check_message(&FAILURE, "state change failed", FAILURE_STATE, &state, FAILURE_STATE_OUT);

    const wcc_failure buddy = {
        .type = WCC_FAILURE_TYPE_BUDDY_AGENTS,
        .org_id = ORG,
        .tracking_id = "notifs_6c9f2b5e-8d1a-4a4c-b7f0-3e6a9d2c5f81",
        .data = {
            .agent_id = SAM,
            .tracking_id = "WX_CC_SDK_b5e8a1d4-7c0f-4b3e-9a6d-2f5c8b1e4a07",
            .reason_code = 0,
            .org_id = ORG,
            .reason = "Internal Server Error",
            .type = WCC_FAILURE_DATA_TYPE_BUDDY_AGENTS_RETRIEVE_FAILED,
        },
    };
    check_message(&FAILURE, "buddy agents retrieve failed", FAILURE_BUDDY, &buddy,
                  FAILURE_BUDDY_OUT);
}
END_TEST

/* ---- Welcome and Keepalive ---- */

static const char WELCOME_MINIMAL[] =
    "{\"type\":\"Welcome\",\"data\":{\"agentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\"}}";

/* WELCOME_MINIMAL_OUT: the frame itself */
#define WELCOME_MINIMAL_OUT WELCOME_MINIMAL

static const char WELCOME_ENVELOPE[] =
    "{\"type\":\"Welcome\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_0f3a6c9e-2b5d-4f8a-b1c4-7e0d3a6f9c25\",\"data\":{"
    "\"agentId\":\"ebeb893b-ba67-4f36-8418-95c7492b28c2\"}}";

static const char WELCOME_ENVELOPE_OUT[] =
    "{\"type\":\"Welcome\",\"data\":{\"agentId\":\"ebeb893b-ba67-4f36-8418-95c7492b28c2\"}}";

static const char WELCOME_EXTRA[] =
    "{\n  \"type\": \"Welcome\",\n  \"orgId\": \"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\n"
    "  \"trackingId\": \"notifs_8b1e4a7d-0c3f-4a6b-9d2e-5f8b1c4e7a30\",\n  \"data\": {\n"
    "    \"agentId\": \"a3d91f27-6c4e-4b85-9f0a-2e7b1c8d5f36\",\n"
    "    \"orgId\": \"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\n"
    "    \"subscriptionId\": \"d1c4f7a0-3e6b-4d9c-8a2f-5b8e1d4a7c63\",\n"
    "    \"clientType\": \"WxCCSDK\"\n  }\n}\n";

static const char WELCOME_EXTRA_OUT[] =
    "{\"type\":\"Welcome\",\"data\":{\"agentId\":\"a3d91f27-6c4e-4b85-9f0a-2e7b1c8d5f36\"}}";

START_TEST(test_welcome)
{
    const wcc_welcome sam = { .data = { .agent_id = SAM } };
    check_message(&WELCOME, "welcome", WELCOME_MINIMAL, &sam, WELCOME_MINIMAL_OUT);
    /* Welcome declares neither orgId nor trackingId: ignored. */
    const wcc_welcome jordan = { .data = { .agent_id = JORDAN } };
    check_message(&WELCOME, "welcome with envelope", WELCOME_ENVELOPE, &jordan,
                  WELCOME_ENVELOPE_OUT);
    const wcc_welcome maria = { .data = { .agent_id = MARIA } };
    check_message(&WELCOME, "welcome with extra data", WELCOME_EXTRA, &maria,
                  WELCOME_EXTRA_OUT);
}
END_TEST

static const char KEEPALIVE_COMPACT[] =
    "{\"keepalive\":\"true\"}";

/* KEEPALIVE_COMPACT_OUT: the frame itself */
#define KEEPALIVE_COMPACT_OUT KEEPALIVE_COMPACT

static const char KEEPALIVE_PRETTY[] =
    "{\r\n  \"keepalive\" : \"true\"\r\n}\r\n";

static const char KEEPALIVE_PRETTY_OUT[] =
    "{\"keepalive\":\"true\"}";

START_TEST(test_keepalive)
{
    const wcc_keepalive none = { 0 };
    check_message(&KEEPALIVE, "keepalive", KEEPALIVE_COMPACT, &none, KEEPALIVE_COMPACT_OUT);
    check_message(&KEEPALIVE, "keepalive, CRLF", KEEPALIVE_PRETTY, &none, KEEPALIVE_PRETTY_OUT);
}
END_TEST

/* ---- AgentContact: data -> interaction -> participants, media, CAD ... ---- */

/* The offer of a telephony contact with every Interaction member but
 * parentInteractionId: three maps of records, maps of strings and of any
 * values, nulls, type lists sent both ways. Its participants' bnrDetails and
 * extra members hold nested values and numbers (1.0, 2.50, -0, 1E+2,
 * 12345678901234567890) that must come back exactly as they were sent. */
static const char CONTACT_OFFER[] =
    "{\"type\":\"RoutingMessage\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_b1d4e7a0-3c6f-4b9e-8a2d-5f0c3e6b9d14\",\"data\":{"
    "\"mediaResourceId\":\"0ae913a4-c857-4705-8d49-76dd3dde75e4\","
    "\"eventType\":\"RoutingMessage\",\"eventTime\":1733211617402,"
    "\"agentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"destAgentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"trackingId\":\"575c0ec2-618c-42af-a61c-53aeb0a221ee\",\"consultMediaResourceId\":\"\","
    "\"interaction\":{\"isFcManaged\":false,\"isTerminated\":false,\"mediaType\":\"telephony\","
    "\"previousVTeams\":[\"8a1d4f7b-0e3c-4a6d-9b2f-5c8e1a4d7b09\"],\"state\":\"new\","
    "\"currentVTeam\":\"3e9b1f7a-2c4d-4e8a-b6f5-9d0c1a2b3e47\",\"participants\":{"
    "\"+19725550147\":{\"id\":\"+19725550147\",\"pType\":\"Customer\",\"type\":\"Customer\","
    "\"hasJoined\":true,\"hasLeft\":false,\"isInPredial\":false,\"callerId\":\"+19725550147\","
    "\"name\":\"Avery Chen\",\"currentState\":null,\"currentStateTimestamp\":null,"
    "\"joinTimestamp\":1733211589204,\"lastUpdated\":1733211589204,\"bnrDetails\":{"
    "\"bnrEnabled\":true,\"bnrRegion\":\"us-east\",\"segments\":[{\"start\":1733211589204,"
    "\"end\":null,\"gain\":1.0}],\"sessionKey\":12345678901234567890}},"
    "\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\":{\"id\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"pType\":\"Agent\",\"type\":\"Agent\",\"hasJoined\":false,\"hasLeft\":false,"
    "\"isInPredial\":false,\"callerId\":null,\"autoAnswerEnabled\":false,\"bnrDetails\":null,"
    "\"channelId\":\"f5b7d9f1-3a2c-4e6b-8d0f-1c3e5a7b9d24\",\"consultState\":null,"
    "\"consultTimestamp\":null,\"currentState\":\"offered\","
    "\"currentStateTimestamp\":1733211617398,\"deviceCallId\":null,\"deviceId\":null,"
    "\"deviceType\":null,\"dn\":null,\"isConsulted\":false,\"isOffered\":true,\"isWrapUp\":false,"
    "\"isWrappedUp\":false,\"joinTimestamp\":null,\"lastUpdated\":1733211617398,"
    "\"name\":\"Sam Okafor\",\"queueId\":\"3e9b1f7a-2c4d-4e8a-b6f5-9d0c1a2b3e47\","
    "\"queueMgrId\":\"aqm\",\"sessionId\":\"4f5d1c2e-8b3a-4e6f-9d27-1a0c5b7e3f81\","
    "\"siteId\":\"9c4e7a21-3f6b-4d8e-a5c0-7b1d2e9f4a63\",\"skillId\":null,\"skillName\":null,"
    "\"skills\":[],\"teamId\":\"0b2a6d8c-5e1f-4a93-b7c4-2d9e8f6a1b35\","
    "\"teamName\":\"Tier 1 Support\",\"wrapUpTimestamp\":null,\"isAutoAnswering\":false,"
    "\"agentProfileId\":\"d6a9c2f5-8b1e-4d4a-a7c0-3f6b9e2d5c81\",\"channelCapacity\":{"
    "\"telephony\":1.0,\"chat\":[3,2.50,-0,1E+2]},\"mediaSequence\":12345678901234567890}},"
    "\"callAssociatedData\":{\"accountNumber\":{\"agentEditable\":false,\"agentViewable\":true,"
    "\"displayName\":\"Account Number\",\"global\":false,\"isSecure\":false,"
    "\"name\":\"accountNumber\",\"reportable\":true,\"secureKeyId\":\"\",\"secureKeyVersion\":0,"
    "\"type\":\"STRING\",\"value\":\"88120573\"},\"ivrPin\":{\"agentEditable\":false,"
    "\"agentViewable\":false,\"displayName\":\"IVR PIN\",\"global\":false,\"isSecure\":true,"
    "\"name\":\"ivrPin\",\"reportable\":false,"
    "\"secureKeyId\":\"7b0e3a6d-9c2f-4e5b-8a1d-4c7f0b3e6a92\",\"secureKeyVersion\":3,"
    "\"type\":\"STRING\","
    "\"value\":\"eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..k3Wz1w9oq0-example\"},"
    "\"Global_Language\":{\"agentEditable\":true,\"agentViewable\":true,"
    "\"displayName\":\"Language\",\"global\":true,\"isSecure\":false,"
    "\"name\":\"Global_Language\",\"reportable\":true,\"secureKeyId\":\"\","
    "\"secureKeyVersion\":0,\"type\":\"STRING\",\"value\":\"en-US\","
    "\"desktopAlias\":\"Preferred language\"}},\"callAssociatedDetails\":{"
    "\"ani\":\"+19725550147\",\"dn\":\"+18005550199\",\"accountNumber\":\"88120573\","
    "\"Global_Language\":\"en-US\"},\"interactionId\":\"0ae913a4-c857-4705-8d49-76dd3dde75e4\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"createdTimestamp\":1733211589204,"
    "\"isWrapUpAssist\":false,\"isMediaForked\":\"false\",\"flowProperties\":{"
    "\"lastSelectedMenu\":\"billing\",\"attempts\":2,\"vip\":false,\"history\":[{"
    "\"node\":\"Menu_1\",\"at\":1733211590012}]},\"mediaProperties\":null,"
    "\"callProcessingDetails\":{\"QMgrName\":\"aqm\",\"taskToBeSelfServiced\":\"false\","
    "\"ani\":\"+19725550147\",\"displayAni\":\"+19725550147\",\"dnis\":\"+18005550199\","
    "\"tenantId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"QueueId\":\"3e9b1f7a-2c4d-4e8a-b6f5-9d0c1a2b3e47\","
    "\"vteamId\":\"3e9b1f7a-2c4d-4e8a-b6f5-9d0c1a2b3e47\",\"pauseResumeEnabled\":\"true\","
    "\"pauseDuration\":\"30\",\"isPaused\":\"false\",\"recordInProgress\":\"false\","
    "\"recordingStarted\":\"false\",\"customerRegion\":\"us-east-1\","
    "\"flowTagId\":\"f3a6c9e2-5b8d-4f1a-b4c7-0e3d6a9c2f58\",\"ctqInProgress\":\"false\","
    "\"outdialTransferToQueueEnabled\":\"false\","
    "\"convIvrTranscript\":\"Caller: I have a question about my bill. "
    "Bot: Connecting you to billing.\","
    "\"customerName\":\"Avery Chen\",\"virtualTeamName\":\"Billing Queue\","
    "\"ronaTimeout\":\"30\",\"category\":\"Billing\",\"reason\":\"Invoice question\","
    "\"sourceNumber\":\"+19725550147\",\"sourcePage\":\"\",\"appUser\":\"\","
    "\"customerNumber\":\"+19725550147\",\"reasonCode\":\"\",\"IvrPath\":\"Main>Billing\","
    "\"pathId\":\"Main_Billing\",\"fromAddress\":\"\",\"monitorType\":\"\","
    "\"workflowName\":\"Billing_Inbound\","
    "\"workflowId\":\"0d3a6f9c-2e5b-4d8a-9f1c-4b7e0a3d6c29\","
    "\"participantInviteTimeout\":\"false\",\"mohFileName\":\"defaultmusic_on_hold.wav\","
    "\"CONTINUE_RECORDING_ON_TRANSFER\":\"true\","
    "\"EP_ID\":\"8a1d4f7b-0e3c-4a6d-9b2f-5c8e1a4d7b09\",\"ROUTING_TYPE\":\"queueBasedRouting\","
    "\"fceRegisteredEvents\":\"\",\"isParked\":\"false\",\"priority\":\"10\","
    "\"routingStrategyId\":\"e9c2f5a8-1b4e-4d7a-8c0f-3a6d9b2e5c74\",\"monitoringState\":\"\","
    "\"BLIND_TRANSFER_IN_PROGRESS\":false,\"fcDesktopView\":\"\","
    "\"jscriptId\":\"c2f5a8d1-4e7b-4a0c-9d3f-6b9e2c5f8a17\","
    "\"checkAgentAvailability\":\"false\"},"
    "\"mainInteractionId\":\"0ae913a4-c857-4705-8d49-76dd3dde75e4\","
    "\"queuedTimestamp\":1733211601377,\"media\":{\"0ae913a4-c857-4705-8d49-76dd3dde75e4\":{"
    "\"mediaResourceId\":\"0ae913a4-c857-4705-8d49-76dd3dde75e4\",\"mediaType\":\"telephony\","
    "\"mediaMgr\":\"vmm\",\"participants\":[\"+19725550147\"],\"mType\":\"mainCall\","
    "\"isHold\":false,\"holdTimestamp\":null}},"
    "\"owner\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\",\"mediaChannel\":\"broadcloud\","
    "\"contactDirection\":{\"type\":\"INBOUND\"},\"outboundType\":\"\",\"workflowManager\":null,"
    "\"callFlowParams\":{\"Queue\":{\"name\":\"Queue\",\"qualifier\":\"vteam\","
    "\"description\":\"(vteam, A valid VTeam.)\",\"valueDataType\":\"string\","
    "\"value\":\"3e9b1f7a-2c4d-4e8a-b6f5-9d0c1a2b3e47\"},\"WelcomePrompt\":{"
    "\"name\":\"WelcomePrompt\",\"qualifier\":\"media file\",\"description\":\"(mediaFile,"
    " A valid media file.)\",\"valueDataType\":\"string\",\"value\":\"welcome_billing.wav\"},"
    "\"Debug\":{}}},\"participantId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"fromOwner\":false,\"toOwner\":true,"
    "\"interactionId\":\"0ae913a4-c857-4705-8d49-76dd3dde75e4\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"owner\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\",\"queueMgr\":\"aqm\","
    "\"queueName\":\"Billing Queue\",\"type\":\"AgentOfferContact\",\"ronaTimeout\":30,"
    "\"isConsulted\":false,\"isConferencing\":false,"
    "\"agentSessionId\":\"4f5d1c2e-8b3a-4e6f-9d27-1a0c5b7e3f81\",\"channelType\":\"telephony\"}}";

static const char CONTACT_OFFER_OUT[] =
    "{\"type\":\"RoutingMessage\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_b1d4e7a0-3c6f-4b9e-8a2d-5f0c3e6b9d14\",\"data\":{"
    "\"mediaResourceId\":\"0ae913a4-c857-4705-8d49-76dd3dde75e4\","
    "\"eventType\":\"RoutingMessage\",\"eventTime\":1733211617402,"
    "\"agentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"destAgentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"trackingId\":\"575c0ec2-618c-42af-a61c-53aeb0a221ee\",\"consultMediaResourceId\":\"\","
    "\"interaction\":{\"isFcManaged\":false,\"isTerminated\":false,\"mediaType\":\"telephony\","
    "\"previousVTeams\":[\"8a1d4f7b-0e3c-4a6d-9b2f-5c8e1a4d7b09\"],\"state\":\"new\","
    "\"currentVTeam\":\"3e9b1f7a-2c4d-4e8a-b6f5-9d0c1a2b3e47\",\"participants\":{"
    "\"+19725550147\":{\"id\":\"+19725550147\",\"pType\":\"Customer\",\"type\":\"Customer\","
    "\"hasJoined\":true,\"hasLeft\":false,\"isInPredial\":false,\"callerId\":\"+19725550147\","
    "\"bnrDetails\":{\"bnrEnabled\":true,\"bnrRegion\":\"us-east\",\"segments\":[{"
    "\"start\":1733211589204,\"end\":null,\"gain\":1.0}],\"sessionKey\":12345678901234567890},"
    "\"currentState\":null,\"currentStateTimestamp\":null,\"joinTimestamp\":1733211589204,"
    "\"lastUpdated\":1733211589204,\"name\":\"Avery Chen\"},"
    "\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\":{\"id\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"pType\":\"Agent\",\"type\":\"Agent\",\"hasJoined\":false,\"hasLeft\":false,"
    "\"isInPredial\":false,\"callerId\":null,\"autoAnswerEnabled\":false,\"bnrDetails\":null,"
    "\"channelId\":\"f5b7d9f1-3a2c-4e6b-8d0f-1c3e5a7b9d24\",\"consultState\":null,"
    "\"consultTimestamp\":null,\"currentState\":\"offered\","
    "\"currentStateTimestamp\":1733211617398,\"deviceCallId\":null,\"deviceId\":null,"
    "\"deviceType\":null,\"dn\":null,\"isConsulted\":false,\"isOffered\":true,\"isWrapUp\":false,"
    "\"isWrappedUp\":false,\"joinTimestamp\":null,\"lastUpdated\":1733211617398,"
    "\"name\":\"Sam Okafor\",\"queueId\":\"3e9b1f7a-2c4d-4e8a-b6f5-9d0c1a2b3e47\","
    "\"queueMgrId\":\"aqm\",\"sessionId\":\"4f5d1c2e-8b3a-4e6f-9d27-1a0c5b7e3f81\","
    "\"siteId\":\"9c4e7a21-3f6b-4d8e-a5c0-7b1d2e9f4a63\",\"skillId\":null,\"skillName\":null,"
    "\"skills\":[],\"teamId\":\"0b2a6d8c-5e1f-4a93-b7c4-2d9e8f6a1b35\","
    "\"teamName\":\"Tier 1 Support\",\"wrapUpTimestamp\":null,\"isAutoAnswering\":false,"
    "\"agentProfileId\":\"d6a9c2f5-8b1e-4d4a-a7c0-3f6b9e2d5c81\",\"channelCapacity\":{"
    "\"telephony\":1.0,\"chat\":[3,2.50,-0,1E+2]},\"mediaSequence\":12345678901234567890}},"
    "\"callAssociatedData\":{\"accountNumber\":{\"agentEditable\":false,\"agentViewable\":true,"
    "\"displayName\":\"Account Number\",\"global\":false,\"isSecure\":false,"
    "\"name\":\"accountNumber\",\"reportable\":true,\"secureKeyId\":\"\",\"secureKeyVersion\":0,"
    "\"type\":\"STRING\",\"value\":\"88120573\"},\"ivrPin\":{\"agentEditable\":false,"
    "\"agentViewable\":false,\"displayName\":\"IVR PIN\",\"global\":false,\"isSecure\":true,"
    "\"name\":\"ivrPin\",\"reportable\":false,"
    "\"secureKeyId\":\"7b0e3a6d-9c2f-4e5b-8a1d-4c7f0b3e6a92\",\"secureKeyVersion\":3,"
    "\"type\":\"STRING\","
    "\"value\":\"eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..k3Wz1w9oq0-example\"},"
    "\"Global_Language\":{\"agentEditable\":true,\"agentViewable\":true,"
    "\"displayName\":\"Language\",\"global\":true,\"isSecure\":false,"
    "\"name\":\"Global_Language\",\"reportable\":true,\"secureKeyId\":\"\","
    "\"secureKeyVersion\":0,\"type\":\"STRING\",\"value\":\"en-US\"}},\"callAssociatedDetails\":{"
    "\"ani\":\"+19725550147\",\"dn\":\"+18005550199\",\"accountNumber\":\"88120573\","
    "\"Global_Language\":\"en-US\"},\"interactionId\":\"0ae913a4-c857-4705-8d49-76dd3dde75e4\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"createdTimestamp\":1733211589204,"
    "\"isWrapUpAssist\":false,\"isMediaForked\":\"false\",\"flowProperties\":{"
    "\"lastSelectedMenu\":\"billing\",\"attempts\":2,\"vip\":false,\"history\":[{"
    "\"node\":\"Menu_1\",\"at\":1733211590012}]},\"mediaProperties\":null,"
    "\"callProcessingDetails\":{\"QMgrName\":\"aqm\",\"taskToBeSelfServiced\":\"false\","
    "\"ani\":\"+19725550147\",\"displayAni\":\"+19725550147\",\"dnis\":\"+18005550199\","
    "\"tenantId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"QueueId\":\"3e9b1f7a-2c4d-4e8a-b6f5-9d0c1a2b3e47\","
    "\"vteamId\":\"3e9b1f7a-2c4d-4e8a-b6f5-9d0c1a2b3e47\",\"pauseResumeEnabled\":\"true\","
    "\"pauseDuration\":\"30\",\"isPaused\":\"false\",\"recordInProgress\":\"false\","
    "\"recordingStarted\":\"false\",\"customerRegion\":\"us-east-1\","
    "\"flowTagId\":\"f3a6c9e2-5b8d-4f1a-b4c7-0e3d6a9c2f58\",\"ctqInProgress\":\"false\","
    "\"outdialTransferToQueueEnabled\":\"false\","
    "\"convIvrTranscript\":\"Caller: I have a question about my bill. "
    "Bot: Connecting you to billing.\","
    "\"customerName\":\"Avery Chen\",\"virtualTeamName\":\"Billing Queue\","
    "\"ronaTimeout\":\"30\",\"category\":\"Billing\",\"reason\":\"Invoice question\","
    "\"sourceNumber\":\"+19725550147\",\"sourcePage\":\"\",\"appUser\":\"\","
    "\"customerNumber\":\"+19725550147\",\"reasonCode\":\"\",\"IvrPath\":\"Main>Billing\","
    "\"pathId\":\"Main_Billing\",\"fromAddress\":\"\",\"monitorType\":\"\","
    "\"workflowName\":\"Billing_Inbound\","
    "\"workflowId\":\"0d3a6f9c-2e5b-4d8a-9f1c-4b7e0a3d6c29\","
    "\"participantInviteTimeout\":\"false\",\"mohFileName\":\"defaultmusic_on_hold.wav\","
    "\"CONTINUE_RECORDING_ON_TRANSFER\":\"true\","
    "\"EP_ID\":\"8a1d4f7b-0e3c-4a6d-9b2f-5c8e1a4d7b09\",\"ROUTING_TYPE\":\"queueBasedRouting\","
    "\"fceRegisteredEvents\":\"\",\"isParked\":\"false\",\"priority\":\"10\","
    "\"routingStrategyId\":\"e9c2f5a8-1b4e-4d7a-8c0f-3a6d9b2e5c74\",\"monitoringState\":\"\","
    "\"BLIND_TRANSFER_IN_PROGRESS\":false,\"fcDesktopView\":\"\"},"
    "\"mainInteractionId\":\"0ae913a4-c857-4705-8d49-76dd3dde75e4\","
    "\"queuedTimestamp\":1733211601377,\"media\":{\"0ae913a4-c857-4705-8d49-76dd3dde75e4\":{"
    "\"mediaResourceId\":\"0ae913a4-c857-4705-8d49-76dd3dde75e4\",\"mediaType\":\"telephony\","
    "\"mediaMgr\":\"vmm\",\"participants\":[\"+19725550147\"],\"mType\":\"mainCall\","
    "\"isHold\":false,\"holdTimestamp\":null}},"
    "\"owner\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\",\"mediaChannel\":\"broadcloud\","
    "\"contactDirection\":{\"type\":\"INBOUND\"},\"outboundType\":\"\",\"workflowManager\":null,"
    "\"callFlowParams\":{\"Queue\":{\"name\":\"Queue\",\"qualifier\":\"vteam\","
    "\"description\":\"(vteam, A valid VTeam.)\",\"valueDataType\":\"string\","
    "\"value\":\"3e9b1f7a-2c4d-4e8a-b6f5-9d0c1a2b3e47\"},\"WelcomePrompt\":{"
    "\"name\":\"WelcomePrompt\",\"qualifier\":\"media file\",\"description\":\"(mediaFile,"
    " A valid media file.)\",\"valueDataType\":\"string\",\"value\":\"welcome_billing.wav\"},"
    "\"Debug\":{}}},\"participantId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"fromOwner\":false,\"toOwner\":true,"
    "\"interactionId\":\"0ae913a4-c857-4705-8d49-76dd3dde75e4\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"owner\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\",\"queueMgr\":\"aqm\","
    "\"queueName\":\"Billing Queue\",\"type\":\"AgentOfferContact\",\"ronaTimeout\":30,"
    "\"isConsulted\":false,\"isConferencing\":false}}";

static void test_contact_offer(void)
{
    wcc_interaction_participant_additional_properties_entry sam_extras[] = {
        { "isAutoAnswering", ANY_TEXT("false") },
        { "agentProfileId", ANY_TEXT("\"d6a9c2f5-8b1e-4d4a-a7c0-3f6b9e2d5c81\"") },
        { "channelCapacity", ANY_TEXT("{\"telephony\":1.0,\"chat\":[3,2.50,-0,1E+2]}") },
        { "mediaSequence", ANY_TEXT("12345678901234567890") },
    };
    wcc_interaction_participants_entry participants[] = {
        { AVERY,
          {
              .id = AVERY,
              .p_type = "Customer",
              .type = "Customer",
              .has_joined = S_BOOL(true),
              .has_left = S_BOOL(false),
              .is_in_predial = S_BOOL(false),
              .caller_id = AVERY,
              .bnr_details = ANY_TEXT("{\"bnrEnabled\":true,\"bnrRegion\":\"us-east\","
                                      "\"segments\":[{\"start\":1733211589204,\"end\":null,"
                                      "\"gain\":1.0}],\"sessionKey\":12345678901234567890}"),
              .current_state_is_null = true,
              .has_current_state_timestamp = true,
              .current_state_timestamp_is_null = true,
              .has_join_timestamp = true,
              .join_timestamp = 1733211589204,
              .has_last_updated = true,
              .last_updated = 1733211589204,
              .name = "Avery Chen",
          } },
        { SAM,
          {
              .id = SAM,
              .p_type = "Agent",
              .type = "Agent",
              .has_joined = S_BOOL(false),
              .has_left = S_BOOL(false),
              .is_in_predial = S_BOOL(false),
              .caller_id_is_null = true,
              .has_auto_answer_enabled = true,
              .auto_answer_enabled = S_BOOL(false),
              .bnr_details = ANY_TEXT("null"),
              .channel_id = TEL_CHANNEL,
              .consult_state_is_null = true,
              .has_consult_timestamp = true,
              .consult_timestamp_is_null = true,
              .current_state = "offered",
              .has_current_state_timestamp = true,
              .current_state_timestamp = 1733211617398,
              .device_call_id_is_null = true,
              .device_id_is_null = true,
              .device_type_is_null = true,
              .dn_is_null = true,
              .has_is_consulted = true,
              .is_consulted = S_BOOL(false),
              .has_is_offered = true,
              .is_offered = S_BOOL(true),
              .has_is_wrap_up = true,
              .is_wrap_up = S_BOOL(false),
              .has_is_wrapped_up = true,
              .is_wrapped_up = S_BOOL(false),
              .has_join_timestamp = true,
              .join_timestamp_is_null = true,
              .has_last_updated = true,
              .last_updated = 1733211617398,
              .name = "Sam Okafor",
              .queue_id = QUEUE,
              .queue_mgr_id = "aqm",
              .session_id = SAM_SESSION,
              .site_id = SITE,
              .skill_id_is_null = true,
              .skill_name_is_null = true,
              .has_skills = true,
              .skills = NO_STRINGS,
              .team_id = TEAM1,
              .team_name = "Tier 1 Support",
              .has_wrap_up_timestamp = true,
              .wrap_up_timestamp_is_null = true,
              .additional_properties = COUNTED(sam_extras),
          } },
    };
    /* Global_Language's desktopAlias is not a CallAssociatedDatum member. */
    wcc_interaction_call_associated_data_entry cad[] = {
        { "accountNumber",
          { .agent_editable = false, .agent_viewable = true, .display_name = "Account Number",
            .global = false, .is_secure = false, .name = "accountNumber", .reportable = true,
            .secure_key_id = "", .secure_key_version = 0, .type = "STRING",
            .value = "88120573" } },
        { "ivrPin",
          { .agent_editable = false, .agent_viewable = false, .display_name = "IVR PIN",
            .global = false, .is_secure = true, .name = "ivrPin", .reportable = false,
            .secure_key_id = "7b0e3a6d-9c2f-4e5b-8a1d-4c7f0b3e6a92", .secure_key_version = 3,
            .type = "STRING",
            .value = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..k3Wz1w9oq0-example" } },
        { "Global_Language",
          { .agent_editable = true, .agent_viewable = true, .display_name = "Language",
            .global = true, .is_secure = false, .name = "Global_Language", .reportable = true,
            .secure_key_id = "", .secure_key_version = 0, .type = "STRING",
            .value = "en-US" } },
    };
    wcc_interaction_call_associated_details_entry cad_details[] = {
        { "ani", AVERY },
        { "dn", "+18005550199" },
        { "accountNumber", "88120573" },
        { "Global_Language", "en-US" },
    };
    wcc_interaction_flow_properties_entry flow_properties[] = {
        { "lastSelectedMenu", ANY_TEXT("\"billing\"") },
        { "attempts", ANY_TEXT("2") },
        { "vip", ANY_TEXT("false") },
        { "history", ANY_TEXT("[{\"node\":\"Menu_1\",\"at\":1733211590012}]") },
    };
    wcc_interaction_media_entry media[] = {
        { CALL,
          { .media_resource_id = CALL,
            .media_type = { WCC_MEDIA_CHANNEL_TELEPHONY, "telephony" },
            .media_mgr = "vmm",
            .participants = STRINGS(AVERY),
            .m_type = "mainCall",
            .is_hold = S_BOOL(false),
            .hold_timestamp_is_null = true } },
    };
    /* "Debug" has none of FlowParameter's members, all optional. */
    wcc_interaction_call_flow_params_entry flow_params[] = {
        { "Queue",
          { .name = "Queue", .qualifier = "vteam", .description = "(vteam, A valid VTeam.)",
            .value_data_type = "string", .value = QUEUE } },
        { "WelcomePrompt",
          { .name = "WelcomePrompt", .qualifier = "media file",
            .description = "(mediaFile, A valid media file.)", .value_data_type = "string",
            .value = "welcome_billing.wav" } },
        { "Debug", { 0 } },
    };
    /* jscriptId and checkAgentAvailability are not declared: ignored. */
    const wcc_interaction_call_processing_details processing = {
        .q_mgr_name = "aqm",
        .task_to_be_self_serviced = S_STR("false"),
        .ani = AVERY,
        .display_ani = AVERY,
        .dnis = "+18005550199",
        .tenant_id = ORG,
        .queue_id = QUEUE,
        .vteam_id = QUEUE,
        .has_pause_resume_enabled = true,
        .pause_resume_enabled = S_STR("true"),
        .pause_duration = "30",
        .has_is_paused = true,
        .is_paused = S_STR("false"),
        .has_record_in_progress = true,
        .record_in_progress = S_STR("false"),
        .has_recording_started = true,
        .recording_started = S_STR("false"),
        .customer_region = "us-east-1",
        .flow_tag_id = "f3a6c9e2-5b8d-4f1a-b4c7-0e3d6a9c2f58",
        .has_ctq_in_progress = true,
        .ctq_in_progress = S_STR("false"),
        .has_outdial_transfer_to_queue_enabled = true,
        .outdial_transfer_to_queue_enabled = S_STR("false"),
        .conv_ivr_transcript =
            "Caller: I have a question about my bill. Bot: Connecting you to billing.",
        .customer_name = "Avery Chen",
        .virtual_team_name = "Billing Queue",
        .rona_timeout = "30",
        .category = "Billing",
        .reason = "Invoice question",
        .source_number = AVERY,
        .source_page = "",
        .app_user = "",
        .customer_number = AVERY,
        .reason_code = "",
        .ivr_path = "Main>Billing",
        .path_id = "Main_Billing",
        .from_address = "",
        .monitor_type = "",
        .workflow_name = "Billing_Inbound",
        .workflow_id = "0d3a6f9c-2e5b-4d8a-9f1c-4b7e0a3d6c29",
        .has_participant_invite_timeout = true,
        .participant_invite_timeout = S_STR("false"),
        .moh_file_name = "defaultmusic_on_hold.wav",
        .has_continue_recording_on_transfer = true,
        .continue_recording_on_transfer = S_STR("true"),
        .ep_id = ENTRY_POINT,
        .routing_type = "queueBasedRouting",
        .fce_registered_events = "",
        .has_is_parked = true,
        .is_parked = S_STR("false"),
        .priority = "10",
        .routing_strategy_id = "e9c2f5a8-1b4e-4d7a-8c0f-3a6d9b2e5c74",
        .monitoring_state = "",
        .has_blind_transfer_in_progress = true,
        .blind_transfer_in_progress = false,
        .fc_desktop_view = "",
    };
    /* data.agentSessionId and data.channelType are not declared: ignored. */
    const wcc_agent_contact want = {
        .org_id = ORG,
        .tracking_id = "notifs_b1d4e7a0-3c6f-4b9e-8a2d-5f0c3e6b9d14",
        .data = {
            .media_resource_id = CALL,
            .event_type = "RoutingMessage",
            .has_event_time = true,
            .event_time = 1733211617402,
            .agent_id = SAM,
            .dest_agent_id = SAM,
            .tracking_id = "575c0ec2-618c-42af-a61c-53aeb0a221ee",
            .consult_media_resource_id = "",
            .interaction = {
                .is_fc_managed = S_BOOL(false),
                .is_terminated = S_BOOL(false),
                .media_type = { WCC_MEDIA_CHANNEL_TELEPHONY, "telephony" },
                .previous_v_teams = STRINGS(ENTRY_POINT),
                .state = "new",
                .current_v_team = QUEUE,
                .participants = COUNTED(participants),
                .has_call_associated_data = true,
                .call_associated_data = COUNTED(cad),
                .has_call_associated_details = true,
                .call_associated_details = COUNTED(cad_details),
                .interaction_id = CALL,
                .org_id = ORG,
                .has_created_timestamp = true,
                .created_timestamp = 1733211589204,
                .has_is_wrap_up_assist = true,
                .is_wrap_up_assist = false,
                .has_is_media_forked = true,
                .is_media_forked = S_STR("false"),
                .has_flow_properties = true,
                .flow_properties = COUNTED(flow_properties),
                .has_media_properties = true,
                .media_properties_is_null = true,
                .call_processing_details = processing,
                .main_interaction_id = CALL,
                .has_queued_timestamp = true,
                .queued_timestamp = 1733211601377,
                .media = COUNTED(media),
                .owner = SAM,
                .media_channel = "broadcloud",
                .contact_direction = { .type = "INBOUND" },
                .outbound_type = "",
                .workflow_manager_is_null = true,
                .has_call_flow_params = true,
                .call_flow_params = COUNTED(flow_params),
            },
            .participant_id = SAM,
            .has_from_owner = true,
            .from_owner = false,
            .has_to_owner = true,
            .to_owner = true,
            .interaction_id = CALL,
            .org_id = ORG,
            .owner = SAM,
            .queue_mgr = "aqm",
            .queue_name = "Billing Queue",
            .type = "AgentOfferContact",
            .has_rona_timeout = true,
            .rona_timeout = 30,
            .has_is_consulted = true,
            .is_consulted = false,
            .is_conferencing = false,
        },
    };
    check_message(&CONTACT, "offer contact", CONTACT_OFFER, &want, CONTACT_OFFER_OUT);
}

/* After a consult transfer: the type lists sent as strings ("false",
 * "true"), participants with fewer members, a string reasonCode. */
static const char CONTACT_WRAPUP[] =
    "{\"type\":\"RoutingMessage\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_1c4f7a0d-3b6e-4c9f-a2d5-8e1b4c7f0a63\",\"data\":{"
    "\"mediaResourceId\":\"0ae913a4-c857-4705-8d49-76dd3dde75e4\","
    "\"eventType\":\"RoutingMessage\",\"eventTime\":1733212310554,"
    "\"agentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"destAgentId\":\"ebeb893b-ba67-4f36-8418-95c7492b28c2\","
    "\"trackingId\":\"WX_CC_SDK_f7a0d3b6-9e2c-4f5a-8d1b-4e7c0a3f6d92\","
    "\"consultMediaResourceId\":\"5d7e2b91-4c6a-4f38-9e1d-8a3b0c7f2e54\",\"interaction\":{"
    "\"isFcManaged\":\"false\",\"isTerminated\":\"false\",\"mediaType\":\"telephony\","
    "\"previousVTeams\":[\"8a1d4f7b-0e3c-4a6d-9b2f-5c8e1a4d7b09\","
    "\"3e9b1f7a-2c4d-4e8a-b6f5-9d0c1a2b3e47\"],\"state\":\"connected\","
    "\"currentVTeam\":\"3e9b1f7a-2c4d-4e8a-b6f5-9d0c1a2b3e47\",\"participants\":{"
    "\"+19725550147\":{\"id\":\"+19725550147\",\"pType\":\"Customer\",\"type\":\"Customer\","
    "\"hasJoined\":true,\"hasLeft\":false,\"isInPredial\":false,\"callerId\":\"+19725550147\","
    "\"name\":\"Avery Chen\"},\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\":{"
    "\"id\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\",\"pType\":\"Agent\",\"type\":\"Agent\","
    "\"hasJoined\":true,\"hasLeft\":true,\"isInPredial\":false,\"consultState\":null,"
    "\"currentState\":\"wrapUp\",\"currentStateTimestamp\":1733212310498,"
    "\"deviceType\":\"BROWSER\",\"isWrapUp\":\"true\",\"isWrappedUp\":\"false\","
    "\"joinTimestamp\":1733211631017,\"lastUpdated\":1733212310498,\"name\":\"Sam Okafor\","
    "\"sessionId\":\"4f5d1c2e-8b3a-4e6f-9d27-1a0c5b7e3f81\",\"wrapUpTimestamp\":1733212310498},"
    "\"ebeb893b-ba67-4f36-8418-95c7492b28c2\":{\"id\":\"ebeb893b-ba67-4f36-8418-95c7492b28c2\","
    "\"pType\":\"Agent\",\"type\":\"Agent\",\"hasJoined\":true,\"hasLeft\":false,"
    "\"isInPredial\":false,\"currentState\":\"connected\","
    "\"currentStateTimestamp\":1733212310490,\"deviceType\":\"AGENT_DN\",\"dn\":\"5021\","
    "\"joinTimestamp\":1733211851236,\"lastUpdated\":1733212310490,\"name\":\"Jordan Kim\","
    "\"sessionId\":\"b7c2e9f4-1a3d-4c8e-9f6b-5d0a2e7c4b18\"}},"
    "\"interactionId\":\"0ae913a4-c857-4705-8d49-76dd3dde75e4\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"createdTimestamp\":1733211589204,"
    "\"callProcessingDetails\":{\"QMgrName\":\"aqm\",\"taskToBeSelfServiced\":\"false\","
    "\"ani\":\"+19725550147\",\"displayAni\":\"+19725550147\",\"dnis\":\"+18005550199\","
    "\"tenantId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"QueueId\":\"3e9b1f7a-2c4d-4e8a-b6f5-9d0c1a2b3e47\","
    "\"vteamId\":\"3e9b1f7a-2c4d-4e8a-b6f5-9d0c1a2b3e47\",\"recordInProgress\":\"true\","
    "\"recordingStarted\":\"true\",\"customerName\":\"Avery Chen\","
    "\"virtualTeamName\":\"Billing Queue\",\"ronaTimeout\":\"30\",\"category\":\"Billing\","
    "\"reason\":\"Invoice question\",\"sourceNumber\":\"+19725550147\",\"sourcePage\":\"\","
    "\"appUser\":\"\",\"customerNumber\":\"+19725550147\",\"reasonCode\":\"\","
    "\"IvrPath\":\"Main>Billing\",\"pathId\":\"Main_Billing\",\"fromAddress\":\"\","
    "\"consultDestinationAgentJoined\":\"true\",\"consultDestinationAgentName\":\"Jordan Kim\","
    "\"BLIND_TRANSFER_IN_PROGRESS\":false},\"media\":{\"0ae913a4-c857-4705-8d49-76dd3dde75e4\":{"
    "\"mediaResourceId\":\"0ae913a4-c857-4705-8d49-76dd3dde75e4\",\"mediaType\":\"telephony\","
    "\"mediaMgr\":\"vmm\",\"participants\":[\"+19725550147\","
    "\"ebeb893b-ba67-4f36-8418-95c7492b28c2\"],\"mType\":\"mainCall\",\"isHold\":false,"
    "\"holdTimestamp\":null}},\"owner\":\"ebeb893b-ba67-4f36-8418-95c7492b28c2\","
    "\"mediaChannel\":\"broadcloud\",\"contactDirection\":{\"type\":\"INBOUND\"},"
    "\"outboundType\":\"CALLBACK\"},\"interactionId\":\"0ae913a4-c857-4705-8d49-76dd3dde75e4\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"owner\":\"ebeb893b-ba67-4f36-8418-95c7492b28c2\",\"queueMgr\":\"aqm\","
    "\"type\":\"AgentWrapup\",\"isConferencing\":false,\"reasonCode\":\"WRAPUP_REQUIRED\","
    "\"reason\":\"Agent transferred the contact\",\"wrapUpRequired\":true,\"wrapUpAuxCodeIds\":["
    "\"2a8f3c5d-6e9b-4a71-8c2d-5f0e1b7a9d46\"]}}";

static void test_contact_wrapup(void)
{
    wcc_interaction_participants_entry participants[] = {
        { AVERY,
          { .id = AVERY, .p_type = "Customer", .type = "Customer",
            .has_joined = S_BOOL(true), .has_left = S_BOOL(false),
            .is_in_predial = S_BOOL(false), .caller_id = AVERY, .name = "Avery Chen" } },
        { SAM,
          { .id = SAM,
            .p_type = "Agent",
            .type = "Agent",
            .has_joined = S_BOOL(true),
            .has_left = S_BOOL(true),
            .is_in_predial = S_BOOL(false),
            .consult_state_is_null = true,
            .current_state = "wrapUp",
            .has_current_state_timestamp = true,
            .current_state_timestamp = 1733212310498,
            .device_type = "BROWSER",
            .has_is_wrap_up = true,
            .is_wrap_up = S_STR("true"),
            .has_is_wrapped_up = true,
            .is_wrapped_up = S_STR("false"),
            .has_join_timestamp = true,
            .join_timestamp = 1733211631017,
            .has_last_updated = true,
            .last_updated = 1733212310498,
            .name = "Sam Okafor",
            .session_id = SAM_SESSION,
            .has_wrap_up_timestamp = true,
            .wrap_up_timestamp = 1733212310498 } },
        { JORDAN,
          { .id = JORDAN,
            .p_type = "Agent",
            .type = "Agent",
            .has_joined = S_BOOL(true),
            .has_left = S_BOOL(false),
            .is_in_predial = S_BOOL(false),
            .current_state = "connected",
            .has_current_state_timestamp = true,
            .current_state_timestamp = 1733212310490,
            .device_type = "AGENT_DN",
            .dn = "5021",
            .has_join_timestamp = true,
            .join_timestamp = 1733211851236,
            .has_last_updated = true,
            .last_updated = 1733212310490,
            .name = "Jordan Kim",
            .session_id = JORDAN_SESSION } },
    };
    wcc_interaction_media_entry media[] = {
        { CALL,
          { .media_resource_id = CALL,
            .media_type = { WCC_MEDIA_CHANNEL_TELEPHONY, "telephony" },
            .media_mgr = "vmm",
            .participants = STRINGS(AVERY, JORDAN),
            .m_type = "mainCall",
            .is_hold = S_BOOL(false),
            .hold_timestamp_is_null = true } },
    };
    const wcc_interaction_call_processing_details processing = {
        .q_mgr_name = "aqm",
        .task_to_be_self_serviced = S_STR("false"),
        .ani = AVERY,
        .display_ani = AVERY,
        .dnis = "+18005550199",
        .tenant_id = ORG,
        .queue_id = QUEUE,
        .vteam_id = QUEUE,
        .has_record_in_progress = true,
        .record_in_progress = S_STR("true"),
        .has_recording_started = true,
        .recording_started = S_STR("true"),
        .customer_name = "Avery Chen",
        .virtual_team_name = "Billing Queue",
        .rona_timeout = "30",
        .category = "Billing",
        .reason = "Invoice question",
        .source_number = AVERY,
        .source_page = "",
        .app_user = "",
        .customer_number = AVERY,
        .reason_code = "",
        .ivr_path = "Main>Billing",
        .path_id = "Main_Billing",
        .from_address = "",
        .has_consult_destination_agent_joined = true,
        .consult_destination_agent_joined = S_STR("true"),
        .consult_destination_agent_name = "Jordan Kim",
        .has_blind_transfer_in_progress = true,
        .blind_transfer_in_progress = false,
    };
    /* wrapUpRequired and wrapUpAuxCodeIds are not declared: ignored. */
    const wcc_agent_contact want = {
        .org_id = ORG,
        .tracking_id = "notifs_1c4f7a0d-3b6e-4c9f-a2d5-8e1b4c7f0a63",
        .data = {
            .media_resource_id = CALL,
            .event_type = "RoutingMessage",
            .has_event_time = true,
            .event_time = 1733212310554,
            .agent_id = SAM,
            .dest_agent_id = JORDAN,
            .tracking_id = "WX_CC_SDK_f7a0d3b6-9e2c-4f5a-8d1b-4e7c0a3f6d92",
            .consult_media_resource_id = CONSULT_CALL,
            .interaction = {
                .is_fc_managed = S_STR("false"),
                .is_terminated = S_STR("false"),
                .media_type = { WCC_MEDIA_CHANNEL_TELEPHONY, "telephony" },
                .previous_v_teams = STRINGS(ENTRY_POINT, QUEUE),
                .state = "connected",
                .current_v_team = QUEUE,
                .participants = COUNTED(participants),
                .interaction_id = CALL,
                .org_id = ORG,
                .has_created_timestamp = true,
                .created_timestamp = 1733211589204,
                .call_processing_details = processing,
                .media = COUNTED(media),
                .owner = JORDAN,
                .media_channel = "broadcloud",
                .contact_direction = { .type = "INBOUND" },
                .outbound_type = "CALLBACK",
            },
            .interaction_id = CALL,
            .org_id = ORG,
            .owner = JORDAN,
            .queue_mgr = "aqm",
            .type = "AgentWrapup",
            .is_conferencing = false,
            .has_reason_code = true,
            .reason_code = S_STR("WRAPUP_REQUIRED"),
            .reason = "Agent transferred the contact",
        },
    };
    /* Encoding leaves out only the members data does not declare. */
    char encoded[FRAME_MAX];
    snprintf(encoded, sizeof encoded, "%s", CONTACT_WRAPUP);
    replace_once(encoded, ",\"wrapUpRequired\":true", "");
    replace_once(encoded, ",\"wrapUpAuxCodeIds\":[\"" AUX_IDLE "\"]", "");
    check_message(&CONTACT, "wrap-up", CONTACT_WRAPUP, &want, encoded);
}

/* A social contact on a channel the enum does not list, with its task (a
 * second Interaction, with empty maps); flowProperties and queuedTimestamp
 * null; a participant's extra member kept. */
static const char CONTACT_INSTAGRAM[] =
    "{\"type\":\"RoutingMessage\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_e0b3d6a9-2c5f-4e8b-91d4-7a0c3f6e9b25\",\"data\":{"
    "\"mediaResourceId\":\"9f2c5e8b-1a4d-4f7c-b0e3-6d9a2c5f8b41\","
    "\"eventType\":\"RoutingMessage\",\"eventTime\":1733213005118,"
    "\"agentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"destAgentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"trackingId\":\"8c1f4a7d-0b3e-4c6a-9f2d-5e8b1c4f7a30\",\"consultMediaResourceId\":\"\","
    "\"interaction\":{\"isFcManaged\":true,\"isTerminated\":false,\"mediaType\":\"instagram\","
    "\"previousVTeams\":[],\"state\":\"new\","
    "\"currentVTeam\":\"6b9e2c5f-8d1a-4b4e-a7f0-3c6e9b2d5a18\",\"participants\":{"
    "\"a4d7b0e3-6f9c-4a2d-b5e8-1c4f7a0d3b69\":{\"id\":\"a4d7b0e3-6f9c-4a2d-b5e8-1c4f7a0d3b69\","
    "\"pType\":\"Customer\",\"type\":\"Customer\",\"hasJoined\":true,\"hasLeft\":false,"
    "\"isInPredial\":false,\"channelId\":\"ig-17841400000000000\","
    "\"socialHandle\":\"@avery.chen\"}},"
    "\"interactionId\":\"9f2c5e8b-1a4d-4f7c-b0e3-6d9a2c5f8b41\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"createdTimestamp\":1733212988470,"
    "\"flowProperties\":null,\"callProcessingDetails\":{\"QMgrName\":\"aqm\","
    "\"taskToBeSelfServiced\":\"false\",\"ani\":\"\",\"displayAni\":\"\",\"dnis\":\"\","
    "\"tenantId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"QueueId\":\"6b9e2c5f-8d1a-4b4e-a7f0-3c6e9b2d5a18\","
    "\"vteamId\":\"6b9e2c5f-8d1a-4b4e-a7f0-3c6e9b2d5a18\",\"customerName\":\"Avery Chen\","
    "\"virtualTeamName\":\"Social Queue\",\"ronaTimeout\":\"60\",\"category\":\"\","
    "\"reason\":\"\",\"sourceNumber\":\"\",\"sourcePage\":\"\",\"appUser\":\"\","
    "\"customerNumber\":\"\",\"reasonCode\":\"\",\"IvrPath\":\"\",\"pathId\":\"\","
    "\"fromAddress\":\"@avery.chen\"},\"queuedTimestamp\":null,\"media\":{"
    "\"9f2c5e8b-1a4d-4f7c-b0e3-6d9a2c5f8b41\":{"
    "\"mediaResourceId\":\"9f2c5e8b-1a4d-4f7c-b0e3-6d9a2c5f8b41\",\"mediaType\":\"instagram\","
    "\"mediaMgr\":\"digitalmm\",\"participants\":[\"a4d7b0e3-6f9c-4a2d-b5e8-1c4f7a0d3b69\"],"
    "\"mType\":\"mainCall\",\"isHold\":false,\"holdTimestamp\":null}},"
    "\"owner\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\",\"mediaChannel\":\"instagram\","
    "\"contactDirection\":{\"type\":\"INBOUND\"}},"
    "\"interactionId\":\"9f2c5e8b-1a4d-4f7c-b0e3-6d9a2c5f8b41\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"owner\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\",\"queueMgr\":\"aqm\","
    "\"queueName\":\"Social Queue\",\"type\":\"AgentOfferContact\",\"ronaTimeout\":60,"
    "\"isConferencing\":false,\"taskId\":\"9f2c5e8b-1a4d-4f7c-b0e3-6d9a2c5f8b41\",\"task\":{"
    "\"isFcManaged\":true,\"isTerminated\":false,\"mediaType\":\"instagram\",\"previousVTeams\":["
    "],\"state\":\"new\",\"currentVTeam\":\"6b9e2c5f-8d1a-4b4e-a7f0-3c6e9b2d5a18\","
    "\"participants\":{},\"interactionId\":\"9f2c5e8b-1a4d-4f7c-b0e3-6d9a2c5f8b41\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"callProcessingDetails\":{"
    "\"QMgrName\":\"aqm\",\"taskToBeSelfServiced\":\"false\",\"ani\":\"\",\"displayAni\":\"\","
    "\"dnis\":\"\",\"tenantId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"QueueId\":\"6b9e2c5f-8d1a-4b4e-a7f0-3c6e9b2d5a18\","
    "\"vteamId\":\"6b9e2c5f-8d1a-4b4e-a7f0-3c6e9b2d5a18\",\"customerName\":\"Avery Chen\","
    "\"virtualTeamName\":\"Social Queue\",\"ronaTimeout\":\"60\",\"category\":\"\","
    "\"reason\":\"\",\"sourceNumber\":\"\",\"sourcePage\":\"\",\"appUser\":\"\","
    "\"customerNumber\":\"\",\"reasonCode\":\"\",\"IvrPath\":\"\",\"pathId\":\"\","
    "\"fromAddress\":\"@avery.chen\"},\"media\":{},"
    "\"owner\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\",\"mediaChannel\":\"instagram\","
    "\"contactDirection\":{\"type\":\"INBOUND\"}},\"channelType\":\"social\"}}";

#define IG_CONTACT "9f2c5e8b-1a4d-4f7c-b0e3-6d9a2c5f8b41"
#define IG_CUSTOMER "a4d7b0e3-6f9c-4a2d-b5e8-1c4f7a0d3b69"
#define SOCIAL_QUEUE "6b9e2c5f-8d1a-4b4e-a7f0-3c6e9b2d5a18"
static void test_contact_instagram(void)
{
    wcc_interaction_participant_additional_properties_entry customer_extras[] = {
        { "socialHandle", ANY_TEXT("\"@avery.chen\"") },
    };
    wcc_interaction_participants_entry participants[] = {
        { IG_CUSTOMER,
          { .id = IG_CUSTOMER, .p_type = "Customer", .type = "Customer",
            .has_joined = S_BOOL(true), .has_left = S_BOOL(false),
            .is_in_predial = S_BOOL(false), .channel_id = "ig-17841400000000000",
            .additional_properties = COUNTED(customer_extras) } },
    };
    wcc_interaction_media_entry media[] = {
        { IG_CONTACT,
          { .media_resource_id = IG_CONTACT,
            .media_type = { 0, "instagram" },
            .media_mgr = "digitalmm",
            .participants = STRINGS(IG_CUSTOMER),
            .m_type = "mainCall",
            .is_hold = S_BOOL(false),
            .hold_timestamp_is_null = true } },
    };
    const wcc_interaction_call_processing_details processing = {
        .q_mgr_name = "aqm",
        .task_to_be_self_serviced = S_STR("false"),
        .ani = "",
        .display_ani = "",
        .dnis = "",
        .tenant_id = ORG,
        .queue_id = SOCIAL_QUEUE,
        .vteam_id = SOCIAL_QUEUE,
        .customer_name = "Avery Chen",
        .virtual_team_name = "Social Queue",
        .rona_timeout = "60",
        .category = "",
        .reason = "",
        .source_number = "",
        .source_page = "",
        .app_user = "",
        .customer_number = "",
        .reason_code = "",
        .ivr_path = "",
        .path_id = "",
        .from_address = "@avery.chen",
    };
    const wcc_agent_contact want = {
        .org_id = ORG,
        .tracking_id = "notifs_e0b3d6a9-2c5f-4e8b-91d4-7a0c3f6e9b25",
        .data = {
            .media_resource_id = IG_CONTACT,
            .event_type = "RoutingMessage",
            .has_event_time = true,
            .event_time = 1733213005118,
            .agent_id = SAM,
            .dest_agent_id = SAM,
            .tracking_id = "8c1f4a7d-0b3e-4c6a-9f2d-5e8b1c4f7a30",
            .consult_media_resource_id = "",
            .interaction = {
                .is_fc_managed = S_BOOL(true),
                .is_terminated = S_BOOL(false),
                .media_type = { 0, "instagram" },
                .previous_v_teams = NO_STRINGS,
                .state = "new",
                .current_v_team = SOCIAL_QUEUE,
                .participants = COUNTED(participants),
                .interaction_id = IG_CONTACT,
                .org_id = ORG,
                .has_created_timestamp = true,
                .created_timestamp = 1733212988470,
                .has_flow_properties = true,
                .flow_properties_is_null = true,
                .call_processing_details = processing,
                .has_queued_timestamp = true,
                .queued_timestamp_is_null = true,
                .media = COUNTED(media),
                .owner = SAM,
                .media_channel = "instagram",
                .contact_direction = { .type = "INBOUND" },
            },
            .interaction_id = IG_CONTACT,
            .org_id = ORG,
            .owner = SAM,
            .queue_mgr = "aqm",
            .queue_name = "Social Queue",
            .type = "AgentOfferContact",
            .has_rona_timeout = true,
            .rona_timeout = 60,
            .is_conferencing = false,
            .task_id = IG_CONTACT,
            .has_task = true,
            .task = {
                .is_fc_managed = S_BOOL(true),
                .is_terminated = S_BOOL(false),
                .media_type = { 0, "instagram" },
                .previous_v_teams = NO_STRINGS,
                .state = "new",
                .current_v_team = SOCIAL_QUEUE,
                .participants = { NULL, 0 },
                .interaction_id = IG_CONTACT,
                .org_id = ORG,
                .call_processing_details = processing,
                .media = { NULL, 0 },
                .owner = SAM,
                .media_channel = "instagram",
                .contact_direction = { .type = "INBOUND" },
            },
        },
    };
    char encoded[FRAME_MAX];
    snprintf(encoded, sizeof encoded, "%s", CONTACT_INSTAGRAM);
    replace_once(encoded, ",\"channelType\":\"social\"", "");
    check_message(&CONTACT, "instagram offer with task", CONTACT_INSTAGRAM, &want, encoded);
}

START_TEST(test_agent_contact)
{
    test_contact_offer();
    test_contact_wrapup();
    test_contact_instagram();
}
END_TEST

/* ---- Frames made from a template ----
 * A template is a canonical frame (members in schema order, compact, only
 * declared members), so encoding what it decodes to gives it back byte for
 * byte. Each @N in it is slot N, replaced by a member's text or its default. */

enum { SLOTS = 10 };

typedef struct frame_template {
    const char *type_name; /* the alternative's own type, in the registry */
    const char *text;
    const char *defaults[SLOTS];
} frame_template;

/* The required members of callProcessingDetails, in schema order. */
#define PROCESSING_REQUIRED                                                                  \
    "{\"QMgrName\":\"aqm\",\"taskToBeSelfServiced\":\"false\",\"ani\":\"" AVERY "\","         \
    "\"displayAni\":\"" AVERY "\",\"dnis\":\"+18005550199\",\"tenantId\":\"" ORG "\","        \
    "\"QueueId\":\"" QUEUE "\",\"vteamId\":\"" QUEUE "\",\"customerName\":\"Avery Chen\","    \
    "\"virtualTeamName\":\"Billing Queue\",\"ronaTimeout\":\"30\",\"category\":\"\","         \
    "\"reason\":\"\",\"sourceNumber\":\"" AVERY "\",\"sourcePage\":\"\",\"appUser\":\"\","    \
    "\"customerNumber\":\"" AVERY "\",\"reasonCode\":\"\",\"IvrPath\":\"\",\"pathId\":\"\","  \
    "\"fromAddress\":\"\"}"

/* An offer with one participant and one media entry. Slots: 0 interaction
 * mediaType, 1 callerId, 2 bnrDetails, 3 consultTimestamp (then the
 * participant's extra members), 4 flowProperties / mediaProperties, 5
 * queuedTimestamp, 6 the media entry's mediaType, 7 its holdTimestamp, 8
 * workflowManager, 9 data.type. */
static const frame_template CONTACT_T = {
    "wcc_agent_contact",
    "{\"type\":\"RoutingMessage\",\"orgId\":\"" ORG "\",\"trackingId\":\"notifs_b1d4e7a0\","
    "\"data\":{\"mediaResourceId\":\"" CALL "\",\"eventType\":\"RoutingMessage\","
    "\"agentId\":\"" SAM "\",\"destAgentId\":\"" SAM "\",\"trackingId\":\"575c0ec2\","
    "\"consultMediaResourceId\":\"\",\"interaction\":{\"isFcManaged\":false,"
    "\"isTerminated\":false,\"mediaType\":@0,\"previousVTeams\":[],\"state\":\"new\","
    "\"currentVTeam\":\"" QUEUE "\",\"participants\":{\"" AVERY "\":{\"id\":\"" AVERY "\","
    "\"pType\":\"Customer\",\"type\":\"Customer\",\"hasJoined\":true,\"hasLeft\":false,"
    "\"isInPredial\":false@1@2@3}},\"interactionId\":\"" CALL "\",\"orgId\":\"" ORG "\","
    "@4\"callProcessingDetails\":" PROCESSING_REQUIRED ",@5\"media\":{\"" CALL "\":{"
    "\"mediaResourceId\":\"" CALL "\",\"mediaType\":@6,\"mediaMgr\":\"vmm\","
    "\"participants\":[\"" AVERY "\"],\"mType\":\"mainCall\",\"isHold\":false@7}},"
    "\"owner\":\"" SAM "\",\"mediaChannel\":\"broadcloud\","
    "\"contactDirection\":{\"type\":\"INBOUND\"}@8},\"interactionId\":\"" CALL "\","
    "\"orgId\":\"" ORG "\",\"owner\":\"" SAM "\",\"queueMgr\":\"aqm\",\"type\":@9,"
    "\"isConferencing\":false}}",
    { "\"telephony\"", "", "", "", "", "", "\"telephony\"", ",\"holdTimestamp\":null", "",
      "\"AgentOfferContact\"" },
};

/* A relogin. Slots: 0 deviceType, 1 deviceId. */
static const frame_template RELOGIN_T = {
    "wcc_relogin_success",
    "{\"type\":\"AgentReloginSuccess\",\"orgId\":\"" ORG "\",\"trackingId\":\"notifs_5e8a1c4f\","
    "\"data\":{\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"" MARIA "\","
    "\"trackingId\":\"c8e1a4d7\",\"auxCodeId\":\"" AUX_MEETING "\",\"teamId\":\"" TEAM2 "\","
    "\"agentSessionId\":\"" MARIA_SESSION "\",\"dn\":\"+14085550123\",\"orgId\":\"" ORG "\","
    "\"interactionIds\":[],\"isExtension\":false,\"status\":\"LoggedIn\","
    "\"subStatus\":\"Idle\",\"siteId\":\"" SITE "\",\"lastIdleCodeChangeTimestamp\":1733208011530,"
    "\"lastStateChangeTimestamp\":1733208011530,\"profileType\":\"BLENDED_REALTIME\","
    "\"channelsMap\":{}@0@1,\"type\":\"AgentReloginSuccess\"}}",
    { ",\"deviceType\":\"AGENT_DN\"", "" },
};

/* A state change. Slot 0: changedBy. */
static const frame_template STATE_T = {
    "wcc_state_change_success",
    "{\"type\":\"AgentStateChange\",\"orgId\":\"" ORG "\",\"trackingId\":\"notifs_7a0d3f6b\","
    "\"data\":{\"eventType\":\"AgentDesktopMessage\",\"agentId\":\"" MARIA "\","
    "\"trackingId\":\"WX_CC_SDK_0e5b8d1a\",\"auxCodeId\":\"" AUX_IDLE "\","
    "\"agentSessionId\":\"" MARIA_SESSION "\",\"orgId\":\"" ORG "\",\"status\":\"LoggedIn\","
    "\"subStatus\":\"Idle\",\"lastIdleCodeChangeTimestamp\":1733212045918,"
    "\"lastStateChangeTimestamp\":1733212045918,\"type\":\"AgentStateChangeSuccess\"@0,"
    "\"changedById\":\"" MARIA "\",\"changedByName\":null,\"lastStateChangeReason\":\"Lunch\"}}",
    { ",\"changedBy\":\"AGENT\"" },
};

/* Writes the template with slot `slot` (-1: none) set to `text`. */
static const char *fill(char *out, const frame_template *t, int slot, const char *text)
{
    size_t n = 0;
    for (const char *p = t->text; *p != '\0'; p++) {
        const char *piece = p;
        size_t len = 1;
        if (*p == '@') {
            int i = p[1] - '0';
            ck_assert(i >= 0 && i < SLOTS);
            piece = i == slot ? text : t->defaults[i];
            ck_assert_ptr_nonnull(piece);
            len = strlen(piece);
            p++;
        }
        ck_assert_uint_lt(n + len, FRAME_MAX);
        memcpy(out + n, piece, len);
        n += len;
    }
    out[n] = '\0';
    return out;
}

/* Decodes a canonical frame both ways, has check look at the result, and
 * round-trips it: both encode to exactly the frame, which decodes to an
 * equal message that check accepts again. */
typedef void (*message_check)(const char *label, const message_t *m, int arg);

static void check_canonical(const char *label, const char *type_name, const char *frame,
                            message_check check, int arg)
{
    message_t m, back;
    wcc_error err;
    size_t len, own_len;
    char at[LABEL_MAX];

    decode_ok(label, frame, &m);
    check(label, &m, arg);
    char *text = encode_message(label, &m, &len);
    expect_text(label, text, frame);
    snprintf(at, sizeof at, "%s (round trip)", label);
    decode_ok(at, text, &back);
    check(at, &back, arg);
    ck_assert_msg(wcc_agent_desktop_message_equal(&m, &back) &&
                      wcc_agent_desktop_message_equal(&back, &m),
                  "%s: not equal after the round trip", label);

    const wcc_message_type *type = registry_type(type_name);
    void *own = malloc(type->size);
    ck_assert_ptr_nonnull(own);
    ck_assert_msg(decode_own(type, frame, strlen(frame), own, &err) == WCC_OK,
                  "%s: %s decode: %s at \"%s\": %s", label, type_name,
                  wcc_status_name(err.code), err.path, err.message);
    ck_assert_msg(type->equal(own, &m.as), "%s: the own decode differs", label);
    char *own_text = type->encode(own, &own_len, NULL, &err);
    ck_assert_ptr_nonnull(own_text);
    snprintf(at, sizeof at, "%s (%s)", label, type_name);
    expect_text(at, own_text, frame);

    free(own_text);
    type->free(own);
    free(own);
    free(text);
    wcc_agent_desktop_message_free(&back);
    wcc_agent_desktop_message_free(&m);
}

/* ---- Null, absent and set, for every nullable kind ---- */

typedef enum presence { ABSENT, NULLED, SET } presence;

static const char *const PRESENCE_NAMES[] = { "absent", "null", "set" };

static const wcc_agent_contact_data *contact_data(const char *label, const message_t *m)
{
    ck_assert_msg(m->kind == WCC_AGENT_DESKTOP_MESSAGE_AGENT_CONTACT, "%s: kind %d", label,
                  m->kind);
    return &m->as.agent_contact.data;
}

static const wcc_interaction_participant *the_participant(const char *label, const message_t *m)
{
    const wcc_interaction_participants *p = &contact_data(label, m)->interaction.participants;
    ck_assert_uint_eq(p->count, 1);
    ck_assert_str_eq(p->entries[0].key, AVERY);
    return &p->entries[0].value;
}

static const wcc_media_entry *the_media_entry(const char *label, const message_t *m)
{
    const wcc_interaction_media *media = &contact_data(label, m)->interaction.media;
    ck_assert_uint_eq(media->count, 1);
    ck_assert_str_eq(media->entries[0].key, CALL);
    return &media->entries[0].value;
}

/* A nullable string (required or pointer rule): NULL and not null when
 * absent, NULL and null when null, the text otherwise. */
static void expect_nullable_string(const char *label, const char *value, bool is_null,
                                   presence p, const char *want)
{
    ck_assert_msg(is_null == (p == NULLED), "%s: is_null %d", label, is_null);
    same_str(label, PRESENCE_NAMES[p], value, p == SET ? want : NULL);
}

/* An optional nullable non-pointer: has_ says present, _is_null null. */
static void expect_optional_flags(const char *label, bool has, bool is_null, presence p)
{
    ck_assert_msg(has == (p != ABSENT), "%s: has %d", label, has);
    ck_assert_msg(is_null == (p == NULLED), "%s: is_null %d", label, is_null);
}

static void check_caller_id(const char *label, const message_t *m, int p)
{
    const wcc_interaction_participant *x = the_participant(label, m);
    expect_nullable_string(label, x->caller_id, x->caller_id_is_null, p, AVERY);
}

static void check_empty_caller_id(const char *label, const message_t *m, int p)
{
    const wcc_interaction_participant *x = the_participant(label, m);
    expect_nullable_string(label, x->caller_id, x->caller_id_is_null, p, "");
}

static void check_consult_timestamp(const char *label, const message_t *m, int p)
{
    const wcc_interaction_participant *x = the_participant(label, m);
    expect_optional_flags(label, x->has_consult_timestamp, x->consult_timestamp_is_null, p);
    same_int(label, "consultTimestamp", x->consult_timestamp, p == SET ? 1733211842655 : 0);
}

static void check_bnr_details(const char *label, const message_t *m, int p)
{
    static const char *const want[] = { NULL, "null", "{\"recording\":{\"enabled\":true}}" };
    const wcc_interaction_participant *x = the_participant(label, m);
    same_any(label, "bnrDetails", x->bnr_details, want[p] ? ANY_TEXT(want[p]) : NULL);
}

static void check_flow_properties(const char *label, const message_t *m, int p)
{
    const wcc_interaction *x = &contact_data(label, m)->interaction;
    expect_optional_flags(label, x->has_flow_properties, x->flow_properties_is_null, p);
    ck_assert_uint_eq(x->flow_properties.count, p == SET ? 2 : 0);
    if (p == SET) {
        ck_assert_str_eq(x->flow_properties.entries[0].key, "attempts");
        same_any(label, "attempts", x->flow_properties.entries[0].value, ANY_TEXT("2"));
        ck_assert_str_eq(x->flow_properties.entries[1].key, "vip");
        same_any(label, "vip", x->flow_properties.entries[1].value, ANY_TEXT("false"));
    }
    /* mediaProperties, its neighbour, stays absent. */
    expect_optional_flags(label, x->has_media_properties, x->media_properties_is_null, ABSENT);
}

static void check_media_properties(const char *label, const message_t *m, int p)
{
    const wcc_interaction *x = &contact_data(label, m)->interaction;
    expect_optional_flags(label, x->has_media_properties, x->media_properties_is_null, p);
    ck_assert_uint_eq(x->media_properties.count, p == SET ? 1 : 0);
    if (p == SET) {
        ck_assert_str_eq(x->media_properties.entries[0].key, "codec");
        same_any(label, "codec", x->media_properties.entries[0].value, ANY_TEXT("\"OPUS\""));
    }
    expect_optional_flags(label, x->has_flow_properties, x->flow_properties_is_null, ABSENT);
}

static void check_queued_timestamp(const char *label, const message_t *m, int p)
{
    const wcc_interaction *x = &contact_data(label, m)->interaction;
    expect_optional_flags(label, x->has_queued_timestamp, x->queued_timestamp_is_null, p);
    same_int(label, "queuedTimestamp", x->queued_timestamp, p == SET ? 1733211601377 : 0);
}

static void check_hold_timestamp(const char *label, const message_t *m, int p)
{
    const wcc_media_entry *x = the_media_entry(label, m);
    ck_assert_msg(x->hold_timestamp_is_null == (p == NULLED), "%s: is_null", label);
    same_int(label, "holdTimestamp", x->hold_timestamp, p == SET ? 1733211840021 : 0);
}

/* 0 is a value, not null. */
static void check_hold_timestamp_zero(const char *label, const message_t *m, int p)
{
    const wcc_media_entry *x = the_media_entry(label, m);
    ck_assert(p == SET && !x->hold_timestamp_is_null);
    same_int(label, "holdTimestamp", x->hold_timestamp, 0);
}

static void check_workflow_manager(const char *label, const message_t *m, int p)
{
    const wcc_interaction *x = &contact_data(label, m)->interaction;
    expect_nullable_string(label, x->workflow_manager, x->workflow_manager_is_null, p,
                           "wfm-us-east-2");
}

static void check_device_id(const char *label, const message_t *m, int p)
{
    ck_assert_int_eq(m->kind, WCC_AGENT_DESKTOP_MESSAGE_RELOGIN_SUCCESS);
    const wcc_relogin_success_data *x = &m->as.relogin_success.data;
    expect_nullable_string(label, x->device_id, x->device_id_is_null, p, "SEP00A1B2C3D4E5");
}

static void check_changed_by(const char *label, const message_t *m, int p)
{
    ck_assert_int_eq(m->kind, WCC_AGENT_DESKTOP_MESSAGE_STATE_CHANGE_SUCCESS);
    const wcc_state_change_success_data *x = &m->as.state_change_success.data;
    expect_nullable_string(label, x->changed_by, x->changed_by_is_null, p, "SUPERVISOR");
    /* Its neighbours are untouched. */
    ck_assert(x->changed_by_name_is_null && x->changed_by_name == NULL);
    ck_assert(!x->changed_by_id_is_null && strcmp(x->changed_by_id, MARIA) == 0);
}

typedef struct nullable_case {
    const char *label;
    const frame_template *tmpl;
    int slot;
    const char *member; /* the slot's text */
    presence presence;
    message_check check;
} nullable_case;

static const nullable_case NULLABLES[] = {
    /* InteractionParticipant.callerId: optional nullable string. */
    { "callerId absent", &CONTACT_T, 1, "", ABSENT, check_caller_id },
    { "callerId null", &CONTACT_T, 1, ",\"callerId\":null", NULLED, check_caller_id },
    { "callerId set", &CONTACT_T, 1, ",\"callerId\":\"" AVERY "\"", SET, check_caller_id },
    { "callerId empty", &CONTACT_T, 1, ",\"callerId\":\"\"", SET, check_empty_caller_id },
    /* InteractionParticipant.consultTimestamp: optional nullable integer. */
    { "consultTimestamp absent", &CONTACT_T, 3, "", ABSENT, check_consult_timestamp },
    { "consultTimestamp null", &CONTACT_T, 3, ",\"consultTimestamp\":null", NULLED,
      check_consult_timestamp },
    { "consultTimestamp set", &CONTACT_T, 3, ",\"consultTimestamp\":1733211842655", SET,
      check_consult_timestamp },
    /* InteractionParticipant.bnrDetails: an any value (pointer rule). */
    { "bnrDetails absent", &CONTACT_T, 2, "", ABSENT, check_bnr_details },
    { "bnrDetails null", &CONTACT_T, 2, ",\"bnrDetails\":null", NULLED, check_bnr_details },
    { "bnrDetails set", &CONTACT_T, 2, ",\"bnrDetails\":{\"recording\":{\"enabled\":true}}",
      SET, check_bnr_details },
    /* Interaction.flowProperties / mediaProperties: optional nullable maps. */
    { "flowProperties absent", &CONTACT_T, 4, "", ABSENT, check_flow_properties },
    { "flowProperties null", &CONTACT_T, 4, "\"flowProperties\":null,", NULLED,
      check_flow_properties },
    { "flowProperties set", &CONTACT_T, 4, "\"flowProperties\":{\"attempts\":2,\"vip\":false},",
      SET, check_flow_properties },
    { "mediaProperties absent", &CONTACT_T, 4, "", ABSENT, check_media_properties },
    { "mediaProperties null", &CONTACT_T, 4, "\"mediaProperties\":null,", NULLED,
      check_media_properties },
    { "mediaProperties set", &CONTACT_T, 4, "\"mediaProperties\":{\"codec\":\"OPUS\"},", SET,
      check_media_properties },
    /* Interaction.queuedTimestamp: optional nullable integer. */
    { "queuedTimestamp absent", &CONTACT_T, 5, "", ABSENT, check_queued_timestamp },
    { "queuedTimestamp null", &CONTACT_T, 5, "\"queuedTimestamp\":null,", NULLED,
      check_queued_timestamp },
    { "queuedTimestamp set", &CONTACT_T, 5, "\"queuedTimestamp\":1733211601377,", SET,
      check_queued_timestamp },
    /* MediaEntry.holdTimestamp: required nullable integer (absent is an
     * error: see INNER). */
    { "holdTimestamp null", &CONTACT_T, 7, ",\"holdTimestamp\":null", NULLED,
      check_hold_timestamp },
    { "holdTimestamp set", &CONTACT_T, 7, ",\"holdTimestamp\":1733211840021", SET,
      check_hold_timestamp },
    { "holdTimestamp 0", &CONTACT_T, 7, ",\"holdTimestamp\":0", SET,
      check_hold_timestamp_zero },
    /* Interaction.workflowManager: optional nullable string. */
    { "workflowManager absent", &CONTACT_T, 8, "", ABSENT, check_workflow_manager },
    { "workflowManager null", &CONTACT_T, 8, ",\"workflowManager\":null", NULLED,
      check_workflow_manager },
    { "workflowManager set", &CONTACT_T, 8, ",\"workflowManager\":\"wfm-us-east-2\"", SET,
      check_workflow_manager },
    /* ReloginSuccess deviceId: optional nullable string. */
    { "deviceId absent", &RELOGIN_T, 1, "", ABSENT, check_device_id },
    { "deviceId null", &RELOGIN_T, 1, ",\"deviceId\":null", NULLED, check_device_id },
    { "deviceId set", &RELOGIN_T, 1, ",\"deviceId\":\"SEP00A1B2C3D4E5\"", SET,
      check_device_id },
    /* StateChangeSuccess changedBy: required nullable string (absent: see
     * INNER). */
    { "changedBy null", &STATE_T, 0, ",\"changedBy\":null", NULLED, check_changed_by },
    { "changedBy set", &STATE_T, 0, ",\"changedBy\":\"SUPERVISOR\"", SET, check_changed_by },
};

START_TEST(test_nullable)
{
    const nullable_case *c = &NULLABLES[_i];
    char frame[FRAME_MAX];
    fill(frame, c->tmpl, c->slot, c->member);
    check_canonical(c->label, c->tmpl->type_name, frame, c->check, (int)c->presence);
}
END_TEST

/* ---- Open enums: known values get their constant, others are kept ---- */

static void check_interaction_media_type(const char *label, const message_t *m, int known)
{
    const wcc_media_channel_open *x = &contact_data(label, m)->interaction.media_type;
    same_int(label, "mediaType.known", x->known, known);
}

static void check_entry_media_type(const char *label, const message_t *m, int known)
{
    same_int(label, "mediaType.known", the_media_entry(label, m)->media_type.known, known);
}

static void check_device_type(const char *label, const message_t *m, int known)
{
    ck_assert_int_eq(m->kind, WCC_AGENT_DESKTOP_MESSAGE_RELOGIN_SUCCESS);
    const wcc_relogin_success_data *x = &m->as.relogin_success.data;
    ck_assert(x->has_device_type);
    same_int(label, "deviceType.known", x->device_type.known, known);
}

/* The text of the open enum a check looked at: checked separately. */
static const char *open_text(const message_t *m, message_check check)
{
    if (check == check_device_type)
        return m->as.relogin_success.data.device_type.text;
    if (check == check_entry_media_type)
        return m->as.agent_contact.data.interaction.media.entries[0].value.media_type.text;
    return m->as.agent_contact.data.interaction.media_type.text;
}

typedef struct open_case {
    const frame_template *tmpl;
    int slot;
    const char *text;  /* the value, as sent */
    int known;         /* the constant, 0 for none */
    message_check check;
} open_case;

static const open_case OPEN_ENUMS[] = {
    { &CONTACT_T, 0, "telephony", WCC_MEDIA_CHANNEL_TELEPHONY, check_interaction_media_type },
    { &CONTACT_T, 0, "email", WCC_MEDIA_CHANNEL_EMAIL, check_interaction_media_type },
    { &CONTACT_T, 0, "whatsapp", WCC_MEDIA_CHANNEL_WHATSAPP, check_interaction_media_type },
    { &CONTACT_T, 0, "instagram", 0, check_interaction_media_type },
    { &CONTACT_T, 0, "Telephony", 0, check_interaction_media_type },
    { &CONTACT_T, 0, "", 0, check_interaction_media_type },
    { &CONTACT_T, 0, "t\xc3\xa9l\xc3\xa9phonie", 0, check_interaction_media_type },
    { &CONTACT_T, 6, "chat", WCC_MEDIA_CHANNEL_CHAT, check_entry_media_type },
    { &CONTACT_T, 6, "sms", WCC_MEDIA_CHANNEL_SMS, check_entry_media_type },
    { &CONTACT_T, 6, "instagram", 0, check_entry_media_type },
    { &RELOGIN_T, 0, "AGENT_DN", WCC_DEVICE_TYPE_AGENT_DN, check_device_type },
    { &RELOGIN_T, 0, "EXTENSION", WCC_DEVICE_TYPE_EXTENSION, check_device_type },
    { &RELOGIN_T, 0, "BROWSER", WCC_DEVICE_TYPE_BROWSER, check_device_type },
    { &RELOGIN_T, 0, "CUSTOM_PHONE", 0, check_device_type },
    { &RELOGIN_T, 0, "agent_dn", 0, check_device_type },
};

START_TEST(test_open_enum)
{
    const open_case *c = &OPEN_ENUMS[_i];
    char member[128], frame[FRAME_MAX], label[LABEL_MAX];
    snprintf(member, sizeof member, c->tmpl == &RELOGIN_T ? ",\"deviceType\":\"%s\"" : "\"%s\"",
             c->text);
    fill(frame, c->tmpl, c->slot, member);
    snprintf(label, sizeof label, "open enum \"%s\" (slot %d)", c->text, c->slot);
    check_canonical(label, c->tmpl->type_name, frame, c->check, c->known);

    /* The text is kept verbatim, known value or not. */
    message_t m;
    decode_ok(label, frame, &m);
    same_str(label, "text", open_text(&m, c->check), c->text);
    wcc_agent_desktop_message_free(&m);
}
END_TEST

/* Encode writes the constant when there is one, whatever the text says, and
 * equal compares what each would write. */
START_TEST(test_open_enum_encode)
{
    char frame[FRAME_MAX];
    message_t m, other;
    size_t len;
    fill(frame, &RELOGIN_T, 0, ",\"deviceType\":\"CUSTOM_PHONE\"");
    decode_ok("custom phone", frame, &m);
    decode_ok("custom phone", frame, &other);
    wcc_device_type_open *device = &m.as.relogin_success.data.device_type;
    ck_assert_int_eq(device->known, 0);
    device->known = WCC_DEVICE_TYPE_EXTENSION;
    ck_assert(!wcc_agent_desktop_message_equal(&m, &other));
    char *text = encode_message("known set", &m, &len);
    char want[FRAME_MAX];
    expect_text("known set", text, fill(want, &RELOGIN_T, 0, ",\"deviceType\":\"EXTENSION\""));
    free(text);
    other.as.relogin_success.data.device_type.text = "EXTENSION";
    ck_assert(wcc_agent_desktop_message_equal(&m, &other));
    ck_assert(wcc_agent_desktop_message_equal(&other, &m));
    wcc_agent_desktop_message_free(&m);
    wcc_agent_desktop_message_free(&other);
}
END_TEST

/* ---- Type lists: each JSON type the list allows, kept as sent ---- */

typedef struct type_list_case {
    const char *from; /* in CONTACT_T, replaced by to */
    const char *to;
    bool reason_code; /* the value is data.reasonCode, else the participant's hasJoined */
    wcc_scalar want;
} type_list_case;

#define HAS_JOINED(text, value) { "\"hasJoined\":true", "\"hasJoined\":" text, false, value }
#define REASON_CODE(text, value)                                                          \
    { "\"isConferencing\":false}}", "\"isConferencing\":false,\"reasonCode\":" text "}}", true, \
      value }

static const type_list_case TYPE_LISTS[] = {
    /* [boolean, string] */
    HAS_JOINED("true", S_BOOL(true)),
    HAS_JOINED("false", S_BOOL(false)),
    HAS_JOINED("\"true\"", S_STR("true")),
    HAS_JOINED("\"false\"", S_STR("false")),
    HAS_JOINED("\"\"", S_STR("")),
    /* [string, number]: without integer in the list, integers are numbers. */
    REASON_CODE("\"WRAPUP_REQUIRED\"", S_STR("WRAPUP_REQUIRED")),
    REASON_CODE("0", S_NUM(0)),
    REASON_CODE("1050", S_NUM(1050)),
    REASON_CODE("-1.5", S_NUM(-1.5)),
};

static void check_type_list(const char *label, const message_t *m, int i)
{
    const type_list_case *c = &TYPE_LISTS[i];
    const wcc_agent_contact_data *data = contact_data(label, m);
    ck_assert(data->has_reason_code == c->reason_code);
    same_scalar(label, "value",
                c->reason_code ? &data->reason_code : &the_participant(label, m)->has_joined,
                &c->want);
}

START_TEST(test_type_list)
{
    const type_list_case *c = &TYPE_LISTS[_i];
    char frame[FRAME_MAX];
    fill(frame, &CONTACT_T, -1, NULL);
    replace_once(frame, c->from, c->to);
    check_canonical(c->to, "wcc_agent_contact", frame, check_type_list, _i);
}
END_TEST

/* ---- Any values and a participant's extra members, kept as they came ---- */

enum { MAX_MEMBERS = 6 }; /* with the NULL key that ends them */

/* A member, as its key and the exact text of its value. */
typedef struct member {
    const char *key;
    const char *value;
} member;

/* Where the members go: bnrDetails (its one member is bnrDetails), the
 * participant's extra members, or the entries of flowProperties. */
typedef enum any_place { BNR_DETAILS, EXTRAS, FLOW_PROPERTIES } any_place;

typedef struct any_case {
    any_place place;
    member members[MAX_MEMBERS]; /* ends at a NULL key */
} any_case;

#define BNR(value) { BNR_DETAILS, { { "bnrDetails", value } } }

static const any_case ANY_VALUES[] = {
    BNR("\"disabled\""),
    BNR("1.0"),
    BNR("12345678901234567890"),
    BNR("-0"),
    BNR("true"),
    BNR("[]"),
    BNR("{}"),
    BNR("{\"segments\":[{\"start\":1733211589204,\"end\":null,\"gain\":1.0}],"
        "\"sessionKey\":12345678901234567890,\"ratios\":[2.50,-0,1E+2,1e-7,-12.5e-3,0.1],"
        "\"nested\":{\"deep\":{\"deeper\":[[],{},[null,false]]}},\"label\":\"caf\xc3\xa9\"}"),
    { EXTRAS, { { "capacity", "1.0" } } },
    { EXTRAS, { { "serial", "12345678901234567890" }, { "capacity", "1.0" } } },
    { EXTRAS,
      { { "channelCapacity", "{\"telephony\":1.0,\"chat\":[3,2.50,-0,1E+2]}" },
        { "isAutoAnswering", "false" },
        { "agentProfileId", "\"d6a9c2f5-8b1e-4d4a-a7c0-3f6b9e2d5c81\"" },
        { "note", "null" },
        { "serial", "12345678901234567890" } } },
    { FLOW_PROPERTIES, { { "attempts", "2.0" }, { "big", "12345678901234567890" } } },
};

/* The CONTACT_T slot that holds the members, and its text. */
static int any_slot(const any_case *c, char *text, size_t size)
{
    size_t n = 0;
    if (c->place == FLOW_PROPERTIES)
        n += (size_t)snprintf(text, size, "\"flowProperties\":{");
    for (const member *m = c->members; m->key != NULL; m++)
        n += (size_t)snprintf(text + n, size - n, "%s\"%s\":%s",
                              c->place == FLOW_PROPERTIES && m == c->members ? "" : ",", m->key,
                              m->value);
    if (c->place == FLOW_PROPERTIES)
        snprintf(text + n, size - n, "},");
    return c->place == BNR_DETAILS ? 2 : c->place == EXTRAS ? 3 : 4;
}

/* entries[0..count) are map entries (key, then a cJSON * value). */
#define EXPECT_MEMBERS(label, map, c)                                                     \
    do {                                                                                  \
        size_t n = 0;                                                                     \
        for (; (c)->members[n].key != NULL; n++) {                                        \
            ck_assert_uint_lt(n, (map).count);                                            \
            same_str(label, "key", (map).entries[n].key, (c)->members[n].key);            \
            same_any(label, (c)->members[n].key, (map).entries[n].value,                  \
                     ANY_TEXT((c)->members[n].value));                                    \
        }                                                                                 \
        ck_assert_uint_eq((map).count, n);                                                \
    } while (0)

static void check_any_value(const char *label, const message_t *m, int i)
{
    static const any_case none = { BNR_DETAILS, { { NULL, NULL } } };
    const any_case *c = &ANY_VALUES[i];
    const wcc_interaction_participant *x = the_participant(label, m);
    const wcc_interaction *interaction = &contact_data(label, m)->interaction;
    same_any(label, "bnrDetails", x->bnr_details,
             c->place == BNR_DETAILS ? ANY_TEXT(c->members[0].value) : NULL);
    EXPECT_MEMBERS(label, x->additional_properties, c->place == EXTRAS ? c : &none);
    ck_assert(interaction->has_flow_properties == (c->place == FLOW_PROPERTIES));
    EXPECT_MEMBERS(label, interaction->flow_properties, c->place == FLOW_PROPERTIES ? c : &none);
}

START_TEST(test_any_value)
{
    const any_case *c = &ANY_VALUES[_i];
    char member_text[FRAME_MAX], frame[FRAME_MAX], label[LABEL_MAX];
    ck_assert_ptr_null(c->members[MAX_MEMBERS - 1].key);
    int slot = any_slot(c, member_text, sizeof member_text);
    fill(frame, &CONTACT_T, slot, member_text);
    snprintf(label, sizeof label, "any value %d (%.400s)", _i, member_text);
    check_canonical(label, "wcc_agent_contact", frame, check_any_value, _i);
}
END_TEST

/* The decoded tree itself: its nodes are of the JSON types sent, each number
 * keeps its text beside its double, and the caller reads it as cJSON. */
START_TEST(test_any_nodes)
{
    char frame[FRAME_MAX];
    message_t m;
    fill(frame, &CONTACT_T, 2,
         ",\"bnrDetails\":{\"gain\":1.0,\"sessionKey\":12345678901234567890,\"zero\":-0,"
         "\"list\":[null,\"x\",{}]}");
    decode_ok("any nodes", frame, &m);
    const cJSON *bnr = the_participant("any nodes", &m)->bnr_details;
    ck_assert(cJSON_IsObject(bnr));
    ck_assert_int_eq(cJSON_GetArraySize(bnr), 4);
    const cJSON *gain = cJSON_GetObjectItemCaseSensitive(bnr, "gain");
    ck_assert(cJSON_IsNumber(gain));
    ck_assert_str_eq(gain->valuestring, "1.0");
    ck_assert(gain->valuedouble == 1.0);
    const cJSON *key = cJSON_GetObjectItemCaseSensitive(bnr, "sessionKey");
    ck_assert(cJSON_IsNumber(key));
    ck_assert_str_eq(key->valuestring, "12345678901234567890");
    ck_assert(key->valuedouble == 12345678901234567890.0);
    const cJSON *zero = cJSON_GetObjectItemCaseSensitive(bnr, "zero");
    ck_assert_str_eq(zero->valuestring, "-0");
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(bnr, "list");
    ck_assert(cJSON_IsArray(list));
    ck_assert(cJSON_IsNull(cJSON_GetArrayItem(list, 0)));
    ck_assert_str_eq(cJSON_GetArrayItem(list, 1)->valuestring, "x");
    ck_assert(cJSON_IsObject(cJSON_GetArrayItem(list, 2)));
    ck_assert_ptr_null(cJSON_GetArrayItem(list, 2)->child);
    /* cJSON's own functions read it too (its printer writes the doubles). */
    char *printed = cJSON_PrintUnformatted(bnr);
    ck_assert_ptr_nonnull(printed);
    cJSON *parsed = cJSON_Parse(printed);
    ck_assert(cJSON_Compare(parsed, bnr, true));
    cJSON_Delete(parsed);
    cJSON_free(printed);
    wcc_agent_desktop_message_free(&m);
}
END_TEST

/* ---- Every row of the routing table ---- */

/* A failure whose data.type belongs to another outer type: the schema
 * checks the two lists independently (see failure.yaml). */
static const char FAILURE_MISMATCHED[] =
    "{\"type\":\"StationLogin\",\"orgId\":\"" ORG "\",\"trackingId\":\"notifs_5a8d1f4b\","
    "\"data\":{\"agentId\":\"" JORDAN "\",\"trackingId\":\"WX_CC_SDK_e7b0d3a6\","
    "\"reasonCode\":1050,\"orgId\":\"" ORG "\",\"reason\":\"AGENT_HAS_ACTIVE_INTERACTIONS\","
    "\"type\":\"AgentLogoutFailed\"}}";

/* Welcome does not look at data.type. */
static const char WELCOME_WITH_DATA_TYPE[] =
    "{\"type\":\"Welcome\",\"data\":{\"agentId\":\"" SAM "\","
    "\"type\":\"AgentStationLoginSuccess\"}}";

typedef struct dispatch_case {
    const char *pair;         /* type / data.type */
    const char *frame;        /* NULL: CONTACT_T with data.type = contact_type */
    const char *contact_type;
    wcc_agent_desktop_message_kind kind;
    int failure_type;         /* for a Failure: its two enums */
    int failure_data_type;
    const char *encoded;      /* NULL: the frame itself */
} dispatch_case;

#define ROUTE(pair, frame, kind) { pair, frame, NULL, WCC_AGENT_DESKTOP_MESSAGE_##kind, 0, 0, NULL }
#define FAILED(pair, frame, type, data_type)                                              \
    { pair, frame, NULL, WCC_AGENT_DESKTOP_MESSAGE_FAILURE, WCC_FAILURE_TYPE_##type,        \
      WCC_FAILURE_DATA_TYPE_##data_type, NULL }
#define TASK(event)                                                                        \
    { "RoutingMessage/" event, NULL, event, WCC_AGENT_DESKTOP_MESSAGE_AGENT_CONTACT, 0, 0, NULL }

static const dispatch_case ROUTES[] = {
    ROUTE("StationLogin/AgentStationLoginSuccess", SLS_MINIMAL_OUT, STATION_LOGIN_SUCCESS),
    FAILED("StationLogin/AgentStationLoginFailed", FAILURE_LOGIN_OUT, STATION_LOGIN,
           AGENT_STATION_LOGIN_FAILED),
    ROUTE("Logout/AgentLogoutSuccess", LOGOUT_INACTIVITY_OUT, LOGOUT_SUCCESS),
    FAILED("Logout/AgentLogoutFailed", FAILURE_LOGOUT_OUT, LOGOUT, AGENT_LOGOUT_FAILED),
    ROUTE("AgentStateChange/AgentStateChangeSuccess", STATE_MIXED_OUT, STATE_CHANGE_SUCCESS),
    FAILED("AgentStateChange/AgentStateChangeFailed", FAILURE_STATE_OUT, AGENT_STATE_CHANGE,
           AGENT_STATE_CHANGE_FAILED),
    ROUTE("BuddyAgents/BuddyAgents", BUDDY_EMPTY_OUT, BUDDY_AGENTS_SUCCESS),
    FAILED("BuddyAgents/BuddyAgentsRetrieveFailed", FAILURE_BUDDY_OUT, BUDDY_AGENTS,
           BUDDY_AGENTS_RETRIEVE_FAILED),
    ROUTE("AgentReloginSuccess/AgentReloginSuccess", RELOGIN_AGENT_DN_OUT, RELOGIN_SUCCESS),
    ROUTE("Welcome", WELCOME_MINIMAL_OUT, WELCOME),
    { "Welcome/AgentStationLoginSuccess", WELCOME_WITH_DATA_TYPE, NULL,
      WCC_AGENT_DESKTOP_MESSAGE_WELCOME, 0, 0,
      "{\"type\":\"Welcome\",\"data\":{\"agentId\":\"" SAM "\"}}" },
    TASK("AgentOfferContact"),
    TASK("AgentContactReserved"),
    TASK("AgentContactAssigned"),
    TASK("AgentContactHeld"),
    TASK("AgentContactUnheld"),
    TASK("AgentConsultCreated"),
    TASK("AgentWrapup"),
    TASK("ContactEnded"),
    /* Other task events decode too: data.type is any string there. */
    TASK("AgentOfferCampaignReservation"),
    TASK("SomeFutureTaskEvent"),
    ROUTE("keepalive", KEEPALIVE_COMPACT, KEEPALIVE),
    FAILED("StationLogin/AgentLogoutFailed", FAILURE_MISMATCHED, STATION_LOGIN,
           AGENT_LOGOUT_FAILED),
};

START_TEST(test_dispatch)
{
    const dispatch_case *c = &ROUTES[_i];
    char frame[FRAME_MAX], type[128];
    const char *text = c->frame;
    if (text == NULL) {
        snprintf(type, sizeof type, "\"%s\"", c->contact_type);
        text = fill(frame, &CONTACT_T, 9, type);
    }
    message_t m, back;
    size_t len;
    decode_ok(c->pair, text, &m);
    ck_assert_msg(m.kind == c->kind, "%s: kind %d, expected %d", c->pair, m.kind, c->kind);
    if (c->kind == WCC_AGENT_DESKTOP_MESSAGE_FAILURE) {
        same_int(c->pair, "type", m.as.failure.type, c->failure_type);
        same_int(c->pair, "data.type", m.as.failure.data.type, c->failure_data_type);
    }
    if (c->contact_type != NULL)
        same_str(c->pair, "data.type", m.as.agent_contact.data.type, c->contact_type);
    char *encoded = encode_message(c->pair, &m, &len);
    expect_text(c->pair, encoded, c->encoded != NULL ? c->encoded : text);
    decode_ok(c->pair, encoded, &back);
    ck_assert(wcc_agent_desktop_message_equal(&m, &back));
    free(encoded);
    wcc_agent_desktop_message_free(&back);
    wcc_agent_desktop_message_free(&m);
}
END_TEST

/* ---- Frames no alternative takes ---- */

/* Decodes text that must fail with code at path and exactly message (NULL:
 * not checked), with and without an error record, leaving out zeroed. */
static void decode_bad(const char *label, const char *text, size_t len, wcc_status code,
                       const char *path, const char *message)
{
    message_t out;
    wcc_error err;
    memset(&out, 0xA5, sizeof out);
    wcc_status st = decode_message(text, len, &out, &err);
    ck_assert_msg(st == code, "%s: returned %s, expected %s (%s at \"%s\")", label,
                  wcc_status_name(st), wcc_status_name(code), err.message, err.path);
    expect_err(label, &err, code, path);
    if (message != NULL)
        ck_assert_msg(strcmp(err.message, message) == 0, "%s: message\n got  \"%s\"\n want \"%s\"",
                      label, err.message, message);
    ck_assert_msg(is_zeroed(&out, sizeof out), "%s: out not emptied", label);
    wcc_agent_desktop_message_free(&out);
    memset(&out, 0xA5, sizeof out);
    ck_assert_int_eq(decode_message(text, len, &out, NULL), code);
    ck_assert(is_zeroed(&out, sizeof out));
}

#define OUTER_TYPES                                                                        \
    "'StationLogin', 'Logout', 'AgentReloginSuccess', 'AgentStateChange', 'BuddyAgents', " \
    "'Welcome', 'RoutingMessage'"
#define FAILED_TYPES                                                                       \
    "'AgentStationLoginFailed', 'AgentLogoutFailed', 'AgentStateChangeFailed', "           \
    "'BuddyAgentsRetrieveFailed'"

typedef struct reject_case {
    const char *frame;
    wcc_status code;
    const char *path;
    const char *message;
} reject_case;

static const reject_case REJECTS[] = {
    /* An outer type no alternative has. */
    { "{\"type\":\"AGENT_MULTI_LOGIN\",\"data\":{}}", WCC_ERR_VALUE, "/type",
      "expected one of " OUTER_TYPES ", found 'AGENT_MULTI_LOGIN'" },
    { "{\"type\":\"AgentReloginFailed\",\"data\":{\"type\":\"AgentReloginFailed\"}}",
      WCC_ERR_VALUE, "/type", "expected one of " OUTER_TYPES ", found 'AgentReloginFailed'" },
    { "{\"type\":\"stationlogin\"}", WCC_ERR_VALUE, "/type",
      "expected one of " OUTER_TYPES ", found 'stationlogin'" },
    { "{\"type\":\"\"}", WCC_ERR_VALUE, "/type", "expected one of " OUTER_TYPES ", found ''" },
    /* Pairs no alternative has: data.type names what the outer type allows. */
    { "{\"type\":\"StationLogin\",\"data\":{\"type\":\"AgentLogoutSuccess\"}}", WCC_ERR_VALUE,
      "/data/type",
      "expected one of 'AgentStationLoginSuccess', " FAILED_TYPES ", found 'AgentLogoutSuccess'" },
    { "{\"type\":\"Logout\",\"data\":{\"type\":\"AgentStationLoginSuccess\"}}", WCC_ERR_VALUE,
      "/data/type",
      "expected one of 'AgentLogoutSuccess', " FAILED_TYPES ", found 'AgentStationLoginSuccess'" },
    { "{\"type\":\"AgentStateChange\",\"data\":{\"type\":\"BuddyAgents\"}}", WCC_ERR_VALUE,
      "/data/type",
      "expected one of 'AgentStateChangeSuccess', " FAILED_TYPES ", found 'BuddyAgents'" },
    { "{\"type\":\"BuddyAgents\",\"data\":{\"type\":\"AgentStateChangeSuccess\"}}",
      WCC_ERR_VALUE, "/data/type",
      "expected one of 'BuddyAgents', " FAILED_TYPES ", found 'AgentStateChangeSuccess'" },
    /* One alternative left after the outer type: its own decode reports the
     * value, in the wording of a const. */
    { "{\"type\":\"AgentReloginSuccess\",\"data\":{\"type\":\"AgentReloginFailed\"}}",
      WCC_ERR_VALUE, "/data/type",
      "expected \"AgentReloginSuccess\", found \"AgentReloginFailed\"" },
    { "{\"keepalive\":\"false\"}", WCC_ERR_VALUE, "/keepalive",
      "expected \"true\", found \"false\"" },
    /* Missing discriminators. */
    { "{\"type\":\"StationLogin\"}", WCC_ERR_MISSING, "/data", "missing required property 'data'" },
    { "{\"type\":\"StationLogin\",\"data\":{}}", WCC_ERR_MISSING, "/data/type",
      "missing required property 'type'" },
    { "{\"type\":\"Logout\",\"data\":{\"agentId\":\"" SAM "\"}}", WCC_ERR_MISSING, "/data/type",
      "missing required property 'type'" },
    /* Present and absent discriminators are found in any member order. */
    { "{\"data\":{\"agentId\":\"" SAM "\"},\"type\":\"AgentStateChange\"}", WCC_ERR_MISSING,
      "/data/type", "missing required property 'type'" },
    /* Without "type" only Keepalive is left, which is strict. */
    { "{}", WCC_ERR_MISSING, "/keepalive", "missing required property 'keepalive'" },
    { "{\"orgId\":\"" ORG "\"}", WCC_ERR_UNKNOWN_KEY, "/orgId", "unknown property 'orgId'" },
    /* Discriminators of the wrong JSON type. */
    { "{\"type\":5}", WCC_ERR_TYPE, "/type", "expected string, found number" },
    { "{\"type\":null}", WCC_ERR_TYPE, "/type", "expected string, found null" },
    { "{\"type\":[\"StationLogin\"]}", WCC_ERR_TYPE, "/type", "expected string, found array" },
    { "{\"type\":\"StationLogin\",\"data\":\"AgentStationLoginSuccess\"}", WCC_ERR_TYPE, "/data",
      "expected object, found string" },
    { "{\"type\":\"StationLogin\",\"data\":{\"type\":7}}", WCC_ERR_TYPE, "/data/type",
      "expected string, found number" },
    { "{\"type\":\"Logout\",\"data\":{\"type\":null}}", WCC_ERR_TYPE, "/data/type",
      "expected string, found null" },
    { "{\"keepalive\":true}", WCC_ERR_TYPE, "/keepalive", "expected string, found boolean" },
    /* A discriminator given twice. */
    { "{\"type\":\"Logout\",\"type\":\"StationLogin\"}", WCC_ERR_DUPLICATE, "/type",
      "duplicate key 'type'" },
    { "{\"type\":\"Logout\",\"data\":{\"type\":\"AgentLogoutFailed\",\"type\":\"x\"}}",
      WCC_ERR_DUPLICATE, "/data/type", "duplicate key 'type'" },
    /* Not an object. */
    { "[]", WCC_ERR_TYPE, "", "expected object, found array" },
    { "[{\"keepalive\":\"true\"}]", WCC_ERR_TYPE, "", "expected object, found array" },
    { "\"Welcome\"", WCC_ERR_TYPE, "", "expected object, found string" },
    { "1733211617402", WCC_ERR_TYPE, "", "expected object, found number" },
    { "true", WCC_ERR_TYPE, "", "expected object, found boolean" },
    { "null", WCC_ERR_TYPE, "", "expected object, found null" },
    /* Not JSON. */
    { "", WCC_ERR_SYNTAX, "", "unexpected end of input" },
    { "{\"keepalive\":\"true\"", WCC_ERR_SYNTAX, "", "unexpected end of input" },
};

START_TEST(test_reject)
{
    const reject_case *c = &REJECTS[_i];
    decode_bad(c->frame, c->frame, strlen(c->frame), c->code, c->path, c->message);
}
END_TEST

/* ---- tests/messages/invalid: every frame, with its README expectation ---- */

typedef struct invalid_frame {
    const char *file;
    wcc_status code; /* what the decoder reports */
    const char *path;
    wcc_status readme_code; /* what invalid/README.md says */
    const char *readme_path;
} invalid_frame;

#define AS_README(file, code, path) { file, code, path, code, path }

static const invalid_frame INVALID[] = {
    AS_README("agent_contact_event_time_string.json", WCC_ERR_TYPE, "/data/eventTime"),
    AS_README("agent_contact_hold_timestamp_string.json", WCC_ERR_TYPE,
              "/data/interaction/media/" CALL "/holdTimestamp"),
    AS_README("agent_contact_seed_as_in_issue.json", WCC_ERR_MISSING,
              "/data/interaction/isFcManaged"),
    AS_README("failure_reason_code_string.json", WCC_ERR_TYPE, "/data/reasonCode"),
    AS_README("keepalive_boolean.json", WCC_ERR_TYPE, "/keepalive"),
    AS_README("keepalive_extra_member.json", WCC_ERR_UNKNOWN_KEY, "/timestamp"),
    AS_README("logout_logged_out_by_null.json", WCC_ERR_TYPE, "/data/loggedOutBy"),
    /* Only Keepalive allows "type" to be absent (it is strict), so the frame
     * is decoded as a Keepalive, which rejects its first member. */
    AS_README("missing_type.json", WCC_ERR_UNKNOWN_KEY, "/orgId"),
    AS_README("relogin_sub_status_available.json", WCC_ERR_VALUE, "/data/subStatus"),
    AS_README("unknown_event_agent_multi_login.json", WCC_ERR_VALUE, "/type"),
    AS_README("unknown_pair_station_login_with_logout_success.json", WCC_ERR_VALUE,
              "/data/type"),
    AS_README("welcome_missing_agent_id.json", WCC_ERR_MISSING, "/data/agentId"),
};

enum { INVALID_COUNT = sizeof INVALID / sizeof INVALID[0] };

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    text_buf b = { 0 };
    char chunk[4096];
    size_t n;
    put(&b, "", 0);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        put(&b, chunk, n);
    fclose(f);
    *len = b.len;
    return b.p;
}

static const invalid_frame *invalid_entry(const char *file)
{
    for (size_t i = 0; i < INVALID_COUNT; i++)
        if (strcmp(INVALID[i].file, file) == 0)
            return &INVALID[i];
    return NULL;
}

START_TEST(test_invalid_frame)
{
    const invalid_frame *c = &INVALID[_i];
    char path[1024];
    size_t len;
    snprintf(path, sizeof path, "%s/invalid/%s", MESSAGES_DIR, c->file);
    char *text = read_file(path, &len);
    decode_bad(c->file, text, len, c->code, c->path, NULL);
    free(text);
}
END_TEST

/* Every .json file of the folder is in the table above. */
START_TEST(test_invalid_folder_covered)
{
    DIR *dir = opendir(MESSAGES_DIR "/invalid");
    struct dirent *ent;
    size_t seen = 0;
    ck_assert_ptr_nonnull(dir);
    while ((ent = readdir(dir)) != NULL) {
        size_t n = strlen(ent->d_name);
        if (n < 5 || strcmp(ent->d_name + n - 5, ".json") != 0)
            continue;
        ck_assert_msg(invalid_entry(ent->d_name) != NULL, "%s has no row in INVALID",
                      ent->d_name);
        seen++;
    }
    closedir(dir);
    ck_assert_uint_eq(seen, INVALID_COUNT);
}
END_TEST

/* The README's line for each file names the code and path in the table. */
START_TEST(test_invalid_readme_agrees)
{
    size_t len, lines = 0;
    char *readme = read_file(MESSAGES_DIR "/invalid/README.md", &len);
    for (char *line = readme, *next; line != NULL; line = next) {
        char file[256], code[64], path[512];
        next = strchr(line, '\n');
        if (next != NULL)
            *next++ = '\0';
        if (sscanf(line, "- `%255[^`]`: %63s at `%511[^`]`", file, code, path) != 3)
            continue;
        const invalid_frame *c = invalid_entry(file);
        ck_assert_msg(c != NULL, "README names %s, which has no row", file);
        ck_assert_msg(strcmp(code, wcc_status_name(c->readme_code)) == 0,
                      "%s: README says %s", file, code);
        ck_assert_msg(strcmp(path, c->readme_path) == 0, "%s: README says %s", file, path);
        lines++;
    }
    free(readme);
    ck_assert_uint_eq(lines, INVALID_COUNT);
}
END_TEST

/* ---- Errors inside the chosen alternative keep their own paths ---- */

typedef struct inner_case {
    const char *type_name;
    const char *base;    /* NULL: CONTACT_T, with slot set to member */
    int slot;
    const char *member;
    const char *from;    /* then replaced by to, unless NULL */
    const char *to;
    wcc_status code;
    const char *path;
    const char *message;
} inner_case;

#define IN_CONTACT(slot, member, code, path, message)                                     \
    { "wcc_agent_contact", NULL, slot, member, NULL, NULL, WCC_ERR_##code, path, message }
#define CHANGED(type, base, from, to, code, path, message)                               \
    { "wcc_" type, base, -1, NULL, from, to, WCC_ERR_##code, path, message }
#define PARTICIPANT "/data/interaction/participants/" AVERY
#define MEDIA_ENTRY "/data/interaction/media/" CALL
#define NUL_IN_STRING "string contains \\u0000, which a C string cannot hold"

static const inner_case INNER[] = {
    /* In a map entry three levels down. */
    IN_CONTACT(7, ",\"holdTimestamp\":\"1733211840021\"",
               TYPE, MEDIA_ENTRY "/holdTimestamp", "expected integer, found string"),
    IN_CONTACT(7, "",
               MISSING, MEDIA_ENTRY "/holdTimestamp", "missing required property 'holdTimestamp'"),
    IN_CONTACT(7, ",\"holdTimestamp\":9223372036854775808",
               RANGE, MEDIA_ENTRY "/holdTimestamp",
               "integer 9223372036854775808 is outside the int64 range"),
    IN_CONTACT(6, "7",
               TYPE, MEDIA_ENTRY "/mediaType", "expected string, found number"),
    IN_CONTACT(0, "null",
               TYPE, "/data/interaction/mediaType", "expected string, found null"),
    IN_CONTACT(1, ",\"callerId\":5",
               TYPE, PARTICIPANT "/callerId", "expected string, found number"),
    IN_CONTACT(3, ",\"consultTimestamp\":1.5",
               TYPE, PARTICIPANT "/consultTimestamp", "expected integer, found 1.5"),
    IN_CONTACT(5, "\"queuedTimestamp\":\"soon\",",
               TYPE, "/data/interaction/queuedTimestamp", "expected integer, found string"),
    IN_CONTACT(4, "\"flowProperties\":[],",
               TYPE, "/data/interaction/flowProperties", "expected object, found array"),
    IN_CONTACT(8, ",\"workflowManager\":false",
               TYPE, "/data/interaction/workflowManager", "expected string, found boolean"),
    /* Inside any values and extra members. */
    IN_CONTACT(2, ",\"bnrDetails\":{\"a\":1,\"a\":2}",
               DUPLICATE, PARTICIPANT "/bnrDetails/a", "duplicate key \"a\""),
    IN_CONTACT(2, ",\"bnrDetails\":[{\"s\":\"a\\u0000b\"}]",
               VALUE, PARTICIPANT "/bnrDetails/0/s", NUL_IN_STRING),
    IN_CONTACT(3, ",\"meta\":{\"k\":[1,{\"z\":0,\"z\":1}]}",
               DUPLICATE, PARTICIPANT "/meta/k/1/z", "duplicate key \"z\""),
    IN_CONTACT(3, ",\"meta\":1,\"meta\":2",
               DUPLICATE, PARTICIPANT "/meta", "duplicate key 'meta'"),
    IN_CONTACT(4, "\"flowProperties\":{\"big\":1e400},",
               RANGE, "/data/interaction/flowProperties/big", "number is too large for a double"),
    /* A map key is escaped in the path (RFC 6901). */
    { "wcc_agent_contact", NULL, 1, ",\"callerId\":5", "\"" AVERY "\":{", "\"sip:a/b~c\":{",
      WCC_ERR_TYPE, "/data/interaction/participants/sip:a~1b~0c/callerId",
      "expected string, found number" },
    /* Other members of the contact. */
    CHANGED("agent_contact", NULL, "\"hasJoined\":true", "\"hasJoined\":1",
            TYPE, PARTICIPANT "/hasJoined", "expected string or boolean, found number"),
    CHANGED("agent_contact", NULL, ",\"fromAddress\":\"\"", "",
            MISSING, "/data/interaction/callProcessingDetails/fromAddress",
            "missing required property 'fromAddress'"),
    CHANGED("agent_contact", NULL, "\"isConferencing\":false", "\"isConferencing\":\"false\"",
            TYPE, "/data/isConferencing", "expected boolean, found string"),
    CHANGED("agent_contact", NULL, "\"type\":\"AgentOfferContact\"",
            "\"type\":\"AgentOfferContact\",\"reasonCode\":true",
            TYPE, "/data/reasonCode", "expected string or number, found boolean"),
    CHANGED("agent_contact", CONTACT_OFFER_OUT, "\"secureKeyVersion\":3",
            "\"secureKeyVersion\":\"3\"",
            TYPE, "/data/interaction/callAssociatedData/ivrPin/secureKeyVersion",
            "expected integer, found string"),
    CHANGED("agent_contact", CONTACT_OFFER_OUT, "\"value\":\"" QUEUE "\"", "\"value\":5",
            TYPE, "/data/interaction/callFlowParams/Queue/value", "expected string, found number"),
    CHANGED("agent_contact", CONTACT_INSTAGRAM, "\"participants\":{},", "\"participants\":[],",
            TYPE, "/data/task/participants", "expected object, found array"),
    /* The other alternatives. */
    CHANGED("station_login_success", SLS_SUPERVISOR_OUT,
            "\"c52f0a3b-8c4e-4f6d-9b72-1e3a0c8d4f29\"", "7",
            TYPE, "/data/channelsMap/chat/1", "expected string, found number"),
    CHANGED("station_login_success", SLS_SUPERVISOR_OUT, "\"subStatus\":\"Available\"",
            "\"subStatus\":\"Busy\"",
            VALUE, "/data/subStatus", "'Busy' is not one of 'Available', 'Idle'"),
    CHANGED("buddy_agents_success", BUDDY_THREE_OUT, "\"dn\":\"+14085550123\",", "",
            MISSING, "/data/agentList/1/dn", "missing required property 'dn'"),
    CHANGED("failure", FAILURE_LOGIN_OUT, "\"reasonCode\":1030", "\"reasonCode\":1030.5",
            TYPE, "/data/reasonCode", "expected integer, found 1030.5"),
    CHANGED("relogin_success", RELOGIN_BROWSER_OUT, "\"deviceId\":\"" WEBRTC_SAM "\"",
            "\"deviceId\":5",
            TYPE, "/data/deviceId", "expected string, found number"),
    CHANGED("relogin_success", RELOGIN_BROWSER_OUT, "\"deviceType\":\"BROWSER\"",
            "\"deviceType\":[\"BROWSER\"]",
            TYPE, "/data/deviceType", "expected string, found array"),
    CHANGED("state_change_success", STATE_MIXED_OUT, "\"changedBy\":\"AGENT\",", "",
            MISSING, "/data/changedBy", "missing required property 'changedBy'"),
    CHANGED("state_change_success", STATE_MIXED_OUT, "\"changedByName\":null,", "",
            MISSING, "/data/changedByName", "missing required property 'changedByName'"),
    CHANGED("state_change_success", STATE_MIXED_OUT, "\"changedBy\":\"AGENT\"",
            "\"changedBy\":\"AGENT\\u0000\"",
            VALUE, "/data/changedBy", NUL_IN_STRING),
    CHANGED("logout_success", LOGOUT_SUPERVISOR_OUT, "\"roles\":[\"agent\"]",
            "\"roles\":\"agent\"",
            TYPE, "/data/roles", "expected array, found string"),
    CHANGED("welcome", WELCOME_MINIMAL_OUT, "\"agentId\":\"" SAM "\"", "\"agentId\":null",
            TYPE, "/data/agentId", "expected string, found null"),
    CHANGED("keepalive", KEEPALIVE_COMPACT, "}", ",\"keepalive\":\"true\"}",
            DUPLICATE, "/keepalive", "duplicate key 'keepalive'"),
};

/* The dispatcher and the alternative's own decode report the same error. */
START_TEST(test_inner_error)
{
    const inner_case *c = &INNER[_i];
    char frame[FRAME_MAX], label[LABEL_MAX];
    if (c->base == NULL)
        fill(frame, &CONTACT_T, c->slot, c->member);
    else
        snprintf(frame, sizeof frame, "%s", c->base);
    if (c->from != NULL)
        replace_once(frame, c->from, c->to);
    snprintf(label, sizeof label, "%s at %s", c->type_name, c->path);
    decode_bad(label, frame, strlen(frame), c->code, c->path, c->message);

    const wcc_message_type *type = registry_type(c->type_name);
    void *own = malloc(type->size);
    wcc_error err, dispatched;
    ck_assert_ptr_nonnull(own);
    ck_assert_int_eq(decode_own(type, frame, strlen(frame), own, &err), c->code);
    message_t m;
    ck_assert_int_eq(decode_message(frame, strlen(frame), &m, &dispatched), c->code);
    expect_err(label, &err, c->code, c->path);
    ck_assert_str_eq(err.message, dispatched.message);
    ck_assert(is_zeroed(own, type->size));
    free(own);
}
END_TEST

/* ---- The suite ---- */

#define ROWS(table) (int)(sizeof(table) / sizeof((table)[0]))

static Suite *agent_desktop_suite(void)
{
    Suite *s = suite_create("agent_desktop");
    TCase *messages = tcase_create("messages");
    tcase_add_test(messages, test_station_login_success);
    tcase_add_test(messages, test_logout_success);
    tcase_add_test(messages, test_relogin_success);
    tcase_add_test(messages, test_state_change_success);
    tcase_add_test(messages, test_buddy_agents_success);
    tcase_add_test(messages, test_failure);
    tcase_add_test(messages, test_welcome);
    tcase_add_test(messages, test_keepalive);
    tcase_add_test(messages, test_agent_contact);
    suite_add_tcase(s, messages);
    TCase *values = tcase_create("values");
    tcase_add_loop_test(values, test_nullable, 0, ROWS(NULLABLES));
    tcase_add_loop_test(values, test_open_enum, 0, ROWS(OPEN_ENUMS));
    tcase_add_test(values, test_open_enum_encode);
    tcase_add_loop_test(values, test_type_list, 0, ROWS(TYPE_LISTS));
    tcase_add_loop_test(values, test_any_value, 0, ROWS(ANY_VALUES));
    tcase_add_test(values, test_any_nodes);
    suite_add_tcase(s, values);
    TCase *dispatch = tcase_create("dispatch");
    tcase_add_loop_test(dispatch, test_dispatch, 0, ROWS(ROUTES));
    tcase_add_loop_test(dispatch, test_reject, 0, ROWS(REJECTS));
    tcase_add_loop_test(dispatch, test_invalid_frame, 0, ROWS(INVALID));
    tcase_add_test(dispatch, test_invalid_folder_covered);
    tcase_add_test(dispatch, test_invalid_readme_agrees);
    tcase_add_loop_test(dispatch, test_inner_error, 0, ROWS(INNER));
    suite_add_tcase(s, dispatch);
    return s;
}

int main(void)
{
    SRunner *runner = srunner_create(agent_desktop_suite());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
