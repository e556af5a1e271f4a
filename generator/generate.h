/* One schemac run, from schema files to written output, as a library call so
 * that tests and fuzzers can drive it in-process. */
#ifndef SCHEMAC_GENERATE_H
#define SCHEMAC_GENERATE_H

#include "diag.h"
#include "output.h"
#include "template.h"

typedef struct generate_options {
    const char *prefix;
    const char *out_dir;
    output_mode mode;
    bool listed_only; /* a file reached through $ref but not in files is an error */
    const char *const *files;
    size_t file_count;
    const template_set *templates;
} generate_options;

typedef enum generate_result {
    GENERATE_OK = 0,
    GENERATE_FAILED = 1, /* errors were reported */
    GENERATE_STALE = 3   /* check mode: some output differs */
} generate_result;

/* True when prefix can start C identifiers: [a-z][a-z0-9_]*, at most 32
 * characters, not ending in '_'. */
bool generate_prefix_ok(const char *prefix);

generate_result generate(const generate_options *opts, diag *d);

#endif
