/* Unit tests for the view and the template engine. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#endif

#include "template.h"
#include "view.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Per-test state, set up fresh by the fixture. */
static arena *A;
static diag D;
static FILE *ERR;
static char *ERRBUF;
static size_t ERRLEN;
static strbuf OUT;

static void open_diag(void)
{
    ERRBUF = NULL;
    ERRLEN = 0;
    ERR = open_memstream(&ERRBUF, &ERRLEN);
    ck_assert_ptr_nonnull(ERR);
    diag_init(&D, ERR);
}

static void close_diag(void)
{
    fclose(ERR);
    free(ERRBUF);
}

static void setup(void)
{
    A = arena_new();
    open_diag();
    OUT = (strbuf)STRBUF_INIT;
}

static void teardown(void)
{
    close_diag();
    strbuf_release(&OUT);
    arena_free(A);
}

/* Starts a new render: empty output, empty diagnostics. */
static void reset(void)
{
    close_diag();
    open_diag();
    strbuf_reset(&OUT);
}

static const char *errors(void)
{
    fflush(ERR);
    return ERRBUF != NULL ? ERRBUF : "";
}

#define SRC(name, text) {name, text, sizeof(text) - 1}

static bool render_set(const template_source *items, size_t count, const char *name, const view *root)
{
    template_set set = {items, count};
    return template_render(&set, name, root, A, &D, &OUT);
}

static bool render1(const char *text, const view *root)
{
    template_source t = {"main", text, strlen(text)};
    return render_set(&t, 1, "main", root);
}

/* Renders `text` as template "main" and checks the exact output. */
static void expect(const char *text, const view *root, const char *want)
{
    reset();
    bool ok = render1(text, root);
    ck_assert_msg(ok, "render of \"%s\" failed: %s", text, errors());
    ck_assert_str_eq(strbuf_str(&OUT), want);
    ck_assert_str_eq(errors(), "");
    ck_assert_uint_eq(D.errors, 0);
}

/* Renders `text` as template "main" and checks the exact diagnostics. */
static void expect_error(const char *text, const view *root, const char *want)
{
    reset();
    bool ok = render1(text, root);
    ck_assert_msg(!ok, "render of \"%s\" succeeded: \"%s\"", text, strbuf_str(&OUT));
    ck_assert_str_eq(errors(), want);
    ck_assert_str_eq(strbuf_str(&OUT), "");
}

static void expect_set(const template_source *items, size_t count, const view *root, const char *want)
{
    reset();
    bool ok = render_set(items, count, items[0].name, root);
    ck_assert_msg(ok, "render failed: %s", errors());
    ck_assert_str_eq(strbuf_str(&OUT), want);
    ck_assert_str_eq(errors(), "");
}

static void expect_set_error(const template_source *items, size_t count, const view *root, const char *want)
{
    reset();
    bool ok = render_set(items, count, items[0].name, root);
    ck_assert_msg(!ok, "render succeeded: \"%s\"", strbuf_str(&OUT));
    ck_assert_str_eq(errors(), want);
    ck_assert_str_eq(strbuf_str(&OUT), "");
}

/* A list `name` of items each holding one string `field`. */
static void add_strings(view *v, const char *name, const char *field, const char *const *values, size_t n)
{
    view_set_list(v, name);
    for (size_t i = 0; i < n; i++)
        view_set_str(view_add(v, name), field, values[i]);
}

/* ---- View ------------------------------------------------------------- */

