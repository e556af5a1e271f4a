/* bench_ops.h: the operations the benchmark times, on any message type. */
#ifndef BENCH_OPS_H
#define BENCH_OPS_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "wcc_runtime.h"

/* A reader of a type's messages that is not wcc's, timed as a reference:
 * decode_free reads text into a struct of its own and frees it, adding to
 * *sink so the work is not optimised away; false when it fails. */
typedef struct bench_reference {
    void *(*create)(size_t max_len);
    bool (*decode_free)(void *reader, const char *text, size_t len, size_t *sink);
    void (*destroy)(void *reader);
} bench_reference;

/* The API of one generated record type, with void pointers to it. */
typedef struct bench_type {
    const char *name;
    size_t size;
    wcc_status (*decode)(const char *json, size_t len, void *out, const wcc_options *options);
    wcc_status (*from_cjson)(const cJSON *json, void *out);
    char *(*encode)(const void *m, size_t *len, const wcc_options *options);
    wcc_status (*validate)(const void *m);
    void (*free)(void *m);
    const bench_reference *reference; /* NULL: no reference row */
} bench_type;

extern const bench_type bench_wcc_station_login_success;
extern const bench_type bench_wcc_agent_contact;

/* One benchmark message and what the operations need. */
typedef struct bench_message {
    const char *file;      /* file name under the messages directory */
    const bench_type *type;
    char *text;
    size_t len;
    cJSON *tree;           /* cJSON_Parse of text: from_cjson's and print's input */
    void *decoded;         /* one decoded message: encode's and validate's input */
    unsigned char *slots;  /* room for a batch of decoded messages */
    size_t slot_count;
    wcc_options options;   /* allocator: NULL while timing, counting while counting */
    void *reference;       /* the type's reference reader, or NULL */
    size_t sink;           /* output lengths, so no work is optimised away */
} bench_message;

/* One operation: setup and teardown run around the timed run, untimed; each
 * handles n messages (the batch). Any failure ends the program (exit 1). */
typedef struct bench_op {
    const char *name;
    const char *baseline; /* the op the ratio is to; NULL for a baseline */
    bool needs_reference; /* only for types with a reference reader */
    void (*setup)(bench_message *m, size_t n);
    void (*run)(bench_message *m, size_t n);
    void (*teardown)(bench_message *m, size_t n);
} bench_op;

/* The baselines (cJSON alone) first, then the generated code's operations,
 * then the reference reader's. */
enum { BENCH_OP_COUNT = 8 };
extern const bench_op bench_ops[BENCH_OP_COUNT];
#define BENCH_REFERENCE_OP "simdjson_ondemand"

/* Whether op runs on m: not a reference op on a type without one. */
bool bench_op_applies(const bench_op *op, const bench_message *m);

/* The reference reader's version ("3.0.1"), or NULL when it is not built. */
const char *bench_reference_version(void);

/* Reads dir/m->file and prepares tree, decoded and room for batch messages;
 * checks that every operation succeeds once. Exits on failure. */
void bench_message_load(bench_message *m, const char *dir, size_t batch);
void bench_message_release(bench_message *m);

#endif
