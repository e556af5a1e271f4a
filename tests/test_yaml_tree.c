/* Unit tests for generator/yaml_tree.c. Diagnostics are captured through
 * open_memstream and compared in full, marks included. */
#include "yaml_tree.h"

#include <check.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct ctx {
    arena *a;
    FILE *out;
    char *text;
    size_t size;
    diag d;
} ctx;

static void ctx_open(ctx *c)
{
    c->a = arena_new();
    c->text = NULL;
    c->size = 0;
    c->out = open_memstream(&c->text, &c->size);
    ck_assert_ptr_nonnull(c->out);
    diag_init(&c->d, c->out);
}

static const char *ctx_errors(ctx *c)
{
    fflush(c->out);
    return c->text;
}

static void ctx_close(ctx *c)
{
    fclose(c->out);
    free(c->text);
    arena_free(c->a);
}

static ynode *parse_n(ctx *c, const char *s, size_t len)
{
    return ytree_parse(c->a, &c->d, "x.yaml", (const unsigned char *)s, len);
}

/* Parses input that must be accepted without any diagnostic. */
static ynode *parse_ok(ctx *c, const char *s)
{
    ynode *root = parse_n(c, s, strlen(s));
    ck_assert_str_eq(ctx_errors(c), "");
    ck_assert_uint_eq(c->d.errors, 0);
    ck_assert_ptr_nonnull(root);
    return root;
}

static void expect_error_n(const char *input, size_t len, const char *expected)
{
    ctx c;
    ctx_open(&c);
    ynode *root = parse_n(&c, input, len);
    ck_assert_str_eq(ctx_errors(&c), expected);
    ck_assert_uint_eq(c.d.errors, 1);
    ck_assert_ptr_null(root);
    ctx_close(&c);
}

static void expect_error(const char *input, const char *expected)
{
    expect_error_n(input, strlen(input), expected);
}

#define ck_assert_mark(node, l, col)                                                   \
    do {                                                                               \
        ck_assert_str_eq((node)->at.file, "x.yaml");                                   \
        ck_assert_uint_eq((node)->at.line, (l));                                       \
        ck_assert_uint_eq((node)->at.column, (col));                                   \
    } while (0)

#define ck_assert_scalar(node, txt, is_plain)                                          \
    do {                                                                               \
        ck_assert_int_eq((node)->kind, YNODE_SCALAR);                                  \
        ck_assert_str_eq((node)->text, (txt));                                         \
        ck_assert_uint_eq((node)->len, strlen(txt));                                   \
        ck_assert_int_eq((node)->plain, (is_plain));                                   \
    } while (0)

/* A one-pair document "v: <value>", for the scalar helpers. */
static const ynode *value_of(ctx *c, const char *doc)
{
    ynode *root = parse_ok(c, doc);
    ck_assert_uint_eq(root->npairs, 1);
    return root->pairs[0].value;
}

/* ---- tree shape and marks ------------------------------------------------ */

static const char nested_doc[] = "name: Msg\n"
                                 "props:\n"
                                 "  type:\n"
                                 "    type: string\n"
                                 "  list:\n"
                                 "  - a\n"
                                 "  - \"b\"\n"
                                 "  - 'c'\n"
                                 "flow: {x: 1, y: [2, 3]}\n"
                                 "empty_map: {}\n"
                                 "empty_seq: []\n"
                                 "nothing:\n"
                                 "text: |\n"
                                 "  line1\n"
                                 "  line2\n"
                                 "folded: >-\n"
                                 "  x\n"
                                 "  y\n";

