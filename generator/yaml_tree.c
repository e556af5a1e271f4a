#include "yaml_tree.h"

#include "file_read.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

/* ---- building the tree from libyaml events ------------------------------ */

#define LONG_KEY_MESSAGE "mapping key longer than " YTREE_MAX_KEY_TEXT " characters"

/* An open mapping or sequence; its children so far are pending[base..]. */
typedef struct frame {
    ynode *node;
    size_t base;
} frame;

typedef struct builder {
    arena *a;
    diag *d;
    const char *file;
    const unsigned char *input; /* kept to locate libyaml reader errors */
    size_t len;
    frame open[YTREE_MAX_DEPTH];
    size_t depth;
    /* Children of every open collection, innermost last. A mapping's are
     * key, value, key, ... so the parity says whether a key comes next.
     * One shared stack keeps the builder iterative and its cleanup trivial. */
    ynode **pending;
    size_t npending;
    size_t cap;
    unsigned documents;
    ynode *root;
} builder;

static mark mark_from_yaml(const builder *b, yaml_mark_t m)
{
    return (mark){b->file, (unsigned)m.line + 1, (unsigned)m.column + 1};
}

/* Bytes in the UTF-8 sequence that lead byte c starts; 0 when c cannot
 * start one (a continuation byte, or 0xF8 and above). */
static size_t utf8_width(unsigned char c)
{
    if (c < 0x80)
        return 1;
    if ((c & 0xE0) == 0xC0)
        return 2;
    if ((c & 0xF0) == 0xE0)
        return 3;
    if ((c & 0xF8) == 0xF0)
        return 4;
    return 0;
}

/* Bytes in the line break at s[0..n), or 0. The same set libyaml counts as
 * breaks (CR LF, CR, LF, NEL, LS, PS), so our lines agree with its marks. */
static size_t break_width(const unsigned char *s, size_t n)
{
    if (s[0] == '\r')
        return n > 1 && s[1] == '\n' ? 2 : 1;
    if (s[0] == '\n')
        return 1;
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0x85)
        return 2;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xA8 || s[2] == 0xA9))
        return 3;
    return 0;
}

/* libyaml reports reader errors (bad UTF-8, control characters) as a byte
 * offset only, so find the line and character column ourselves, and where
 * the character holding that byte starts (libyaml may point at a later byte
 * of it). Everything before that character has been decoded by libyaml,
 * hence is valid. */
static mark mark_from_offset(const builder *b, size_t offset, size_t *start)
{
    mark m = {b->file, 1, 1};
    if (offset > b->len)
        offset = b->len;
    size_t i = 0;
    while (i < offset) {
        size_t w = break_width(b->input + i, b->len - i);
        if (w != 0) {
            m.line++;
            m.column = 1;
            i += w;
            continue;
        }
        w = utf8_width(b->input[i]);
        if (w == 0 || i + w > offset) /* the offset is inside this character */
            break;
        m.column++;
        i += w;
    }
    *start = i;
    return m;
}

/* The byte offset of a libyaml mark, found from its line and column (which
 * count characters) so as not to depend on how libyaml counts its index. */
static size_t offset_from_mark(const builder *b, yaml_mark_t m)
{
    size_t i = 0;
    for (size_t line = 0; line < m.line && i < b->len; i++) {
        size_t w = break_width(b->input + i, b->len - i);
        if (w != 0) {
            line++;
            i += w - 1;
        }
    }
    for (size_t column = 0; column < m.column && i < b->len; column++) {
        size_t w = utf8_width(b->input[i]);
        i += w == 0 ? 1 : w;
    }
    return i < b->len ? i : b->len;
}

/* What is wrong with the character at s[0..n) that libyaml's reader refused,
 * in words that name the actual fault (libyaml says "invalid length of a
 * UTF-8 sequence" for an overlong encoding, for instance). */
