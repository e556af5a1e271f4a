/* Routes Webex Contact Center agent desktop websocket frames: each frame is
 * decoded with the dispatcher, which picks the message type from the outer
 * `type`, `data.type` and `keepalive`, and the program switches on its kind.
 *
 *   agent_desktop_example             routes the sample frames below
 *   agent_desktop_example FILE...     routes each FILE (one JSON frame each) */
#include "agent_desktop_message.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const samples[] = {
    "{\"type\":\"StationLogin\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_52628dc8-d2f5-4bd7-9e67-0a7c5e0c5a2f\",\"data\":{"
    "\"agentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\","
    "\"agentSessionId\":\"c3a8a2d5-7a46-4d2c-9f2b-5e0f2f6c4b1a\",\"auxCodeId\":\"0\","
    "\"channelsMap\":{\"chat\":[\"c1\"],\"telephony\":[\"t1\",\"t2\"]},"
    "\"eventType\":\"AgentDesktopMessage\",\"interactionIds\":[],"
    "\"lastIdleCodeChangeTimestamp\":1733211616959,\"lastStateChangeTimestamp\":1733211617012,"
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"profileType\":\"BLENDED\","
    "\"siteId\":\"d64e19c0-11e6-4bd4-8c5a-3f1a4c4d2e10\",\"status\":\"LoggedIn\","
    "\"subStatus\":\"Idle\",\"teamId\":\"c7a3d8b2-4f1e-4a9c-b6d5-2e8f0a1b3c4d\","
    "\"trackingId\":\"575c0ec2-618c-42af-a61c-53aeb0a221ee\","
    "\"type\":\"AgentStationLoginSuccess\"}}",
    "{\"type\":\"StationLogin\",\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\","
    "\"trackingId\":\"notifs_5a8d1f4b-7e0c-4c3a-9b6e-2d5f8a1c4e97\",\"data\":{"
    "\"agentId\":\"ebeb893b-ba67-4f36-8418-95c7492b28c2\","
    "\"trackingId\":\"WX_CC_SDK_e7b0d3a6-9c2f-4e5b-8a1d-4f7c0e3b6a19\",\"reasonCode\":1030,"
    "\"orgId\":\"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a\",\"reason\":\"DN_ALREADY_IN_USE\","
    "\"eventType\":\"AgentDesktopMessage\",\"type\":\"AgentStationLoginFailed\"}}",
    "{\"keepalive\":\"true\"}",
    "{\"type\":\"Welcome\",\"data\":{\"agentId\":\"723a8ffb-a26e-496d-b14a-ff44fb83b64f\"}}",
    /* Parenthesized: clang takes a two-piece literal among one-piece ones
     * for a missing comma (-Wstring-concatenation). */
    ("{\"type\":\"StationLogin\",\"orgId\":\"o\",\"trackingId\":\"t\",\"data\":{"
     "\"type\":\"AgentLogoutSuccess\"}}"),
};

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (bigger == NULL) {
                free(buf);
                buf = NULL;
            }
            buf = bigger;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static void print_agent_contact(const wcc_agent_contact *m)
{
    const wcc_agent_contact_data *d = &m->data;
    const wcc_interaction *i = &d->interaction;
    printf("task event %s for interaction %s, media %s, %zu participant(s)\n", d->type,
           d->interaction_id, i->media_type.text ? i->media_type.text
                              : wcc_media_channel_to_string(i->media_type.known),
           i->participants.count);
}

/* The caller's switch on the kind: each alternative is a plain struct. */
static void print_frame(const wcc_agent_desktop_message *m)
{
    switch (m->kind) {
    case WCC_AGENT_DESKTOP_MESSAGE_STATION_LOGIN_SUCCESS: {
        const wcc_station_login_success_data *d = &m->as.station_login_success.data;
        printf("station login: agent %s is %s / %s, %zu channel type(s)\n", d->agent_id,
               d->status, wcc_sub_status_to_string(d->sub_status), d->channels_map.count);
        break;
    }
    case WCC_AGENT_DESKTOP_MESSAGE_FAILURE: {
        const wcc_failure_data *d = &m->as.failure.data;
        printf("%s: reason %s (code %" PRId64 ")\n", wcc_failure_data_type_to_string(d->type),
               d->reason, d->reason_code);
        break;
    }
    case WCC_AGENT_DESKTOP_MESSAGE_WELCOME:
        printf("welcome, agent %s\n", m->as.welcome.data.agent_id);
        break;
    case WCC_AGENT_DESKTOP_MESSAGE_KEEPALIVE:
        printf("keepalive\n");
        break;
    case WCC_AGENT_DESKTOP_MESSAGE_AGENT_CONTACT:
        print_agent_contact(&m->as.agent_contact);
        break;
    default:
        printf("agent event of kind %d\n", (int)m->kind);
        break;
    }
}

/* Decodes one frame, prints it and encodes it again; false when the frame is
 * not one of the known messages. */
static bool route(const char *json, size_t len)
{
    wcc_agent_desktop_message m;
    wcc_error err;
    if (wcc_agent_desktop_message_decode(json, len, &m, &err) != WCC_OK) {
        printf("rejected: %s at '%s': %s\n", wcc_status_name(err.code), err.path, err.message);
        return false;
    }
    print_frame(&m);
    size_t out_len = 0;
    char *out = wcc_agent_desktop_message_encode(&m, &out_len, &err);
    wcc_agent_desktop_message_free(&m);
    if (out == NULL) {
        fprintf(stderr, "encode failed: %s: %s\n", wcc_status_name(err.code), err.message);
        return false;
    }
    printf("  re-encoded, %zu bytes\n", out_len);
    free(out);
    return true;
}

int main(int argc, char **argv)
{
    int routed = 0;
    if (argc == 1) {
        for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++)
            routed += route(samples[i], strlen(samples[i]));
        /* The last sample is an unknown pair and must be rejected. */
        return routed == (int)(sizeof samples / sizeof samples[0]) - 1 ? EXIT_SUCCESS
                                                                      : EXIT_FAILURE;
    }
    for (int i = 1; i < argc; i++) {
        size_t len = 0;
        char *json = read_file(argv[i], &len);
        if (json == NULL) {
            perror(argv[i]);
            return EXIT_FAILURE;
        }
        routed += route(json, len);
        free(json);
    }
    return routed == argc - 1 ? EXIT_SUCCESS : EXIT_FAILURE;
}