START_TEST(test_nested_structure)
{
    ctx c;
    ctx_open(&c);
    ynode *root = parse_ok(&c, nested_doc);
    ck_assert_int_eq(root->kind, YNODE_MAPPING);
    ck_assert_mark(root, 1, 1);
    ck_assert_uint_eq(root->npairs, 8);
    const char *keys[] = {"name", "props", "flow", "empty_map", "empty_seq",
                          "nothing", "text", "folded", NULL};
    const unsigned key_lines[] = {1, 2, 9, 10, 11, 12, 13, 16};
    for (size_t i = 0; keys[i] != NULL; i++) {
        ck_assert_scalar(root->pairs[i].key, keys[i], true);
        ck_assert_mark(root->pairs[i].key, key_lines[i], 1);
    }

    ynode *name = ytree_get(root, "name");
    ck_assert_scalar(name, "Msg", true);
    ck_assert_mark(name, 1, 7);

    ynode *props = ytree_get(root, "props");
    ck_assert_int_eq(props->kind, YNODE_MAPPING);
    ck_assert_mark(props, 3, 3);
    ck_assert_uint_eq(props->npairs, 2);
    ynode *type = ytree_get(props, "type");
    ck_assert_int_eq(type->kind, YNODE_MAPPING);
    ck_assert_mark(type, 4, 5);
    ck_assert_scalar(ytree_get(type, "type"), "string", true);
    ck_assert_mark(ytree_get(type, "type"), 4, 11);

    ynode *list = ytree_get(props, "list");
    ck_assert_int_eq(list->kind, YNODE_SEQUENCE);
    ck_assert_mark(list, 6, 3);
    ck_assert_uint_eq(list->nitems, 3);
    ck_assert_scalar(list->items[0], "a", true);
    ck_assert_mark(list->items[0], 6, 5);
    ck_assert_scalar(list->items[1], "b", false);
    ck_assert_mark(list->items[1], 7, 5);
    ck_assert_scalar(list->items[2], "c", false);
    ck_assert_mark(list->items[2], 8, 5);

    ynode *flow = ytree_get(root, "flow");
    ck_assert_int_eq(flow->kind, YNODE_MAPPING);
    ck_assert_mark(flow, 9, 7);
    ck_assert_scalar(flow->pairs[0].key, "x", true);
    ck_assert_mark(flow->pairs[0].key, 9, 8);
    ck_assert_scalar(flow->pairs[0].value, "1", true);
    ck_assert_mark(flow->pairs[0].value, 9, 11);
    ynode *y = ytree_get(flow, "y");
    ck_assert_int_eq(y->kind, YNODE_SEQUENCE);
    ck_assert_mark(y, 9, 17);
    ck_assert_uint_eq(y->nitems, 2);
    ck_assert_scalar(y->items[0], "2", true);
    ck_assert_mark(y->items[0], 9, 18);
    ck_assert_scalar(y->items[1], "3", true);
    ck_assert_mark(y->items[1], 9, 21);

    ynode *empty_map = ytree_get(root, "empty_map");
    ck_assert_int_eq(empty_map->kind, YNODE_MAPPING);
    ck_assert_mark(empty_map, 10, 12);
    ck_assert_uint_eq(empty_map->npairs, 0);
    ck_assert_ptr_null(empty_map->pairs);
    ynode *empty_seq = ytree_get(root, "empty_seq");
    ck_assert_int_eq(empty_seq->kind, YNODE_SEQUENCE);
    ck_assert_mark(empty_seq, 11, 12);
    ck_assert_uint_eq(empty_seq->nitems, 0);
    ck_assert_ptr_null(empty_seq->items);

    ynode *nothing = ytree_get(root, "nothing");
    ck_assert_scalar(nothing, "", true);
    ck_assert(ytree_is_null(nothing));

    ynode *text = ytree_get(root, "text");
    ck_assert_scalar(text, "line1\nline2\n", false);
    ck_assert_mark(text, 13, 7);
    ynode *folded = ytree_get(root, "folded");
    ck_assert_scalar(folded, "x y", false);
    ck_assert_mark(folded, 16, 9);
    ctx_close(&c);
}
END_TEST

START_TEST(test_root_kinds)
{
    ctx c;
    ctx_open(&c);
    ynode *root = parse_ok(&c, "hello world\n");
    ck_assert_scalar(root, "hello world", true);
    ck_assert_mark(root, 1, 1);

    root = parse_ok(&c, "\n\n- 1\n-   [a]\n");
    ck_assert_int_eq(root->kind, YNODE_SEQUENCE);
    ck_assert_mark(root, 3, 1);
    ck_assert_uint_eq(root->nitems, 2);
    ck_assert_mark(root->items[0], 3, 3);
    ck_assert_int_eq(root->items[1]->kind, YNODE_SEQUENCE);
    ck_assert_mark(root->items[1], 4, 5);
    ck_assert_mark(root->items[1]->items[0], 4, 6);

    /* A null or a quoted empty string is a document, not an empty one. */
    root = parse_ok(&c, "~\n");
    ck_assert(ytree_is_null(root));
    root = parse_ok(&c, "--- \"\"\n");
    ck_assert_scalar(root, "", false);
    ck_assert_mark(root, 1, 5);
    ctx_close(&c);
}
END_TEST

START_TEST(test_explicit_document_markers)
{
    ctx c;
    ctx_open(&c);
    ynode *root = parse_ok(&c, "# comment\n---\na: 1\n...\n# trailing\n");
    ck_assert_int_eq(root->kind, YNODE_MAPPING);
    ck_assert_mark(root, 3, 1);
    ck_assert_scalar(ytree_get(root, "a"), "1", true);
    ctx_close(&c);
}
END_TEST

START_TEST(test_columns_count_characters)
{
    ctx c;
    ctx_open(&c);
    ynode *root = parse_ok(&c, "\xC3\xA9t\xC3\xA9: [1, \xC3\xBC]\n"); /* été: [1, ü] */
    ynode *seq = root->pairs[0].value;
    ck_assert_mark(seq, 1, 6);
    ck_assert_scalar(seq->items[1], "\xC3\xBC", true);
    ck_assert_mark(seq->items[1], 1, 10);

    /* A UTF-8 byte order mark is skipped and does not shift columns. */
    root = parse_ok(&c, "\xEF\xBB\xBF" "a: b\n");
    ck_assert_mark(root->pairs[0].key, 1, 1);
    ck_assert_mark(root->pairs[0].value, 1, 4);

    /* CR LF line ends count as one line each. */
    root = parse_ok(&c, "a: 1\r\nb:\r\n  c: 2\r\n");
    ck_assert_mark(ytree_get(root, "b"), 3, 3);
    ck_assert_mark(ytree_get(ytree_get(root, "b"), "c"), 3, 6);
    ctx_close(&c);
}
END_TEST

