/* X_decode against cJSON_ParseWithLengthOpts + X_from_cjson (differential.h)
 * for every type of both generated libraries (wcc from schema/, kw from
 * tests/schemas/good), over:
 *   - every file of tests/messages, bench/messages, tests/corpus/valid and
 *     tests/corpus/malformed, against every type;
 *   - mutations of the valid ones, against the type they are written for
 *     (and the dispatcher wcc_agent_desktop_message for wire frames): cut at
 *     every 7th byte, one byte flipped, a member duplicated, removed or given
 *     a value of another kind, so that error codes and paths are compared
 *     as much as accepted messages.
 * Each case must agree, or show one exception of docs/input-contract.md
 * ("Decode and from_cjson"); the classifier itself is tested first. Every
 * test counts its comparisons and checks a floor, so that it cannot pass
 * by comparing nothing. */
#define _XOPEN_SOURCE 700

#include "kw_types.h"
#include "wcc_types.h"

#include "test_files.h"

#define DIFF_PREFIX wcc
#include "differential_adapter.h"
#undef DIFF_PREFIX
#define DIFF_PREFIX kw
#include "differential_adapter.h"
#undef DIFF_PREFIX

#include <check.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef SOURCE_DIR
#error "SOURCE_DIR must name the project's source folder"
#endif

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

_Static_assert(WCC_DEFAULT_MAX_DEPTH == 512 && KW_DEFAULT_MAX_DEPTH == 512,
               "differential.c judges depth against 512");

/* ---- Types ---- */

static diff_type types[128];
static size_t type_count;

static void load_types(void)
{
    for (size_t i = 0; wcc_message_types[i] != NULL; i++)
        types[type_count++] = wcc_diff_type(wcc_message_types[i]);
    for (size_t i = 0; kw_message_types[i] != NULL && type_count < COUNT(types); i++)
        types[type_count++] = kw_diff_type(kw_message_types[i]);
}

static const diff_type *type_named(const char *name)
{
    for (size_t i = 0; i < type_count; i++)
        if (strcmp(types[i].name, name) == 0)
            return &types[i];
    return NULL;
}

/* ---- Input files ---- */

/* One JSON file under the four folders. */
typedef struct input_file {
    char *path;
    /* For a valid message: the type it is written for, and whether it is a
     * wire frame the dispatcher reads too; NULL for a malformed one. */
    const diff_type *home;
    bool frame;
} input_file;

static input_file *inputs;
static size_t input_count, input_cap;

static const char *const roots[] = {
    SOURCE_DIR "/tests/messages",
    SOURCE_DIR "/bench/messages",
    SOURCE_DIR "/tests/corpus/valid",
    SOURCE_DIR "/tests/corpus/malformed",
};

/* The longest wcc type name that "wcc_<stem>" starts with:
 * agent_contact_large.json is a wcc_agent_contact. */
static const diff_type *bench_home(const char *file)
{
    char name[256];
    const diff_type *best = NULL;
    snprintf(name, sizeof name, "wcc_%s", file);
    *strrchr(name, '.') = '\0';
    for (size_t i = 0; i < type_count; i++) {
        size_t n = strlen(types[i].name);
        if (strncmp(name, types[i].name, n) == 0 && (best == NULL || n > strlen(best->name)))
            best = &types[i];
    }
    return best;
}

/* The type a file is written for, from its folder; NULL when it is not a
 * valid message (tests/messages/invalid, tests/corpus/malformed). */
static const diff_type *home_of(const char *path, bool *frame)
{
    char folder[1024], name[1100];
    const char *file = strrchr(path, '/') + 1;
    size_t n = (size_t)(file - 1 - path);
    const char *slash;
    memcpy(folder, path, n < sizeof folder ? n : sizeof folder - 1);
    folder[n < sizeof folder ? n : sizeof folder - 1] = '\0';
    slash = strrchr(folder, '/');
    *frame = false;
    if (strstr(path, "/tests/corpus/valid/") != NULL)
        return type_named(slash + 1);
    if (strstr(path, "/bench/messages/") != NULL)
        return *frame = true, bench_home(file);
    if (strstr(path, "/tests/messages/") != NULL && strcmp(slash + 1, "invalid") != 0) {
        snprintf(name, sizeof name, "wcc_%s", slash + 1);
        *frame = true;
        return type_named(name);
    }
    return NULL;
}