START_TEST(test_view_values)
{
    view *v = view_new(A);
    view_set_str(v, "s", "text");
    view_set_bool(v, "b", true);
    view_set_strf(v, "f", "%s_%d", "n", 42);

    view_value s = view_get(v, "s");
    ck_assert_int_eq(s.kind, VIEW_STRING);
    ck_assert_str_eq(s.str, "text");
    view_value b = view_get(v, "b");
    ck_assert_int_eq(b.kind, VIEW_BOOL);
    ck_assert(b.flag);
    ck_assert_str_eq(view_get(v, "f").str, "n_42");
    ck_assert_int_eq(view_get(v, "nope").kind, VIEW_MISSING);
    ck_assert_int_eq(view_get(NULL, "s").kind, VIEW_MISSING);

    view_set_str(v, "s", "again");
    ck_assert_str_eq(view_get(v, "s").str, "again");
    view_set_bool(v, "s", false);
    ck_assert_int_eq(view_get(v, "s").kind, VIEW_BOOL);
    ck_assert(!view_get(v, "s").flag);
}
END_TEST

START_TEST(test_view_lists)
{
    view *v = view_new(A);
    view_set_list(v, "empty");
    view_value e = view_get(v, "empty");
    ck_assert_int_eq(e.kind, VIEW_LIST);
    ck_assert_uint_eq(e.count, 0);

    /* Enough items to make the list grow several times. */
    for (int i = 0; i < 100; i++)
        view_set_strf(view_add(v, "items"), "n", "%d", i);
    view_set_list(v, "items"); /* keeps the items */
    view_value l = view_get(v, "items");
    ck_assert_int_eq(l.kind, VIEW_LIST);
    ck_assert_uint_eq(l.count, 100);
    for (int i = 0; i < 100; i++) {
        char want[8];
        snprintf(want, sizeof want, "%d", i);
        ck_assert_str_eq(view_get(l.items[i], "n").str, want);
    }

    view_set_str(v, "was_string", "x");
    view_add(v, "was_string");
    ck_assert_int_eq(view_get(v, "was_string").kind, VIEW_LIST);
    ck_assert_uint_eq(view_get(v, "was_string").count, 1);
}
END_TEST

/* ---- Rendering -------------------------------------------------------- */

START_TEST(test_text_and_variables)
{
    view *v = view_new(A);
    view_set_str(v, "name", "world");
    view_set_str(v, "raw", "<a & \"b\">");
    view_set_str(v, "empty", "");
    expect("", v, "");
    expect("plain text\n", v, "plain text\n");
    expect("Hello, {{name}}!\n", v, "Hello, world!\n");
    expect("{{ name }}|{{\tname\t}}", v, "world|world");
    expect("{{name}}{{name}}", v, "worldworld");
    expect("{{raw}}", v, "<a & \"b\">");
    expect("[{{empty}}]", v, "[]");
    expect("{ name } {name}} }}", v, "{ name } {name}} }}");
    expect("  {{name}}\n", v, "  world\n"); /* a variable line is never standalone */
}
END_TEST

START_TEST(test_source_length_is_respected)
{
    view *v = view_new(A);
    view_set_str(v, "a", "v");
    template_source t = {"main", "{{a}}!{{garbage", 6};
    reset();
    ck_assert(render_set(&t, 1, "main", v));
    ck_assert_str_eq(strbuf_str(&OUT), "v!");
}
END_TEST

START_TEST(test_output_is_appended)
{
    view *v = view_new(A);
    view_set_str(v, "a", "v");
    reset();
    strbuf_puts(&OUT, "// header\n");
    ck_assert(render1("{{a}}\n", v));
    ck_assert_str_eq(strbuf_str(&OUT), "// header\nv\n");
}
END_TEST

START_TEST(test_bool_sections)
{
    view *v = view_new(A);
    view_set_bool(v, "yes", true);
    view_set_bool(v, "no", false);
    expect("<{{#yes}}Y{{/yes}}{{#no}}N{{/no}}>", v, "<Y>");
    expect("<{{^yes}}Y{{/yes}}{{^no}}N{{/no}}>", v, "<N>");
    expect("{{#yes}}{{#yes}}deep{{/yes}}{{/yes}}", v, "deep");
}
END_TEST

