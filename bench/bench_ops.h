/* bench_ops.h: the operations the benchmark times, on any message type. */
#ifndef BENCH_OPS_H
#define BENCH_OPS_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "wcc_runtime.h"

/* The API of one generated record type, with void pointers to it. */
typedef struct bench_type {
    const char *name;
    size_t size;
    wcc_status (*decode)(const char *json, size_t len, void *out, const wcc_options *options);
    wcc_status (*from_cjson)(const cJSON *json, void *out);
    char *(*encode)(const void *m, size_t *len, const wcc_options *options);
    wcc_status (*validate)(const void *m);
    void (*free)(void *m);
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
    size_t sink;           /* output lengths, so no work is optimised away */
} bench_message;

/* One operation: setup and teardown run around the timed run, untimed; each
 * handles n messages (the batch). Any failure ends the program (exit 1). */
typedef struct bench_op {
    const char *name;
    const char *baseline; /* the op the ratio is to; NULL for a baseline */
    void (*setup)(bench_message *m, size_t n);
    void (*run)(bench_message *m, size_t n);
    void (*teardown)(bench_message *m, size_t n);
} bench_op;

/* The baselines (cJSON alone) first, then the generated code's operations. */
enum { BENCH_OP_COUNT = 7 };
extern const bench_op bench_ops[BENCH_OP_COUNT];

/* Reads dir/m->file and prepares tree, decoded and room for batch messages;
 * checks that every operation succeeds once. Exits on failure. */
void bench_message_load(bench_message *m, const char *dir, size_t batch);
void bench_message_release(bench_message *m);

#endif