START_TEST(test_anchors_are_ignored)
{
    ctx c;
    ctx_open(&c);
    ynode *root = parse_ok(&c, "a: &x 1\nb: &y {c: 2}\n");
    ck_assert_scalar(ytree_get(root, "a"), "1", true);
    ck_assert_mark(ytree_get(root, "a"), 1, 4);
    ck_assert_int_eq(ytree_get(root, "b")->kind, YNODE_MAPPING);
    ctx_close(&c);
}
END_TEST

START_TEST(test_complex_scalar_key_accepted)
{
    ctx c;
    ctx_open(&c);
    ynode *root = parse_ok(&c, "? a\n: 1\n\"q\": 2\n");
    ck_assert_uint_eq(root->npairs, 2);
    ck_assert_scalar(root->pairs[0].key, "a", true);
    ck_assert_mark(root->pairs[0].key, 1, 3);
    ck_assert_scalar(root->pairs[1].key, "q", false);
    ck_assert_scalar(ytree_get(root, "q"), "2", true);
    ctx_close(&c);
}
END_TEST

START_TEST(test_get)
{
    ctx c;
    ctx_open(&c);
    ynode *root = parse_ok(&c, "a: 1\nab: 2\n\"\": 3\nlist: [a]\n");
    ck_assert_str_eq(ytree_get(root, "a")->text, "1");
    ck_assert_str_eq(ytree_get(root, "ab")->text, "2");
    ck_assert_str_eq(ytree_get(root, "")->text, "3");
    ck_assert_ptr_null(ytree_get(root, "b"));
    ck_assert_ptr_null(ytree_get(root, "A"));
    ck_assert_ptr_null(ytree_get(ytree_get(root, "list"), "a"));
    ck_assert_ptr_null(ytree_get(ytree_get(root, "a"), "a"));
    ck_assert_ptr_null(ytree_get(NULL, "a"));
    ctx_close(&c);
}
END_TEST

START_TEST(test_many_keys)
{
    /* Large mappings must stay fast, and a duplicate among them is found. */
    enum { KEYS = 100000 };
    char *doc = malloc((size_t)KEYS * 16 + 32);
    size_t n = 0;
    for (int i = 0; i < KEYS; i++)
        n += (size_t)sprintf(doc + n, "k%d: %d\n", i, i);
    ctx c;
    ctx_open(&c);
    ynode *root = parse_ok(&c, doc);
    ck_assert_uint_eq(root->npairs, KEYS);
    ck_assert_str_eq(ytree_get(root, "k99999")->text, "99999");
    ctx_close(&c);

    sprintf(doc + n, "k5: again\n");
    char expected[64];
    sprintf(expected, "x.yaml:%d:1: error: duplicate key 'k5'\n", KEYS + 1);
    expect_error(doc, expected);
    free(doc);
}
END_TEST

/* ---- ytree_load ------------------------------------------------------------ */

START_TEST(test_load_file)
{
    char path[] = "/tmp/test_yaml_tree_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    const char doc[] = "a:\n  - b\n";
    ck_assert_int_eq(write(fd, doc, sizeof doc - 1), (int)(sizeof doc - 1));
    close(fd);

    ctx c;
    ctx_open(&c);
    char *name = strdup(path);
    ynode *root = ytree_load(c.a, &c.d, name);
    ck_assert_ptr_nonnull(root);
    ck_assert_str_eq(ctx_errors(&c), "");
    free(name); /* marks hold the arena's copy of the path */
    ynode *b = ytree_get(root, "a")->items[0];
    ck_assert_str_eq(b->at.file, path);
    ck_assert_uint_eq(b->at.line, 2);
    ck_assert_uint_eq(b->at.column, 5);
    ctx_close(&c);

    fd = open(path, O_WRONLY | O_TRUNC);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, "a: *x\n", 6), 6);
    close(fd);
    ctx_open(&c);
    ck_assert_ptr_null(ytree_load(c.a, &c.d, path));
    char expected[128];
    snprintf(expected, sizeof expected, "%s:1:4: error: YAML aliases are not supported\n", path);
    ck_assert_str_eq(ctx_errors(&c), expected);
    ctx_close(&c);
    unlink(path);
}
END_TEST

START_TEST(test_load_errors)
{
    ctx c;
    ctx_open(&c);
    ck_assert_ptr_null(ytree_load(c.a, &c.d, "/nonexistent/dir/x.yaml"));
    ck_assert_ptr_null(ytree_load(c.a, &c.d, "/tmp"));
    /* Endless input stops at the size limit instead of taking all memory. */
    ck_assert_ptr_null(ytree_load(c.a, &c.d, "/dev/zero"));
    ck_assert_str_eq(ctx_errors(&c),
                     "/nonexistent/dir/x.yaml: error: cannot read: No such file or directory\n"
                     "/tmp: error: cannot read: Is a directory\n"
                     "/dev/zero: error: cannot read: File too large\n");
    ck_assert_uint_eq(c.d.errors, 3);
    ctx_close(&c);
}
END_TEST

/* ---- scalar interpretation ------------------------------------------------ */

