/* The differential rule of differential.h: running both paths, and judging
 * the result against the exceptions docs/input-contract.md lists under
 * "Decode and from_cjson". */
#include "differential.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* <PREFIX>_DEFAULT_MAX_DEPTH of every generated library: X_decode's limit. */
#define DIFF_MAX_DEPTH 512
/* 2^53 - 1, the largest integer from_cjson reads (<PREFIX>_MAX_EXACT_INT). */
#define DIFF_MAX_EXACT_INT 9007199254740991.0
/* 2^63, the magnitude of INT64_MIN; INT64_MAX's nearest double too. */
#define DIFF_INT64_BOUND 9223372036854775808.0

static const char bom[] = "\xEF\xBB\xBF";

/* Bytes of T's byte order mark to remove before cJSON reads it. cJSON skips
 * a leading BOM itself only when two more bytes follow it; the contract
 * allows one BOM however short the text. */
static size_t bom_to_strip(const char *text, size_t len)
{
    return len >= 3 && len < 5 && memcmp(text, bom, 3) == 0 ? 3 : 0;
}

static void parse(const char *text, size_t len, diff_case *c)
{
    size_t skip = bom_to_strip(text, len);
    /* A NUL-terminated copy: cJSON's BOM check reads up to 3 bytes whatever
     * the length it is given. */
    char *copy = malloc(len - skip + 1);
    const char *end = NULL;
    if (copy == NULL)
        abort();
    memcpy(copy, text + skip, len - skip);
    copy[len - skip] = '\0';
    c->tree = cJSON_ParseWithLengthOpts(copy, len - skip, &end, false);
    c->parsed = c->tree != NULL;
    c->parse_end = c->parsed ? skip + (size_t)(end - copy) : 0;
    free(copy);
}

void diff_run(const diff_type *t, const char *text, size_t len, diff_case *c)
{
    void *a = calloc(1, t->size), *b = calloc(1, t->size);
    if (a == NULL || b == NULL)
        abort();
    memset(c, 0, sizeof *c);
    c->t = t;
    c->type = t->name;
    c->text = text;
    c->len = len;
    t->decode(t->impl, text, len, a, &c->decode);
    parse(text, len, c);
    if (c->parsed) {
        t->from_cjson(t->impl, c->tree, b, &c->from_cjson);
        c->equal = strcmp(c->decode.code, "OK") == 0 && strcmp(c->from_cjson.code, "OK") == 0 &&
                   t->equal(t->impl, a, b);
    }
    t->free(t->impl, a);
    t->free(t->impl, b);
    free(a);
    free(b);
}

void diff_case_free(diff_case *c)
{
    cJSON_Delete(c->tree);
    c->tree = NULL;
}

/* ---- What the text holds ---- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool in_number(char c)
{
    return is_digit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

/* True when s[0..n) is exactly a number of RFC 8259's grammar. */
static bool rfc_number(const char *s, size_t n)
{
    size_t i = 0, digits;
    if (i < n && s[i] == '-')
        i++;
    if (i < n && s[i] == '0')
        i++;
    else if (i < n && s[i] >= '1' && s[i] <= '9')
        while (i < n && is_digit(s[i]))
            i++;
    else
        return false;
    if (i < n && s[i] == '.') {
        for (i++, digits = 0; i < n && is_digit(s[i]); i++)
            digits++;
        if (digits == 0)
            return false;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        for (digits = 0; i < n && is_digit(s[i]); i++)
            digits++;
        if (digits == 0)
            return false;
    }
    return i == n;
}

/* Significant digits of a number's mantissa (leading and trailing zeros
 * aside). */
static size_t significant_digits(const char *s, size_t n)
{
    size_t first = SIZE_MAX, last = 0, count = 0;
    for (size_t i = 0; i < n && s[i] != 'e' && s[i] != 'E'; i++) {
        if (!is_digit(s[i]))
            continue;
        if (s[i] != '0') {
            if (first == SIZE_MAX)
                first = count;
            last = count;
        }
        count++;
    }
    return first == SIZE_MAX ? 0 : last - first + 1;
}