static void describe_bad_character(char *out, size_t size, const unsigned char *s, size_t n)
{
    size_t width = n > 0 ? utf8_width(s[0]) : 1;
    if (n == 0 || width == 0) {
        snprintf(out, size, "invalid UTF-8: byte 0x%02X cannot start a character",
                 n > 0 ? s[0] : 0);
        return;
    }
    unsigned long value = width == 1 ? s[0] : s[0] & (0x7Fu >> width);
    for (size_t i = 1; i < width; i++) {
        if (i >= n) {
            snprintf(out, size, "invalid UTF-8: the file ends inside a character");
            return;
        }
        if ((s[i] & 0xC0) != 0x80) {
            snprintf(out, size, "invalid UTF-8: a character is cut short "
                     "(byte 0x%02X cannot continue it)", s[i]);
            return;
        }
        value = value << 6 | (s[i] & 0x3Fu);
    }
    static const unsigned long smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (value < smallest[width])
        snprintf(out, size, "invalid UTF-8: overlong encoding of U+%04lX", value);
    else if (value >= 0xD800 && value <= 0xDFFF)
        snprintf(out, size, "invalid UTF-8: U+%04lX is a surrogate, not a character", value);
    else if (value > 0x10FFFF)
        snprintf(out, size, "invalid UTF-8: U+%lX is beyond Unicode", value);
    else
        snprintf(out, size, "character U+%04lX is not allowed in YAML", value);
}

static bool is_key_lead(unsigned char c)
{
    return c == ' ' || c == '-' || c == '{' || c == '[';
}

/* libyaml cannot take an implicit key (one without '?') longer than
 * YTREE_MAX_KEY characters and then complains about the ':' after it. True
 * when the ':' at offset ends such a key: a run from the start of its line
 * (after indentation, "- ", "{" or "[") with no ": " or ", " in it; *start
 * receives where the key starts. */
static bool ends_long_key(const builder *b, size_t colon, size_t *start)
{
    if (colon >= b->len || b->input[colon] != ':')
        return false;
    size_t i = colon;
    while (i > 0 && b->input[i - 1] != '\n' && b->input[i - 1] != '\r')
        i--;
    while (i < colon && is_key_lead(b->input[i]))
        i++;
    *start = i;
    size_t chars = 0;
    for (; i < colon; i++) {
        if ((b->input[i] == ':' || b->input[i] == ',') && b->input[i + 1] == ' ')
            return false;
        chars += (b->input[i] & 0xC0) != 0x80;
    }
    return chars > YTREE_MAX_KEY;
}

static void report_libyaml_error(builder *b, const yaml_parser_t *p)
{
    if (p->error == YAML_MEMORY_ERROR)
        out_of_memory();
    size_t start;
    if (p->error == YAML_READER_ERROR) {
        mark at = mark_from_offset(b, p->problem_offset, &start);
        char problem[96];
        describe_bad_character(problem, sizeof problem, b->input + start, b->len - start);
        diag_error(b->d, at, "%s", problem);
        return;
    }
    size_t offset = offset_from_mark(b, p->problem_mark);
    if (ends_long_key(b, offset, &start)) {
        diag_error(b->d, mark_from_offset(b, start, &start), LONG_KEY_MESSAGE);
        return;
    }
    const char *problem = p->problem != NULL ? p->problem : "invalid YAML";
    /* libyaml's words for a tab where indentation was expected. */
    if (offset < b->len && b->input[offset] == '\t' &&
        strcmp(problem, "found character that cannot start any token") == 0)
        problem = "found a tab character where YAML allows only spaces";
    mark at = mark_from_yaml(b, p->problem_mark);
    /* The context only helps when it points somewhere else, e.g. at the
     * mapping that a misplaced line broke. */
    if (p->context != NULL && (p->context_mark.line != p->problem_mark.line ||
                               p->context_mark.column != p->problem_mark.column)) {
        mark ctx = mark_from_yaml(b, p->context_mark);
        diag_error(b->d, at, "%s (%s at %u:%u)", problem, p->context, ctx.line, ctx.column);
    } else {
        diag_error(b->d, at, "%s", problem);
    }
}