static int add_input(const char *path, const struct stat *st, int kind, struct FTW *ftw)
{
    size_t len = strlen(path);
    (void)st;
    (void)ftw;
    if (kind != FTW_F || len < 5 || strcmp(path + len - 5, ".json") != 0)
        return 0;
    if (input_count == input_cap) {
        input_cap = input_cap != 0 ? input_cap * 2 : 256;
        inputs = realloc(inputs, input_cap * sizeof *inputs);
        if (inputs == NULL)
            abort();
    }
    input_file *in = &inputs[input_count++];
    in->path = strdup(path);
    if (in->path == NULL)
        abort();
    in->home = home_of(path, &in->frame);
    return 0;
}

static int compare_inputs(const void *a, const void *b)
{
    return strcmp(((const input_file *)a)->path, ((const input_file *)b)->path);
}

static void load_inputs(void)
{
    for (size_t i = 0; i < COUNT(roots); i++)
        if (nftw(roots[i], add_input, 16, FTW_PHYS) != 0) {
            fprintf(stderr, "cannot read %s\n", roots[i]);
            exit(EXIT_FAILURE);
        }
    qsort(inputs, input_count, sizeof *inputs, compare_inputs);
}

static void free_inputs(void)
{
    for (size_t i = 0; i < input_count; i++)
        free(inputs[i].path);
    free(inputs);
}

/* ---- Comparing ---- */

/* Verdicts of one test's comparisons. */
typedef struct tally {
    const char *what;
    size_t verdicts[DIFF_VERDICTS];
    size_t total;
} tally;

/* Compares t's two paths over text[0..len), given to decode in a block of
 * exactly len bytes (so that ASan and valgrind see any read past it).
 * Disagreements are printed (the first 20) and counted. */
static void compare(tally *tl, const diff_type *t, const char *text, size_t len)
{
    char *exact = malloc(len != 0 ? len : 1);
    diff_case c;
    ck_assert_ptr_nonnull(exact);
    if (len != 0)
        memcpy(exact, text, len);
    diff_run(t, exact, len, &c);
    diff_verdict v = diff_judge(&c);
    if (v == DIFF_DISAGREE && tl->verdicts[v] < 20) {
        char report[2048];
        diff_describe(&c, v, report, sizeof report);
        fprintf(stderr, "%s: %s\n", tl->what, report);
    }
    tl->verdicts[v]++;
    tl->total++;
    diff_case_free(&c);
    free(exact);
}

/* Prints the tally and checks it: no disagreement, at least floor cases. */
static void check_tally(const tally *tl, size_t floor)
{
    printf("differential %s: %zu comparisons:", tl->what, tl->total);
    for (int v = 0; v < DIFF_VERDICTS; v++)
        if (tl->verdicts[v] != 0)
            printf(" %s %zu;", diff_verdict_name((diff_verdict)v), tl->verdicts[v]);
    printf("\n");
    fflush(stdout);
    ck_assert_msg(tl->verdicts[DIFF_DISAGREE] == 0, "%s: %zu disagreements (printed above)",
                  tl->what, tl->verdicts[DIFF_DISAGREE]);
    ck_assert_msg(tl->total >= floor, "%s: %zu comparisons, fewer than %zu", tl->what, tl->total,
                  floor);
}

/* The types a mutation of a valid file is compared with. */
static void compare_mutation(tally *tl, const input_file *in, const char *text, size_t len)
{
    compare(tl, in->home, text, len);
    if (in->frame)
        compare(tl, type_named("wcc_agent_desktop_message"), text, len);
}

/* ---- The classifier ---- */

typedef struct classifier_case {
    const char *type;
    const char *text; /* NUL-terminated unless len is set */
    size_t len;
    diff_verdict verdict;
} classifier_case;

#define KEY_32 "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~"
#define LONG_KEY KEY_32 KEY_32 KEY_32 KEY_32 /* 256 bytes of path: cut */
#define MSG_HEAD "{\"type\":\"t\",\"orgId\":\"o\",\"trackingId\":\"k\",\"data\":{}"