START_TEST(test_is_null)
{
    ctx c;
    ctx_open(&c);
    const char *nulls[] = {"v:", "v: ~", "v: null", "v: Null", "v: NULL", NULL};
    for (size_t i = 0; nulls[i] != NULL; i++) {
        const ynode *v = value_of(&c, nulls[i]);
        ck_assert_msg(ytree_is_null(v), "%s", nulls[i]);
        ck_assert_str_eq(ytree_kind_name(v), "null");
        ck_assert(!ytree_is_string(v));
    }
    const char *others[] = {"v: nULL", "v: \"null\"", "v: ''", "v: '~'", "v: nil", "v: [~]", NULL};
    for (size_t i = 0; others[i] != NULL; i++)
        ck_assert_msg(!ytree_is_null(value_of(&c, others[i])), "%s", others[i]);
    ck_assert(!ytree_is_null(NULL));
    ctx_close(&c);
}
END_TEST

START_TEST(test_as_bool)
{
    ctx c;
    ctx_open(&c);
    const char *trues[] = {"v: true", "v: True", "v: TRUE", NULL};
    const char *falses[] = {"v: false", "v: False", "v: FALSE", NULL};
    for (size_t i = 0; trues[i] != NULL; i++) {
        bool b = false;
        ck_assert(ytree_as_bool(value_of(&c, trues[i]), &b));
        ck_assert(b);
        ck_assert_str_eq(ytree_kind_name(value_of(&c, trues[i])), "boolean");
        b = true;
        ck_assert(ytree_as_bool(value_of(&c, falses[i]), &b));
        ck_assert(!b);
    }
    const char *strings[] = {"v: yes", "v: no", "v: on", "v: off", "v: y", "v: tRUE",
                             "v: \"true\"", "v: 'false'", NULL};
    for (size_t i = 0; strings[i] != NULL; i++) {
        bool b = true;
        const ynode *v = value_of(&c, strings[i]);
        ck_assert_msg(!ytree_as_bool(v, &b), "%s", strings[i]);
        ck_assert(b); /* untouched */
        ck_assert_msg(ytree_is_string(v), "%s", strings[i]);
        ck_assert_str_eq(ytree_kind_name(v), "string");
    }
    bool b;
    ck_assert(!ytree_as_bool(NULL, &b));
    ctx_close(&c);
}
END_TEST

START_TEST(test_as_int64)
{
    ctx c;
    ctx_open(&c);
    static const struct {
        const char *doc;
        int64_t value;
    } good[] = {
        {"v: 0", 0},
        {"v: -0", 0},
        {"v: +5", 5},
        {"v: 42", 42},
        {"v: -17", -17},
        {"v: 007", 7},
        {"v: 9223372036854775807", INT64_MAX},
        {"v: -9223372036854775808", INT64_MIN},
        {"v: +9223372036854775807", INT64_MAX},
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        int64_t v = 12345;
        const ynode *n = value_of(&c, good[i].doc);
        ck_assert_msg(ytree_as_int64(n, &v), "%s", good[i].doc);
        ck_assert_int_eq(v, good[i].value);
        ck_assert_str_eq(ytree_kind_name(n), "integer");
        ck_assert(!ytree_is_string(n));
    }
    const char *bad[] = {"v: 9223372036854775808", "v: -9223372036854775809",
                         "v: 99999999999999999999", "v: 1e3",
                         "v: 1.0", "v: 1.", "v: 0x10", "v: 0o7", "v: 1_000", "v: \"5\"",
                         "v: '5'", "v: +", "v: 5 x", "v: true", "v: [1]", NULL};
    for (size_t i = 0; bad[i] != NULL; i++) {
        int64_t v = 12345;
        ck_assert_msg(!ytree_as_int64(value_of(&c, bad[i]), &v), "%s", bad[i]);
        ck_assert_int_eq(v, 12345);
    }
    /* Out of range is still spelled as an integer. */
    ck_assert_str_eq(ytree_kind_name(value_of(&c, "v: 99999999999999999999")), "integer");
    int64_t v;
    ck_assert(!ytree_as_int64(NULL, &v));
    ctx_close(&c);
}
END_TEST

