/* The generator: C names, every bad schema's exact diagnostic, golden output,
 * incremental writes, and the command line. */
#include "cname.h"
#include "model.h"
#include "generate.h"
#include "template_dir.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- helpers ---- */

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)n + 1);
    size_t got = fread(text, 1, (size_t)n, f);
    text[got] = '\0';
    fclose(f);
    return text;
}

typedef struct run {
    generate_result result;
    char *messages; /* what schemac reported, malloc'd */
} run;

static run generate_files(const char *prefix, const char *dir, output_mode mode,
                          const char *const *files, size_t count)
{
    arena *a = arena_new();
    run r = {GENERATE_OK, NULL};
    size_t size = 0;
    FILE *out = open_memstream(&r.messages, &size);
    diag d;
    diag_init(&d, out);
    template_set templates;
    ck_assert(template_dir_load(a, &d, TEMPLATES_DIR, &templates));
    generate_options opts = {prefix, dir, mode, false, files, count, &templates};
    r.result = generate(&opts, &d);
    fclose(out);
    arena_free(a);
    return r;
}

static char *temp_dir(void)
{
    char *dir = strdup("/tmp/schemac-test-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    return dir;
}

static void remove_dir(char *dir)
{
    char *cmd = malloc(strlen(dir) + 16);
    sprintf(cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
    free(dir);
}

static int run_schemac(const char *args, char *output, size_t size)
{
    char cmd[4096];
    int n_cmd = snprintf(cmd, sizeof cmd, "'%s' %s 2>&1", SCHEMAC_PATH, args);
    ck_assert(n_cmd > 0 && (size_t)n_cmd < sizeof cmd);
    FILE *p = popen(cmd, "r");
    size_t n = fread(output, 1, size - 1, p);
    output[n] = '\0';
    int status = pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* ---- C names ---- */

static const struct {
    const char *json;
    const char *member;
} names[] = {
    {"lastStateChangeTimestamp", "last_state_change_timestamp"},
    {"agentID", "agent_id"},
    {"HTTPServer", "http_server"},
    {"utf8Value", "utf8_value"},
    {"a-b c", "a_b_c"},
    {"__x__", "x"},
    {"1st", "_1st"},
    {"default", "default_"},
    {"class", "class_"},
    {"errno", "errno_"},
    {"unix", "unix_"},
    {"linux", "linux_"},
    {"type", "type"},
    {"ID", "id"},
    {"orgId", "org_id"},
};

START_TEST(test_member_names)
{
    arena *a = arena_new();
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        ck_assert_str_eq(cname_member(a, names[i].json), names[i].member);
    ck_assert_ptr_null(cname_member(a, "%%"));
    ck_assert_ptr_null(cname_member(a, ""));
    ck_assert_str_eq(cname_upper(a, "wcc_sub_status"), "WCC_SUB_STATUS");
    arena_free(a);
}
END_TEST

START_TEST(test_prefixes)
{
    ck_assert(generate_prefix_ok("wcc"));
    ck_assert(generate_prefix_ok("a1_b"));
    ck_assert(!generate_prefix_ok(""));
    ck_assert(!generate_prefix_ok("Wcc"));
    ck_assert(!generate_prefix_ok("1a"));
    ck_assert(!generate_prefix_ok("a_"));
    ck_assert(!generate_prefix_ok("a-b"));
    ck_assert(!generate_prefix_ok("abcdefghijklmnopqrstuvwxyzabcdefg"));
}
END_TEST

/* Every "<prefix>_name" the runtime templates define is reserved, so no schema
 * can generate a clashing name. */
START_TEST(test_runtime_names_reserved)
{
    FILE *p = popen("cat " TEMPLATES_DIR "/runtime*.tmpl | grep -o '{{prefix}}_[a-z0-9_]*' "
                    "| sort -u", "r");
    ck_assert_ptr_nonnull(p);
    size_t count;
    const char *const *names = model_runtime_names(&count);
    char line[256];
    size_t seen = 0;
    while (fgets(line, sizeof line, p) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        const char *name = line + strlen("{{prefix}}_");
        bool found = false;
        for (size_t i = 0; i < count && !found; i++)
            found = strcmp(names[i], name) == 0;
        ck_assert_msg(found, "runtime name '%s' is not in model.c's runtime_names", name);
        seen++;
    }
    pclose(p);
    ck_assert_uint_gt(seen, 50);
}
END_TEST

/* ---- bad schemas ----
 * tests/schemas/bad/expected.txt has a line "file.yaml: diagnostic" for every
 * file.yaml in the folder: the one diagnostic schemac gives for it, without
 * the leading "file.yaml:" when it is about that file itself, in full when
 * it is about a file that one reaches through $ref (in parts/, say). Made by:
 *   cd tests/schemas/bad && for f in *.yaml; do
 *     schemac --prefix t --check -o /tmp/none "$f" 2>&1 | sed "s|^$f:|$f: |;t;s|^|$f: |"
 *   done >expected.txt
 * and then read line by line: every message must say what is wrong. */

/* The whole output wanted for one line of expected.txt (malloc'd), and its
 * file name, cut out of the line. */
static char *wanted_output(char *line, const char **file)
{
    char *sep = strstr(line, ": ");
    ck_assert_ptr_nonnull(sep);
    *sep = '\0';
    *file = line;
    const char *rest = sep + 2;
    bool own = rest[0] >= '0' && rest[0] <= '9';
    char *want = malloc(strlen(line) + strlen(rest) + 8);
    sprintf(want, own ? "%s:%s\n" : "%s\n", own ? line : rest, rest);
    /* One compiler-style diagnostic: "file:line:col: error: ...". */
    unsigned at_line = 0, at_column = 0;
    const char *colon = strstr(want, ".yaml:");
    ck_assert_msg(colon != NULL && sscanf(colon, ".yaml:%u:%u: error: ", &at_line,
                                          &at_column) == 2 && at_line > 0 && at_column > 0,
                  "%s: not a file:line:col: error: diagnostic", line);
    return want;
}

START_TEST(test_bad_schemas)
{
    ck_assert_int_eq(chdir(SCHEMAS_DIR "/bad"), 0);
    char *expected = read_text("expected.txt");
    ck_assert_ptr_nonnull(expected);
    char *dir = temp_dir();
    size_t cases = 0;
    for (char *line = strtok(expected, "\n"); line != NULL; line = strtok(NULL, "\n")) {
        const char *file;
        char *want = wanted_output(line, &file);
        run r = generate_files("t", dir, OUTPUT_CHECK, &file, 1);
        ck_assert_msg(r.result == GENERATE_FAILED, "%s: accepted", file);
        ck_assert_msg(strcmp(r.messages, want) == 0, "%s:\n want: %s got:  %s", file, want,
                      r.messages);
        /* The command line says the same, on stderr, with exit status 1. */
        char args[512], out[4096];
        snprintf(args, sizeof args, "--prefix t --check -o '%s' '%s'", dir, file);
        ck_assert_int_eq(run_schemac(args, out, sizeof out), 1);
        ck_assert_str_eq(out, want);
        free(want);
        free(r.messages);
        cases++;
    }
    free(expected);
    remove_dir(dir);
    /* Every file in the folder has its expectation. */
    FILE *ls = popen("ls *.yaml | wc -l", "r");
    size_t files = 0;
    ck_assert_int_eq(fscanf(ls, "%zu", &files), 1);
    pclose(ls);
    ck_assert_uint_eq(cases, files);
    ck_assert_uint_ge(cases, 90);
}
END_TEST

static void write_text(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

/* A symbolic link that stays inside the folder is an ordinary file to $ref
 * (tests/schemas/bad/ref_symlink_escape.yaml has one that leads out). */
START_TEST(test_symlink_inside_folder_accepted)
{
    char *dir = temp_dir();
    write_text(dir, "a.yaml", "type: object\nproperties:\n  b: {$ref: \"link.yaml#/$defs/B\"}\n");
    write_text(dir, "b.yaml", "$defs:\n  B: {type: string}\n");
    char link[512];
    snprintf(link, sizeof link, "%s/link.yaml", dir);
    ck_assert_int_eq(symlink("b.yaml", link), 0);
    char file[512];
    snprintf(file, sizeof file, "%s/a.yaml", dir);
    const char *files[] = {file};
    run r = generate_files("t", dir, OUTPUT_CHECK, files, 1);
    ck_assert_msg(r.result != GENERATE_FAILED, "%s", r.messages);
    free(r.messages);
    remove_dir(dir);
}
END_TEST

/* A UTF-8 byte order mark is allowed (editors on Windows write one) and
 * does not shift columns. */
START_TEST(test_byte_order_mark_accepted)
{
    char *dir = temp_dir();
    char path[512];
    snprintf(path, sizeof path, "%s/bom.yaml", dir);
    const char *file = path;
    write_text(dir, "bom.yaml", "\xEF\xBB\xBFtype: object\nproperties:\n  a: {type: string}\n");
    run r = generate_files("t", dir, OUTPUT_WRITE, &file, 1);
    ck_assert_msg(r.result == GENERATE_OK, "%s", r.messages);
    free(r.messages);
    write_text(dir, "bom.yaml", "\xEF\xBB\xBFtype: 5\n");
    r = generate_files("t", dir, OUTPUT_WRITE, &file, 1);
    char want[600];
    snprintf(want, sizeof want, "%s:1:7: error: 'type' must be a string, not integer\n", path);
    ck_assert_str_eq(r.messages, want);
    free(r.messages);
    remove_dir(dir);
}
END_TEST

/* ---- golden output ---- */

static const char *const golden_files[] = {"keywords.h", "keywords.c", "common.h", "common.c"};

START_TEST(test_golden_output)
{
    char *dir = temp_dir();
    const char *file = SCHEMAS_DIR "/good/keywords.yaml";
    ck_assert_int_eq(chdir(SCHEMAS_DIR "/.."), 0);
    file = "schemas/good/keywords.yaml";
    run r = generate_files("kw", dir, OUTPUT_WRITE, &file, 1);
    ck_assert_msg(r.result == GENERATE_OK, "%s", r.messages);
    ck_assert_str_eq(r.messages, "");
    free(r.messages);
    for (size_t i = 0; i < sizeof golden_files / sizeof golden_files[0]; i++) {
        char path[512], golden[512];
        snprintf(path, sizeof path, "%s/%s", dir, golden_files[i]);
        snprintf(golden, sizeof golden, "golden/%s", golden_files[i]);
        char *got = read_text(path), *want = read_text(golden);
        ck_assert_ptr_nonnull(got);
        ck_assert_ptr_nonnull(want);
        ck_assert_msg(strcmp(got, want) == 0, "%s differs from tests/%s "
                      "(regenerate with: schemac --prefix kw -o tests/golden "
                      "tests/schemas/good/keywords.yaml, from tests/)", golden_files[i], golden);
        free(got);
        free(want);
    }
    remove_dir(dir);
}
END_TEST

/* A second run over unchanged input leaves the files alone, so builds stay
 * incremental; check mode then agrees, and notices a change. */
START_TEST(test_rewrite_only_changes)
{
    char *dir = temp_dir();
    const char *file = SCHEMAS_DIR "/good/keywords.yaml";
    run r = generate_files("kw", dir, OUTPUT_WRITE, &file, 1);
    ck_assert_int_eq(r.result, GENERATE_OK);
    free(r.messages);
    char path[512];
    snprintf(path, sizeof path, "%s/keywords.c", dir);
    struct stat before, after;
    ck_assert_int_eq(stat(path, &before), 0);
    sleep(1);
    r = generate_files("kw", dir, OUTPUT_WRITE, &file, 1);
    ck_assert_int_eq(r.result, GENERATE_OK);
    free(r.messages);
    ck_assert_int_eq(stat(path, &after), 0);
    ck_assert_int_eq(before.st_mtime, after.st_mtime);

    r = generate_files("kw", dir, OUTPUT_CHECK, &file, 1);
    ck_assert_int_eq(r.result, GENERATE_OK);
    free(r.messages);
    FILE *f = fopen(path, "a");
    fputs("/* edited */\n", f);
    fclose(f);
    r = generate_files("kw", dir, OUTPUT_CHECK, &file, 1);
    ck_assert_int_eq(r.result, GENERATE_STALE);
    ck_assert_ptr_nonnull(strstr(r.messages, "keywords.c: differs from what schemac generates"));
    free(r.messages);
    remove_dir(dir);
}
END_TEST

/* ---- command line ---- */

START_TEST(test_command_line)
{
    char out[4096];
    ck_assert_int_eq(run_schemac("--version", out, sizeof out), 0);
    ck_assert_str_eq(out, "schemac 0.1.0\n");
    ck_assert_int_eq(run_schemac("--help", out, sizeof out), 0);
    ck_assert_ptr_nonnull(strstr(out, "usage: schemac [--prefix NAME] [-o DIR] [--check] [--listed-only]\n"
                                      "               [--templates DIR] FILE.yaml...\n"));
    ck_assert_int_eq(run_schemac("", out, sizeof out), 2);
    ck_assert_str_eq(out, "schemac: no schema files given\nTry 'schemac --help'.\n");
    ck_assert_int_eq(run_schemac("--bogus x.yaml", out, sizeof out), 2);
    ck_assert_str_eq(out, "schemac: unknown option '--bogus'\nTry 'schemac --help'.\n");
    ck_assert_int_eq(run_schemac("--prefix Bad x.yaml", out, sizeof out), 2);
    ck_assert_int_eq(run_schemac("-o", out, sizeof out), 2);
    ck_assert_str_eq(out, "schemac: -o needs a value\nTry 'schemac --help'.\n");
    ck_assert_int_eq(run_schemac("-o /tmp /nonexistent/x.yaml", out, sizeof out), 1);
    ck_assert_str_eq(out, "/nonexistent/x.yaml: error: cannot read '/nonexistent/x.yaml': "
                          "No such file or directory\n");
}
END_TEST

/* A build system passes --listed-only: a $ref to a file it did not list
 * would produce a source its library does not compile. */
START_TEST(test_listed_only)
{
    char out[4096];
    char *dir = temp_dir();
    char args[1024];
    snprintf(args, sizeof args, "--listed-only --prefix kw -o '%s' '%s/good/keywords.yaml'", dir,
             SCHEMAS_DIR);
    ck_assert_int_eq(run_schemac(args, out, sizeof out), 1);
    char expected[1024];
    snprintf(expected, sizeof expected,
             "%s/good/keywords.yaml:36:11: error: $ref reaches '%s/good/common.yaml', which is "
             "not among the schema files given: list it too (--listed-only)\n",
             SCHEMAS_DIR, SCHEMAS_DIR);
    ck_assert_str_eq(out, expected);
    /* Also: the output folder is made with its missing parents. */
    snprintf(args, sizeof args,
             "--listed-only --prefix kw -o '%s/new/out' '%s/good/keywords.yaml' '%s/good/common.yaml'",
             dir, SCHEMAS_DIR, SCHEMAS_DIR);
    ck_assert_int_eq(run_schemac(args, out, sizeof out), 0);
    ck_assert_str_eq(out, "");
    snprintf(args, sizeof args, "%s/new/out/kw_types.h", dir);
    ck_assert_int_eq(access(args, F_OK), 0);
    remove_dir(dir);
}
END_TEST

static void copy_schemac_to(const char *bin_dir)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s' && cp '%s' '%s/schemac'", bin_dir, SCHEMAC_PATH,
             bin_dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* Runs schemac with --templates <dir>/<folder> and checks its one error. */
static void check_templates_error(const char *dir, const char *folder, const char *error)
{
    char args[2048];
    char out[4096];
    char expected[2048];
    snprintf(args, sizeof args, "--templates '%s/%s' -o '%s/out' '%s/good/common.yaml'", dir,
             folder, dir, SCHEMAS_DIR);
    ck_assert_int_eq(run_schemac(args, out, sizeof out), 1);
    snprintf(expected, sizeof expected, "%s/%s: error: %s\n", dir, folder, error);
    ck_assert_str_eq(out, expected);
}

/* schemac reads its templates from ../share/schemac/templates beside its
 * own folder, wherever that is, or from --templates. */
START_TEST(test_templates_folder)
{
    char out[4096];
    char cmd[1024];
    char expected[1024];
    char *dir = temp_dir();
    snprintf(cmd, sizeof cmd, "%s/moved/bin", dir);
    copy_schemac_to(cmd);
    snprintf(cmd, sizeof cmd, "'%s/moved/bin/schemac' -o '%s/out' '%s/good/common.yaml' 2>&1",
             dir, dir, SCHEMAS_DIR);
    FILE *p = popen(cmd, "r");
    size_t n = fread(out, 1, sizeof out - 1, p);
    out[n] = '\0';
    ck_assert_int_eq(WEXITSTATUS(pclose(p)), 1);
    snprintf(expected, sizeof expected, "%s/moved/share/schemac/templates: error: cannot read the "
             "templates folder: No such file or directory\n", dir);
    ck_assert_str_eq(out, expected);

    snprintf(cmd, sizeof cmd, "mkdir -p '%s/moved/share/schemac' && cp -r '%s' "
             "'%s/moved/share/schemac/templates'", dir, TEMPLATES_DIR, dir);
    ck_assert_int_eq(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "'%s/moved/bin/schemac' -o '%s/out' '%s/good/common.yaml'",
             dir, dir, SCHEMAS_DIR);
    ck_assert_int_eq(system(cmd), 0);

    check_templates_error(dir, "none", "cannot read the templates folder: No such file or directory");
    check_templates_error(dir, "out", "no templates (*.tmpl files) in the templates folder");
    remove_dir(dir);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("generator");
    TCase *tc = tcase_create("generator");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_member_names);
    tcase_add_test(tc, test_prefixes);
    tcase_add_test(tc, test_runtime_names_reserved);
    tcase_add_test(tc, test_bad_schemas);
    tcase_add_test(tc, test_symlink_inside_folder_accepted);
    tcase_add_test(tc, test_byte_order_mark_accepted);
    tcase_add_test(tc, test_golden_output);
    tcase_add_test(tc, test_rewrite_only_changes);
    tcase_add_test(tc, test_command_line);
    tcase_add_test(tc, test_listed_only);
    tcase_add_test(tc, test_templates_folder);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
