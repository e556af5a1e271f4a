/* Decodes a StationLoginSuccess event as it arrives on the Webex Contact
 * Center agent desktop websocket, prints its fields, and encodes it again.
 *
 *   station_login_example            uses the sample message below
 *   station_login_example FILE.json  decodes FILE.json instead */
#include "station_login_success.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char sample[] =
    "{\"type\":\"StationLogin\","
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_52628dc8-d2f5-4bd7-9e67-0a7c5e0c5a2f\","
    "\"data\":{"
    "\"agentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"agentSessionId\":\"c3a8a2d5-7a46-4d2c-9f2b-5e0f2f6c4b1a\","
    "\"auxCodeId\":\"0\","
    "\"channelsMap\":{\"chat\":[\"c1\"],\"email\":[],\"telephony\":[\"t1\",\"t2\"]},"
    "\"deviceId\":\"1001\",\"dn\":\"1001\",\"voiceCount\":1,"
    "\"dialNumber\":\"+14085551234\","
    "\"eventType\":\"AgentDesktopMessage\","
    "\"interactionIds\":[\"0ae913a4-c857-4705-8d49-76dd3dde75e4\"],"
    "\"lastIdleCodeChangeTimestamp\":1733211616959,"
    "\"lastStateChangeTimestamp\":1733211617012,"
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"profileType\":\"BLENDED\","
    "\"roles\":[\"agent\"],"
    "\"siteId\":\"d64e19c0-11e6-4bd4-8c5a-3f1a4c4d2e10\","
    "\"status\":\"LoggedIn\","
    "\"subStatus\":\"Idle\","
    "\"teamId\":\"c7a3d8b2-4f1e-4a9c-b6d5-2e8f0a1b3c4d\","
    "\"trackingId\":\"575c0ec2-618c-42af-a61c-53aeb0a221ee\","
    "\"type\":\"AgentStationLoginSuccess\"}}";

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    char *text = NULL;
    size_t cap = 0;
    *len = 0;
    for (;;) {
        if (*len == cap) {
            cap = cap ? cap * 2 : 4096;
            char *grown = realloc(text, cap);
            if (grown == NULL)
                break;
            text = grown;
        }
        size_t n = fread(text + *len, 1, cap - *len, f);
        if (n == 0)
            break;
        *len += n;
    }
    fclose(f);
    return text;
}

static void print_strings(const char *name, const wcc_string_array *a)
{
    printf("  %s: [", name);
    for (size_t i = 0; i < a->count; i++)
        printf("%s\"%s\"", i ? ", " : "", a->items[i]);
    printf("]\n");
}

static void print_message(const wcc_station_login_success *m)
{
    const wcc_station_login_success_data *d = &m->data;
    printf("%s for org %s (tracking %s)\n", m->type, m->org_id, m->tracking_id);
    printf("  agent %s, session %s, team %s, site %s\n", d->agent_id,
           d->agent_session_id, d->team_id, d->site_id);
    printf("  status %s / %s, profile %s, aux code %s\n", d->status,
           wcc_sub_status_to_string(d->sub_status), d->profile_type, d->aux_code_id);
    printf("  dial number: %s\n", d->dial_number ? d->dial_number : "(none)");
    printf("  last state change %" PRId64 " ms, last idle code change %" PRId64 " ms\n",
           d->last_state_change_timestamp, d->last_idle_code_change_timestamp);
    print_strings("interactions", &d->interaction_ids);
    if (d->has_roles)
        print_strings("roles", &d->roles);
    for (size_t i = 0; i < d->channels_map.count; i++) {
        char label[64];
        snprintf(label, sizeof label, "channel %s", d->channels_map.entries[i].key);
        print_strings(label, &d->channels_map.entries[i].value);
    }
}

int main(int argc, char **argv)
{
    size_t len = sizeof sample - 1;
    char *owned = NULL;
    const char *json = sample;
    if (argc > 1) {
        owned = read_file(argv[1], &len);
        if (owned == NULL) {
            perror(argv[1]);
            return EXIT_FAILURE;
        }
        json = owned;
    }

    wcc_station_login_success msg;
    wcc_error err;
    if (wcc_station_login_success_decode(json, len, &msg, &err) != WCC_OK) {
        fprintf(stderr, "decode failed: %s at '%s' (offset %zu): %s\n",
                wcc_status_name(err.code), err.path, err.offset, err.message);
        free(owned);
        return EXIT_FAILURE;
    }
    free(owned);
    print_message(&msg);

    size_t out_len = 0;
    char *out = wcc_station_login_success_encode(&msg, &out_len, &err);
    wcc_station_login_success_free(&msg);
    if (out == NULL) {
        fprintf(stderr, "encode failed: %s: %s\n", wcc_status_name(err.code), err.message);
        return EXIT_FAILURE;
    }
    printf("re-encoded (%zu bytes, unknown fields dropped):\n%s\n", out_len, out);
    free(out);
    return EXIT_SUCCESS;
}
