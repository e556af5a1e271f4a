/* The decode corpus (tests/corpus) and the hostile inputs generated here, run
 * against every generated record type through the registries wcc_types.h and
 * kw_types.h (Check).
 *
 * - valid/<type>/ files decode, and encode -> decode gives an equal message;
 * - malformed/<type>/ files fail with the code, JSON Pointer and offset that
 *   malformed/expected.txt gives, leaving out zeroed;
 * - generated: truncation at every byte of every valid file, 100 000 levels of
 *   nesting, 10 MB strings, input size limits, numeric edges, every control
 *   character and invalid UTF-8 class in values and keys, unknown keys with
 *   reject_unknown_keys, allocation failures. */
#define _XOPEN_SOURCE 700

#include "kw_types.h"
#include "wcc_types.h"

#include "bounds.h"
#include "common.h"
#include "keywords.h"
#include "msg.h"
#include "station_login_success.h"

#include <check.h>
#include <dirent.h>
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef CORPUS_DIR
#error "CORPUS_DIR must name tests/corpus"
#endif

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- One record type of either generated library ---- */

typedef struct type_ref {
    const char *name;
    const wcc_message_type *w; /* exactly one of w and k is set */
    const kw_message_type *k;
} type_ref;

/* An error of either library, copied field by field. */
typedef struct any_error {
    int code;
    size_t offset;
    char path[WCC_ERROR_PATH_MAX];
    bool path_truncated;
    char message[WCC_ERROR_MESSAGE_MAX];
} any_error;

/* Counts allocations and can fail every one from the one numbered fail_at
 * (0-based) on, as memory that has run out stays out. */
typedef struct counting_alloc {
    size_t allocs; /* attempts, failed ones included */
    size_t frees;
    size_t fail_at; /* SIZE_MAX: never */
    size_t failed;
} counting_alloc;

/* What decode is called with; NULL options when everything is default. */
typedef struct limits {
    size_t max_depth;
    size_t max_input_size;
    bool reject_unknown_keys;
    counting_alloc *alloc; /* NULL: the default allocator */
} limits;

static void *count_alloc(void *ctx, size_t size)
{
    counting_alloc *c = ctx;
    if (c->allocs++ >= c->fail_at) {
        c->failed++;
        return NULL;
    }
    return malloc(size);
}

static void count_free(void *ctx, void *ptr)
{
    counting_alloc *c = ctx;
    c->frees++;
    free(ptr);
}

static type_ref find_type(const char *name)
{
    type_ref t = { name, wcc_message_type_find(name), kw_message_type_find(name) };
    ck_assert_msg((t.w != NULL) != (t.k != NULL), "type %s is not in exactly one registry",
                  name);
    return t;
}

/* wcc_msg, the type most generated cases use. */
static const type_ref *msg_type(void)
{
    static type_ref t;
    t = find_type("wcc_msg");
    return &t;
}

static size_t type_size(const type_ref *t)
{
    return t->w != NULL ? t->w->size : t->k->size;
}

static void type_free(const type_ref *t, void *m)
{
    if (t->w != NULL)
        t->w->free(m);
    else
        t->k->free(m);
}

static bool type_equal(const type_ref *t, const void *a, const void *b)
{
    return t->w != NULL ? t->w->equal(a, b) : t->k->equal(a, b);
}

/* The status name without its prefix: "OK", "SYNTAX", ... */
static const char *short_code(const type_ref *t, int code)
{
    const char *full = t->w != NULL ? wcc_status_name((wcc_status)code)
                                    : kw_status_name((kw_status)code);
    const char *err = strstr(full, "_ERR_");
    return err != NULL ? err + 5 : strstr(full, "OK") != NULL ? "OK" : full;
}

#define COPY_ERROR(dst, src)                                                  \
    do {                                                                      \
        (dst)->code = (int)(src).code;                                        \
        (dst)->offset = (src).offset;                                         \
        (dst)->path_truncated = (src).path_truncated;                         \
        snprintf((dst)->path, sizeof (dst)->path, "%s", (src).path);          \
        snprintf((dst)->message, sizeof (dst)->message, "%s", (src).message); \
    } while (0)

#define FILL_OPTIONS(o, a, lim)                                   \
    do {                                                          \
        memset(&(o), 0, sizeof(o));                               \
        (o).max_depth = (lim)->max_depth;                         \
        (o).max_input_size = (lim)->max_input_size;               \
        (o).reject_unknown_keys = (lim)->reject_unknown_keys;     \
        if ((lim)->alloc != NULL) {                               \
            (a).alloc = count_alloc;                              \
            (a).free = count_free;                                \
            (a).ctx = (lim)->alloc;                               \
            (o).allocator = &(a);                                 \
        }                                                         \
    } while (0)

/* Runs result = call, where call passes OPTS (lim's options, NULL when lim
 * is NULL) and ERR (NULL when e is NULL) of one library's types, then copies
 * the error into e. */
#define OPTS (lim != NULL ? &o : NULL)
#define ERR (e != NULL ? &err : NULL)
#define WITH_OPTIONS(opt_t, alloc_t, err_t, result, call) \
    do {                                                  \
        opt_t o;                                          \
        alloc_t a;                                        \
        err_t err;                                        \
        if (lim != NULL)                                  \
            FILL_OPTIONS(o, a, lim);                      \
        memset(&err, 0x5A, sizeof err);                   \
        result = call;                                    \
        if (e != NULL)                                    \
            COPY_ERROR(e, err);                           \
    } while (0)

/* Decodes json[0..len) with lim (NULL: NULL options); e may be NULL. */
static int type_decode(const type_ref *t, const char *json, size_t len, void *out,
                       const limits *lim, any_error *e)
{
    int st;
    if (t->w != NULL)
        WITH_OPTIONS(wcc_options, wcc_allocator, wcc_error, st,
                     (int)t->w->decode(json, len, out, OPTS, ERR));
    else
        WITH_OPTIONS(kw_options, kw_allocator, kw_error, st,
                     (int)t->k->decode(json, len, out, OPTS, ERR));
    return st;
}

/* Encodes with the default allocator (release with free()), or with lim's. */
static char *type_encode(const type_ref *t, const void *m, size_t *len, const limits *lim,
                         any_error *e)
{
    char *text;
    if (t->w != NULL)
        WITH_OPTIONS(wcc_options, wcc_allocator, wcc_error, text,
                     t->w->encode(m, len, OPTS, ERR));
    else
        WITH_OPTIONS(kw_options, kw_allocator, kw_error, text, t->k->encode(m, len, OPTS, ERR));
    return text;
}

/* ---- Files ---- */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long size;
    ck_assert_msg(f != NULL, "cannot open %s", path);
    ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
    size = ftell(f);
    ck_assert_int_ge(size, 0);
    rewind(f);
    buf = malloc((size_t)size + 1);
    ck_assert_ptr_nonnull(buf);
    *len = fread(buf, 1, (size_t)size, f);
    fclose(f);
    ck_assert_uint_eq(*len, (size_t)size);
    return buf;
}