START_TEST(test_string_sections)
{
    view *v = view_new(A);
    view_set_str(v, "doc", "text");
    view_set_str(v, "none", "");
    expect("{{#doc}}/* {{doc}} */{{/doc}}{{#none}}X{{/none}}", v, "/* text */");
    expect("{{^doc}}A{{/doc}}{{^none}}B{{/none}}", v, "B");
}
END_TEST

START_TEST(test_list_sections)
{
    view *v = view_new(A);
    static const char *const names[] = {"a", "b", "c"};
    add_strings(v, "items", "name", names, 3);
    view_set_list(v, "none");
    expect("{{#items}}<{{name}}>{{/items}}", v, "<a><b><c>");
    expect("{{#none}}X{{/none}}{{^none}}empty{{/none}}", v, "empty");
    expect("{{^items}}X{{/items}}", v, "");
}
END_TEST

START_TEST(test_lookup_through_parents)
{
    view *v = view_new(A);
    view_set_str(v, "prefix", "my_");
    view *type = view_add(v, "types");
    view_set_str(type, "tname", "point");
    view_set_str(type, "name", "shadowed");
    view_set_str(view_add(type, "fields"), "name", "x");
    view *y = view_add(type, "fields");
    view_set_str(y, "name", "y");
    view_set_str(y, "prefix", "your_");
    expect("{{#types}}{{#fields}}{{prefix}}{{tname}}.{{name}} {{/fields}}{{name}}{{/types}}", v,
           "my_point.x your_point.y shadowed");
}
END_TEST

START_TEST(test_at_names_nested_lists)
{
    view *v = view_new(A);
    view *a = view_add(v, "outer");
    view_set_str(a, "name", "a");
    static const char *const three[] = {"1", "2", "3"};
    add_strings(a, "inner", "v", three, 3);
    view *b = view_add(v, "outer");
    view_set_str(b, "name", "b");
    static const char *const one[] = {"4"};
    add_strings(b, "inner", "v", one, 1);

    /* Inside "inner" the names describe the inner list; after it, the outer. */
    expect("{{#outer}}{{@index}}{{name}}["
           "{{#inner}}{{@index}}{{v}}{{#@first}}F{{/@first}}{{#@last}}L{{/@last}}{{^@last}},{{/@last}}{{/inner}}"
           "]{{@index}}{{#@last}}!{{/@last}}\n{{/outer}}",
           v, "0a[01F,12,23L]0\n1b[04FL]1!\n");
}
END_TEST

START_TEST(test_at_names_through_bool_sections_and_partials)
{
    view *v = view_new(A);
    static const char *const names[] = {"a", "b", "c"};
    add_strings(v, "items", "name", names, 3);
    view_value l = view_get(v, "items");
    for (size_t i = 0; i < l.count; i++)
        view_set_bool((view *)l.items[i], "flag", i == 1);
    expect("{{#items}}{{#flag}}<{{@index}}>{{/flag}}{{name}}{{^@last}}, {{/@last}}{{/items}}", v,
           "a, <1>b, c");

    const template_source set[] = {
        SRC("main", "{{#items}}{{>item}}{{/items}}"),
        SRC("item", "{{@index}}{{name}}{{#@last}}.{{/@last}}"),
    };
    expect_set(set, 2, v, "0a1b2c.");
}
END_TEST

START_TEST(test_at_index_is_decimal)
{
    view *v = view_new(A);
    for (int i = 0; i < 12; i++)
        view_add(v, "items");
    expect("{{#items}}{{@index}} {{/items}}", v, "0 1 2 3 4 5 6 7 8 9 10 11 ");
}
END_TEST

START_TEST(test_comments)
{
    expect("a{{! a comment }}b", NULL, "ab");
    expect("  12 {{! 34 }}\n", NULL, "  12 \n");
    expect("Begin.\n{{! Comment Block! }}\nEnd.\n", NULL, "Begin.\nEnd.\n");
    expect("Begin.\n  {{! Indented }}  \nEnd.\n", NULL, "Begin.\nEnd.\n");
    expect("Begin.\n{{!\nmulti {{ line }\n}}\nEnd.\n", NULL, "Begin.\nEnd.\n");
    expect("{{!x}}", NULL, "");
}
END_TEST