START_TEST(test_as_double)
{
    ctx c;
    ctx_open(&c);
    static const struct {
        const char *doc;
        double value;
    } good[] = {
        {"v: 1e3", 1000.0},  {"v: 1.", 1.0},        {"v: .5", 0.5},
        {"v: +5", 5.0},      {"v: -1.5e-3", -1.5e-3}, {"v: 1E+2", 100.0},
        {"v: 2.5E2", 250.0}, {"v: 0", 0.0},         {"v: -.25", -0.25},
        {"v: 9223372036854775808", 9223372036854775808.0},
        {"v: 1e-400", 0.0}, /* underflow rounds to zero */
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        double d = 12345.0;
        ck_assert_msg(ytree_as_double(value_of(&c, good[i].doc), &d), "%s", good[i].doc);
        ck_assert_double_eq(d, good[i].value);
    }
    double d = 1.0;
    ck_assert(ytree_as_double(value_of(&c, "v: -0"), &d));
    ck_assert(d == 0.0 && signbit(d));

    const char *bad[] = {"v: 0x10", "v: .",      "v: 1e",     "v: e3",    "v: 1e+",
                         "v: .inf", "v: -.Inf",  "v: .nan",   "v: 1e999", "v: -1e400",
                         "v: 1,5",  "v: 1_000.5", "v: \"1.5\"", "v: '2'",  "v: 1.5.2",
                         "v: +-1",  "v: --1",    "v: 1 .5",   "v: [1.5]", NULL};
    for (size_t i = 0; bad[i] != NULL; i++) {
        d = 12345.0;
        ck_assert_msg(!ytree_as_double(value_of(&c, bad[i]), &d), "%s", bad[i]);
        ck_assert_double_eq(d, 12345.0);
    }
    ck_assert(!ytree_as_double(NULL, &d));

    ck_assert_str_eq(ytree_kind_name(value_of(&c, "v: 1e3")), "number");
    ck_assert_str_eq(ytree_kind_name(value_of(&c, "v: 1.")), "number");
    ck_assert_str_eq(ytree_kind_name(value_of(&c, "v: .5")), "number");
    ck_assert_str_eq(ytree_kind_name(value_of(&c, "v: .inf")), "number");
    ck_assert_str_eq(ytree_kind_name(value_of(&c, "v: -.INF")), "number");
    ck_assert_str_eq(ytree_kind_name(value_of(&c, "v: .NaN")), "number");
    ck_assert_str_eq(ytree_kind_name(value_of(&c, "v: 1e999")), "number");
    ck_assert_str_eq(ytree_kind_name(value_of(&c, "v: -.nan")), "string");
    ctx_close(&c);
}
END_TEST