static ynode *new_node(builder *b, ynode_kind kind, yaml_mark_t at)
{
    ynode *n = arena_alloc(b->a, sizeof *n);
    n->kind = kind;
    n->at = mark_from_yaml(b, at);
    return n;
}

static void add_child(builder *b, ynode *n)
{
    if (b->depth == 0) {
        b->root = n;
        return;
    }
    if (b->npending == b->cap) {
        if (b->cap > SIZE_MAX / 4 / sizeof *b->pending)
            out_of_memory();
        b->cap = b->cap != 0 ? b->cap * 2 : 64;
        b->pending = xrealloc(b->pending, b->cap * sizeof *b->pending);
    }
    b->pending[b->npending++] = n;
}

static bool expecting_key(const builder *b)
{
    if (b->depth == 0)
        return false;
    const frame *f = &b->open[b->depth - 1];
    return f->node->kind == YNODE_MAPPING && (b->npending - f->base) % 2 == 0;
}

static bool refuse(builder *b, yaml_mark_t at, const char *message)
{
    diag_error(b->d, mark_from_yaml(b, at), "%s", message);
    return false;
}

static size_t count_characters(const unsigned char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += (s[i] & 0xC0) != 0x80;
    return n;
}

/* A plain "<<" would be a merge key to YAML 1.1 tools (which would merge the
 * mapping it names into this one) and a plain key to us: refuse it rather
 * than read the file differently. Long keys are refused whether written with
 * '?' or not, as libyaml refuses the latter. */
static bool key_ok(builder *b, const yaml_event_t *ev)
{
    const yaml_char_t *text = ev->data.scalar.value;
    size_t len = ev->data.scalar.length;
    if (ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && len == 2 && memcmp(text, "<<", 2) == 0)
        return refuse(b, ev->start_mark, "YAML merge keys ('<<') are not supported");
    if (count_characters(text, len) > YTREE_MAX_KEY)
        return refuse(b, ev->start_mark, LONG_KEY_MESSAGE);
    return true;
}

static bool on_scalar(builder *b, const yaml_event_t *ev)
{
    const unsigned char *value = ev->data.scalar.value;
    size_t len = ev->data.scalar.length;
    if (ev->data.scalar.tag != NULL)
        return refuse(b, ev->start_mark, "YAML tags are not supported");
    if (len != 0 && memchr(value, '\0', len) != NULL)
        return refuse(b, ev->start_mark, "NUL character in scalar");
    if (expecting_key(b) && !key_ok(b, ev))
        return false;
    ynode *n = new_node(b, YNODE_SCALAR, ev->start_mark);
    n->text = arena_strndup(b->a, (const char *)value, len);
    n->len = len;
    n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    add_child(b, n);
    return true;
}

static bool on_collection_start(builder *b, const yaml_event_t *ev, ynode_kind kind,
                                const yaml_char_t *tag)
{
    if (tag != NULL)
        return refuse(b, ev->start_mark, "YAML tags are not supported");
    if (expecting_key(b))
        return refuse(b, ev->start_mark, "mapping keys must be scalars");
    if (b->depth == YTREE_MAX_DEPTH) {
        diag_error(b->d, mark_from_yaml(b, ev->start_mark), "nesting deeper than %d levels",
                   YTREE_MAX_DEPTH);
        return false;
    }
    ynode *n = new_node(b, kind, ev->start_mark);
    b->open[b->depth++] = (frame){n, b->npending};
    return true;
}

static bool same_text(const ynode *x, const ynode *y)
{
    return x->len == y->len && memcmp(x->text, y->text, x->len) == 0;
}