START_TEST(test_standalone_nested_sections)
{
    view *v = view_new(A);
    view *x = view_add(v, "fields");
    view_set_str(x, "type", "int");
    view_set_str(x, "name", "x");
    view_set_str(x, "doc", "horizontal");
    view *y = view_add(v, "fields");
    view_set_str(y, "type", "int");
    view_set_str(y, "name", "y");
    view_set_str(y, "doc", "");
    const char *tmpl =
        "struct point {\n"
        "    {{#fields}}\n"
        "        {{#doc}}\n"
        "    /* {{doc}} */\n"
        "        {{/doc}}\n"
        "    {{type}} {{name}};\n"
        "    {{/fields}}\n"
        "    {{^fields}}\n"
        "    char unused;\n"
        "    {{/fields}}\n"
        "};\n";
    expect(tmpl, v,
           "struct point {\n"
           "    /* horizontal */\n"
           "    int x;\n"
           "    int y;\n"
           "};\n");

    view *empty = view_new(A);
    view_set_list(empty, "fields");
    expect(tmpl, empty,
           "struct point {\n"
           "    char unused;\n"
           "};\n");
}
END_TEST

START_TEST(test_standalone_edges)
{
    view *v = view_new(A);
    view_set_bool(v, "b", true);
    view_set_str(v, "a", "v");
    expect("| This Is\n{{#b}}\n|\n{{/b}}\n| A Line\n", v, "| This Is\n|\n| A Line\n");
    expect("| This Is\n  {{#b}}\n|\n  {{/b}}\n| A Line\n", v, "| This Is\n|\n| A Line\n");
    expect("\t{{#b}} \t\nx\n {{/b}}\t\n", v, "x\n");
    /* At the very start, and at the end without a newline. */
    expect("  {{#b}}\n#{{/b}}\n/", v, "#\n/");
    expect("#{{#b}}\n/\n  {{/b}}", v, "#\n/\n");
    expect("|\r\n{{#b}}\r\n{{/b}}\r\n|", v, "|\r\n|");
    /* Not standalone: other text or a second tag on the line. */
    expect(" {{#b}}YES{{/b}}\n {{#b}}GOOD{{/b}}\n", v, " YES\n GOOD\n");
    expect("  {{#b}}{{/b}}\n", v, "  \n");
    expect("x {{#b}}\ny\n{{/b}} z\n", v, "x \ny\n z\n");
    expect("{{#b}}\n{{a}}\n{{/b}}\n", v, "v\n");
    /* A lone \r is not a line end. */
    expect("{{#b}}\r{{/b}}", v, "\r");
}
END_TEST

START_TEST(test_partials)
{
    view *v = view_new(A);
    static const char *const names[] = {"a", "b"};
    add_strings(v, "items", "name", names, 2);
    view_set_str(v, "sep", ";");
    const template_source set[] = {
        SRC("main", "[{{#items}}{{>item}}{{/items}}]"),
        SRC("item", "{{name}}{{sep}}"),
    };
    expect_set(set, 2, v, "[a;b;]");

    const template_source set2[] = {
        SRC("main", "x {{>p}} y\n"),
        SRC("p", "1\n2"),
    };
    expect_set(set2, 2, v, "x 1\n2 y\n"); /* not standalone: no indentation */
}
END_TEST

START_TEST(test_standalone_partial_indentation)
{
    view *v = view_new(A);
    view_set_str(v, "a", "1");
    view_set_str(v, "code", "x();\ny();");
    const template_source set[] = {
        SRC("main", "int f(void)\n{\n    {{>body}}\n\t{{>code}}\n}\n"),
        SRC("body", "int a = {{a}};\n\nreturn a;\n"),
        SRC("code", "{{code}}\n"),
    };
    /* Every non-empty output line is indented, including those from a
     * multi-line value; the empty line gets no trailing blanks. */
    expect_set(set, 3, v, "int f(void)\n{\n    int a = 1;\n\n    return a;\n\tx();\n\ty();\n}\n");
}
END_TEST