/* items with room for element count (of size bytes); *cap is its capacity. */
static void *grow(void *items, size_t count, size_t *cap, size_t size)
{
    if (count < *cap)
        return items;
    *cap = *cap != 0 ? *cap * 2 : 16;
    items = realloc(items, *cap * size);
    if (items == NULL)
        abort();
    return items;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names of the entries of dir (not "." or ".."); *count of them. When
 * suffix is not NULL, only names ending in it. */
static char **list_dir(const char *dir, const char *suffix, size_t *count)
{
    DIR *d = opendir(dir);
    struct dirent *ent;
    char **names = NULL;
    size_t n = 0, cap = 0;
    if (d == NULL) {
        fprintf(stderr, "cannot open %s\n", dir);
        exit(EXIT_FAILURE);
    }
    while ((ent = readdir(d)) != NULL) {
        size_t len = strlen(ent->d_name);
        if (ent->d_name[0] == '.')
            continue;
        if (suffix != NULL &&
            (len < strlen(suffix) || strcmp(ent->d_name + len - strlen(suffix), suffix) != 0))
            continue;
        names = grow(names, n, &cap, sizeof *names);
        names[n] = strdup(ent->d_name);
        if (names[n++] == NULL)
            abort();
    }
    closedir(d);
    qsort(names, n, sizeof *names, compare_names);
    *count = n;
    return names;
}

static void free_names(char **names, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
}

/* A corpus file: its type folder and its path below tests/corpus. */
typedef struct corpus_file {
    char type[96];
    char rel[256]; /* "<type>/<name>" */
} corpus_file;

typedef struct bad_case {
    corpus_file file;
    char code[32];
    char path[WCC_ERROR_PATH_MAX];
    long offset; /* -1: not a text-level error */
} bad_case;

/* Filled by main before the suite runs. */
static corpus_file *valid_files;
static size_t valid_count;
static bad_case *bad_cases;
static size_t bad_count;

static void load_valid(void)
{
    size_t ntypes, cap = 0;
    char **types = list_dir(CORPUS_DIR "/valid", NULL, &ntypes);
    for (size_t i = 0; i < ntypes; i++) {
        char dir[512];
        size_t nfiles;
        snprintf(dir, sizeof dir, "%s/valid/%s", CORPUS_DIR, types[i]);
        char **files = list_dir(dir, ".json", &nfiles);
        for (size_t j = 0; j < nfiles; j++) {
            valid_files = grow(valid_files, valid_count, &cap, sizeof *valid_files);
            corpus_file *f = &valid_files[valid_count++];
            snprintf(f->type, sizeof f->type, "%s", types[i]);
            snprintf(f->rel, sizeof f->rel, "%s/%s", types[i], files[j]);
        }
        free_names(files, nfiles);
    }
    free_names(types, ntypes);
}

/* One line: <type>/<file> <code> <pointer or ""> <offset or ->. */
static bool parse_case(const char *line, bad_case *c)
{
    char offset[32];
    char *slash;
    if (sscanf(line, "%255s %31s %255s %31s", c->file.rel, c->code, c->path, offset) != 4)
        return false;
    if (strcmp(c->path, "\"\"") == 0)
        c->path[0] = '\0';
    c->offset = strcmp(offset, "-") == 0 ? -1 : strtol(offset, NULL, 10);
    slash = strchr(c->file.rel, '/');
    if (slash == NULL || (size_t)(slash - c->file.rel) >= sizeof c->file.type)
        return false;
    memcpy(c->file.type, c->file.rel, (size_t)(slash - c->file.rel));
    c->file.type[slash - c->file.rel] = '\0';
    return true;
}

static void load_manifest(void)
{
    FILE *f = fopen(CORPUS_DIR "/malformed/expected.txt", "r");
    char line[1024];
    size_t cap = 0;
    if (f == NULL) {
        fprintf(stderr, "cannot open %s\n", CORPUS_DIR "/malformed/expected.txt");
        exit(EXIT_FAILURE);
    }
    while (fgets(line, sizeof line, f) != NULL) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        bad_cases = grow(bad_cases, bad_count, &cap, sizeof *bad_cases);
        if (!parse_case(line, &bad_cases[bad_count])) {
            fprintf(stderr, "expected.txt: bad line: %s", line);
            exit(EXIT_FAILURE);
        }
        bad_count++;
    }
    fclose(f);
}

/* ---- Checks ---- */

static bool is_zeroed(const void *p, size_t size)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < size; i++)
        if (b[i] != 0)
            return false;
    return true;
}

/* A decode target of the type's size, filled with garbage. */
static void *new_out(const type_ref *t)
{
    void *out = malloc(type_size(t));
    ck_assert_ptr_nonnull(out);
    memset(out, 0xA5, type_size(t));
    return out;
}

/* Decodes an exact-size heap copy of text[0..len) (nothing readable after
 * it, so ASan and valgrind catch reads past the end). */
static int decode_copy(const type_ref *t, const char *text, size_t len, void *out,
                       const limits *lim, any_error *e)
{
    char *copy = malloc(len != 0 ? len : 1);
    int st;
    ck_assert_ptr_nonnull(copy);
    if (len != 0)
        memcpy(copy, text, len);
    st = type_decode(t, copy, len, out, lim, e);
    free(copy);
    return st;
}

static bool is_text_level(const char *code)
{
    return strcmp(code, "SYNTAX") == 0 || strcmp(code, "DEPTH") == 0 ||
           strcmp(code, "TOO_LARGE") == 0;
}

/* True when s is valid UTF-8 (shortest forms, no surrogates, at most
 * U+10FFFF): error paths and messages must be, whatever the input held. */