/* One text per exception, and texts that must agree. */
static const classifier_case classifier_cases[] = {
    { "wcc_msg", MSG_HEAD "}", 0, DIFF_AGREE },
    { "wcc_msg", MSG_HEAD ",\"x\":\"\\u0000\"}", 0, DIFF_AGREE }, /* ignored */
    { "wcc_msg", "{\"type\":1}", 0, DIFF_AGREE },
    { "wcc_msg", "{\"type\":\"t\",\"type\":\"u\"}", 0, DIFF_AGREE },
    { "wcc_msg", "{\"type\":\"\\ud800\"}", 0, DIFF_AGREE }, /* both refuse */
    { "wcc_msg", "\xEF\xBB\xBF" "1", 0, DIFF_AGREE }, /* BOM then 1 byte: see bom_to_strip */
    { "wcc_msg_data", "\xEF\xBB\xBF{}", 0, DIFF_AGREE },
    { "kw_point", "{\"x\":9007199254740993,\"y\":0}", 0, DIFF_AGREE }, /* both RANGE */
    { "wcc_msg", MSG_HEAD "} x", 0, DIFF_TRAILING },
    { "wcc_msg", MSG_HEAD "}\0", sizeof MSG_HEAD "}", DIFF_TRAILING },
    { "wcc_msg", "{\"type\":\"a\x01z\"}", 0, DIFF_CONTROL_BYTE },
    { "wcc_msg", "\x0C" MSG_HEAD "}", 0, DIFF_CONTROL_BYTE },
    { "wcc_msg", "{\"type\":\"a\0z\"}", 14, DIFF_CONTROL_BYTE },
    { "wcc_msg", "{\"type\":\"\xFF\"}", 0, DIFF_INVALID_UTF8 },
    { "wcc_msg", MSG_HEAD ",\"x\":\"\xED\xA0\x80\"}", 0, DIFF_INVALID_UTF8 },
    { "wcc_msg", "{\"type\":\"\\u12G4\"}", 0, DIFF_BAD_ESCAPE },
    { "wcc_msg", MSG_HEAD ",\"x\":\"\\uZZZZ\"}", 0, DIFF_BAD_ESCAPE },
    { "wcc_msg", "{\"t\\u3\\u0000e\":\"k\"}", 0, DIFF_BAD_ESCAPE }, /* found by fuzzing */
    { "wcc_msg", MSG_HEAD ",\"x\":01}", 0, DIFF_NUMBER_GRAMMAR },
    { "wcc_msg", MSG_HEAD ",\"x\":-.5}", 0, DIFF_NUMBER_GRAMMAR },
    { "wcc_msg", MSG_HEAD ",\"x\":[1.]}", 0, DIFF_NUMBER_GRAMMAR },
    { "kw_point", "{\"x\":1.e2,\"y\":0}", 0, DIFF_NUMBER_GRAMMAR },
    { "wcc_msg", "{\"type\":\"a\\u0000b\"}", 0, DIFF_NUL_ESCAPE },
    { "wcc_msg", "{\"type\\u0000\":1,\"type\":\"t\"}", 0, DIFF_NUL_ESCAPE },
    { "kw_point", "{\"x\":1.0000000000000001,\"y\":0}", 0, DIFF_INEXACT_NUMBER },
    { "kw_point", "{\"x\":9007199254740991.4,\"y\":0}", 0, DIFF_INEXACT_NUMBER },
    { "kw_open", "{\"big\":1e-400}", 0, DIFF_INEXACT_NUMBER },
    /* Found by fuzzing: a path too long to keep whole. */
    { "kw_open", "{\"" LONG_KEY "\":5e-325}", 0, DIFF_INEXACT_NUMBER },
    { "kw_bounds", "{\"unix\":9007199254740993}", 0, DIFF_BIG_INTEGER },
    { "kw_bounds", "{\"unix\":-9.223372036854775808e18}", 0, DIFF_BIG_INTEGER },
    { "kw_bounds", "{\"unix\":9223372036854775808}", 0, DIFF_AGREE }, /* both RANGE */
    { "kw_bounds", "{\"unix\":9007199254740991}", 0, DIFF_AGREE },
    /* decode reads the count and finds default missing; from_cjson stops at the count. */
    { "kw_keywords_nested", "{\"count\":9007199254740992}", 0, DIFF_BIG_INTEGER },
    /* INTEGER 9007199254740993 against the NUMBER 2^53 cJSON holds. */
    { "kw_value_kinds", "{\"id\":\"m\",\"label\":\"L\",\"reading\":4,\"tag\":true,"
      "\"amount\":9007199254740993}", 0, DIFF_BIG_INTEGER },
    /* Any values keep a big integer's text on both paths. */
    { "wcc_msg", MSG_HEAD ",\"x\":9007199254740993}", 0, DIFF_AGREE },
};

