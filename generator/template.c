#include "template.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    MAX_PARTIAL_DEPTH = 32,
    /* Rendering recurses once per nested section; the cap keeps hostile
     * templates far from the end of the C stack (32 partials x 100). */
    MAX_SECTION_DEPTH = 100,
};

#define NOT_FOUND SIZE_MAX

/* ---- Parsed form ------------------------------------------------------ */

typedef enum node_kind { NODE_TEXT, NODE_VAR, NODE_SECTION, NODE_INVERTED, NODE_PARTIAL } node_kind;

typedef struct node {
    struct node *next;
    node_kind kind;
    mark at;               /* the tag's opening braces, for render-time errors */
    const char *text;      /* NODE_TEXT: points into the template source */
    size_t len;
    const char *name;      /* tags */
    struct node *children; /* sections */
    const char *indent;    /* NODE_PARTIAL: blanks before a standalone tag, else "" */
    size_t target;         /* NODE_PARTIAL: index into the set */
} node;

/* ---- Scanning --------------------------------------------------------- */

typedef enum tag_kind { TAG_VAR, TAG_SECTION, TAG_INVERTED, TAG_CLOSE, TAG_COMMENT, TAG_PARTIAL } tag_kind;

/* Scanning yields text, tag, text, ..., tag, text: every tag has a text
 * token on each side (possibly empty), which is where standalone lines get
 * trimmed. */
typedef struct token {
    bool is_tag;
    tag_kind kind;
    size_t start, end; /* source range; a tag's includes its braces */
    const char *name;
    mark at;
    size_t indent; /* standalone partials: length of the blanks before the tag */
} token;

/* Scanning errors wait here so that, merged with the tree builder's, all
 * diagnostics come out in source order. */
typedef struct scan_error {
    struct scan_error *next;
    size_t pos;
    mark at;
    const char *msg;
} scan_error;

typedef struct parser {
    const template_set *set;
    arena *a;
    diag *d;
    const char *file;
    const char *src;
    size_t len;
    /* Marks are requested in source order, so a forward-only cursor makes
     * line counting linear overall. */
    size_t cursor;
    unsigned line;
    size_t line_start;
    token *tokens;
    size_t ntokens, cap;
    scan_error *errors;
    scan_error **errors_tail;
} parser;

static mark mark_at(parser *p, size_t pos)
{
    if (pos < p->cursor) {
        p->cursor = 0;
        p->line = 1;
        p->line_start = 0;
    }
    for (; p->cursor < pos; p->cursor++) {
        if (p->src[p->cursor] == '\n') {
            p->line++;
            p->line_start = p->cursor + 1;
        }
    }
    return (mark){p->file, p->line, (unsigned)(pos - p->line_start + 1)};
}

static void scan_error_at(parser *p, size_t pos, const char *msg)
{
    scan_error *e = arena_alloc(p->a, sizeof *e);
    e->pos = pos;
    e->at = mark_at(p, pos);
    e->msg = msg;
    *p->errors_tail = e;
    p->errors_tail = &e->next;
}

/* Reports the scanning errors that come before source offset `pos`. */
static void flush_scan_errors(parser *p, size_t pos)
{
    while (p->errors != NULL && p->errors->pos < pos) {
        diag_error(p->d, p->errors->at, "%s", p->errors->msg);
        p->errors = p->errors->next;
    }
}

