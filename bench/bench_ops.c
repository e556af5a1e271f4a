/* bench_ops.c: the timed operations and the baselines they are compared to. */
#include "bench_ops.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent_contact.h"
#include "station_login_success.h"
#ifdef BENCH_SIMDJSON
#include "simdjson_ref.h"
#endif

/* Adapters from the typed generated API to bench_type's void pointers. */
#define BENCH_TYPE(T, reference)                                                           \
    static wcc_status T##_decode_any(const char *json, size_t len, void *out,              \
                                     const wcc_options *options)                           \
    {                                                                                      \
        return T##_decode_ex(json, len, out, options, NULL);                               \
    }                                                                                      \
    static wcc_status T##_from_cjson_any(const cJSON *json, void *out)                     \
    {                                                                                      \
        return T##_from_cjson(json, out, NULL);                                            \
    }                                                                                      \
    static char *T##_encode_any(const void *m, size_t *len, const wcc_options *options)    \
    {                                                                                      \
        return T##_encode_ex(m, len, options, NULL);                                       \
    }                                                                                      \
    static wcc_status T##_validate_any(const void *m)                                      \
    {                                                                                      \
        return T##_validate(m, NULL);                                                      \
    }                                                                                      \
    static void T##_free_any(void *m)                                                      \
    {                                                                                      \
        T##_free(m);                                                                       \
    }                                                                                      \
    const bench_type bench_##T = { #T, sizeof(T), T##_decode_any, T##_from_cjson_any,      \
                                   T##_encode_any, T##_validate_any, T##_free_any,      \
                                   reference }

/* ---- The reference reader: simdjson On Demand, when it is built ---- */

#ifdef BENCH_SIMDJSON
static void *simdjson_create(size_t max_len)
{
    return simdjson_ref_new(max_len);
}

static bool simdjson_decode_free(void *reader, const char *text, size_t len, size_t *sink)
{
    ref_station_login m;
    if (simdjson_ref_station_login(reader, text, len, &m) != 0)
        return false;
    *sink += m.data.interaction_ids.count + m.data.channel_count;
    ref_station_login_free(&m);
    return true;
}

static void simdjson_destroy(void *reader)
{
    simdjson_ref_delete(reader);
}

static const bench_reference simdjson_station_login = { simdjson_create, simdjson_decode_free,
                                                        simdjson_destroy };
#define STATION_LOGIN_REFERENCE (&simdjson_station_login)

const char *bench_reference_version(void)
{
    return simdjson_ref_version();
}
#else
#define STATION_LOGIN_REFERENCE NULL

const char *bench_reference_version(void)
{
    return NULL;
}
#endif

BENCH_TYPE(wcc_station_login_success, STATION_LOGIN_REFERENCE);
BENCH_TYPE(wcc_agent_contact, NULL);

static void die(const bench_message *m, const char *what)
{
    fprintf(stderr, "schemac_bench: %s: %s failed\n", m->file, what);
    exit(1);
}

static void *slot(bench_message *m, size_t i)
{
    if (i >= m->slot_count)
        die(m, "a batch larger than bench_message_load was told");
    return m->slots + i * m->type->size;
}

/* ---- Baselines: cJSON alone ---- */

static void run_cjson_parse_delete(bench_message *m, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        cJSON *tree = cJSON_ParseWithLength(m->text, m->len);
        if (tree == NULL)
            die(m, "cJSON_ParseWithLength");
        cJSON_Delete(tree);
    }
}

static void run_cjson_print(bench_message *m, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *text = cJSON_PrintUnformatted(m->tree);
        if (text == NULL)
            die(m, "cJSON_PrintUnformatted");
        m->sink += strlen(text);
        cJSON_free(text);
    }
}

/* ---- The generated code ---- */

/* Each message is freed before the next is decoded, as the baseline
 * deletes each tree before it parses the next: both then reuse warm memory,
 * where keeping a batch alive would time the cache misses of fresh memory. */
static void run_decode_free(bench_message *m, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (m->type->decode(m->text, m->len, slot(m, 0), &m->options) != WCC_OK)
            die(m, "decode");
        m->type->free(slot(m, 0));
    }
}

static void run_from_cjson_free(bench_message *m, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (m->type->from_cjson(m->tree, slot(m, 0)) != WCC_OK)
            die(m, "from_cjson");
        m->type->free(slot(m, 0));
    }
}

