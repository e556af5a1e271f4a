/* A program that uses two schemac libraries, as a user's project would: the
 * telemetry messages (prefix tel, schemas/) and the device configuration
 * (prefix cfg, config/). It decodes a sample of each, prints a few values,
 * encodes them again, shows a report that breaks a constraint being refused,
 * and lists the tel registry, so a schema file added to schemas/ shows up
 * without any change here.
 *
 *   telemetry_demo             the embedded samples
 *   telemetry_demo FILE...     the samples, then each FILE as a telemetry report
 *
 * Exits with 0 when every step does what it should, 1 otherwise. */
#include "device_config.h"
#include "tel_types.h"
#include "telemetry_report.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char report_sample[] =
    "{\"device\":\"TH-0042\",\"sequence\":17,\"status\":\"degraded\",\"battery\":63.5,"
    "\"location\":{\"lat\":47.3769,\"lon\":8.5417,\"site\":\"roof, north side\"},"
    "\"readings\":["
    "{\"sensor\":\"temp-1\",\"unit\":\"celsius\",\"value\":21.25,\"at\":1718000000},"
    "{\"sensor\":\"hum-1\",\"unit\":\"percent\",\"value\":48,\"at\":1718000000},"
    "{\"sensor\":\"baro\",\"unit\":\"hectopascal\",\"value\":1013.2,\"at\":1718000060}]}";

/* No battery and no location: both are optional. The second reading's sensor
 * name is empty, which its minLength of 1 refuses. */
static const char rejected_sample[] =
    "{\"device\":\"TH-0042\",\"sequence\":18,\"status\":\"ok\",\"readings\":["
    "{\"sensor\":\"temp-1\",\"unit\":\"celsius\",\"value\":21.5,\"at\":1718000120},"
    "{\"sensor\":\"\",\"unit\":\"lux\",\"value\":320,\"at\":1718000120}]}";

/* reportEvery is absent: decode applies its default. */
static const char config_sample[] =
    "{\"device\":\"TH-0042\",\"samplingIntervalS\":60,"
    "\"enabledSensors\":[\"temperature\",\"humidity\",\"pressure\"]}";

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, n = 0, got;
    char *buf = malloc(cap);
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (bigger == NULL)
                free(buf);
            buf = bigger;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static void print_location(const tel_location *l)
{
    printf("  location: %.4f, %.4f (%s)\n", l->lat, l->lon,
           l->site != NULL ? l->site : "no site name");
}

static void print_report(const tel_telemetry_report *r)
{
    printf("report %" PRId64 " from %s: status %s, ", r->sequence, r->device,
           tel_telemetry_report_status_to_string(r->status));
    if (r->has_battery)
        printf("battery %.1f%%\n", r->battery);
    else
        printf("no battery\n");
    if (r->has_location)
        print_location(&r->location);
    for (size_t i = 0; i < r->readings.count; i++) {
        const tel_reading *reading = &r->readings.items[i];
        printf("  %s = %g %s at %" PRId64 "\n", reading->sensor, reading->value,
               tel_reading_unit_to_string(reading->unit), reading->at);
    }
}

/* Prints a text encode made and frees it; false when encode failed. */
static bool print_encoded(char *json, const char *what, const char *status, const char *message)
{
    if (json == NULL) {
        fprintf(stderr, "encoding the %s failed: %s: %s\n", what, status, message);
        return false;
    }
    printf("  encoded: %s\n", json);
    free(json);
    return true;
}

static bool show_report(const char *json, size_t len)
{
    tel_telemetry_report report;
    tel_error err;
    if (tel_telemetry_report_decode(json, len, &report, &err) != TEL_OK) {
        fprintf(stderr, "telemetry report refused: %s at '%s': %s\n",
                tel_status_name(err.code), err.path, err.message);
        return false;
    }
    print_report(&report);
    char *out = tel_telemetry_report_encode(&report, NULL, &err);
    tel_telemetry_report_free(&report);
    return print_encoded(out, "telemetry report", tel_status_name(err.code), err.message);
}

static void print_config(const cfg_device_config *c)
{
    printf("config for %s: sample every %" PRId32 " s, report every %" PRId32 " samples,"
           " sensors:", c->device, c->sampling_interval_s, c->report_every);
    for (size_t i = 0; i < c->enabled_sensors.count; i++)
        printf(" %s", cfg_sensor_kind_to_string(c->enabled_sensors.items[i]));
    printf("\n");
}

static bool show_config(const char *json, size_t len)
{
    cfg_device_config config;
    cfg_error err;
    if (cfg_device_config_decode(json, len, &config, &err) != CFG_OK) {
        fprintf(stderr, "device config refused: %s at '%s': %s\n",
                cfg_status_name(err.code), err.path, err.message);
        return false;
    }
    print_config(&config);
    char *out = cfg_device_config_encode(&config, NULL, &err);
    cfg_device_config_free(&config);
    return print_encoded(out, "device config", cfg_status_name(err.code), err.message);
}

/* The sample must be refused with TEL_ERR_VALUE; true when it is. */
static bool show_rejection(const char *json, size_t len)
{
    tel_telemetry_report report;
    tel_error err;
    if (tel_telemetry_report_decode(json, len, &report, &err) == TEL_OK) {
        fprintf(stderr, "a report with an empty sensor name was accepted\n");
        tel_telemetry_report_free(&report);
        return false;
    }
    printf("rejected: %s at %s: %s\n", tel_status_name(err.code), err.path, err.message);
    return err.code == TEL_ERR_VALUE;
}

/* One line naming every type in the registry, in its order. */
static void print_registry(void)
{
    printf("tel types:");
    for (size_t i = 0; i < tel_message_type_count; i++)
        printf("%s %s", i == 0 ? "" : ",", tel_message_types[i]->name);
    printf("\n");
}

static bool show_files(int count, char **paths)
{
    bool ok = true;
    for (int i = 0; i < count; i++) {
        size_t len = 0;
        char *json = read_file(paths[i], &len);
        if (json == NULL) {
            perror(paths[i]);
            ok = false;
            continue;
        }
        printf("%s:\n", paths[i]);
        ok = show_report(json, len) && ok;
        free(json);
    }
    return ok;
}

int main(int argc, char **argv)
{
    bool ok = show_report(report_sample, strlen(report_sample));
    ok = show_files(argc - 1, argv + 1) && ok;
    ok = show_config(config_sample, strlen(config_sample)) && ok;
    ok = show_rejection(rejected_sample, strlen(rejected_sample)) && ok;
    print_registry();
    return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