static void push_token(parser *p, token t)
{
    if (p->ntokens == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 64;
        p->tokens = xrealloc(p->tokens, p->cap * sizeof *p->tokens);
    }
    p->tokens[p->ntokens++] = t;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool is_name_char(char c, bool first, tag_kind kind)
{
    if (is_alnum(c) || c == '_' || c == '-' || c == '.')
        return true;
    if (first && c == '@')
        return true;
    return kind == TAG_PARTIAL && c == '/';
}

static size_t find_open(const parser *p, size_t from)
{
    for (size_t i = from; i + 1 < p->len; i++)
        if (p->src[i] == '{' && p->src[i + 1] == '{')
            return i;
    return NOT_FOUND;
}

/* The "}}" ending a tag; only comments may run past the end of the line. */
static size_t find_close(const parser *p, size_t from, bool multiline)
{
    for (size_t i = from; i < p->len; i++) {
        if (p->src[i] == '\n' && !multiline)
            return NOT_FOUND;
        if (p->src[i] == '}' && i + 1 < p->len && p->src[i + 1] == '}')
            return i;
    }
    return NOT_FOUND;
}

static size_t end_of_line(const parser *p, size_t from)
{
    const char *nl = memchr(p->src + from, '\n', p->len - from);
    return nl != NULL ? (size_t)(nl - p->src) : p->len;
}

static size_t skip_blanks(const parser *p, size_t pos, size_t end)
{
    while (pos < end && is_blank(p->src[pos]))
        pos++;
    return pos;
}

static tag_kind sigil_kind(char c)
{
    switch (c) {
    case '#': return TAG_SECTION;
    case '^': return TAG_INVERTED;
    case '/': return TAG_CLOSE;
    case '>': return TAG_PARTIAL;
    default: return TAG_VAR;
    }
}

/* Reads the name between `pos` and the closing braces at `close`. */
static bool scan_name(parser *p, token *t, size_t pos, size_t close)
{
    pos = skip_blanks(p, pos, close);
    size_t start = pos;
    while (pos < close && is_name_char(p->src[pos], pos == start, t->kind))
        pos++;
    size_t end = pos;
    pos = skip_blanks(p, pos, close);
    if (pos < close) {
        scan_error_at(p, pos, "invalid character in tag name");
        return false;
    }
    if (start == end) {
        scan_error_at(p, t->start, "empty tag name");
        return false;
    }
    t->name = arena_strndup(p->a, p->src + start, end - start);
    return true;
}

/* Scans the tag whose "{{" is at `open` into *t. Sets *resume to where
 * scanning continues, past the tag or, after an error, past the damage. */
static bool scan_tag(parser *p, size_t open, token *t, size_t *resume)
{
    size_t pos = open + 2;
    *t = (token){.is_tag = true, .start = open, .at = mark_at(p, open)};
    bool comment = pos < p->len && p->src[pos] == '!';
    size_t close = find_close(p, pos, comment);
    if (close == NOT_FOUND) {
        scan_error_at(p, open, comment ? "unterminated comment: missing '}}'"
                                       : "unterminated tag: missing '}}'");
        *resume = comment ? p->len : end_of_line(p, pos);
        return false;
    }
    *resume = t->end = close + 2;
    if (comment) {
        t->kind = TAG_COMMENT;
        return true;
    }
    char c = pos < close ? p->src[pos] : '\0';
    if (c != '\0' && strchr("&{=<$", c) != NULL) {
        scan_error_at(p, open, arena_printf(p->a, "'{{%c' tags are not supported", c));
        return false;
    }
    t->kind = sigil_kind(c);
    if (t->kind != TAG_VAR)
        pos++;
    return scan_name(p, t, pos, close);
}

static void tokenize(parser *p)
{
    size_t text_start = 0;
    size_t search = 0;
    for (;;) {
        size_t open = find_open(p, search);
        if (open == NOT_FOUND)
            break;
        token tag;
        if (scan_tag(p, open, &tag, &search)) {
            push_token(p, (token){.start = text_start, .end = open});
            push_token(p, tag);
            text_start = search;
        }
    }
    push_token(p, (token){.start = text_start, .end = p->len});
}

/* ---- Standalone lines ------------------------------------------------- */

static bool can_stand_alone(tag_kind kind)
{
    return kind != TAG_VAR;
}

/* If the tag at tokens[i] is alone on its line, trims the blanks before it
 * and the rest of the line after it from the neighbouring text tokens.
 * Works on the untrimmed source, so neighbours trimmed earlier don't matter. */
static void trim_standalone(parser *p, size_t i)
{
    token *t = &p->tokens[i];
    if (!can_stand_alone(t->kind))
        return;
    size_t line_start = t->start;
    while (line_start > 0 && is_blank(p->src[line_start - 1]))
        line_start--;
    if (line_start > 0 && p->src[line_start - 1] != '\n')
        return;
    size_t after = skip_blanks(p, t->end, p->len);
    if (after < p->len && p->src[after] == '\n')
        after += 1;
    else if (after + 1 < p->len && p->src[after] == '\r' && p->src[after + 1] == '\n')
        after += 2;
    else if (after < p->len)
        return;
    /* The blanks and the line end hold no "{{", so they lie within the
     * neighbouring text tokens. */
    p->tokens[i - 1].end = line_start;
    p->tokens[i + 1].start = after;
    t->indent = t->start - line_start;
}

/* ---- Tree building ---------------------------------------------------- */

typedef struct level {
    node *section;
    node **tail;
} level;

static size_t find_template(const template_set *set, const char *name)
{
    for (size_t i = 0; i < set->count; i++)
        if (strcmp(set->items[i].name, name) == 0)
            return i;
    return NOT_FOUND;
}

static char section_sigil(const node *n)
{
    return n->kind == NODE_INVERTED ? '^' : '#';
}

static node *new_node(parser *p, node_kind kind, const token *t)
{
    node *n = arena_alloc(p->a, sizeof *n);
    n->kind = kind;
    n->at = t->at;
    n->name = t->name;
    return n;
}

static node *partial_node(parser *p, const token *t)
{
    node *n = new_node(p, NODE_PARTIAL, t);
    n->target = find_template(p->set, t->name);
    if (n->target == NOT_FOUND)
        diag_error(p->d, t->at, "unknown partial '%s'", t->name);
    n->indent = arena_strndup(p->a, p->src + t->start - t->indent, t->indent);
    return n;
}

static void close_section(parser *p, const token *t, level *stack, size_t *depth)
{
    if (*depth == 0) {
        diag_error(p->d, t->at, "'{{/%s}}' without an open section", t->name);
        return;
    }
    const node *open = stack[*depth].section;
    /* A typo in either name should cost one error, not also an "unclosed
     * section", so a mismatch still closes the innermost section. */
    if (strcmp(open->name, t->name) != 0)
        diag_error(p->d, t->at, "'{{/%s}}' does not match the open section '{{%c%s}}'",
                   t->name, section_sigil(open), open->name);
    (*depth)--;
}

static node *text_node(parser *p, const token *t)
{
    if (t->end == t->start)
        return NULL;
    node *n = new_node(p, NODE_TEXT, t);
    n->text = p->src + t->start;
    n->len = t->end - t->start;
    return n;
}

/* The node for a tag other than a close; NULL for comments. */
static node *tag_node(parser *p, const token *t)
{
    switch (t->kind) {
    case TAG_VAR: return new_node(p, NODE_VAR, t);
    case TAG_SECTION: return new_node(p, NODE_SECTION, t);
    case TAG_INVERTED: return new_node(p, NODE_INVERTED, t);
    case TAG_PARTIAL: return partial_node(p, t);
    case TAG_CLOSE:
    case TAG_COMMENT: break;
    }
    return NULL;
}

static node *build_tree(parser *p)
{
    node *root = NULL;
    level stack[MAX_SECTION_DEPTH + 1] = {{NULL, &root}};
    size_t depth = 0;
    for (size_t i = 0; i < p->ntokens; i++) {
        const token *t = &p->tokens[i];
        node *n;
        if (!t->is_tag) {
            n = text_node(p, t);
        } else if (t->kind == TAG_CLOSE) {
            flush_scan_errors(p, t->start);
            close_section(p, t, stack, &depth);
            continue;
        } else {
            flush_scan_errors(p, t->start);
            n = tag_node(p, t);
        }
        if (n == NULL)
            continue;
        bool opens = n->kind == NODE_SECTION || n->kind == NODE_INVERTED;
        if (opens && depth == MAX_SECTION_DEPTH) {
            diag_error(p->d, t->at, "sections nested deeper than %d levels", MAX_SECTION_DEPTH);
            flush_scan_errors(p, SIZE_MAX);
            return NULL;
        }
        *stack[depth].tail = n;
        stack[depth].tail = &n->next;
        if (opens)
            stack[++depth] = (level){n, &n->children};
    }
    flush_scan_errors(p, SIZE_MAX);
    for (size_t i = 1; i <= depth; i++) {
        const node *open = stack[i].section;
        diag_error(p->d, open->at, "unclosed section '{{%c%s}}'", section_sigil(open), open->name);
    }
    return root;
}

/* Parses template `index` of the set; errors go to the diag. */
static node *parse(const template_set *set, size_t index, arena *a, diag *d)
{
    const template_source *src = &set->items[index];
    parser p = {
        .set = set,
        .a = a,
        .d = d,
        .file = arena_printf(a, "templates/%s", src->name),
        .src = src->text != NULL ? src->text : "",
        .len = src->text != NULL ? src->len : 0,
        .line = 1,
    };
    p.errors_tail = &p.errors;
    tokenize(&p);
    for (size_t i = 1; i < p.ntokens; i += 2)
        trim_standalone(&p, i);
    node *nodes = build_tree(&p);
    free(p.tokens);
    return nodes;
}

/* ---- Loading ---------------------------------------------------------- */

typedef struct loaded {
    bool queued;
    node *nodes;
} loaded;

static void queue_partials(const node *n, loaded *cache, size_t *queue, size_t *nqueue)
{
    for (; n != NULL; n = n->next) {
        if (n->kind == NODE_PARTIAL && n->target != NOT_FOUND && !cache[n->target].queued) {
            cache[n->target].queued = true;
            queue[(*nqueue)++] = n->target;
        }
        queue_partials(n->children, cache, queue, nqueue);
    }
}

/* Parses `first` and every template reachable from it through partials,
 * so syntax errors show up whatever the data. A worklist rather than
 * recursion: chains of partials can be as long as the set. */
static void load(const template_set *set, size_t first, loaded *cache, arena *a, diag *d)
{
    size_t *queue = arena_alloc_array(a, set->count, sizeof *queue);
    size_t nqueue = 0;
    cache[first].queued = true;
    queue[nqueue++] = first;
    for (size_t i = 0; i < nqueue; i++) {
        loaded *t = &cache[queue[i]];
        t->nodes = parse(set, queue[i], a, d);
        queue_partials(t->nodes, cache, queue, &nqueue);
    }
}

/* ---- Rendering -------------------------------------------------------- */

/* One context on the lookup stack; lists push one per item. */
typedef struct frame {
    const struct frame *parent;
    const view *v;
    bool in_list; /* @first, @last and @index refer to the innermost such frame */
    size_t index;
    size_t count;
    char index_text[24];
} frame;

typedef struct renderer {
    const loaded *cache;
    diag *d;
    strbuf *out;
    strbuf indent; /* the standalone partials' indentation, outermost first */
    unsigned partial_depth;
} renderer;

static bool render_nodes(renderer *r, const node *n, const frame *f);

static bool at_line_start(const strbuf *b)
{
    return b->len == 0 || b->data[b->len - 1] == '\n';
}

static bool is_empty_line(const char *s, size_t len)
{
    return (len == 1 && s[0] == '\n') || (len == 2 && s[0] == '\r' && s[1] == '\n');
}

/* Appends text, indenting each line begun inside a standalone partial.
 * Empty lines stay empty so generated code carries no trailing blanks. */
static void emit(renderer *r, const char *s, size_t len)
{
    if (r->indent.len == 0) {
        strbuf_append(r->out, s, len);
        return;
    }
    while (len > 0) {
        const char *nl = memchr(s, '\n', len);
        size_t line = nl != NULL ? (size_t)(nl - s) + 1 : len;
        if (at_line_start(r->out) && !is_empty_line(s, line))
            strbuf_append(r->out, r->indent.data, r->indent.len);
        strbuf_append(r->out, s, line);
        s += line;
        len -= line;
    }
}

static bool lookup_special(renderer *r, const frame *f, const node *n, view_value *val)
{
    bool first = strcmp(n->name, "@first") == 0;
    bool last = strcmp(n->name, "@last") == 0;
    bool index = strcmp(n->name, "@index") == 0;
    if (!first && !last && !index) {
        diag_error(r->d, n->at, "unknown name '%s'", n->name);
        return false;
    }
    while (f != NULL && !f->in_list)
        f = f->parent;
    if (f == NULL) {
        diag_error(r->d, n->at, "'%s' used outside a list", n->name);
        return false;
    }
    if (index)
        *val = (view_value){.kind = VIEW_STRING, .str = f->index_text};
    else
        *val = (view_value){.kind = VIEW_BOOL, .flag = first ? f->index == 0 : f->index + 1 == f->count};
    return true;
}

static bool lookup(renderer *r, const frame *f, const node *n, view_value *val)
{
    if (n->name[0] == '@')
        return lookup_special(r, f, n, val);
    for (; f != NULL; f = f->parent) {
        *val = view_get(f->v, n->name);
        if (val->kind != VIEW_MISSING)
            return true;
    }
    diag_error(r->d, n->at, "unknown name '%s'", n->name);
    return false;
}

static bool render_var(renderer *r, const node *n, const frame *f)
{
    view_value val;
    if (!lookup(r, f, n, &val))
        return false;
    if (val.kind != VIEW_STRING) {
        diag_error(r->d, n->at, "'%s' is a %s, not a string", n->name,
                   val.kind == VIEW_LIST ? "list" : "bool");
        return false;
    }
    emit(r, val.str, strlen(val.str));
    return true;
}

static bool render_list(renderer *r, const node *n, const view_value *list, const frame *f)
{
    for (size_t i = 0; i < list->count; i++) {
        frame item = {.parent = f, .v = list->items[i], .in_list = true, .index = i, .count = list->count};
        snprintf(item.index_text, sizeof item.index_text, "%zu", i);
        if (!render_nodes(r, n->children, &item))
            return false;
    }
    return true;
}

static bool is_truthy(const view_value *val)
{
    switch (val->kind) {
    case VIEW_STRING: return val->str[0] != '\0';
    case VIEW_BOOL: return val->flag;
    case VIEW_LIST: return val->count != 0;
    case VIEW_MISSING: break;
    }
    return false;
}

static bool render_section(renderer *r, const node *n, const frame *f)
{
    view_value val;
    if (!lookup(r, f, n, &val))
        return false;
    bool inverted = n->kind == NODE_INVERTED;
    if (val.kind == VIEW_LIST && !inverted)
        return render_list(r, n, &val, f);
    if (is_truthy(&val) == inverted)
        return true;
    return render_nodes(r, n->children, f);
}

static bool render_partial(renderer *r, const node *n, const frame *f)
{
    if (r->partial_depth == MAX_PARTIAL_DEPTH) {
        diag_error(r->d, n->at, "partials nested deeper than %d levels", MAX_PARTIAL_DEPTH);
        return false;
    }
    size_t indent_len = r->indent.len;
    strbuf_puts(&r->indent, n->indent);
    r->partial_depth++;
    bool ok = render_nodes(r, r->cache[n->target].nodes, f);
    r->partial_depth--;
    r->indent.len = indent_len;
    r->indent.data[indent_len] = '\0';
    return ok;
}

static bool render_node(renderer *r, const node *n, const frame *f)
{
    switch (n->kind) {
    case NODE_TEXT:
        emit(r, n->text, n->len);
        return true;
    case NODE_VAR:
        return render_var(r, n, f);
    case NODE_SECTION:
    case NODE_INVERTED:
        return render_section(r, n, f);
    case NODE_PARTIAL:
        return render_partial(r, n, f);
    }
    return false;
}

static bool render_nodes(renderer *r, const node *n, const frame *f)
{
    for (; n != NULL; n = n->next)
        if (!render_node(r, n, f))
            return false;
    return true;
}

/* ---- Entry point ------------------------------------------------------ */

bool template_render(const template_set *set, const char *name, const view *root,
                     arena *a, diag *d, strbuf *out)
{
    size_t index = find_template(set, name);
    if (index == NOT_FOUND) {
        diag_error(d, (mark){NULL, 0, 0}, "unknown template '%s'", name);
        return false;
    }
    unsigned errors = d->errors;
    loaded *cache = arena_alloc_array(a, set->count, sizeof *cache);
    load(set, index, cache, a, d);
    if (d->errors != errors)
        return false;

    renderer r = {.cache = cache, .d = d, .out = out, .indent = STRBUF_INIT};
    frame top = {.v = root};
    size_t out_len = out->len;
    strbuf_puts(&r.indent, ""); /* so that indent.data is never NULL */
    bool ok = render_nodes(&r, cache[index].nodes, &top);
    strbuf_release(&r.indent);
    if (!ok && out->data != NULL) {
        out->len = out_len;
        out->data[out_len] = '\0';
    }
    return ok;
}