START_TEST(test_classifier)
{
    const classifier_case *k = &classifier_cases[_i];
    const diff_type *t = type_named(k->type);
    size_t len = k->len != 0 ? k->len : strlen(k->text);
    char *text = malloc(len);
    diff_case c;
    char report[2048];
    ck_assert_ptr_nonnull(t);
    ck_assert_ptr_nonnull(text);
    memcpy(text, k->text, len);
    diff_run(t, text, len, &c);
    diff_verdict v = diff_judge(&c);
    diff_describe(&c, v, report, sizeof report);
    ck_assert_msg(v == k->verdict, "expected %s, got %s", diff_verdict_name(k->verdict), report);
    diff_case_free(&c);
    free(text);
}
END_TEST

/* Deeper than decode's 512 levels and within cJSON's 1000. */
START_TEST(test_classifier_depth)
{
    const size_t levels = 600;
    char *text = malloc(2 * levels + 64);
    size_t len = 0;
    diff_case c;
    char report[2048];
    ck_assert_ptr_nonnull(text);
    len += (size_t)sprintf(text, "{\"x\":");
    memset(text + len, '[', levels - 1);
    len += levels - 1;
    memset(text + len, ']', levels - 1);
    len += levels - 1;
    text[len++] = '}';
    diff_run(type_named("wcc_msg"), text, len, &c);
    diff_verdict v = diff_judge(&c);
    diff_describe(&c, v, report, sizeof report);
    ck_assert_msg(v == DIFF_DEPTH, "%s", report);
    diff_case_free(&c);
    free(text);
}
END_TEST

/* Hand-made outcomes the rule must call disagreements. */
START_TEST(test_classifier_disagreements)
{
    diff_case c;
    memset(&c, 0, sizeof c);
    c.type = "made up";
    c.text = "{\"x\":1}";
    c.len = strlen(c.text);
    c.decode.code = "OK";
    c.from_cjson.code = "OK";
    c.parsed = true;
    c.parse_end = c.len;
    ck_assert_int_eq(diff_judge(&c), DIFF_DISAGREE); /* both OK, not equal */
    c.equal = true;
    ck_assert_int_eq(diff_judge(&c), DIFF_AGREE);
    c.from_cjson.code = "TYPE";
    strcpy(c.from_cjson.path, "/x");
    ck_assert_int_eq(diff_judge(&c), DIFF_DISAGREE);
    c.decode.code = "TYPE";
    strcpy(c.decode.path, "/x");
    ck_assert_int_eq(diff_judge(&c), DIFF_AGREE);
    strcpy(c.decode.path, "/y");
    ck_assert_int_eq(diff_judge(&c), DIFF_DISAGREE); /* another path */
    c.decode.code = "SYNTAX";
    c.decode.offset = 3;
    ck_assert_int_eq(diff_judge(&c), DIFF_DISAGREE); /* no leniency at '"' */
    c.parsed = false;
    ck_assert_int_eq(diff_judge(&c), DIFF_AGREE); /* cJSON refuses too */
    c.decode.code = "TYPE";
    ck_assert_int_eq(diff_judge(&c), DIFF_DISAGREE); /* cJSON refuses, decode reads it */
}
END_TEST

/* ---- Files ---- */