/* The nearest double to the number s[0..n). */
static double number_double(const char *s, size_t n)
{
    char *copy = malloc(n + 1);
    if (copy == NULL)
        abort();
    memcpy(copy, s, n);
    copy[n] = '\0';
    double d = strtod(copy, NULL);
    free(copy);
    return d;
}

/* True when a double does not hold the number s[0..n) as written: more
 * than 15 significant digits, an integer beyond 2^53 - 1, or a value that
 * overflows or (being nonzero) underflows. */
static bool inexact_number(const char *s, size_t n)
{
    size_t digits = significant_digits(s, n);
    double d = number_double(s, n);
    return digits > 15 || (digits > 0 && d == 0) || isinf(d) || fabs(d) > DIFF_MAX_EXACT_INT;
}

/* True when a double is an integer beyond +-(2^53 - 1) and at most 2^63 in
 * magnitude (what cJSON makes of every such int64), which decode may read
 * exactly and from_cjson cannot. */
static bool big_integer(double d)
{
    return d == floor(d) && fabs(d) > DIFF_MAX_EXACT_INT && fabs(d) <= DIFF_INT64_BOUND;
}

/* Facts of a text, read as JSON would be, loosely enough for any input. */
typedef struct text_facts {
    bool nul_escape;     /* a \u0000 escape in a string or key */
    bool inexact_number; /* a number outside strings inexact_number() holds */
    bool big_integer;    /* a number outside strings whose double big_integer() holds */
    size_t depth;        /* deepest nesting of [ and { outside strings */
    /* The offset asked about is inside a number outside strings, or just
     * after one, that is not of RFC 8259's grammar. */
    bool bad_number_at;
} text_facts;

/* Reads the string whose opening quote is at s[i]; returns the offset after
 * its closing quote (or len). */
static size_t skip_string(const char *s, size_t len, size_t i, text_facts *f)
{
    for (i++; i < len && s[i] != '"'; i++) {
        if (s[i] != '\\')
            continue;
        if (len - i >= 6 && memcmp(s + i + 1, "u0000", 5) == 0)
            f->nul_escape = true;
        i++;
    }
    return i < len ? i + 1 : len;
}

static text_facts scan_text(const char *s, size_t len, size_t at)
{
    text_facts f = { false, false, false, 0, false };
    size_t depth = 0;
    for (size_t i = 0; i < len;) {
        char c = s[i];
        if (c == '"') {
            i = skip_string(s, len, i, &f);
        } else if (c == '-' || is_digit(c)) {
            size_t start = i;
            while (i < len && in_number(s[i]))
                i++;
            f.inexact_number |= inexact_number(s + start, i - start);
            f.big_integer |= big_integer(number_double(s + start, i - start));
            f.bad_number_at |= at >= start && at <= i && !rfc_number(s + start, i - start);
        } else {
            if (c == '[' || c == '{')
                f.depth = ++depth > f.depth ? depth : f.depth;
            else if ((c == ']' || c == '}') && depth > 0)
                depth--;
            i++;
        }
    }
    return f;
}

/* True when s[0..n) starts with a well-formed UTF-8 character (RFC 3629). */
static bool utf8_char_ok(const unsigned char *s, size_t n)
{
    unsigned lo = 0x80, hi = 0xBF;
    size_t more;
    if (s[0] < 0x80)
        return true;
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        more = 1;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        more = 2, lo = s[0] == 0xE0 ? 0xA0 : lo, hi = s[0] == 0xED ? 0x9F : hi;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        more = 3, lo = s[0] == 0xF0 ? 0x90 : lo, hi = s[0] == 0xF4 ? 0x8F : hi;
    else
        return false;
    if (n <= more || s[1] < lo || s[1] > hi)
        return false;
    for (size_t i = 2; i <= more; i++)
        if ((s[i] & 0xC0) != 0x80)
            return false;
    return true;
}

