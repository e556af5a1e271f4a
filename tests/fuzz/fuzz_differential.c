/* libFuzzer target for the differential rule (tests/differential.h) on one
 * type of one generated library: X_decode and cJSON_ParseWithLengthOpts +
 * X_from_cjson must agree on every input, or differ only as
 * docs/input-contract.md ("Decode and from_cjson") allows. A disagreement
 * prints both outcomes and the input, then aborts (libFuzzer keeps the
 * input as an artifact).
 *
 * Built once per prefix (FUZZ_PREFIX, TYPES_HEADER), like fuzz_decode.c;
 * FUZZ_MESSAGE=<type> picks the type at start-up, FUZZ_MESSAGE=list prints
 * them. */
#include TYPES_HEADER

#define DIFF_PREFIX FUZZ_PREFIX
#include "differential_adapter.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define P(name) CAT(FUZZ_PREFIX, name)

static diff_type fuzzed_type;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *name = getenv("FUZZ_MESSAGE");
    const P(_message_type) *t = P(_message_type_find)(name);
    bool list = name != NULL && strcmp(name, "list") == 0;
    if (t == NULL) {
        if (!list)
            fprintf(stderr, "set FUZZ_MESSAGE to one of:\n");
        for (size_t i = 0; P(_message_types)[i] != NULL; i++)
            fprintf(list ? stdout : stderr, "%s%s\n", list ? "" : "  ", P(_message_types)[i]->name);
        exit(list ? 0 : 2);
    }
    fuzzed_type = P(_diff_type)(t);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diff_case c;
    diff_run(&fuzzed_type, (const char *)data, size, &c);
    diff_verdict verdict = diff_judge(&c);
    if (verdict == DIFF_DISAGREE) {
        char report[4096];
        diff_describe(&c, verdict, report, sizeof report);
        fprintf(stderr, "%s\n", report);
        abort();
    }
    diff_case_free(&c);
    return 0;
}