START_TEST(test_as_double_ignores_locale)
{
    /* Try a few locales whose decimal point is a comma; C-only systems
     * still run the rest of the test in the C locale. */
    const char *names[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8", NULL};
    bool comma = false;
    for (size_t i = 0; names[i] != NULL && !comma; i++) {
        if (setlocale(LC_NUMERIC, names[i]) != NULL)
            comma = strcmp(localeconv()->decimal_point, ",") == 0;
    }
    if (!comma)
        fprintf(stderr, "note: no comma-decimal locale installed; checked C locale only\n");
    ctx c;
    ctx_open(&c);
    double d = 0;
    ck_assert(ytree_as_double(value_of(&c, "v: 1.5"), &d));
    ck_assert_double_eq(d, 1.5);
    ck_assert(ytree_as_double(value_of(&c, "v: -2.25e1"), &d));
    ck_assert_double_eq(d, -22.5);
    ck_assert(!ytree_as_double(value_of(&c, "v: 1,5"), &d));
    ck_assert_double_eq(d, -22.5);
    ctx_close(&c);
    setlocale(LC_NUMERIC, "C");
}
END_TEST

START_TEST(test_is_string_and_kind_names)
{
    ctx c;
    ctx_open(&c);
    const char *strings[] = {"v: hello", "v: 0x10", "v: yes", "v: 1_000", "v: \"1\"",
                             "v: ''", "v: \"true\"", "v: 'null'", "v: |\n  5\n",
                             "v: 1.2.3", "v: +", "v: -x", NULL};
    for (size_t i = 0; strings[i] != NULL; i++) {
        const ynode *n = value_of(&c, strings[i]);
        ck_assert_msg(ytree_is_string(n), "%s", strings[i]);
        ck_assert_str_eq(ytree_kind_name(n), "string");
    }
    const char *not_strings[] = {"v:", "v: null", "v: true", "v: 1", "v: 1.5", "v: .inf",
                                 "v: []", "v: {}", NULL};
    for (size_t i = 0; not_strings[i] != NULL; i++)
        ck_assert_msg(!ytree_is_string(value_of(&c, not_strings[i])), "%s", not_strings[i]);
    ck_assert(!ytree_is_string(NULL));
    ck_assert_str_eq(ytree_kind_name(value_of(&c, "v: []")), "sequence");
    ck_assert_str_eq(ytree_kind_name(value_of(&c, "v: {}")), "mapping");
    ck_assert_str_eq(ytree_kind_name(NULL), "nothing");
    ctx_close(&c);
}
END_TEST

/* ---- errors ---------------------------------------------------------------- */

START_TEST(test_libyaml_errors)
{
    expect_error("a:\n\tb: 1\n",
                 "x.yaml:2:1: error: found a tab character where YAML allows only spaces\n");
    expect_error("a: %\n", "x.yaml:1:4: error: found character that cannot start any token\n");
    expect_error("a: 1\n\tb: 1\n",
                 "x.yaml:2:1: error: found a tab character that violates indentation "
                 "(while scanning a plain scalar at 1:4)\n");
    expect_error("a:\n  b: 1\n c: 2\n",
                 "x.yaml:3:2: error: did not find expected key "
                 "(while parsing a block mapping at 1:1)\n");
    expect_error("a: [1\nb: 2\n",
                 "x.yaml:2:2: error: did not find expected ',' or ']' "
                 "(while parsing a flow sequence at 1:4)\n");
    expect_error("a: \"abc\n", "x.yaml:2:1: error: found unexpected end of stream "
                               "(while scanning a quoted scalar at 1:4)\n");
    expect_error("a: b: c\n", "x.yaml:1:5: error: mapping values are not allowed in this context\n");
}
END_TEST

START_TEST(test_reader_errors)
{
    expect_error("a: b\nc: \xFF\n",
                 "x.yaml:2:4: error: invalid UTF-8: byte 0xFF cannot start a character\n");
    expect_error("\xC3\xA9: \x80\n",
                 "x.yaml:1:4: error: invalid UTF-8: byte 0x80 cannot start a character\n");
    expect_error("a: \xC3\x28\n", "x.yaml:1:4: error: invalid UTF-8: a character is cut short "
                                   "(byte 0x28 cannot continue it)\n");
    expect_error("a: x\xF0\x9F\x98z\n", "x.yaml:1:5: error: invalid UTF-8: a character is "
                                        "cut short (byte 0x7A cannot continue it)\n");
    expect_error("a: \xE2\x82",
                 "x.yaml:1:4: error: invalid UTF-8: the file ends inside a character\n");
    expect_error("a: 1\r\nb: \xC0\x80\n",
                 "x.yaml:2:4: error: invalid UTF-8: overlong encoding of U+0000\n");
    expect_error("a: \xF0\x80\x80\xAF\n",
                 "x.yaml:1:4: error: invalid UTF-8: overlong encoding of U+002F\n");
    expect_error("a: \xED\xA0\x80\n",
                 "x.yaml:1:4: error: invalid UTF-8: U+D800 is a surrogate, not a character\n");
    expect_error("a: \xF4\x90\x80\x80\n",
                 "x.yaml:1:4: error: invalid UTF-8: U+110000 is beyond Unicode\n");
    expect_error("a: b\x01\n", "x.yaml:1:5: error: character U+0001 is not allowed in YAML\n");
    expect_error("a: \xC2\x80\n", "x.yaml:1:4: error: character U+0080 is not allowed in YAML\n");
    expect_error_n("a: b\0c\n", 7, "x.yaml:1:5: error: character U+0000 is not allowed in YAML\n");
    /* UTF-16 is refused: the encoding is fixed to UTF-8. */
    expect_error_n("\xFF\xFE" "a\0", 4,
                   "x.yaml:1:1: error: invalid UTF-8: byte 0xFF cannot start a character\n");
    /* Beyond libyaml's first 16 KiB input chunk, after a byte order mark. */
    char *doc = malloc(40000);
    size_t n = (size_t)sprintf(doc, "\xEF\xBB\xBF");
    for (int i = 0; i < 3000; i++)
        n += (size_t)sprintf(doc + n, "k%05d: v\n", i);
    sprintf(doc + n, "z: \xC3\xA9\xFF\n");
    expect_error(doc, "x.yaml:3001:5: error: invalid UTF-8: byte 0xFF cannot start a character\n");
    free(doc);
}
END_TEST

START_TEST(test_alias_refused)
{
    expect_error("a: &x 1\nb: *x\n", "x.yaml:2:4: error: YAML aliases are not supported\n");
    expect_error("- &x [1]\n- [2, *x]\n", "x.yaml:2:7: error: YAML aliases are not supported\n");
    expect_error("*x\n", "x.yaml:1:1: error: YAML aliases are not supported\n");
}
END_TEST

START_TEST(test_billion_laughs)
{
    static const char bomb[] =
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
        "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
        "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
        "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
        "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
        "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
        "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";
    expect_error(bomb, "x.yaml:2:8: error: YAML aliases are not supported\n");
}
END_TEST

START_TEST(test_tags_refused)
{
    expect_error("a: !!str 5\n", "x.yaml:1:4: error: YAML tags are not supported\n");
    expect_error("a: !foo {b: 1}\n", "x.yaml:1:4: error: YAML tags are not supported\n");
    expect_error("a:\n  - !!seq [1]\n", "x.yaml:2:5: error: YAML tags are not supported\n");
    expect_error("! x\n", "x.yaml:1:1: error: YAML tags are not supported\n");
    expect_error("%TAG !e! tag:example.com,2000:\n---\n!e!k v: 1\n",
                 "x.yaml:3:1: error: YAML tags are not supported\n");
}
END_TEST

/* A plain "<<" is YAML 1.1's merge key; a quoted one is an ordinary key. */
START_TEST(test_merge_keys_refused)
{
    expect_error("a: 1\n<<: {b: 2}\n",
                 "x.yaml:2:1: error: YAML merge keys ('<<') are not supported\n");
    expect_error("- {<<: {b: 2}}\n",
                 "x.yaml:1:4: error: YAML merge keys ('<<') are not supported\n");
    ctx c;
    ctx_open(&c);
    ynode *root = parse_ok(&c, "\"<<\": 1\nv: <<\n");
    ck_assert_scalar(ytree_get(root, "v"), "<<", true);
    ctx_close(&c);
}
END_TEST

/* libyaml refuses implicit keys over 1024 characters with a message about
 * the ':' after them; every key over the limit gets one clear message. */
START_TEST(test_long_keys_refused)
{
    char *text = malloc(3 * 1100 + 64);
    char key[1026];
    memset(key, 'k', 1025);
    key[1025] = '\0';
    const char *const forms[][2] = {
        {"%s: 1\n", "x.yaml:1:1: "},        {"a:\n  %s: 1\n", "x.yaml:2:3: "},
        {"- %s: 1\n", "x.yaml:1:3: "},      {"{%s: 1}\n", "x.yaml:1:2: "},
        {"? %s\n: 1\n", "x.yaml:1:3: "},    {"\"%s\": 1\n", "x.yaml:1:1: "},
    };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        sprintf(text, forms[i][0], key);
        char want[128];
        snprintf(want, sizeof want, "%serror: mapping key longer than 1024 characters\n",
                 forms[i][1]);
        expect_error(text, want);
    }
    /* 1024 characters are fine, however many bytes they take. */
    ctx c;
    ctx_open(&c);
    key[1024] = '\0';
    sprintf(text, "%s: 1\n", key);
    ck_assert_uint_eq(parse_ok(&c, text)->npairs, 1);
    size_t n = 0;
    for (int i = 0; i < 1024; i++)
        n += (size_t)sprintf(text + n, "\xC3\xA9");
    sprintf(text + n, ": 1\n");
    ck_assert_uint_eq(parse_ok(&c, text)->npairs, 1);
    ctx_close(&c);
    /* A long line that is not a long key keeps libyaml's message. */
    sprintf(text, "a: %s: c\n", key);
    expect_error(text, "x.yaml:1:1028: error: mapping values are not allowed in this context\n");
    free(text);
}
END_TEST