/* Leaves n decoded messages for free to time. */
static void run_decode(bench_message *m, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (m->type->decode(m->text, m->len, slot(m, i), &m->options) != WCC_OK)
            die(m, "decode");
}

static void free_text(const bench_message *m, char *text)
{
    if (m->options.allocator != NULL)
        m->options.allocator->free(m->options.allocator->ctx, text);
    else
        free(text);
}

static void run_encode(bench_message *m, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t len = 0;
        char *text = m->type->encode(m->decoded, &len, &m->options);
        if (text == NULL)
            die(m, "encode");
        m->sink += len;
        free_text(m, text);
    }
}

static void run_validate(bench_message *m, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (m->type->validate(m->decoded) != WCC_OK)
            die(m, "validate");
}

static void run_free(bench_message *m, size_t n)
{
    for (size_t i = 0; i < n; i++)
        m->type->free(slot(m, i));
}

/* ---- The reference reader ---- */

static void run_reference(bench_message *m, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!m->type->reference->decode_free(m->reference, m->text, m->len, &m->sink))
            die(m, BENCH_REFERENCE_OP);
}

#define BASELINE_PARSE "cjson_parse_delete"
#define BASELINE_PRINT "cjson_print"

/* free gets n messages from its setup. */
const bench_op bench_ops[BENCH_OP_COUNT] = {
    { BASELINE_PARSE, NULL, false, NULL, run_cjson_parse_delete, NULL },
    { BASELINE_PRINT, NULL, false, NULL, run_cjson_print, NULL },
    { "decode", BASELINE_PARSE, false, NULL, run_decode_free, NULL },
    { "from_cjson", BASELINE_PARSE, false, NULL, run_from_cjson_free, NULL },
    { "encode", BASELINE_PRINT, false, NULL, run_encode, NULL },
    { "validate", BASELINE_PARSE, false, NULL, run_validate, NULL },
    { "free", BASELINE_PARSE, false, run_decode, run_free, NULL },
    { BENCH_REFERENCE_OP, BASELINE_PARSE, true, NULL, run_reference, NULL },
};

bool bench_op_applies(const bench_op *op, const bench_message *m)
{
    return !op->needs_reference || m->type->reference != NULL;
}

/* ---- Loading ---- */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    char *text = NULL;
    size_t size = 0;
    if (fseek(f, 0, SEEK_END) == 0) {
        long end = ftell(f);
        if (end >= 0 && fseek(f, 0, SEEK_SET) == 0) {
            size = (size_t)end;
            text = malloc(size + 1);
        }
    }
    if (text != NULL && fread(text, 1, size, f) != size) {
        free(text);
        text = NULL;
    }
    fclose(f);
    if (text != NULL) {
        text[size] = '\0';
        *len = size;
    }
    return text;
}

void bench_message_load(bench_message *m, const char *dir, size_t batch)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s/%s", dir, m->file) >= (int)sizeof path)
        die(m, "building the path");
    m->text = read_file(path, &m->len);
    if (m->text == NULL) {
        fprintf(stderr, "schemac_bench: cannot read %s\n", path);
        exit(1);
    }
    m->tree = cJSON_ParseWithLength(m->text, m->len);
    m->decoded = calloc(1, m->type->size);
    m->slots = calloc(batch, m->type->size);
    m->slot_count = batch;
    if (m->tree == NULL || m->decoded == NULL || m->slots == NULL)
        die(m, "loading");
    if (m->type->decode(m->text, m->len, m->decoded, &m->options) != WCC_OK)
        die(m, "decode");
    if (m->type->reference != NULL && (m->reference = m->type->reference->create(m->len)) == NULL)
        die(m, "creating the reference reader");
    for (size_t i = 0; i < BENCH_OP_COUNT; i++) {
        const bench_op *op = &bench_ops[i];
        if (!bench_op_applies(op, m))
            continue;
        if (op->setup != NULL)
            op->setup(m, 1);
        op->run(m, 1);
        if (op->teardown != NULL)
            op->teardown(m, 1);
    }
}

void bench_message_release(bench_message *m)
{
    if (m->decoded != NULL)
        m->type->free(m->decoded);
    free(m->decoded);
    if (m->reference != NULL)
        m->type->reference->destroy(m->reference);
    free(m->slots);
    cJSON_Delete(m->tree);
    free(m->text);
    memset(m, 0, sizeof *m);
}