static bool utf8_ok(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    while (*u != 0) {
        unsigned cp, n = *u < 0x80 ? 0 : *u >= 0xC2 && *u < 0xE0 ? 1 : *u >= 0xE0 && *u < 0xF0 ? 2
                                      : *u >= 0xF0 && *u < 0xF5 ? 3 : 4;
        if (n == 4)
            return false;
        cp = n == 0 ? *u : *u & (0x3Fu >> n);
        for (unsigned i = 1; i <= n; i++) {
            if ((u[i] & 0xC0) != 0x80)
                return false;
            cp = cp << 6 | (u[i] & 0x3Fu);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        u += n + 1;
    }
    return true;
}

/* Checks a failed decode's result: code, path, offset (for text-level
 * errors; 0 otherwise), valid UTF-8 in path and message, and an out left
 * zeroed. */
static void check_failure(const char *label, const type_ref *t, int st, const any_error *e,
                          const void *out, const char *code, const char *path, size_t offset)
{
    ck_assert_msg(strcmp(short_code(t, st), code) == 0 && e->code == st,
                  "%s: got %s at \"%s\" offset %zu (%s), expected %s at \"%s\"", label,
                  short_code(t, e->code), e->path, e->offset, e->message, code, path);
    ck_assert_msg(strcmp(e->path, path) == 0 && !e->path_truncated,
                  "%s: %s at \"%s\" (%s), expected path \"%s\"", label, code, e->path,
                  e->message, path);
    ck_assert_msg(e->offset == (is_text_level(code) ? offset : 0),
                  "%s: %s at offset %zu (%s), expected %zu", label, code, e->offset, e->message,
                  is_text_level(code) ? offset : 0);
    ck_assert_msg(e->message[0] != '\0', "%s: no message", label);
    ck_assert_msg(utf8_ok(e->path) && utf8_ok(e->message), "%s: path or message not UTF-8",
                  label);
    ck_assert_msg(is_zeroed(out, type_size(t)), "%s: out is not zeroed after %s", label, code);
}

/* text[0..len) must fail with code at path (and offset, for text-level
 * errors), with and without an error record, leaving out zeroed. */
static void expect_fail_with(const char *label, const type_ref *t, const char *text,
                             size_t len, const limits *lim, const char *code,
                             const char *path, size_t offset)
{
    void *out = new_out(t);
    any_error e;
    int st = decode_copy(t, text, len, out, lim, &e);
    check_failure(label, t, st, &e, out, code, path, offset);
    type_free(t, out); /* on a zeroed message: only resets it */
    memset(out, 0xA5, type_size(t));
    st = decode_copy(t, text, len, out, lim, NULL);
    ck_assert_msg(strcmp(short_code(t, st), code) == 0, "%s: without err: %s, expected %s",
                  label, short_code(t, st), code);
    ck_assert_msg(is_zeroed(out, type_size(t)), "%s: out is not zeroed (no err)", label);
    free(out);
}

static void expect_fail(const char *label, const type_ref *t, const char *text, size_t len,
                        const char *code, const char *path, size_t offset)
{
    expect_fail_with(label, t, text, len, NULL, code, path, offset);
}

/* Decodes text[0..len), which must succeed with a reset error; returns the
 * message (release with free_msg). */
static void *expect_ok_with(const char *label, const type_ref *t, const char *text, size_t len,
                            const limits *lim)
{
    void *out = new_out(t);
    any_error e;
    int st = decode_copy(t, text, len, out, lim, &e);
    ck_assert_msg(st == 0, "%s: %s at \"%s\" offset %zu: %s", label, short_code(t, st), e.path,
                  e.offset, e.message);
    ck_assert_msg(e.code == 0 && e.offset == 0 && e.path[0] == '\0' && e.message[0] == '\0' &&
                      !e.path_truncated,
                  "%s: error record not reset on success", label);
    return out;
}

static void *expect_ok(const char *label, const type_ref *t, const char *text, size_t len)
{
    return expect_ok_with(label, t, text, len, NULL);
}

static void free_msg(const type_ref *t, void *m)
{
    type_free(t, m);
    ck_assert(is_zeroed(m, type_size(t)));
    free(m);
}

/* ---- (a) Valid files ---- */

static char *corpus_path(const char *kind, const corpus_file *f, char *buf, size_t size)
{
    snprintf(buf, size, "%s/%s/%s", CORPUS_DIR, kind, f->rel);
    return buf;
}

/* Encodes m; the text must decode to an equal message that encodes to the
 * same text. */
static void check_round_trip(const char *label, const type_ref *t, const void *m)
{
    any_error e;
    size_t len = 0, len2 = 0;
    char *text = type_encode(t, m, &len, NULL, &e);
    ck_assert_msg(text != NULL, "%s: encode: %s at \"%s\": %s", label, short_code(t, e.code),
                  e.path, e.message);
    ck_assert_uint_eq(len, strlen(text));
    void *back = expect_ok(label, t, text, len);
    ck_assert_msg(type_equal(t, m, back), "%s: decode(encode(m)) != m; encoded: %.300s", label,
                  text);
    char *again = type_encode(t, back, &len2, NULL, &e);
    ck_assert_ptr_nonnull(again);
    ck_assert_msg(len2 == len && memcmp(text, again, len) == 0,
                  "%s: encoding is not stable:\n %.300s\n %.300s", label, text, again);
    free(again);
    free(text);
    free_msg(t, back);
}

START_TEST(test_valid_file)
{
    const corpus_file *f = &valid_files[_i];
    type_ref t = find_type(f->type);
    char path[1024];
    size_t len;
    char *text = read_file(corpus_path("valid", f, path, sizeof path), &len);
    void *m = expect_ok(f->rel, &t, text, len);
    ck_assert_msg(type_equal(&t, m, m), "%s: a message is not equal to itself", f->rel);
    check_round_trip(f->rel, &t, m);
    free_msg(&t, m);
    free(text);
}
END_TEST

/* The allocator of the options gets every allocation, and a decode that
 * cannot allocate fails with NOMEM, out zeroed, nothing leaked. */
START_TEST(test_valid_file_allocator)
{
    const corpus_file *f = &valid_files[_i];
    type_ref t = find_type(f->type);
    counting_alloc c = { 0, 0, SIZE_MAX, 0 };
    limits lim = { 0, 0, false, &c };
    char path[1024];
    size_t len, text_len = 0;
    any_error e;
    char *text = read_file(corpus_path("valid", f, path, sizeof path), &len);
    void *plain = expect_ok(f->rel, &t, text, len);
    void *m = expect_ok_with(f->rel, &t, text, len, &lim);
    size_t needed = c.allocs;
    ck_assert(type_equal(&t, plain, m));
    char *encoded = type_encode(&t, m, &text_len, &lim, &e);
    ck_assert_ptr_nonnull(encoded);
    count_free(&c, encoded);
    free_msg(&t, m);
    free_msg(&t, plain);
    ck_assert_msg(c.allocs == c.frees, "%s: %zu allocations, %zu frees", f->rel, c.allocs,
                  c.frees);
    for (size_t i = 0; i < needed; i++) {
        char label[512];
        c = (counting_alloc){ 0, 0, i, 0 };
        snprintf(label, sizeof label, "%s, allocation %zu failing", f->rel, i);
        m = new_out(&t);
        int st = decode_copy(&t, text, len, m, &lim, &e);
        ck_assert_msg(strcmp(short_code(&t, st), "NOMEM") == 0, "%s: %s", label,
                      short_code(&t, st));
        ck_assert_msg(is_zeroed(m, type_size(&t)), "%s: out is not zeroed", label);
        ck_assert_msg(c.allocs == c.frees + c.failed, "%s: %zu allocations, %zu frees", label,
                      c.allocs - c.failed, c.frees);
        free(m);
    }
    free(text);
}
END_TEST

/* A message with strings needs memory, and takes it from the allocator. */
START_TEST(test_allocator_used)
{
    static const char text[] = "{\"type\":\"t\",\"orgId\":\"o\",\"trackingId\":\"k\",\"data\":{}}";
    counting_alloc c = { 0, 0, SIZE_MAX, 0 };
    limits lim = { 0, 0, false, &c };
    void *m = expect_ok_with("wcc_msg with an allocator", msg_type(), text, strlen(text), &lim);
    ck_assert_uint_gt(c.allocs, 0);
    free_msg(msg_type(), m);
    ck_assert_uint_eq(c.allocs, c.frees);
}
END_TEST

/* Every registered type has valid files (seeds for its fuzz target), and
 * every folder names a registered type. */
START_TEST(test_registry_covered)
{
    size_t ntypes;
    char **types = list_dir(CORPUS_DIR "/valid", NULL, &ntypes);
    for (size_t i = 0; i < ntypes; i++)
        (void)find_type(types[i]);
    for (size_t i = 0; i < wcc_message_type_count + kw_message_type_count; i++) {
        const char *name = i < wcc_message_type_count
                               ? wcc_message_types[i]->name
                               : kw_message_types[i - wcc_message_type_count]->name;
        bool found = false;
        for (size_t j = 0; j < ntypes && !found; j++)
            found = strcmp(types[j], name) == 0;
        ck_assert_msg(found, "no tests/corpus/valid/%s", name);
        ck_assert_ptr_null(strchr(name, '/'));
    }
    free_names(types, ntypes);
    ck_assert_ptr_null(wcc_message_type_find("wcc_nope"));
    ck_assert_ptr_null(kw_message_type_find("kw_nope"));
}
END_TEST

/* ---- (b) The malformed files ---- */

START_TEST(test_malformed_file)
{
    const bad_case *c = &bad_cases[_i];
    type_ref t = find_type(c->file.type);
    char path[1024];
    size_t len;
    char *text = read_file(corpus_path("malformed", &c->file, path, sizeof path), &len);
    ck_assert_msg(is_text_level(c->code) == (c->offset >= 0), "%s: offset column", c->file.rel);
    expect_fail(c->file.rel, &t, text, len, c->code, c->path,
                c->offset >= 0 ? (size_t)c->offset : 0);
    free(text);
}
END_TEST

/* Every malformed file has its line, and there are at least 150. */
START_TEST(test_malformed_listed)
{
    size_t ntypes, total = 0;
    char **types = list_dir(CORPUS_DIR "/malformed", NULL, &ntypes);
    ck_assert_uint_ge(bad_count, 150);
    for (size_t i = 0; i < ntypes; i++) {
        char dir[512];
        size_t nfiles;
        if (strcmp(types[i], "expected.txt") == 0)
            continue;
        snprintf(dir, sizeof dir, "%s/malformed/%s", CORPUS_DIR, types[i]);
        char **files = list_dir(dir, NULL, &nfiles);
        for (size_t j = 0; j < nfiles; j++) {
            char rel[512];
            bool listed = false;
            snprintf(rel, sizeof rel, "%s/%s", types[i], files[j]);
            for (size_t k = 0; k < bad_count && !listed; k++)
                listed = strcmp(bad_cases[k].file.rel, rel) == 0;
            ck_assert_msg(listed, "malformed/%s is not in expected.txt", rel);
        }
        total += nfiles;
        free_names(files, nfiles);
    }
    free_names(types, ntypes);
    ck_assert_uint_eq(total, bad_count);
}
END_TEST

/* ---- (c) Generated: truncation at every byte ---- */

static bool is_json_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Every proper prefix of a valid file that stops before the end of its value
 * is a syntax error at the end of the prefix (at 0 inside a partial BOM);
 * once the value is complete, only whitespace is left out and it decodes to
 * the same message. */
START_TEST(test_truncated_file)
{
    const corpus_file *f = &valid_files[_i];
    type_ref t = find_type(f->type);
    char path[1024];
    size_t len, end;
    char *text = read_file(corpus_path("valid", f, path, sizeof path), &len);
    bool bom = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0;
    void *full = expect_ok(f->rel, &t, text, len);
    void *out = new_out(&t);
    for (end = len; end > 0 && is_json_space(text[end - 1]); end--)
        ;
    for (size_t cut = 0; cut < len; cut++) {
        char label[512];
        any_error e;
        snprintf(label, sizeof label, "%s cut to %zu of %zu bytes", f->rel, cut, len);
        memset(out, 0xA5, type_size(&t));
        int st = decode_copy(&t, text, cut, out, NULL, &e);
        if (cut >= end) {
            ck_assert_msg(st == 0, "%s: %s (%s)", label, short_code(&t, st), e.message);
            ck_assert_msg(type_equal(&t, out, full), "%s: not the full message", label);
            type_free(&t, out);
            continue;
        }
        check_failure(label, &t, st, &e, out, "SYNTAX", "", bom && cut < 3 ? 0 : cut);
    }
    free(out);
    free_msg(&t, full);
    free(text);
}
END_TEST

/* ---- (c) Generated: deep nesting, big strings, input size ---- */

#define MSG_HEAD_TEXT "{\"type\":\"t\",\"orgId\":\"o\",\"trackingId\":\"k\",\"data\":{},\"x\":"
static const char MSG_HEAD[] = MSG_HEAD_TEXT;

/* MSG_HEAD, n copies of open, middle, n copies of close, tail (exact size). */
static char *nested_msg(size_t n, const char *open, const char *middle, const char *close,
                        const char *tail, size_t *len)
{
    size_t head = strlen(MSG_HEAD), lo = strlen(open), lc = strlen(close);
    size_t lm = strlen(middle), lt = strlen(tail);
    char *buf, *p;
    *len = head + n * (lo + lc) + lm + lt;
    buf = malloc(*len);
    ck_assert_ptr_nonnull(buf);
    p = buf;
    memcpy(p, MSG_HEAD, head);
    p += head;
    for (size_t i = 0; i < n; i++, p += lo)
        memcpy(p, open, lo);
    memcpy(p, middle, lm);
    p += lm;
    for (size_t i = 0; i < n; i++, p += lc)
        memcpy(p, close, lc);
    memcpy(p, tail, lt);
    return buf;
}

/* Decodes the exact-size heap buffer text as wcc_msg (no extra copy). */
static int decode_msg_buffer(const char *text, size_t len, wcc_msg *m, const limits *lim,
                             any_error *e)
{
    memset(m, 0xA5, sizeof *m);
    return type_decode(msg_type(), text, len, m, lim, e);
}

static void expect_msg_buffer_fails(const char *label, const char *text, size_t len,
                                    const limits *lim, const char *code, size_t offset)
{
    wcc_msg m;
    any_error e;
    int st = decode_msg_buffer(text, len, &m, lim, &e);
    check_failure(label, msg_type(), st, &e, &m, code, "", offset);
}

static void expect_msg_buffer_ok(const char *label, const char *text, size_t len,
                                 const limits *lim)
{
    wcc_msg m;
    any_error e;
    int st = decode_msg_buffer(text, len, &m, lim, &e);
    ck_assert_msg(st == WCC_OK, "%s: %s at \"%s\" offset %zu: %s", label,
                  short_code(msg_type(), st), e.path, e.offset, e.message);
    ck_assert_str_eq(m.type, "t");
    ck_assert_str_eq(m.tracking_id, "k");
    wcc_msg_free(&m);
}

enum { DEEP = 100000 };

/* 100 000 levels inside an ignored member: the '[' opening level 513 (the
 * root object is level 1) is the depth error, unless max_depth allows it. */
START_TEST(test_deep_arrays)
{
    size_t len, head = strlen(MSG_HEAD);
    char *text = nested_msg(DEEP, "[", "", "]", "}", &len);
    limits raised = { 200000, 0, false, NULL };
    limits thousand = { 1000, 0, false, NULL };
    expect_msg_buffer_fails("100000 arrays", text, len, NULL, "DEPTH", head + 511);
    expect_msg_buffer_ok("100000 arrays, max_depth 200000", text, len, &raised);
    expect_msg_buffer_fails("100000 arrays, max_depth 1000", text, len, &thousand, "DEPTH",
                            head + 999);
    free(text);
}
END_TEST

START_TEST(test_deep_objects)
{
    size_t len, head = strlen(MSG_HEAD);
    char *text = nested_msg(DEEP, "{\"a\":", "1", "}", "}", &len);
    limits raised = { 200000, 0, false, NULL };
    expect_msg_buffer_fails("100000 objects", text, len, NULL, "DEPTH", head + 511 * 5);
    expect_msg_buffer_ok("100000 objects, max_depth 200000", text, len, &raised);
    free(text);
}
END_TEST

/* A syntax error at the very end still beats the depth error. */
START_TEST(test_deep_then_syntax)
{
    size_t len;
    char *text = nested_msg(DEEP, "[", "", "]", "", &len);
    expect_msg_buffer_fails("100000 arrays, no closing brace", text, len, NULL, "SYNTAX", len);
    free(text);
}
END_TEST

START_TEST(test_max_depth_small)
{
    static const char text[] = "{\"type\":\"t\",\"orgId\":\"o\",\"trackingId\":\"k\",\"data\":{}}";
    limits one = { 1, 0, false, NULL }, two = { 2, 0, false, NULL };
    const type_ref *t = msg_type();
    expect_fail_with("max_depth 1", t, text, strlen(text), &one, "DEPTH", "",
                     strlen(text) - 3);
    free_msg(t, expect_ok_with("max_depth 2", t, text, strlen(text), &two));
}
END_TEST

enum { BIG = 10 * 1024 * 1024 };

typedef struct big_text {
    char *text;     /* exact size */
    size_t len;
    char *decoded;  /* NUL-terminated */
    size_t decoded_len;
    size_t last;    /* offset of the string's last byte, an ASCII 'x' */
} big_text;

/* {"type":"<about 10 MB: ASCII, multi-byte UTF-8, escapes>",...}. */
static big_text make_big(void)
{
    static const char *const units[][2] = {
        { "0123456789abcdef", "0123456789abcdef" },
        { "\xC3\xA9", "\xC3\xA9" },
        { "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80" },
        { "\\n\\t\\\"\\\\\\/", "\n\t\"\\/" },
        { "\\u00e9\\u20AC", "\xC3\xA9\xE2\x82\xAC" },
        { "\\ud83d\\ude00", "\xF0\x9F\x98\x80" },
        { "\xE2\x82\xAC ", "\xE2\x82\xAC " },
    };
    static const char head[] = "{\"type\":\"";
    static const char tail[] = "\",\"orgId\":\"o\",\"trackingId\":\"k\",\"data\":{}}";
    big_text b;
    size_t pos = strlen(head), out = 0, u = 0;
    b.len = strlen(head) + BIG + strlen(tail);
    b.text = malloc(b.len);
    b.decoded = malloc(BIG + 1);
    ck_assert(b.text != NULL && b.decoded != NULL);
    memcpy(b.text, head, strlen(head));
    while (pos + 32 < strlen(head) + BIG) {
        const char *enc = units[u][0], *dec = units[u][1];
        memcpy(b.text + pos, enc, strlen(enc));
        pos += strlen(enc);
        memcpy(b.decoded + out, dec, strlen(dec));
        out += strlen(dec);
        u = (u + 1) % COUNT(units);
    }
    while (pos < strlen(head) + BIG) {
        b.text[pos++] = 'x';
        b.decoded[out++] = 'x';
    }
    b.last = pos - 1;
    memcpy(b.text + pos, tail, strlen(tail));
    b.decoded[out] = '\0';
    b.decoded_len = out;
    return b;
}

START_TEST(test_big_string)
{
    big_text b = make_big();
    wcc_msg m;
    any_error e;
    int st = decode_msg_buffer(b.text, b.len, &m, NULL, &e);
    ck_assert_msg(st == WCC_OK, "10 MB string: %s at %zu: %s", short_code(msg_type(), st),
                  e.offset, e.message);
    ck_assert_uint_eq(strlen(m.type), b.decoded_len);
    ck_assert(memcmp(m.type, b.decoded, b.decoded_len) == 0);
    ck_assert_str_eq(m.org_id, "o");
    wcc_msg_free(&m);
    free(b.decoded);
    free(b.text);
}
END_TEST

/* Longer than max_input_size: TOO_LARGE at max_input_size, before anything
 * else; exactly max_input_size is allowed. */
START_TEST(test_big_string_limits)
{
    big_text b = make_big();
    limits below = { 0, b.len - 1, false, NULL };
    limits exact = { 0, b.len, false, NULL };
    expect_msg_buffer_fails("10 MB, max_input_size len - 1", b.text, b.len, &below,
                            "TOO_LARGE", b.len - 1);
    b.text[b.last] = '\x01';
    expect_msg_buffer_fails("10 MB, control character at its end", b.text, b.len, &exact,
                            "SYNTAX", b.last);
    expect_msg_buffer_fails("10 MB, control character, max_input_size len - 1", b.text, b.len,
                            &below, "TOO_LARGE", b.len - 1);
    free(b.decoded);
    free(b.text);
}
END_TEST

/* The default limit is 16 MiB; TOO_LARGE comes before any syntax error. */
START_TEST(test_input_size_default)
{
    size_t len = (size_t)16 * 1024 * 1024 + 1;
    char *text = malloc(len);
    limits one = { 0, 1, false, NULL };
    ck_assert_ptr_nonnull(text);
    memset(text, ' ', len);
    expect_msg_buffer_fails("16 MiB + 1 of spaces", text, len, NULL, "TOO_LARGE", len - 1);
    free(text);
    expect_fail_with("{} with max_input_size 1", msg_type(), "{}", 2, &one, "TOO_LARGE", "", 1);
    expect_fail_with("garbage with max_input_size 1", msg_type(), "\xFF\xFF", 2, &one,
                     "TOO_LARGE", "", 1);
}
END_TEST

enum { MANY = 50000 };

/* head, then MANY members "k<i>":0 in a scrambled order, then last and tail. */
static char *many_keys(const char *head, const char *last, const char *tail, size_t *len)
{
    size_t cap = strlen(head) + MANY * 16 + strlen(last) + strlen(tail) + 1;
    char *text = malloc(cap);
    size_t n;
    ck_assert_ptr_nonnull(text);
    n = (size_t)snprintf(text, cap, "%s", head);
    for (size_t i = 0; i < MANY; i++)
        n += (size_t)snprintf(text + n, cap - n, "\"k%zu\":0,", i * 7919 % MANY);
    n += (size_t)snprintf(text + n, cap - n, "%s%s", last, tail);
    *len = n;
    return text;
}

/* A repeated key among 50 000 is found, in an ignored member and in a map. */
START_TEST(test_many_keys)
{
    static const char kw_head[] = "{\"text\":\"t\",\"kind\":\"keywords\",\"color\":\"red\","
                                  "\"origin\":{\"x\":0,\"y\":0},\"small\":0,\"scores\":{";
    type_ref kw = find_type("kw_keywords");
    size_t len;
    char *text = many_keys(MSG_HEAD_TEXT "{", "\"k777\":1", "}}", &len);
    expect_fail("50000 keys in an ignored member", msg_type(), text, len, "DUPLICATE",
                "/x/k777", 0);
    free(text);
    text = many_keys(kw_head, "\"k777\":1", "}}", &len);
    expect_fail("50000 keys in a map", &kw, text, len, "DUPLICATE", "/scores/k777", 0);
    free(text);
    text = many_keys(kw_head, "\"last\":1", "}}", &len);
    kw_keywords *m = expect_ok("50000 keys in a map", &kw, text, len);
    ck_assert_uint_eq(m->scores.count, MANY + 1);
    ck_assert_str_eq(m->scores.entries[MANY].key, "last");
    free_msg(&kw, m);
    free(text);
}
END_TEST

/* ---- (c) Generated: numbers read into typed fields ---- */

static const char KW_HEAD[] =
    "{\"text\":\"t\",\"kind\":\"keywords\",\"color\":\"red\",\"origin\":{\"x\":0,\"y\":0}";

static kw_keywords *decode_kw(const char *members)
{
    char text[512];
    snprintf(text, sizeof text, "%s,%s}", KW_HEAD, members);
    return expect_ok(text, &(type_ref){ "kw_keywords", NULL, kw_message_type_find("kw_keywords") },
                     text, strlen(text));
}

static void free_kw(kw_keywords *m)
{
    kw_keywords_free(m);
    free(m);
}

typedef struct int_case {
    const char *members;
    int64_t small, big;
} int_case;

/* Integers are read exactly from the text: any form of an integral value. */
static const int_case int_cases[] = {
    { "\"small\":-0,\"big\":1", 0, 1 },
    { "\"small\":1.0,\"big\":1e2", 1, 100 },
    { "\"small\":5.000,\"big\":1E2", 5, 100 },
    { "\"small\":-5e0,\"big\":1e+2", -5, 100 },
    { "\"small\":0.5e1,\"big\":100e-2", 5, 1 },
    { "\"small\":-0.0,\"big\":9007199254740991", 0, INT64_C(9007199254740991) },
    { "\"small\":0e400,\"big\":9.007199254740991e15", 0, INT64_C(9007199254740991) },
    { "\"small\":-0.000e-5,\"big\":90071992547409910e-1", 0, INT64_C(9007199254740991) },
    { "\"small\":3,\"big\":1234567890123456000e-3", 3, INT64_C(1234567890123456) },
    { "\"small\":-4,\"big\":0.000000000000000000000000000001e30", -4, 1 },
};

START_TEST(test_integer_forms)
{
    kw_keywords *m = decode_kw(int_cases[_i].members);
    ck_assert_int_eq(m->small, int_cases[_i].small);
    ck_assert(m->has_big);
    ck_assert_msg(m->big == int_cases[_i].big, "%s: big %lld", int_cases[_i].members,
                  (long long)m->big);
    free_kw(m);
}
END_TEST

typedef struct double_case {
    const char *text;
    double value;
    bool negative;
} double_case;

/* Numbers: the nearest double, -0 kept, subnormals kept. */
static const double_case double_cases[] = {
    { "-0", 0.0, true },
    { "-0.0", 0.0, true },
    { "-0e10", 0.0, true },
    { "0", 0.0, false },
    { "0e-999999", 0.0, false },
    { "5e-324", 4.9406564584124654e-324, false },
    { "-2.2250738585072014e-308", -2.2250738585072014e-308, true },
    { "1.7976931348623157e308", 1.7976931348623157e308, false },
    { "0.1", 0.1, false },
    { "1e23", 1e23, false },
    { "9007199254740993", 9007199254740992.0, false },
    { "3.14159265358979323846264338327950288419716939937510582097494459230781640628",
      3.141592653589793, false },
    { "1.00000000000000011102230246251565404236316680908203125", 1.0, false },
    { "1.00000000000000011102230246251565404236316680908203126", 1.0000000000000002, false },
};

START_TEST(test_number_values)
{
    char members[256];
    snprintf(members, sizeof members, "\"small\":0,\"scores\":{\"v\":%s}", double_cases[_i].text);
    kw_keywords *m = decode_kw(members);
    double got = m->scores.entries[0].value;
    ck_assert_uint_eq(m->scores.count, 1);
    ck_assert_msg(got == double_cases[_i].value &&
                      (signbit(got) != 0) == double_cases[_i].negative,
                  "%s: got %.17g", double_cases[_i].text, got);
    check_round_trip(double_cases[_i].text,
                     &(type_ref){ "kw_keywords", NULL, kw_message_type_find("kw_keywords") }, m);
    free_kw(m);
}
END_TEST

/* -0 as a bounded number (ratio >= 0) is allowed and keeps its sign. */
START_TEST(test_ratio_negative_zero)
{
    kw_keywords *m = decode_kw("\"small\":0,\"ratio\":-0.0");
    ck_assert(m->has_ratio && m->ratio == 0 && signbit(m->ratio));
    free_kw(m);
}
END_TEST

typedef struct edge_case {
    const char *type;
    const char *text;
    const char *code; /* "OK" or the error */
    const char *path;
} edge_case;

/* The integer limits, each side. */
static const edge_case int_edges[] = {
    { "kw_point", "{\"x\":2147483647,\"y\":-2147483648}", "OK", "" },
    { "kw_point", "{\"x\":2147483648,\"y\":0}", "RANGE", "/x" },
    { "kw_point", "{\"x\":0,\"y\":-2147483649}", "RANGE", "/y" },
    { "kw_point", "{\"x\":2147483647.0,\"y\":-2.147483648e9}", "OK", "" },
    { "kw_point", "{\"x\":2.147483648e9,\"y\":0}", "RANGE", "/x" },
    { "kw_bounds", "{\"fullInt32\":2147483647}", "OK", "" },
    { "kw_bounds", "{\"fullInt32\":-2147483648}", "OK", "" },
    { "kw_bounds", "{\"fullInt32\":2147483648}", "RANGE", "/fullInt32" },
    { "kw_bounds", "{\"fullInt32\":-2147483649}", "RANGE", "/fullInt32" },
    { "kw_bounds", "{\"unix\":9007199254740991}", "OK", "" },
    { "kw_bounds", "{\"unix\":-9007199254740991}", "OK", "" },
    { "kw_bounds", "{\"unix\":9007199254740993}", "OK", "" },
    { "kw_bounds", "{\"unix\":-9007199254740993}", "OK", "" },
    { "kw_bounds", "{\"unix\":9223372036854775807}", "OK", "" },
    { "kw_bounds", "{\"unix\":-9223372036854775808}", "OK", "" },
    { "kw_bounds", "{\"unix\":9.223372036854775807e18}", "OK", "" },
    { "kw_bounds", "{\"unix\":9223372036854775808}", "RANGE", "/unix" },
    { "kw_bounds", "{\"unix\":-9223372036854775809}", "RANGE", "/unix" },
    { "kw_bounds", "{\"unix\":9.223372036854775808e18}", "RANGE", "/unix" },
    { "kw_bounds", "{\"unix\":18446744073709551616}", "RANGE", "/unix" },
    { "kw_bounds", "{\"unix\":1e19}", "RANGE", "/unix" },
    { "kw_bounds", "{\"unix\":1e400}", "RANGE", "/unix" },
    { "kw_bounds", "{\"unix\":-1e400}", "RANGE", "/unix" },
    { "kw_bounds", "{\"unix\":1.5}", "TYPE", "/unix" },
    { "kw_bounds", "{\"unix\":1.0000000000000001}", "TYPE", "/unix" },
    { "kw_bounds", "{\"unix\":1e-400}", "TYPE", "/unix" },
    { "kw_keywords_nested", "{\"default\":true,\"count\":0}", "OK", "" },
    { "kw_keywords_nested", "{\"default\":true,\"count\":-0}", "OK", "" },
    { "kw_keywords_nested", "{\"default\":true,\"count\":-1e-0}", "VALUE", "/count" },
};

/* Numbers in number fields. */
static const edge_case number_edges[] = {
    { "kw_keywords", "1e400", "RANGE", "/scores/v" },
    { "kw_keywords", "-1e400", "RANGE", "/scores/v" },
    { "kw_keywords", "1e-400", "RANGE", "/scores/v" },
    { "kw_keywords", "-1e-400", "RANGE", "/scores/v" },
    { "kw_keywords", "2e-324", "RANGE", "/scores/v" },
    { "kw_keywords", "1.8e308", "RANGE", "/scores/v" },
    { "kw_keywords", "1e99999999999999999999999", "RANGE", "/scores/v" },
    { "kw_keywords", "1e-99999999999999999999999", "RANGE", "/scores/v" },
    { "kw_keywords", "0e99999999999999999999999", "OK", "" },
    { "kw_keywords", "0.0e-99999999999999999999999", "OK", "" },
};

static void run_edge(const char *label, const edge_case *c, const char *text)
{
    type_ref t = find_type(c->type);
    if (strcmp(c->code, "OK") == 0)
        free_msg(&t, expect_ok(label, &t, text, strlen(text)));
    else
        expect_fail(label, &t, text, strlen(text), c->code, c->path, 0);
}

START_TEST(test_integer_edges)
{
    run_edge(int_edges[_i].text, &int_edges[_i], int_edges[_i].text);
}
END_TEST

START_TEST(test_number_edges)
{
    char text[512];
    snprintf(text, sizeof text, "%s,\"small\":0,\"scores\":{\"v\":%s}}", KW_HEAD,
             number_edges[_i].text);
    run_edge(text, &number_edges[_i], text);
}
END_TEST

/* ---- (c) Generated: strings ---- */

/* wcc_msg with type's JSON text (between the quotes) given; *at is where it
 * starts. */
static char *msg_with_type(const char *inner, size_t inner_len, size_t *len, size_t *at)
{
    static const char head[] = "{\"type\":\"";
    static const char tail[] = "\",\"orgId\":\"o\",\"trackingId\":\"k\",\"data\":{}}";
    char *text;
    *at = strlen(head);
    *len = strlen(head) + inner_len + strlen(tail);
    text = malloc(*len);
    ck_assert_ptr_nonnull(text);
    memcpy(text, head, strlen(head));
    memcpy(text + *at, inner, inner_len);
    memcpy(text + *at + inner_len, tail, strlen(tail));
    return text;
}

/* Text where `before` and `after` surround the bytes under test, in four
 * places: a string value, a record key, a map key, an ignored value. */
typedef struct place {
    const char *type;
    const char *before, *after;
    const char *nul_path; /* where an escaped \u0000 there is reported; NULL: ignored */
} place;

static const place places[] = {
    { "wcc_msg", "{\"orgId\":\"o\",\"type\":\"a", "b\",\"trackingId\":\"k\",\"data\":{}}",
      "/type" },
    { "wcc_msg", "{\"type\":\"t\",\"orgId\":\"o\",\"trackingId\":\"k\",\"data\":{},\"a",
      "b\":1}", NULL },
    { "kw_keywords", "{\"text\":\"t\",\"small\":0,\"kind\":\"keywords\",\"color\":\"red\","
      "\"origin\":{\"x\":0,\"y\":0},\"scores\":{\"a", "b\":1}}", "/scores" },
    { "wcc_msg", "{\"type\":\"t\",\"orgId\":\"o\",\"trackingId\":\"k\",\"data\":{\"u\":[\"a",
      "b\"]}}", NULL },
};

static char *in_place(const place *p, const char *bytes, size_t n, size_t *len)
{
    size_t lb = strlen(p->before), la = strlen(p->after);
    char *text = malloc(lb + n + la);
    ck_assert_ptr_nonnull(text);
    memcpy(text, p->before, lb);
    memcpy(text + lb, bytes, n);
    memcpy(text + lb + n, p->after, la);
    *len = lb + n + la;
    return text;
}

/* U+0000..U+001F raw: a syntax error at that byte, wherever the string is. */
START_TEST(test_raw_control_characters)
{
    char c = (char)_i;
    for (size_t i = 0; i < COUNT(places); i++) {
        char label[128];
        size_t len;
        char *text = in_place(&places[i], &c, 1, &len);
        type_ref t = find_type(places[i].type);
        snprintf(label, sizeof label, "raw 0x%02X in place %zu", (unsigned)_i, i);
        expect_fail(label, &t, text, len, "SYNTAX", "", strlen(places[i].before));
        free(text);
    }
}
END_TEST

/* Escaped, U+0001..U+001F are fine; U+0000 is a VALUE error where the schema
 * reads the string and ignored where it does not. */
START_TEST(test_escaped_control_characters)
{
    char esc[8];
    snprintf(esc, sizeof esc, "\\u%04x", (unsigned)_i);
    for (size_t i = 0; i < COUNT(places); i++) {
        char label[128];
        size_t len;
        char *text = in_place(&places[i], esc, 6, &len);
        type_ref t = find_type(places[i].type);
        snprintf(label, sizeof label, "%s in place %zu", esc, i);
        if (_i == 0 && places[i].nul_path != NULL) {
            expect_fail(label, &t, text, len, "VALUE", places[i].nul_path, 0);
        } else {
            void *m = expect_ok(label, &t, text, len);
            if (i == 0) {
                const wcc_msg *msg = m;
                ck_assert_uint_eq(strlen(msg->type), 3);
                ck_assert(msg->type[0] == 'a' && msg->type[1] == (char)_i && msg->type[2] == 'b');
            }
            free_msg(&t, m);
        }
        free(text);
    }
}
END_TEST

typedef struct utf8_class {
    const char *name;
    const char *bytes;
} utf8_class;

/* Each is reported at its first byte. */
static const utf8_class bad_utf8[] = {
    { "lone continuation 80", "\x80" },
    { "lone continuation BF", "\xBF" },
    { "overlong 2-byte C0 80", "\xC0\x80" },
    { "overlong 2-byte C1 BF", "\xC1\xBF" },
    { "overlong 3-byte E0 80 80", "\xE0\x80\x80" },
    { "overlong 3-byte E0 9F BF", "\xE0\x9F\xBF" },
    { "overlong 4-byte F0 80 80 80", "\xF0\x80\x80\x80" },
    { "overlong 4-byte F0 8F BF BF", "\xF0\x8F\xBF\xBF" },
    { "surrogate D800 ED A0 80", "\xED\xA0\x80" },
    { "surrogate DFFF ED BF BF", "\xED\xBF\xBF" },
    { "above U+10FFFF F4 90 80 80", "\xF4\x90\x80\x80" },
    { "above U+10FFFF F4 BF BF BF", "\xF4\xBF\xBF\xBF" },
    { "F5", "\xF5\x80\x80\x80" },
    { "F7", "\xF7\xBF\xBF\xBF" },
    { "F8 5-byte", "\xF8\x88\x80\x80\x80" },
    { "FC 6-byte", "\xFC\x84\x80\x80\x80\x80" },
    { "C0 alone", "\xC0" },
    { "C1 alone", "\xC1" },
    { "FE", "\xFE" },
    { "FF", "\xFF" },
    { "truncated 2-byte mid-string", "\xC3z" },
    { "truncated 3-byte mid-string", "\xE2\x82z" },
    { "truncated 4-byte mid-string", "\xF0\x9F\x98z" },
    { "truncated 2-byte before quote", "\xC3" },
    { "truncated 3-byte before quote", "\xE2\x82" },
    { "truncated 4-byte before quote", "\xF0\x9F\x98" },
    { "3-byte lead then 2-byte char", "\xE2\xC3\xA9" },
    { "2-byte lead then space", "\xDF " },
};

START_TEST(test_invalid_utf8)
{
    const utf8_class *c = &bad_utf8[_i];
    for (size_t i = 0; i < COUNT(places); i++) {
        char label[160];
        size_t len;
        char *text = in_place(&places[i], c->bytes, strlen(c->bytes), &len);
        type_ref t = find_type(places[i].type);
        snprintf(label, sizeof label, "%s in place %zu", c->name, i);
        expect_fail(label, &t, text, len, "SYNTAX", "", strlen(places[i].before));
        free(text);
    }
}
END_TEST

/* Truncated in the last sequence of the text: a syntax error at the end. */
START_TEST(test_utf8_cut_at_end)
{
    static const char *const seqs[] = { "\xC3", "\xE2", "\xE2\x82", "\xF0", "\xF0\x9F",
                                        "\xF0\x9F\x98" };
    for (size_t i = 0; i < COUNT(seqs); i++) {
        char text[32];
        int n = snprintf(text, sizeof text, "{\"type\":\"a%s", seqs[i]);
        expect_fail(seqs[i], msg_type(), text, (size_t)n, "SYNTAX", "", (size_t)n);
    }
}
END_TEST

/* The boundaries of valid UTF-8 pass through unchanged, raw or escaped. */
static const char *const good_utf8[][2] = {
    { "\xC2\x80", "\\u0080" },         { "\xDF\xBF", "\\u07FF" },
    { "\xE0\xA0\x80", "\\u0800" },     { "\xED\x9F\xBF", "\\ud7ff" },
    { "\xEE\x80\x80", "\\uE000" },     { "\xEF\xBB\xBF", "\\ufeff" },
    { "\xEF\xBF\xBF", "\\uffff" },     { "\xF0\x90\x80\x80", "\\ud800\\udc00" },
    { "\xF4\x8F\xBF\xBF", "\\udbff\\udfff" }, { "\x7F", "\\u007f" },
};

START_TEST(test_valid_utf8)
{
    for (int escaped = 0; escaped < 2; escaped++) {
        const char *inner = good_utf8[_i][escaped];
        size_t len, at;
        char *text = msg_with_type(inner, strlen(inner), &len, &at);
        wcc_msg *m = expect_ok(inner, msg_type(), text, len);
        ck_assert_str_eq(m->type, good_utf8[_i][0]);
        free_msg(msg_type(), m);
        free(text);
    }
}
END_TEST

/* The test's own UTF-8 check agrees with the tables above. */
START_TEST(test_utf8_oracle)
{
    for (size_t i = 0; i < COUNT(bad_utf8); i++)
        ck_assert_msg(!utf8_ok(bad_utf8[i].bytes), "%s", bad_utf8[i].name);
    for (size_t i = 0; i < COUNT(good_utf8); i++)
        ck_assert(utf8_ok(good_utf8[i][0]));
}
END_TEST

/* A path longer than wcc_error.path is cut at a character boundary, ends in
 * "..." and says so. */
static void expect_long_path(const char *type, const char *head, const char *unit, size_t n,
                             const char *tail, const char *code, const char *path_start)
{
    type_ref t = find_type(type);
    size_t lh = strlen(head), lu = strlen(unit), lt = strlen(tail), len = lh + n * lu + lt;
    char *text = malloc(len);
    void *out = new_out(&t);
    any_error e;
    ck_assert(text != NULL);
    memcpy(text, head, lh);
    for (size_t i = 0; i < n; i++)
        memcpy(text + lh + i * lu, unit, lu);
    memcpy(text + lh + n * lu, tail, lt);
    int st = decode_copy(&t, text, len, out, NULL, &e);
    ck_assert_str_eq(short_code(&t, st), code);
    ck_assert_msg(e.path_truncated, "%s: path not marked truncated: %s", head, e.path);
    ck_assert_uint_lt(strlen(e.path), WCC_ERROR_PATH_MAX);
    ck_assert_uint_gt(strlen(e.path), WCC_ERROR_PATH_MAX - 8);
    ck_assert_msg(strncmp(e.path, path_start, strlen(path_start)) == 0, "path %s", e.path);
    ck_assert_str_eq(e.path + strlen(e.path) - 3, "...");
    ck_assert_msg(utf8_ok(e.path), "path cut inside a character: %s", e.path);
    ck_assert(is_zeroed(out, type_size(&t)));
    free(out);
    free(text);
}

START_TEST(test_long_paths)
{
    expect_long_path("kw_point", "{\"x\":0,\"y\":0,\"", "a", 1000, "\":1}", "UNKNOWN_KEY",
                     "/aaaa");
    expect_long_path("kw_point", "{\"x\":0,\"y\":0,\"a", "\xC3\xA9", 300, "\":1}",
                     "UNKNOWN_KEY", "/a\xC3\xA9");
    expect_long_path("kw_point", "{\"x\":0,\"y\":0,\"aa", "\\ud83d\\ude00", 100, "\":1}",
                     "UNKNOWN_KEY", "/aa\xF0\x9F\x98\x80");
    expect_long_path("kw_point", "{\"x\":0,\"y\":0,\"", "~/", 300, "\":1}", "UNKNOWN_KEY",
                     "/~0~1");
    expect_long_path("wcc_msg", "{\"x\":{\"", "a", 300, "\":{\"d\":1,\"d\":2}}}", "DUPLICATE",
                     "/x/aaa");
}
END_TEST

/* One UTF-8 BOM may start the text; it counts in offsets. */
START_TEST(test_bom)
{
    const type_ref *t = msg_type();
    static const char ok[] = "\xEF\xBB\xBF{\"type\":\"t\",\"orgId\":\"o\",\"trackingId\":\"k\","
                             "\"data\":{}}";
    static const char bad[] = "\xEF\xBB\xBF{\"type\":1,\"orgId\":\"o\",\"trackingId\":\"k\","
                              "\"data\":{}";
    free_msg(t, expect_ok("BOM", t, ok, strlen(ok)));
    expect_fail("BOM then truncated", t, bad, strlen(bad), "SYNTAX", "", strlen(bad));
    expect_fail("BOM alone", t, ok, 3, "SYNTAX", "", 3);
}
END_TEST

/* ---- (c) Generated: unknown keys ---- */

typedef struct unknown_case {
    const char *type;
    const char *text;
    bool strict_ok; /* decodes without reject_unknown_keys */
    const char *code; /* with reject_unknown_keys */
    const char *path;
} unknown_case;

static const unknown_case unknown_cases[] = {
    { "wcc_msg", "{\"type\":\"t\",\"x\":1,\"orgId\":\"o\",\"trackingId\":\"k\",\"data\":{}}", true,
      "UNKNOWN_KEY", "/x" },
    { "wcc_msg", "{\"type\":\"t\",\"orgId\":\"o\",\"trackingId\":\"k\",\"data\":{\"a/b\":[]}}", true,
      "UNKNOWN_KEY", "/data/a~1b" },
    { "wcc_msg", "{\"x\":\"\\u0000\",\"type\":\"t\",\"orgId\":\"o\",\"trackingId\":\"k\",\"data\":{}}",
      true, "UNKNOWN_KEY", "/x" },
    { "wcc_msg", "{\"type\":5,\"x\":1}", false, "TYPE", "/type" },
    { "wcc_msg", "{\"x\":1,\"type\":5}", false, "UNKNOWN_KEY", "/x" },
    { "wcc_msg", "{\"type\":\"t\",\"orgId\":\"o\",\"trackingId\":\"k\",\"data\":{}}", true, "OK", "" },
    { "kw_corner", "{\"at\":{\"x\":1,\"y\":2},\"extra\":{}}", true, "UNKNOWN_KEY", "/extra" },
    { "kw_keywords_nested", "{\"default\":true,\"count\":1,\"Count\":1}", true, "UNKNOWN_KEY",
      "/Count" },
    /* Map keys are data, not unknown keys. */
    { "kw_keywords", "{\"text\":\"t\",\"small\":0,\"kind\":\"keywords\",\"color\":\"red\","
      "\"origin\":{\"x\":0,\"y\":0},\"scores\":{\"any\":1,\"other\":2},"
      "\"byName\":{\"o\":{\"i\":{\"at\":{\"x\":0,\"y\":0}}}}}", true, "OK", "" },
    { "kw_keywords", "{\"text\":\"t\",\"small\":0,\"kind\":\"keywords\",\"color\":\"red\","
      "\"origin\":{\"x\":0,\"y\":0},\"points\":[{\"at\":{\"x\":0,\"y\":0},\"q\":0}]}", true,
      "UNKNOWN_KEY", "/points/0/q" },
    { "wcc_station_login_success_data", "{\"agentId\":\"a\",\"zz\":0}", false, "UNKNOWN_KEY",
      "/zz" },
};

START_TEST(test_reject_unknown_keys)
{
    const unknown_case *c = &unknown_cases[_i];
    type_ref t = find_type(c->type);
    limits reject = { 0, 0, true, NULL };
    size_t len = strlen(c->text);
    if (c->strict_ok)
        free_msg(&t, expect_ok(c->text, &t, c->text, len));
    if (strcmp(c->code, "OK") == 0)
        free_msg(&t, expect_ok_with(c->text, &t, c->text, len, &reject));
    else
        expect_fail_with(c->text, &t, c->text, len, &reject, c->code, c->path, 0);
}
END_TEST

/* The valid file with unknown members at two levels. */
START_TEST(test_reject_unknown_keys_full)
{
    type_ref t = find_type("wcc_station_login_success");
    corpus_file f = { "wcc_station_login_success",
                      "wcc_station_login_success/01_full_pretty_unknown_members.json" };
    limits reject = { 0, 0, true, NULL };
    char path[1024];
    size_t len;
    char *text = read_file(corpus_path("valid", &f, path, sizeof path), &len);
    expect_fail_with("full with reject_unknown_keys", &t, text, len, &reject, "UNKNOWN_KEY",
                     "/extraTop", 0);
    free(text);
}
END_TEST

/* ---- Suite ---- */

static Suite *corpus_suite(void)
{
    Suite *s = suite_create("corpus");
    TCase *files = tcase_create("files");
    TCase *cut = tcase_create("truncation");
    TCase *big = tcase_create("big inputs");
    TCase *num = tcase_create("numbers");
    TCase *str = tcase_create("strings");
    TCase *keys = tcase_create("unknown keys");
    tcase_add_test(files, test_registry_covered);
    tcase_add_loop_test(files, test_valid_file, 0, (int)valid_count);
    tcase_add_loop_test(files, test_valid_file_allocator, 0, (int)valid_count);
    tcase_add_test(files, test_allocator_used);
    tcase_add_test(files, test_malformed_listed);
    tcase_add_loop_test(files, test_malformed_file, 0, (int)bad_count);
    tcase_add_loop_test(cut, test_truncated_file, 0, (int)valid_count);
    tcase_set_timeout(cut, 60);
    tcase_add_test(big, test_deep_arrays);
    tcase_add_test(big, test_deep_objects);
    tcase_add_test(big, test_deep_then_syntax);
    tcase_add_test(big, test_max_depth_small);
    tcase_add_test(big, test_big_string);
    tcase_add_test(big, test_big_string_limits);
    tcase_add_test(big, test_input_size_default);
    tcase_add_test(big, test_many_keys);
    tcase_set_timeout(big, 60);
    tcase_add_loop_test(num, test_integer_forms, 0, COUNT(int_cases));
    tcase_add_loop_test(num, test_number_values, 0, COUNT(double_cases));
    tcase_add_test(num, test_ratio_negative_zero);
    tcase_add_loop_test(num, test_integer_edges, 0, COUNT(int_edges));
    tcase_add_loop_test(num, test_number_edges, 0, COUNT(number_edges));
    tcase_add_loop_test(str, test_raw_control_characters, 0, 0x20);
    tcase_add_loop_test(str, test_escaped_control_characters, 0, 0x20);
    tcase_add_loop_test(str, test_invalid_utf8, 0, COUNT(bad_utf8));
    tcase_add_test(str, test_utf8_cut_at_end);
    tcase_add_loop_test(str, test_valid_utf8, 0, COUNT(good_utf8));
    tcase_add_test(str, test_bom);
    tcase_add_test(str, test_utf8_oracle);
    tcase_add_test(str, test_long_paths);
    tcase_add_loop_test(keys, test_reject_unknown_keys, 0, COUNT(unknown_cases));
    tcase_add_test(keys, test_reject_unknown_keys_full);
    suite_add_tcase(s, files);
    suite_add_tcase(s, cut);
    suite_add_tcase(s, big);
    suite_add_tcase(s, num);
    suite_add_tcase(s, str);
    suite_add_tcase(s, keys);
    return s;
}

int main(void)
{
    load_valid();
    load_manifest();
    SRunner *runner = srunner_create(corpus_suite());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    free(valid_files);
    free(bad_cases);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