/* Orders by key text, then by position in the pairs array (= file order). */
static int compare_pairs(const void *pa, const void *pb)
{
    const ypair *x = *(const ypair *const *)pa;
    const ypair *y = *(const ypair *const *)pb;
    size_t n = x->key->len < y->key->len ? x->key->len : y->key->len;
    int c = memcmp(x->key->text, y->key->text, n);
    if (c != 0)
        return c;
    if (x->key->len != y->key->len)
        return x->key->len < y->key->len ? -1 : 1;
    return x < y ? -1 : x > y;
}

/* The earliest key in file order that repeats an earlier one, or NULL.
 * Sorting keeps huge mappings at O(n log n) whatever the key texts are. */
static const ypair *first_duplicate(const ypair *pairs, size_t n)
{
    if (n < 2)
        return NULL;
    const ypair **order = xrealloc(NULL, n * sizeof *order);
    for (size_t i = 0; i < n; i++)
        order[i] = &pairs[i];
    qsort(order, n, sizeof *order, compare_pairs);
    const ypair *found = NULL;
    for (size_t i = 1; i < n; i++) {
        if (same_text(order[i - 1]->key, order[i]->key) && (found == NULL || order[i] < found))
            found = order[i];
    }
    free(order);
    return found;
}

/* The children are pending[base..npending). */
static bool finish_mapping(builder *b, ynode *n, size_t base)
{
    n->npairs = (b->npending - base) / 2;
    if (n->npairs == 0)
        return true;
    ynode **children = b->pending + base;
    n->pairs = arena_alloc_array(b->a, n->npairs, sizeof *n->pairs);
    for (size_t i = 0; i < n->npairs; i++)
        n->pairs[i] = (ypair){children[2 * i], children[2 * i + 1]};
    const ypair *dup = first_duplicate(n->pairs, n->npairs);
    if (dup != NULL) {
        diag_error(b->d, dup->key->at, "duplicate key '%s'", dup->key->text);
        return false;
    }
    return true;
}

static void finish_sequence(builder *b, ynode *n, size_t base)
{
    n->nitems = b->npending - base;
    if (n->nitems == 0)
        return;
    n->items = arena_alloc_array(b->a, n->nitems, sizeof *n->items);
    memcpy(n->items, b->pending + base, n->nitems * sizeof *n->items);
}

/* libyaml guarantees start and end events balance and match in kind. */
static bool on_collection_end(builder *b)
{
    frame f = b->open[--b->depth];
    if (f.node->kind == YNODE_MAPPING) {
        if (!finish_mapping(b, f.node, f.base))
            return false;
    } else {
        finish_sequence(b, f.node, f.base);
    }
    b->npending = f.base;
    add_child(b, f.node);
    return true;
}

static bool empty_document(builder *b)
{
    diag_error(b->d, (mark){b->file, 1, 1}, "empty document");
    return false;
}

static bool on_event(builder *b, const yaml_event_t *ev)
{
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (b->documents++ != 0)
            return refuse(b, ev->start_mark, "only one YAML document per file is supported");
        return true;
    case YAML_DOCUMENT_END_EVENT:
        /* libyaml stands in an empty plain scalar for a missing root node;
         * a real plain scalar is never empty. */
        if (b->root == NULL ||
            (b->root->kind == YNODE_SCALAR && b->root->plain && b->root->len == 0))
            return empty_document(b);
        return true;
    case YAML_STREAM_END_EVENT:
        if (b->documents == 0)
            return empty_document(b);
        return true;
    case YAML_ALIAS_EVENT:
        return refuse(b, ev->start_mark, "YAML aliases are not supported");
    case YAML_SCALAR_EVENT:
        return on_scalar(b, ev);
    case YAML_SEQUENCE_START_EVENT:
        return on_collection_start(b, ev, YNODE_SEQUENCE, ev->data.sequence_start.tag);
    case YAML_MAPPING_START_EVENT:
        return on_collection_start(b, ev, YNODE_MAPPING, ev->data.mapping_start.tag);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        return on_collection_end(b);
    default: /* stream start, no event */
        return true;
    }
}