START_TEST(test_nested_partial_indentation)
{
    const template_source set[] = {
        SRC("main", "a\n  {{>p1}}\nz\n"),
        SRC("p1", "b\n  {{>p2}}\n{{! done }}\n"),
        SRC("p2", "c\nd\n"),
    };
    expect_set(set, 3, NULL, "a\n  b\n    c\n    d\nz\n");

    const template_source last_line[] = {
        SRC("main", ">\n  {{>p}}"),
        SRC("p", ">\n>"),
    };
    expect_set(last_line, 2, NULL, ">\n  >\n  >");
}
END_TEST

START_TEST(test_recursive_partial_with_data)
{
    view *root = view_new(A);
    view_set_str(root, "name", "r");
    view *a = view_add(root, "children");
    view_set_str(a, "name", "a");
    view *b = view_add(a, "children");
    view_set_str(b, "name", "b");
    view_set_list(b, "children");
    view *c = view_add(root, "children");
    view_set_str(c, "name", "c");
    view_set_list(c, "children");
    const template_source set[] = {
        SRC("tree", "{{name}}\n{{#children}}\n  {{>tree}}\n{{/children}}\n"),
    };
    expect_set(set, 1, root, "r\n  a\n    b\n  c\n");
}
END_TEST

/* ---- Errors ----------------------------------------------------------- */

START_TEST(test_error_names)
{
    view *v = view_new(A);
    view_add(v, "items");
    view_add(v, "items");
    view_set_bool(v, "flag", true);
    expect_error("{{x}}", v, "templates/main:1:1: error: unknown name 'x'\n");
    expect_error("ab\n cd{{items}}", v, "templates/main:2:4: error: 'items' is a list, not a string\n");
    expect_error("{{flag}}", v, "templates/main:1:1: error: 'flag' is a bool, not a string\n");
    expect_error("{{#nope}}{{/nope}}", v, "templates/main:1:1: error: unknown name 'nope'\n");
    expect_error("x{{^nope}}{{/nope}}", v, "templates/main:1:2: error: unknown name 'nope'\n");
    expect_error("{{@index}}", v, "templates/main:1:1: error: '@index' used outside a list\n");
    expect_error("{{#flag}}{{#@first}}{{/@first}}{{/flag}}", v,
                 "templates/main:1:10: error: '@first' used outside a list\n");
    expect_error("{{#items}}{{@count}}{{/items}}", v, "templates/main:1:11: error: unknown name '@count'\n");
    /* Rendering stops at the first data error rather than repeating it per item. */
    expect_error("{{#items}}{{y}}{{/items}}", v, "templates/main:1:11: error: unknown name 'y'\n");
    expect_error(" {{#items}}{{@last}}{{/items}}", v,
                 "templates/main:1:12: error: '@last' is a bool, not a string\n");
}
END_TEST

START_TEST(test_error_output_left_unchanged)
{
    view *v = view_new(A);
    view_add(v, "items");
    reset();
    strbuf_puts(&OUT, "keep");
    ck_assert(!render1("text {{#items}}more{{y}}{{/items}}", v));
    ck_assert_str_eq(strbuf_str(&OUT), "keep");
    ck_assert_str_eq(errors(), "templates/main:1:20: error: unknown name 'y'\n");
}
END_TEST

START_TEST(test_error_unclosed_section)
{
    expect_error("line1\n  {{#items}}\n{{name}}\n", NULL,
                 "templates/main:2:3: error: unclosed section '{{#items}}'\n");
    expect_error("{{#a}}{{^b}}", NULL,
                 "templates/main:1:1: error: unclosed section '{{#a}}'\n"
                 "templates/main:1:7: error: unclosed section '{{^b}}'\n");
}
END_TEST

