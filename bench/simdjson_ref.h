/* simdjson_ref.h: the seed message read by simdjson's On Demand API into a
 * plain struct of its own, as a reference for what the hardware allows
 * (bench/README.md). C-callable; the implementation is C++17. */
#ifndef SIMDJSON_REF_H
#define SIMDJSON_REF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ref_string_array {
    const char **items;
    size_t count;
} ref_string_array;

/* One channelsMap entry, in input order. */
typedef struct ref_channel {
    const char *key;
    ref_string_array value;
} ref_channel;

enum ref_sub_status { REF_SUB_STATUS_AVAILABLE = 1, REF_SUB_STATUS_IDLE = 2 };

/* wcc_station_login_success_data's fields; the consts eventType and type
 * are checked, not stored, as there. */
typedef struct ref_station_login_data {
    const char *agent_id;
    const char *agent_session_id;
    const char *aux_code_id;
    ref_channel *channels;
    size_t channel_count;
    const char *dial_number;
    ref_string_array interaction_ids;
    int64_t last_idle_code_change_timestamp;
    int64_t last_state_change_timestamp;
    const char *org_id;
    const char *profile_type;
    bool has_roles;
    ref_string_array roles;
    const char *site_id;
    const char *status;
    enum ref_sub_status sub_status;
    const char *supervisor_session_id;
    const char *team_id;
    const char *tracking_id;
} ref_station_login_data;

/* wcc_station_login_success's fields. Every string, array and entry lives
 * in arena, one allocation per decode, as a wcc message lives in its arena. */
typedef struct ref_station_login {
    const char *org_id;
    const char *tracking_id;
    ref_station_login_data data;
    char *arena;
} ref_station_login;

/* A reusable On Demand parser and the padded buffer the text is copied into. */
typedef struct simdjson_ref simdjson_ref;

/* A reader for texts of up to max_len bytes; NULL when out of memory. */
simdjson_ref *simdjson_ref_new(size_t max_len);
void simdjson_ref_delete(simdjson_ref *ref);

/* Copies text into the padded buffer, reads it into out and checks it as
 * wcc_station_login_success_decode does (types, consts, the subStatus enum,
 * required members, known keys given twice). 0 when it is valid, else -1
 * with out empty. */
int simdjson_ref_station_login(simdjson_ref *ref, const char *text, size_t len,
                               ref_station_login *out);
void ref_station_login_free(ref_station_login *m);

/* simdjson's version, e.g. "3.0.1". */
const char *simdjson_ref_version(void);

#ifdef __cplusplus
}
#endif

#endif