START_TEST(test_every_file_every_type)
{
    tally tl = { "files x types", { 0 }, 0 };
    for (size_t i = 0; i < input_count; i++) {
        size_t len;
        char *text = read_test_file(inputs[i].path, &len);
        for (size_t j = 0; j < type_count; j++)
            compare(&tl, &types[j], text, len);
        free(text);
    }
    ck_assert_uint_ge(type_count, 50);
    ck_assert_uint_ge(input_count, 800);
    ck_assert_uint_eq(tl.total, input_count * type_count);
    check_tally(&tl, 40000);
}
END_TEST

/* ---- Mutations of the valid files ---- */

/* Runs mutate over every valid file, then checks the tally. */
static void over_valid_files(const char *what, size_t floor,
                             void (*mutate)(tally *, const input_file *, const char *, size_t))
{
    tally tl = { what, { 0 }, 0 };
    size_t files = 0;
    for (size_t i = 0; i < input_count; i++) {
        size_t len;
        if (inputs[i].home == NULL)
            continue;
        char *text = read_test_file(inputs[i].path, &len);
        mutate(&tl, &inputs[i], text, len);
        free(text);
        files++;
    }
    ck_assert_uint_ge(files, 290);
    check_tally(&tl, floor);
}

static void truncations(tally *tl, const input_file *in, const char *text, size_t len)
{
    for (size_t cut = 0; cut < len; cut += 7)
        compare_mutation(tl, in, text, cut);
}

START_TEST(test_truncated)
{
    over_valid_files("cut at every 7th byte", 45000, truncations);
}
END_TEST

static void flips(tally *tl, const input_file *in, const char *text, size_t len)
{
    static const unsigned char masks[] = { 0x01, 0x20, 0x80 };
    char *copy = malloc(len != 0 ? len : 1);
    ck_assert_ptr_nonnull(copy);
    for (size_t k = 1; k <= 16 && len != 0; k++) {
        size_t at = k * len / 17;
        for (size_t m = 0; m < COUNT(masks); m++) {
            memcpy(copy, text, len);
            copy[at] = (char)(copy[at] ^ masks[m]);
            compare_mutation(tl, in, copy, len);
        }
    }
    free(copy);
}

START_TEST(test_flipped)
{
    over_valid_files("one byte flipped", 14000, flips);
}
END_TEST

/* Members of a tree (items with a key), in document order. */
typedef struct member_list {
    cJSON *items[4096];
    size_t count;
} member_list;

static void collect_members(cJSON *node, member_list *list)
{
    for (cJSON *c = node->child; c != NULL; c = c->next) {
        if (c->string != NULL && list->count < COUNT(list->items))
            list->items[list->count++] = c;
        collect_members(c, list);
    }
}

/* An edit of the member numbered `which` (of the up to 12 spread over the
 * document) in a fresh tree of text; false when there is no such member. */
typedef void (*member_edit)(cJSON *tree, cJSON *member, size_t variant);

static bool compare_edited(tally *tl, const input_file *in, const char *text, size_t len,
                           size_t which, member_edit edit, size_t variant)
{
    cJSON *tree = cJSON_ParseWithLength(text, len);
    member_list *list = calloc(1, sizeof *list);
    bool done = false;
    ck_assert_ptr_nonnull(list);
    if (tree != NULL)
        collect_members(tree, list);
    size_t picks = list->count < 12 ? list->count : 12;
    if (which < picks) {
        edit(tree, list->items[which * list->count / picks], variant);
        char *printed = cJSON_PrintUnformatted(tree);
        ck_assert_ptr_nonnull(printed);
        compare_mutation(tl, in, printed, strlen(printed));
        cJSON_free(printed);
        done = true;
    }
    cJSON_Delete(tree);
    free(list);
    return done;
}

/* The container holding member (cJSON keeps no parent link). */
static cJSON *parent_of(cJSON *tree, const cJSON *member)
{
    cJSON *stack[512];
    size_t depth = 0;
    stack[depth++] = tree;
    while (depth > 0) {
        cJSON *node = stack[--depth];
        for (cJSON *c = node->child; c != NULL; c = c->next) {
            if (c == member)
                return node;
            if (c->child != NULL && depth < COUNT(stack))
                stack[depth++] = c;
        }
    }
    ck_abort_msg("member not in its tree");
    return NULL;
}