START_TEST(test_error_mismatched_close)
{
    expect_error("{{#a}}x{{/b}}", NULL,
                 "templates/main:1:8: error: '{{/b}}' does not match the open section '{{#a}}'\n");
    expect_error("{{#a}}{{^b}}\n{{/a}}{{/b}}", NULL,
                 "templates/main:2:1: error: '{{/a}}' does not match the open section '{{^b}}'\n"
                 "templates/main:2:7: error: '{{/b}}' does not match the open section '{{#a}}'\n");
    expect_error("x{{/a}}", NULL, "templates/main:1:2: error: '{{/a}}' without an open section\n");
}
END_TEST

START_TEST(test_error_unterminated)
{
    expect_error("ab\ncd {{name\nef", NULL, "templates/main:2:4: error: unterminated tag: missing '}}'\n");
    expect_error("x {{a", NULL, "templates/main:1:3: error: unterminated tag: missing '}}'\n");
    expect_error("{{a}\n}}", NULL, "templates/main:1:1: error: unterminated tag: missing '}}'\n");
    /* One error per broken line, not one per brace pair. */
    expect_error("{{{{ {{", NULL, "templates/main:1:1: error: unterminated tag: missing '}}'\n");
    expect_error("\n {{! never closed\n", NULL, "templates/main:2:2: error: unterminated comment: missing '}}'\n");
}
END_TEST

START_TEST(test_error_empty_name)
{
    expect_error("{{}}", NULL, "templates/main:1:1: error: empty tag name\n");
    expect_error("a {{# }}{{/ }}", NULL,
                 "templates/main:1:3: error: empty tag name\n"
                 "templates/main:1:9: error: empty tag name\n");
    expect_error("{{>}}", NULL, "templates/main:1:1: error: empty tag name\n");
}
END_TEST

START_TEST(test_error_unsupported_tags)
{
    expect_error("{{&x}}", NULL, "templates/main:1:1: error: '{{&' tags are not supported\n");
    expect_error("a{{{x}}}", NULL, "templates/main:1:2: error: '{{{' tags are not supported\n");
    expect_error("{{=<% %>=}}", NULL, "templates/main:1:1: error: '{{=' tags are not supported\n");
    expect_error("{{<x}}{{/x}}", NULL,
                 "templates/main:1:1: error: '{{<' tags are not supported\n"
                 "templates/main:1:7: error: '{{/x}}' without an open section\n");
    expect_error("{{$x}}", NULL, "templates/main:1:1: error: '{{$' tags are not supported\n");
}
END_TEST

START_TEST(test_error_invalid_name)
{
    expect_error("{{a b}}", NULL, "templates/main:1:5: error: invalid character in tag name\n");
    expect_error("{{a@}}", NULL, "templates/main:1:4: error: invalid character in tag name\n");
    expect_error("{{ #a}}", NULL, "templates/main:1:4: error: invalid character in tag name\n");
    expect_error("{{a/b}}", NULL, "templates/main:1:4: error: invalid character in tag name\n");
    expect_error("{{a\r}}", NULL, "templates/main:1:4: error: invalid character in tag name\n");
}
END_TEST

START_TEST(test_error_partials)
{
    const template_source unknown[] = {SRC("main", "x\n  {{>nope}}\n")};
    expect_set_error(unknown, 1, NULL, "templates/main:2:3: error: unknown partial 'nope'\n");

    const template_source broken[] = {
        SRC("main", "ok {{>sub/p}}"),
        SRC("sub/p", "\n  {{x}"),
    };
    expect_set_error(broken, 2, NULL, "templates/sub/p:2:3: error: unterminated tag: missing '}}'\n");

    reset();
    ck_assert(!render_set(unknown, 1, "zzz", NULL));
    ck_assert_str_eq(errors(), "schemac: error: unknown template 'zzz'\n");
}
END_TEST