static bool is_hex(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* True when offset at is inside a \u escape (its backslash at most 5 bytes
 * before) whose four characters are not all hex digits. */
static bool in_bad_u_escape(const char *s, size_t len, size_t at)
{
    for (size_t back = 0; back <= 5 && back <= at; back++) {
        size_t start = at - back;
        if (s[start] == '\\' && len - start >= 6 && s[start + 1] == 'u' &&
            !(is_hex(s[start + 2]) && is_hex(s[start + 3]) && is_hex(s[start + 4]) &&
              is_hex(s[start + 5])))
            return true;
    }
    return false;
}

/* The node a JSON Pointer names in tree, or NULL. */
static const cJSON *pointer_target(const cJSON *tree, const char *pointer)
{
    char token[DIFF_TEXT_MAX];
    const char *p = pointer;
    while (tree != NULL && *p == '/') {
        size_t n = 0;
        for (p++; *p != '\0' && *p != '/' && n + 1 < sizeof token; n++) {
            char c = *p++;
            if (c == '~' && (*p == '0' || *p == '1'))
                c = *p++ == '0' ? '~' : '/';
            token[n] = c;
        }
        token[n] = '\0';
        if (cJSON_IsObject(tree)) {
            tree = cJSON_GetObjectItemCaseSensitive(tree, token);
        } else if (cJSON_IsArray(tree) && n > 0 && n < 10 &&
                   strspn(token, "0123456789") == n) {
            tree = cJSON_GetArrayItem(tree, atoi(token));
        } else {
            tree = NULL;
        }
    }
    return *p == '\0' ? tree : NULL;
}

/* T with every number big_integer() holds (outside strings) replaced by 0;
 * *n gets its length. */
static char *without_big_integers(const char *s, size_t len, size_t *n)
{
    char *out = malloc(len + 1);
    text_facts ignored = { false, false, false, 0, false };
    if (out == NULL)
        abort();
    *n = 0;
    for (size_t i = 0; i < len;) {
        size_t start = i;
        if (s[i] == '"') {
            i = skip_string(s, len, i, &ignored);
        } else if (s[i] == '-' || is_digit(s[i])) {
            while (i < len && in_number(s[i]))
                i++;
            if (big_integer(number_double(s + start, i - start))) {
                out[(*n)++] = '0';
                continue;
            }
        } else {
            i++;
        }
        memcpy(out + *n, s + start, i - start);
        *n += i - start;
    }
    return out;
}

/* Whether the two paths agree on T once its big integers are 0 (or differ
 * only as another exception allows): then those integers, which decode
 * reads exactly and cJSON rounds, are all that set the paths apart. */
static bool agree_without_big_integers(const diff_case *c)
{
    size_t len;
    char *text = without_big_integers(c->text, c->len, &len);
    diff_case plain;
    diff_run(c->t, text, len, &plain);
    diff_verdict v = diff_judge(&plain);
    diff_case_free(&plain);
    free(text);
    return v != DIFF_DISAGREE;
}

/* ---- Judging ---- */

static bool is_code(const diff_outcome *o, const char *code)
{
    return strcmp(o->code, code) == 0;
}

static bool text_level(const diff_outcome *o)
{
    return is_code(o, "SYNTAX") || is_code(o, "DEPTH") || is_code(o, "TOO_LARGE");
}

static bool same_outcome(const diff_outcome *a, const diff_outcome *b)
{
    return is_code(a, b->code) && strcmp(a->path, b->path) == 0 &&
           a->path_truncated == b->path_truncated && (text_level(a) || a->offset == b->offset);
}

static bool agree(const diff_case *c)
{
    if (!c->parsed)
        return text_level(&c->decode);
    return same_outcome(&c->decode, &c->from_cjson) && (!is_code(&c->decode, "OK") || c->equal);
}

/* Decode refused with a syntax error a text cJSON took: which leniency of
 * cJSON's is at the error's offset. */
static diff_verdict syntax_leniency(const diff_case *c)
{
    size_t at = c->decode.offset;
    if (at >= c->parse_end)
        return DIFF_TRAILING;
    const unsigned char *byte = (const unsigned char *)c->text + at;
    if (*byte < 0x20)
        return DIFF_CONTROL_BYTE;
    if (*byte >= 0x80 && !utf8_char_ok(byte, c->len - at))
        return DIFF_INVALID_UTF8;
    if (in_bad_u_escape(c->text, c->len, at))
        return DIFF_BAD_ESCAPE;
    if (scan_text(c->text, c->len, at).bad_number_at)
        return DIFF_NUMBER_GRAMMAR;
    return DIFF_DISAGREE;
}

/* The documented exception that explains a disagreement, if any. */
static diff_verdict exception(const diff_case *c)
{
    const diff_outcome *a = &c->decode;
    if (!c->parsed)
        return DIFF_DISAGREE;
    if (is_code(a, "SYNTAX"))
        return syntax_leniency(c);
    text_facts f = scan_text(c->text, c->len, SIZE_MAX);
    if (is_code(a, "DEPTH") && f.depth > DIFF_MAX_DEPTH)
        return DIFF_DEPTH;
    if (f.nul_escape)
        return DIFF_NUL_ESCAPE;
    /* A cut path names no node; then the number cannot be checked. */
    if ((is_code(a, "RANGE") || is_code(a, "TYPE")) && f.inexact_number &&
        (a->path_truncated || cJSON_IsNumber(pointer_target(c->tree, a->path))))
        return DIFF_INEXACT_NUMBER;
    const diff_outcome *b = &c->from_cjson;
    const cJSON *refused = is_code(b, "RANGE") ? pointer_target(c->tree, b->path) : NULL;
    bool both_ok = is_code(a, "OK") && is_code(b, "OK");
    if (f.big_integer &&
        ((refused != NULL && big_integer(refused->valuedouble)) ||
         (is_code(b, "RANGE") && b->path_truncated) || both_ok) &&
        agree_without_big_integers(c))
        return DIFF_BIG_INTEGER;
    return DIFF_DISAGREE;
}

diff_verdict diff_judge(const diff_case *c)
{
    return agree(c) ? DIFF_AGREE : exception(c);
}

const char *diff_verdict_name(diff_verdict v)
{
    static const char *const names[DIFF_VERDICTS] = {
        "agree", "trailing content", "control byte", "invalid UTF-8", "bad \\u escape", "number grammar",
        "depth", "\\u0000 escape", "inexact number", "big integer", "DISAGREE",
    };
    return v < DIFF_VERDICTS ? names[v] : "?";
}

/* ---- Reports ---- */

static size_t describe_outcome(char *buf, size_t size, const char *what, const diff_outcome *o)
{
    int n = snprintf(buf, size, "  %s: %s at \"%s\"%s offset %zu (%s)\n", what, o->code, o->path,
                     o->path_truncated ? " (truncated)" : "", o->offset, o->message);
    return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

/* The text as a C string literal's contents, cut after limit bytes. */
static void escape_text(char *buf, size_t size, const char *text, size_t len, size_t limit)
{
    size_t o = 0;
    for (size_t i = 0; i < len && i < limit && o + 8 < size; i++) {
        unsigned char b = (unsigned char)text[i];
        if (b == '"' || b == '\\')
            o += (size_t)snprintf(buf + o, size - o, "\\%c", b);
        else if (b < 0x20 || b >= 0x7F)
            o += (size_t)snprintf(buf + o, size - o, "\\x%02X\"\"", b);
        else
            buf[o++] = (char)b;
    }
    snprintf(buf + o, size - o, "%s", len > limit ? "..." : "");
}

void diff_describe(const diff_case *c, diff_verdict v, char *buf, size_t size)
{
    size_t n = (size_t)snprintf(buf, size, "%s: %s (%zu bytes)\n", c->type, diff_verdict_name(v),
                                c->len);
    if (n >= size)
        return;
    n += describe_outcome(buf + n, size - n, "decode    ", &c->decode);
    if (c->parsed) {
        n += describe_outcome(buf + n, size - n, "from_cjson", &c->from_cjson);
        n += (size_t)snprintf(buf + n, size - n, "  cJSON stopped at %zu; equal: %s\n",
                              c->parse_end, c->equal ? "yes" : "no");
    } else {
        n += (size_t)snprintf(buf + n, size - n, "  cJSON refused the text\n");
    }
    if (n + 16 >= size)
        return;
    n += (size_t)snprintf(buf + n, size - n, "  input: \"");
    escape_text(buf + n, size - n - 2, c->text, c->len, 400);
    n += strlen(buf + n);
    snprintf(buf + n, size - n, "\"");
}