ynode *ytree_parse(arena *a, diag *d, const char *file, const unsigned char *bytes, size_t len)
{
    builder b = {.a = a, .d = d, .file = file, .input = bytes, .len = len};
    if (b.input == NULL) /* libyaml asserts on a NULL input */
        b.input = (const unsigned char *)"";
    /* Dropping the byte order mark here and fixing the encoding keeps reader
     * offsets and libyaml's columns both counted from the first real byte;
     * UTF-16 input is then refused as invalid UTF-8. */
    if (b.len >= 3 && memcmp(b.input, "\xEF\xBB\xBF", 3) == 0) {
        b.input += 3;
        b.len -= 3;
    }

    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        out_of_memory();
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    yaml_parser_set_input_string(&parser, b.input, b.len);

    /* Stopping at the first error also stops libyaml reading ahead, which
     * bounds the work on hostile input (e.g. a megabyte of '['). */
    bool ok = true;
    bool done = false;
    while (ok && !done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            report_libyaml_error(&b, &parser);
            ok = false;
            break;
        }
        done = ev.type == YAML_STREAM_END_EVENT;
        ok = on_event(&b, &ev);
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    free(b.pending);
    return ok ? b.root : NULL;
}

ynode *ytree_load(arena *a, diag *d, const char *path)
{
    const char *file = arena_strdup(a, path); /* marks must outlive the caller's string */
    size_t len = 0;
    int err = 0;
    unsigned char *bytes = read_whole_file(path, &len, &err);
    if (bytes == NULL) {
        diag_error(d, (mark){file, 0, 0}, "cannot read: %s", strerror(err));
        return NULL;
    }
    ynode *root = ytree_parse(a, d, file, bytes, len);
    free(bytes);
    return root;
}

ynode *ytree_get(const ynode *mapping, const char *name)
{
    if (mapping == NULL || mapping->kind != YNODE_MAPPING)
        return NULL;
    size_t len = strlen(name);
    for (size_t i = 0; i < mapping->npairs; i++) {
        const ynode *key = mapping->pairs[i].key;
        if (key->len == len && memcmp(key->text, name, len) == 0)
            return mapping->pairs[i].value;
    }
    return NULL;
}

/* ---- YAML 1.2 core schema ------------------------------------------------ */

typedef enum scalar_class { SC_STRING, SC_NULL, SC_BOOL, SC_INT, SC_FLOAT } scalar_class;

static bool is_plain_scalar(const ynode *n)
{
    return n != NULL && n->kind == YNODE_SCALAR && n->plain;
}

static bool is_one_of(const char *s, const char *const words[])
{
    for (size_t i = 0; words[i] != NULL; i++) {
        if (strcmp(s, words[i]) == 0)
            return true;
    }
    return false;
}

static const char *const null_words[] = {"", "~", "null", "Null", "NULL", NULL};
static const char *const true_words[] = {"true", "True", "TRUE", NULL};
static const char *const false_words[] = {"false", "False", "FALSE", NULL};
static const char *const inf_nan_words[] = {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
                                            "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN",
                                            NULL};

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Skips digits at s[*i..len); returns how many. */
static size_t skip_digits(const char *s, size_t len, size_t *i)
{
    size_t start = *i;
    while (*i < len && is_digit(s[*i]))
        (*i)++;
    return *i - start;
}

static void skip_sign(const char *s, size_t len, size_t *i)
{
    if (*i < len && (s[*i] == '-' || s[*i] == '+'))
        (*i)++;
}

/* [-+]?[0-9]+ */
static bool int_syntax(const char *s, size_t len)
{
    size_t i = 0;
    skip_sign(s, len, &i);
    return skip_digits(s, len, &i) != 0 && i == len;
}