START_TEST(test_error_syntax_found_whatever_the_data)
{
    view *v = view_new(A);
    view_add(v, "list");
    /* The partial is never rendered (the list is not empty), but is still checked. */
    const template_source set[] = {
        SRC("main", "{{}}\n{{&b}}\n{{^list}}{{>p}}{{/list}}\n{{/x}}\n"),
        SRC("p", "ok {{#y}}\n"),
    };
    expect_set_error(set, 2, v,
                     "templates/main:1:1: error: empty tag name\n"
                     "templates/main:2:1: error: '{{&' tags are not supported\n"
                     "templates/main:4:1: error: '{{/x}}' without an open section\n"
                     "templates/p:1:4: error: unclosed section '{{#y}}'\n");
}
END_TEST

START_TEST(test_errors_in_source_order)
{
    expect_error("{{/x}}\n{{}}\n{{#a}}{{/b}} {{&c}}\n{{>nope}}{{x y}}\n{{#open}}", NULL,
                 "templates/main:1:1: error: '{{/x}}' without an open section\n"
                 "templates/main:2:1: error: empty tag name\n"
                 "templates/main:3:7: error: '{{/b}}' does not match the open section '{{#a}}'\n"
                 "templates/main:3:14: error: '{{&' tags are not supported\n"
                 "templates/main:4:1: error: unknown partial 'nope'\n"
                 "templates/main:4:14: error: invalid character in tag name\n"
                 "templates/main:5:1: error: unclosed section '{{#open}}'\n");
}
END_TEST

/* Template i of the chain includes template i + 1; the last one is text. */
static template_source *partial_chain(size_t n)
{
    template_source *set = arena_alloc_array(A, n + 1, sizeof *set);
    for (size_t i = 0; i <= n; i++) {
        set[i].name = arena_printf(A, "p%zu", i);
        set[i].text = i < n ? arena_printf(A, "{{>p%zu}}", i + 1) : "end";
        set[i].len = strlen(set[i].text);
    }
    return set;
}

START_TEST(test_error_partial_depth)
{
    expect_set(partial_chain(32), 33, NULL, "end");
    expect_set_error(partial_chain(33), 34, NULL, "templates/p32:1:1: error: partials nested deeper than 32 levels\n");

    const template_source self[] = {SRC("self", "x\n  {{>self}}\n")};
    expect_set_error(self, 1, NULL, "templates/self:2:3: error: partials nested deeper than 32 levels\n");
}
END_TEST

START_TEST(test_error_section_depth)
{
    view *v = view_new(A);
    view_set_bool(v, "a", true);
    strbuf t = STRBUF_INIT;
    for (int i = 0; i < 100; i++)
        strbuf_puts(&t, "{{#a}}");
    strbuf_puts(&t, "deep");
    for (int i = 0; i < 100; i++)
        strbuf_puts(&t, "{{/a}}");
    expect(strbuf_str(&t), v, "deep");

    strbuf_reset(&t);
    for (int i = 0; i < 101; i++)
        strbuf_puts(&t, "{{#a}}");
    expect_error(strbuf_str(&t), v, "templates/main:1:601: error: sections nested deeper than 100 levels\n");
    strbuf_release(&t);
}
END_TEST

/* Random fragments glued together: every template must either render or
 * fail with a diagnostic, without crashing or hanging. */