START_TEST(test_one_document)
{
    expect_error("a: 1\n---\nb: 2\n",
                 "x.yaml:2:1: error: only one YAML document per file is supported\n");
    expect_error("--- a\n--- b\n",
                 "x.yaml:2:1: error: only one YAML document per file is supported\n");
    expect_error("---\na: 1\n...\n# c\n---\n",
                 "x.yaml:5:1: error: only one YAML document per file is supported\n");
}
END_TEST

START_TEST(test_keys_must_be_scalars)
{
    expect_error("? [a]\n: 1\n", "x.yaml:1:3: error: mapping keys must be scalars\n");
    expect_error("{[a]: 1}\n", "x.yaml:1:2: error: mapping keys must be scalars\n");
    expect_error("k:\n  ? {a: 1}\n  : 2\n", "x.yaml:2:5: error: mapping keys must be scalars\n");
    expect_error("[a]: 1\n", "x.yaml:1:1: error: mapping keys must be scalars\n");
}
END_TEST

START_TEST(test_duplicate_keys)
{
    expect_error("name: a\nother: b\nname: c\n", "x.yaml:3:1: error: duplicate key 'name'\n");
    expect_error("a: 1\n\"a\": 2\n", "x.yaml:2:1: error: duplicate key 'a'\n");
    expect_error("outer:\n  x: 1\n  x: 2\n", "x.yaml:3:3: error: duplicate key 'x'\n");
    expect_error("{a: 1, a: 2}\n", "x.yaml:1:8: error: duplicate key 'a'\n");
    expect_error("\"\": 1\n'': 2\n", "x.yaml:2:1: error: duplicate key ''\n");
    /* Several duplicates: the earliest repeat in the file is reported. */
    expect_error("b: 1\na: 1\nb: 2\na: 2\n", "x.yaml:3:1: error: duplicate key 'b'\n");
    expect_error("a: 1\nb: 1\nb: 2\na: 2\na: 3\n", "x.yaml:3:1: error: duplicate key 'b'\n");
    /* Same key in different mappings is fine. */
    ctx c;
    ctx_open(&c);
    ynode *root = parse_ok(&c, "a: {a: 1}\nb: [{a: 2}, {a: 3}]\n");
    ck_assert_uint_eq(root->npairs, 2);
    ctx_close(&c);
}
END_TEST

START_TEST(test_nul_in_scalar)
{
    expect_error("a: \"x\\0y\"\n", "x.yaml:1:4: error: NUL character in scalar\n");
    expect_error("- \"\\x00\"\n", "x.yaml:1:3: error: NUL character in scalar\n");
    expect_error("\"\\u0000\": 1\n", "x.yaml:1:1: error: NUL character in scalar\n");
}
END_TEST

static char *nested(const char *open, const char *close, int depth)
{
    size_t lo = strlen(open), lc = strlen(close);
    char *s = malloc((size_t)depth * (lo + lc) + 1);
    size_t n = 0;
    for (int i = 0; i < depth; i++, n += lo)
        memcpy(s + n, open, lo);
    for (int i = 0; i < depth; i++, n += lc)
        memcpy(s + n, close, lc);
    s[n] = '\0';
    return s;
}

START_TEST(test_depth_limit)
{
    ctx c;
    ctx_open(&c);
    char *ok = nested("[", "]", YTREE_MAX_DEPTH);
    ynode *n = parse_ok(&c, ok);
    for (int i = 1; i < YTREE_MAX_DEPTH; i++)
        n = n->items[0];
    ck_assert_int_eq(n->kind, YNODE_SEQUENCE);
    ck_assert_uint_eq(n->nitems, 0);
    ck_assert_mark(n, 1, 64);
    free(ok);
    ctx_close(&c);

    char *deep = nested("[", "]", YTREE_MAX_DEPTH + 1);
    expect_error(deep, "x.yaml:1:65: error: nesting deeper than 64 levels\n");
    free(deep);
    deep = nested("{a: ", "}", YTREE_MAX_DEPTH + 1);
    expect_error(deep, "x.yaml:1:257: error: nesting deeper than 64 levels\n");
    free(deep);

    /* Block style: 65 nested mappings, one per line. */
    char *block = malloc(200 * 70);
    size_t len = 0;
    for (int i = 0; i <= YTREE_MAX_DEPTH; i++)
        len += (size_t)sprintf(block + len, "%*sk:\n", 2 * i, "");
    sprintf(block + len, "%*sv\n", 2 * (YTREE_MAX_DEPTH + 1), "");
    expect_error(block, "x.yaml:65:129: error: nesting deeper than 64 levels\n");
    free(block);
}
END_TEST