/* A copy right after the member, which stays the first occurrence. (Linked
 * by hand: Debian's cJSON 1.7.15 refuses cJSON_InsertItemInArray inside a
 * list.) */
static void duplicate_member(cJSON *tree, cJSON *member, size_t variant)
{
    cJSON *parent = parent_of(tree, member);
    cJSON *copy = cJSON_Duplicate(member, true);
    (void)variant;
    ck_assert_ptr_nonnull(copy);
    copy->prev = member;
    copy->next = member->next;
    if (member->next != NULL)
        member->next->prev = copy;
    else
        parent->child->prev = copy; /* the first child's prev is the last */
    member->next = copy;
}

static void remove_member(cJSON *tree, cJSON *member, size_t variant)
{
    (void)variant;
    cJSON_Delete(cJSON_DetachItemViaPointer(parent_of(tree, member), member));
}

/* Values of every kind, for a member whose schema wants one of them. */
static const char *const other_values[] = { "null", "1.5", "\"x\"", "{}", "[]", "true", "-7" };

static void replace_value(cJSON *tree, cJSON *member, size_t variant)
{
    cJSON *value = cJSON_Parse(other_values[variant]);
    (void)tree;
    ck_assert_ptr_nonnull(value);
    /* Swap the contents, keeping the member's key and place. */
    cJSON_Delete(member->child);
    if (!(member->type & cJSON_IsReference) && member->valuestring != NULL)
        cJSON_free(member->valuestring);
    member->type = value->type;
    member->child = value->child;
    member->valuestring = value->valuestring;
    member->valuedouble = value->valuedouble;
    member->valueint = value->valueint;
    value->child = NULL;
    value->valuestring = NULL;
    cJSON_Delete(value);
}

static void edits(tally *tl, const input_file *in, const char *text, size_t len,
                  member_edit edit, size_t variants)
{
    for (size_t which = 0;; which++)
        for (size_t v = 0; v < variants; v++)
            if (!compare_edited(tl, in, text, len, which, edit, v))
                return;
}

static void duplicates(tally *tl, const input_file *in, const char *text, size_t len)
{
    edits(tl, in, text, len, duplicate_member, 1);
}

static void removals(tally *tl, const input_file *in, const char *text, size_t len)
{
    edits(tl, in, text, len, remove_member, 1);
}

static void replacements(tally *tl, const input_file *in, const char *text, size_t len)
{
    edits(tl, in, text, len, replace_value, COUNT(other_values));
}

START_TEST(test_member_duplicated)
{
    over_valid_files("a member duplicated", 2500, duplicates);
}
END_TEST

START_TEST(test_member_removed)
{
    over_valid_files("a member removed", 2500, removals);
}
END_TEST

START_TEST(test_value_replaced)
{
    over_valid_files("a value of another kind", 18000, replacements);
}
END_TEST

/* ---- Suite ---- */

static Suite *differential_suite(void)
{
    Suite *s = suite_create("differential");
    TCase *classifier = tcase_create("classifier");
    TCase *files = tcase_create("files");
    TCase *mutations = tcase_create("mutations");
    tcase_add_loop_test(classifier, test_classifier, 0, (int)COUNT(classifier_cases));
    tcase_add_test(classifier, test_classifier_depth);
    tcase_add_test(classifier, test_classifier_disagreements);
    tcase_add_test(files, test_every_file_every_type);
    tcase_add_test(mutations, test_truncated);
    tcase_add_test(mutations, test_flipped);
    tcase_add_test(mutations, test_member_duplicated);
    tcase_add_test(mutations, test_member_removed);
    tcase_add_test(mutations, test_value_replaced);
    tcase_set_timeout(files, 300);
    tcase_set_timeout(mutations, 300);
    suite_add_tcase(s, classifier);
    suite_add_tcase(s, files);
    suite_add_tcase(s, mutations);
    return s;
}

int main(void)
{
    load_types();
    load_inputs();
    SRunner *runner = srunner_create(differential_suite());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    free_inputs();
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
