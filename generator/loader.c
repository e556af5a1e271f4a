#include "loader.h"

#include "file_read.h"
#include "strbuf.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFS_PREFIX "#/$defs/"

void loader_init(loader *l, arena *a, diag *d)
{
    memset(l, 0, sizeof *l);
    l->a = a;
    l->d = d;
}

void loader_release(loader *l)
{
    free(l->docs);
    free(l->keys);
    l->docs = NULL;
    l->keys = NULL;
    l->count = l->cap = 0;
}

static void split_path(arena *a, schema_doc *doc)
{
    const char *slash = strrchr(doc->path, '/');
    const char *base = slash ? slash + 1 : doc->path;
    doc->dir = arena_strndup(a, doc->path, (size_t)(base - doc->path));
    const char *dot = strrchr(base, '.');
    size_t stem_len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    doc->stem = arena_strndup(a, base, stem_len);
}

static schema_doc *find_loaded(const loader *l, const char *key)
{
    for (size_t i = 0; i < l->count; i++)
        if (strcmp(l->keys[i], key) == 0)
            return l->docs[i];
    return NULL;
}

static void remember(loader *l, schema_doc *doc, const char *key)
{
    if (l->count == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->docs = xrealloc(l->docs, l->cap * sizeof *l->docs);
        l->keys = xrealloc(l->keys, l->cap * sizeof *l->keys);
    }
    l->docs[l->count] = doc;
    l->keys[l->count] = key;
    l->count++;
}

static void cannot_read(loader *l, mark from, const char *path, int err)
{
    if (from.file == NULL)
        from.file = path;
    diag_error(l->d, from, "cannot read '%s': %s", path, strerror(err));
}

/* Parses path's content into doc; false after errors. */
static bool parse_file(loader *l, schema_doc *doc, mark from)
{
    size_t len = 0;
    int err = 0;
    unsigned char *bytes = read_whole_file(doc->path, &len, &err);
    if (bytes == NULL) {
        cannot_read(l, from, doc->path, err);
        return false;
    }
    ynode *root = ytree_parse(l->a, l->d, doc->path, bytes, len);
    free(bytes);
    if (root == NULL)
        return false;
    if (root->kind != YNODE_MAPPING) {
        diag_error(l->d, root->at, "a schema file must hold a mapping, not %s",
                   ytree_kind_name(root));
        return false;
    }
    return schema_parse(l->a, l->d, doc, root);
}

/* Loads path, reporting a failure to read at `from` (a $ref) or at the file. */
static schema_doc *load_at(loader *l, const char *path, mark from, bool requested)
{
    char real[PATH_MAX];
    if (realpath(path, real) == NULL) {
        cannot_read(l, from, path, errno);
        return NULL;
    }
    schema_doc *doc = find_loaded(l, real);
    if (doc != NULL) {
        doc->requested = doc->requested || requested;
        return doc;
    }
    doc = arena_alloc(l->a, sizeof *doc);
    doc->path = arena_strdup(l->a, path);
    doc->requested = requested;
    split_path(l->a, doc);
    remember(l, doc, arena_strdup(l->a, real));
    if (!requested && l->listed_only) {
        /* Remembered without a root, so later $refs to it add no error. */
        diag_error(l->d, from, "$ref reaches '%s', which is not among the schema files "
                   "given: list it too (--listed-only)", path);
        return NULL;
    }
    return parse_file(l, doc, from) ? doc : NULL;
}

schema_doc *loader_load(loader *l, const char *path)
{
    mark none = {NULL, 0, 0};
    return load_at(l, path, none, true);
}

/* A file part of a $ref must stay inside the referring file's folder tree, so
 * a schema set cannot reach files its users never meant to share. */