START_TEST(test_deep_hostile_input_fails_fast)
{
    enum { N = 1000000 };
    char *s = malloc(N + 1);
    memset(s, '[', N);
    s[N] = '\0';
    expect_error(s, "x.yaml:1:65: error: nesting deeper than 64 levels\n");
    for (int i = 0; i < N; i += 2)
        memcpy(s + i, "- ", 2);
    expect_error(s, "x.yaml:1:129: error: nesting deeper than 64 levels\n");
    free(s);
}
END_TEST

START_TEST(test_empty_document)
{
    const char *empties[] = {"", "# just a comment\n", "---\n", "\n\n---\n...\n", "   \n",
                             "--- &a\n", NULL};
    for (size_t i = 0; empties[i] != NULL; i++)
        expect_error(empties[i], "x.yaml:1:1: error: empty document\n");
    ctx c;
    ctx_open(&c);
    ck_assert_ptr_null(ytree_parse(c.a, &c.d, "x.yaml", NULL, 0));
    ck_assert_str_eq(ctx_errors(&c), "x.yaml:1:1: error: empty document\n");
    ctx_close(&c);
}
END_TEST

/* Random mutations of YAML fragments: whatever happens, the result is either
 * a tree and no diagnostic or NULL and exactly one. */
START_TEST(test_garbage_never_crashes)
{
    static const char *const pieces[] = {
        "a", ":", " ", "\n", "- ", "[", "]", "{", "}", ",", "\"", "'", "\\0", "&x ", "*x",
        "!!str ", "? ", "---\n", "...\n", "|\n", ">\n", "#", "\t", "\xFF", "\xC3", "\0", "%YAML 1.1\n",
        "  ", "~", "1e3", "\r",
    };
    enum { NPIECES = sizeof pieces / sizeof pieces[0] };
    unsigned long long state = 0x9E3779B97F4A7C15ull; /* fixed seed: reproducible */
    char buf[512];
    for (int round = 0; round < 20000; round++) {
        size_t n = 0;
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        int count = (int)(state >> 59) + 1;
        for (int k = 0; k < count; k++) {
            state = state * 6364136223846793005ull + 1442695040888963407ull;
            const char *p = pieces[(state >> 33) % NPIECES];
            size_t len = p[0] == '\0' ? 1 : strlen(p);
            memcpy(buf + n, p, len);
            n += len;
        }
        ctx c;
        ctx_open(&c);
        ynode *root = parse_n(&c, buf, n);
        ck_assert_uint_eq(c.d.errors, root == NULL ? 1 : 0);
        ctx_close(&c);
    }
}
END_TEST

static Suite *yaml_tree_suite(void)
{
    Suite *s = suite_create("yaml_tree");
    TCase *tree = tcase_create("tree");
    tcase_add_test(tree, test_nested_structure);
    tcase_add_test(tree, test_root_kinds);
    tcase_add_test(tree, test_explicit_document_markers);
    tcase_add_test(tree, test_columns_count_characters);
    tcase_add_test(tree, test_anchors_are_ignored);
    tcase_add_test(tree, test_complex_scalar_key_accepted);
    tcase_add_test(tree, test_get);
    tcase_add_test(tree, test_many_keys);
    tcase_add_test(tree, test_load_file);
    tcase_add_test(tree, test_load_errors);
    suite_add_tcase(s, tree);

    TCase *scalars = tcase_create("scalars");
    tcase_add_test(scalars, test_is_null);
    tcase_add_test(scalars, test_as_bool);
    tcase_add_test(scalars, test_as_int64);
    tcase_add_test(scalars, test_as_double);
    tcase_add_test(scalars, test_as_double_ignores_locale);
    tcase_add_test(scalars, test_is_string_and_kind_names);
    suite_add_tcase(s, scalars);

    TCase *errors = tcase_create("errors");
    tcase_add_test(errors, test_libyaml_errors);
    tcase_add_test(errors, test_reader_errors);
    tcase_add_test(errors, test_alias_refused);
    tcase_add_test(errors, test_billion_laughs);
    tcase_add_test(errors, test_tags_refused);
    tcase_add_test(errors, test_merge_keys_refused);
    tcase_add_test(errors, test_long_keys_refused);
    tcase_add_test(errors, test_one_document);
    tcase_add_test(errors, test_keys_must_be_scalars);
    tcase_add_test(errors, test_duplicate_keys);
    tcase_add_test(errors, test_nul_in_scalar);
    tcase_add_test(errors, test_depth_limit);
    tcase_add_test(errors, test_deep_hostile_input_fails_fast);
    tcase_add_test(errors, test_empty_document);
    tcase_add_test(errors, test_garbage_never_crashes);
    suite_add_tcase(s, errors);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(yaml_tree_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