START_TEST(test_random_templates)
{
    static const char *const pieces[] = {
        "{{", "}}", "{", "}", "#", "^", "/", "!", ">", "&", "=", "@index", "@first",
        "a", "x", "p", "main", " ", "\t", "\n", "\r\n", "\r", "@", ".",
    };
    const size_t npieces = sizeof pieces / sizeof pieces[0];
    view *v = view_new(A);
    view_set_str(v, "a", "v\nw");
    view_set_bool(v, "p", true);
    view_add(v, "x");
    view_set_str(view_add(v, "x"), "a", "i");
    unsigned long seed = 12345;
    strbuf main_text = STRBUF_INIT, p_text = STRBUF_INIT;
    for (int iter = 0; iter < 20000; iter++) {
        strbuf *texts[] = {&main_text, &p_text};
        for (int t = 0; t < 2; t++) {
            strbuf_reset(texts[t]);
            seed = seed * 6364136223846793005UL + 1442695040888963407UL;
            int n = (int)(seed >> 59);
            for (int i = 0; i < n; i++) {
                seed = seed * 6364136223846793005UL + 1442695040888963407UL;
                strbuf_puts(texts[t], pieces[(seed >> 33) % npieces]);
            }
        }
        const template_source set[] = {
            {"main", strbuf_str(&main_text), main_text.len},
            {"p", strbuf_str(&p_text), p_text.len},
            SRC("x", "X\n"),
        };
        reset();
        unsigned before = D.errors;
        bool ok = render_set(set, 3, "main", v);
        ck_assert_msg(ok == (D.errors == before), "template \"%s\": ok=%d errors=%u",
                      strbuf_str(&main_text), ok, D.errors);
        if (!ok)
            ck_assert_str_eq(strbuf_str(&OUT), "");
    }
    strbuf_release(&main_text);
    strbuf_release(&p_text);
}
END_TEST

static Suite *template_suite(void)
{
    Suite *s = suite_create("template");
    TCase *view_case = tcase_create("view");
    tcase_add_checked_fixture(view_case, setup, teardown);
    tcase_add_test(view_case, test_view_values);
    tcase_add_test(view_case, test_view_lists);
    suite_add_tcase(s, view_case);

    TCase *render = tcase_create("render");
    tcase_add_checked_fixture(render, setup, teardown);
    tcase_add_test(render, test_text_and_variables);
    tcase_add_test(render, test_source_length_is_respected);
    tcase_add_test(render, test_output_is_appended);
    tcase_add_test(render, test_bool_sections);
    tcase_add_test(render, test_string_sections);
    tcase_add_test(render, test_list_sections);
    tcase_add_test(render, test_lookup_through_parents);
    tcase_add_test(render, test_at_names_nested_lists);
    tcase_add_test(render, test_at_names_through_bool_sections_and_partials);
    tcase_add_test(render, test_at_index_is_decimal);
    tcase_add_test(render, test_comments);
    tcase_add_test(render, test_standalone_nested_sections);
    tcase_add_test(render, test_standalone_edges);
    tcase_add_test(render, test_partials);
    tcase_add_test(render, test_standalone_partial_indentation);
    tcase_add_test(render, test_nested_partial_indentation);
    tcase_add_test(render, test_recursive_partial_with_data);
    suite_add_tcase(s, render);

    TCase *errs = tcase_create("errors");
    tcase_add_checked_fixture(errs, setup, teardown);
    tcase_add_test(errs, test_error_names);
    tcase_add_test(errs, test_error_output_left_unchanged);
    tcase_add_test(errs, test_error_unclosed_section);
    tcase_add_test(errs, test_error_mismatched_close);
    tcase_add_test(errs, test_error_unterminated);
    tcase_add_test(errs, test_error_empty_name);
    tcase_add_test(errs, test_error_unsupported_tags);
    tcase_add_test(errs, test_error_invalid_name);
    tcase_add_test(errs, test_error_partials);
    tcase_add_test(errs, test_error_syntax_found_whatever_the_data);
    tcase_add_test(errs, test_errors_in_source_order);
    tcase_add_test(errs, test_error_partial_depth);
    tcase_add_test(errs, test_error_section_depth);
    suite_add_tcase(s, errs);

    TCase *robust = tcase_create("robustness");
    tcase_add_checked_fixture(robust, setup, teardown);
    tcase_set_timeout(robust, 60);
    tcase_add_test(robust, test_random_templates);
    suite_add_tcase(s, robust);
    return s;
}

int main(void)
{
    SRunner *runner = srunner_create(template_suite());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