/* [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? */
static bool float_syntax(const char *s, size_t len)
{
    size_t i = 0;
    skip_sign(s, len, &i);
    size_t digits = skip_digits(s, len, &i);
    if (i < len && s[i] == '.') {
        i++;
        digits += skip_digits(s, len, &i);
    }
    if (digits == 0)
        return false;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        skip_sign(s, len, &i);
        if (skip_digits(s, len, &i) == 0)
            return false;
    }
    return i == len;
}

static scalar_class classify(const ynode *n)
{
    if (!n->plain)
        return SC_STRING;
    if (is_one_of(n->text, null_words))
        return SC_NULL;
    if (is_one_of(n->text, true_words) || is_one_of(n->text, false_words))
        return SC_BOOL;
    if (int_syntax(n->text, n->len))
        return SC_INT;
    if (float_syntax(n->text, n->len) || is_one_of(n->text, inf_nan_words))
        return SC_FLOAT;
    return SC_STRING;
}

bool ytree_is_null(const ynode *n)
{
    return is_plain_scalar(n) && is_one_of(n->text, null_words);
}

bool ytree_as_bool(const ynode *n, bool *out)
{
    if (!is_plain_scalar(n))
        return false;
    if (is_one_of(n->text, true_words)) {
        *out = true;
        return true;
    }
    if (is_one_of(n->text, false_words)) {
        *out = false;
        return true;
    }
    return false;
}

bool ytree_as_int64(const ynode *n, int64_t *out)
{
    if (!is_plain_scalar(n) || !int_syntax(n->text, n->len))
        return false;
    const char *p = n->text;
    bool negative = *p == '-';
    if (*p == '-' || *p == '+')
        p++;
    uint64_t limit = negative ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    uint64_t v = 0;
    for (; *p != '\0'; p++) {
        unsigned digit = (unsigned)(*p - '0');
        if (v > (limit - digit) / 10)
            return false;
        v = v * 10 + digit;
    }
    if (!negative)
        *out = (int64_t)v;
    else if (v == (uint64_t)INT64_MAX + 1)
        *out = INT64_MIN;
    else
        *out = -(int64_t)v;
    return true;
}

/* strtod honours LC_NUMERIC, so spell the validated text with the current
 * locale's decimal point before handing it over. (localeconv is not
 * thread-safe; schemac is single-threaded.) */
static bool convert_double(const char *s, size_t len, double *out)
{
    const char *point = localeconv()->decimal_point;
    if (point == NULL || *point == '\0')
        point = ".";
    size_t plen = strlen(point);
    char small[128];
    size_t need = len + plen + 1;
    char *buf = need <= sizeof small ? small : xrealloc(NULL, need);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '.') {
            memcpy(buf + n, point, plen);
            n += plen;
        } else {
            buf[n++] = s[i];
        }
    }
    buf[n] = '\0';
    char *end = NULL;
    double v = strtod(buf, &end);
    bool ok = end == buf + n && isfinite(v);
    if (buf != small)
        free(buf);
    if (ok)
        *out = v;
    return ok;
}

bool ytree_as_double(const ynode *n, double *out)
{
    if (!is_plain_scalar(n) || !float_syntax(n->text, n->len))
        return false;
    return convert_double(n->text, n->len, out);
}

bool ytree_is_string(const ynode *n)
{
    return n != NULL && n->kind == YNODE_SCALAR && classify(n) == SC_STRING;
}

const char *ytree_kind_name(const ynode *n)
{
    if (n == NULL)
        return "nothing";
    if (n->kind == YNODE_MAPPING)
        return "mapping";
    if (n->kind == YNODE_SEQUENCE)
        return "sequence";
    switch (classify(n)) {
    case SC_NULL:
        return "null";
    case SC_BOOL:
        return "boolean";
    case SC_INT:
        return "integer";
    case SC_FLOAT:
        return "number";
    case SC_STRING:
        break;
    }
    return "string";
}
