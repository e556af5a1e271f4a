/* The differential rule: for a text T and a generated type X, the two ways
 * to read T must agree:
 *   A = X_decode(T, len, &a, &errA)
 *   B = X_from_cjson(cJSON_ParseWithLengthOpts(T, len, &end, false), &b, &errB)
 * Same accept/reject, same error code, same JSON Pointer (and its truncated
 * flag), and X_equal(&a, &b) when both accept; when cJSON refuses T, decode
 * must refuse it at the text level (SYNTAX, DEPTH or TOO_LARGE). The only
 * other outcomes allowed are the exceptions docs/input-contract.md lists
 * ("Decode and from_cjson"), each recognised by diff_judge from the text and
 * the two outcomes, never skipped blindly.
 *
 * Shared by tests/test_differential.c and tests/fuzz/fuzz_differential.c;
 * each generated library joins through differential_adapter.h. */
#ifndef DIFFERENTIAL_H
#define DIFFERENTIAL_H

#include <cjson/cJSON.h>

#include <stdbool.h>
#include <stddef.h>

#define DIFF_TEXT_MAX 256 /* as <prefix>_ERROR_PATH_MAX and _MESSAGE_MAX */

/* What one of the two paths gave. */
typedef struct diff_outcome {
    const char *code; /* status without its prefix: "OK", "SYNTAX", ... */
    size_t offset;
    bool path_truncated;
    char path[DIFF_TEXT_MAX];
    char message[DIFF_TEXT_MAX];
} diff_outcome;

/* One generated type X, whatever its library (differential_adapter.h). */
typedef struct diff_type {
    const char *name;
    size_t size; /* sizeof(X) */
    const void *impl; /* the library's registry entry */
    /* X_decode and X_from_cjson into out (a zeroed X), recording the outcome. */
    void (*decode)(const void *impl, const char *text, size_t len, void *out, diff_outcome *o);
    void (*from_cjson)(const void *impl, const cJSON *tree, void *out, diff_outcome *o);
    bool (*equal)(const void *impl, const void *a, const void *b);
    void (*free)(const void *impl, void *m);
} diff_type;

/* Both paths over one text. */
typedef struct diff_case {
    const diff_type *t;  /* X */
    const char *type;    /* X's name */
    const char *text;    /* T, len bytes */
    size_t len;
    diff_outcome decode; /* A */
    bool parsed;         /* cJSON took a value from T */
    size_t parse_end;    /* where cJSON stopped, as an offset into T */
    cJSON *tree;         /* what it took, when parsed */
    diff_outcome from_cjson; /* B, when parsed */
    bool equal;          /* A and B accepted and X_equal holds */
} diff_case;

/* How a case was judged: agreement, one documented exception, or a
 * disagreement the contract does not allow. Each exception is a row of
 * docs/input-contract.md, "Decode and from_cjson", and names the section
 * of the contract that makes decode's result the right one. */
typedef enum diff_verdict {
    DIFF_AGREE,
    /* Syntax: cJSON stops after the value; decode refuses what follows. */
    DIFF_TRAILING,
    /* Syntax: a byte below 0x20 (raw in a string, NUL, or a blank other
     * than space, tab, LF, CR), which cJSON takes. */
    DIFF_CONTROL_BYTE,
    /* Syntax: an ill-formed UTF-8 sequence, which cJSON copies as it is. */
    DIFF_INVALID_UTF8,
    /* Syntax (escapes): a \u escape without 4 hex digits, which cJSON
     * reads as \u0000. */
    DIFF_BAD_ESCAPE,
    /* Syntax (literals): a number strtod reads and RFC 8259 refuses: 01,
     * -.5, 1., 1.e5. */
    DIFF_NUMBER_GRAMMAR,
    /* Rules, 3: deeper than decode's max_depth (512), within cJSON's 1000. */
    DIFF_DEPTH,
    /* Schema errors (ERR_VALUE) and Any values: \u0000, where cJSON ends
     * the string or key. */
    DIFF_NUL_ESCAPE,
    /* Numbers: decode judges a number's digits; cJSON keeps the nearest
     * double (1.0000000000000001 is 1, 1e-400 is 0). */
    DIFF_INEXACT_NUMBER,
    /* Numbers: decode reads an integer beyond +-(2^53 - 1) exactly, where
     * from_cjson refuses the double cJSON rounded it to (ERR_RANGE), or
     * reads it as a NUMBER where decode has an INTEGER. */
    DIFF_BIG_INTEGER,
    DIFF_DISAGREE,
    DIFF_VERDICTS
} diff_verdict;

/* Runs both paths of t over text[0..len) (which decode may not read past);
 * release with diff_case_free. */
void diff_run(const diff_type *t, const char *text, size_t len, diff_case *c);
void diff_case_free(diff_case *c);

diff_verdict diff_judge(const diff_case *c);
const char *diff_verdict_name(diff_verdict v);

/* A report of c for a failure message: type, verdict, both outcomes, and
 * the text escaped (cut after 400 bytes). */
void diff_describe(const diff_case *c, diff_verdict v, char *buf, size_t size);

#endif