static bool valid_file_ref(const char *file, size_t len)
{
    if (len == 0 || file[0] == '/' || memchr(file, ':', len) != NULL ||
        memchr(file, '\\', len) != NULL)
        return false;
    const char *p = file, *end = file + len;
    while (p < end) {
        const char *seg = p;
        while (p < end && *p != '/')
            p++;
        size_t n = (size_t)(p - seg);
        if (n == 0 || (n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' && seg[1] == '.'))
            return false;
        if (p < end)
            p++;
    }
    return true;
}

/* The spelling rules keep a $ref inside its file's folder; a symbolic link
 * could still lead out of it, so compare where both really are. A target
 * that does not exist is left for load_at to report. */
static bool stays_inside(loader *l, const schema *s, const char *path)
{
    char folder[PATH_MAX], target[PATH_MAX];
    const char *dir = s->doc->dir[0] != '\0' ? s->doc->dir : ".";
    if (realpath(dir, folder) == NULL || realpath(path, target) == NULL)
        return true;
    size_t n = strlen(folder);
    bool inside = strcmp(folder, "/") == 0 ||
                  (strncmp(target, folder, n) == 0 && target[n] == '/');
    if (!inside)
        diag_error(l->d, s->ref_at, "$ref '%s' leads outside this folder through a "
                   "symbolic link", s->ref);
    return inside;
}

/* JSON Pointer unescaping of one $defs name: "~0" is "~", "~1" is "/". */
static char *unescape_name(arena *a, const char *s)
{
    char *out = arena_alloc(a, strlen(s) + 1);
    char *o = out;
    for (; *s; s++) {
        if (*s == '/')
            return NULL;
        if (*s == '~') {
            if (s[1] != '0' && s[1] != '1')
                return NULL;
            *o++ = s[1] == '0' ? '~' : '/';
            s++;
        } else {
            *o++ = *s;
        }
    }
    return out;
}

static schema *find_def(loader *l, const schema *s, schema_doc *doc,
                        const char *fragment, const char **name)
{
    if (strncmp(fragment, DEFS_PREFIX, strlen(DEFS_PREFIX)) != 0) {
        diag_error(l->d, s->ref_at,
                   "unsupported $ref '%s': only '#/$defs/NAME', 'FILE' and "
                   "'FILE#/$defs/NAME' are supported", s->ref);
        return NULL;
    }
    const char *wanted = unescape_name(l->a, fragment + strlen(DEFS_PREFIX));
    if (wanted == NULL || *wanted == '\0') {
        diag_error(l->d, s->ref_at, "malformed $ref '%s'", s->ref);
        return NULL;
    }
    const schema *root = doc->root;
    for (size_t i = 0; i < root->def_count; i++) {
        if (strcmp(root->defs[i].name, wanted) == 0) {
            *name = root->defs[i].name;
            return root->defs[i].value;
        }
    }
    diag_error(l->d, s->ref_at, "$ref '%s': '%s' has no $defs entry '%s'", s->ref,
               doc->path, wanted);
    return NULL;
}

schema *loader_follow(loader *l, const schema *s, const char **name)
{
    *name = NULL;
    const char *hash = strchr(s->ref, '#');
    size_t file_len = hash ? (size_t)(hash - s->ref) : strlen(s->ref);
    schema_doc *doc = s->doc;
    if (file_len > 0) {
        if (!valid_file_ref(s->ref, file_len)) {
            diag_error(l->d, s->ref_at,
                       "$ref '%s' must name a file by a relative path inside "
                       "this folder (no '..', '/', '.' segments or URLs)", s->ref);
            return NULL;
        }
        char *path = arena_printf(l->a, "%s%.*s", s->doc->dir, (int)file_len, s->ref);
        if (!stays_inside(l, s, path))
            return NULL;
        doc = load_at(l, path, s->ref_at, false);
        if (doc == NULL)
            return NULL;
    }
    if (doc->root == NULL)
        return NULL; /* its own errors were reported when it was loaded */
    if (hash == NULL || hash[1] == '\0') {
        if (file_len == 0) {
            diag_error(l->d, s->ref_at, "$ref '%s' refers to its own file's root", s->ref);
            return NULL;
        }
        return doc->root;
    }
    return find_def(l, s, doc, hash, name);
}
