/* Phase 1 of the generator: one YAML file -> a small tree of nodes that
 * remember where they came from, so later phases can point at the exact
 * line and column of whatever they reject.
 *
 * Only the plain data subset of YAML is accepted: no aliases (they make
 * alias bombs possible and schemas have no need for them), no tags, no
 * merge keys (a plain "<<"), one document per file, scalar and distinct
 * mapping keys of at most YTREE_MAX_KEY characters, and nesting of at most
 * YTREE_MAX_DEPTH collections (later phases recurse over the tree).
 * Input must be UTF-8; a leading byte order mark is allowed.
 *
 * Everything is allocated in the caller's arena. */
#ifndef SCHEMAC_YAML_TREE_H
#define SCHEMAC_YAML_TREE_H

#include "arena.h"
#include "diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Deepest allowed nesting of mappings and sequences. */
#define YTREE_MAX_DEPTH 64

/* Longest mapping key, in characters: libyaml's limit for keys written
 * without '?', applied to all keys so that the spelling does not matter. */
#define YTREE_MAX_KEY 1024
#define YTREE_MAX_KEY_TEXT "1024"

typedef enum ynode_kind { YNODE_SCALAR, YNODE_MAPPING, YNODE_SEQUENCE } ynode_kind;

typedef struct ynode ynode;

typedef struct ypair {
    ynode *key;
    ynode *value;
} ypair;

struct ynode {
    ynode_kind kind;
    mark at; /* where the node starts; line/column from 1, column counts characters */
    /* YNODE_SCALAR */
    const char *text; /* NUL-terminated copy (never contains NUL: such scalars are rejected) */
    size_t len;
    bool plain; /* plain (unquoted) style: only plain scalars may be null/bool/number */
    /* YNODE_MAPPING: pairs in file order; keys are scalars, all distinct by text
     * (so `a` and "a" are duplicates). NULL when empty. */
    ypair *pairs;
    size_t npairs;
    /* YNODE_SEQUENCE: NULL when empty. */
    ynode **items;
    size_t nitems;
};

/* Parses bytes[0..len) (display name `file`, stored in marks; the pointer
 * must outlive the tree) as exactly one YAML document. Returns the root node,
 * or NULL after reporting an error to d. Parsing stops at the first error, so
 * exactly one error is reported. An empty stream or an empty document returns
 * NULL with error "file:1:1: error: empty document". */
ynode *ytree_parse(arena *a, diag *d, const char *file, const unsigned char *bytes, size_t len);


/* Reads the whole file then ytree_parse. The path is copied into the arena
 * for the marks. A file that cannot be opened/read:
 * "path: error: cannot read: <strerror>". */
ynode *ytree_load(arena *a, diag *d, const char *path);

/* Value of key `name` in a mapping; NULL if absent or if `mapping` is NULL or
 * not a mapping. */
ynode *ytree_get(const ynode *mapping, const char *name);

/* YAML 1.2 core-schema interpretation of a scalar, minus hex and octal
 * integers (0x10 and 0o7 are strings). All return false for NULL, for
 * collections and for quoted scalars. */

/* plain "", "~", "null", "Null", "NULL" */
bool ytree_is_null(const ynode *n);
/* plain true/True/TRUE/false/False/FALSE only ("yes" is a string) */
bool ytree_as_bool(const ynode *n, bool *out);
/* plain [-+]?[0-9]+ that fits int64_t; false on overflow */
bool ytree_as_int64(const ynode *n, int64_t *out);
/* plain [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? with a finite
 * value (an exponent too small rounds to zero); independent of the C locale.
 * The core-schema spellings .inf/.nan and values such as 1e999 are numbers
 * (not strings) for which this returns false. */
bool ytree_as_double(const ynode *n, double *out);
/* a scalar that is quoted, or plain and not null/bool/int/float */
bool ytree_is_string(const ynode *n);
/* "mapping", "sequence", "string", "integer", "number", "boolean" or "null",
 * for messages such as "expected string, got integer"; "nothing" for NULL.
 * Classification is by spelling: 99999999999999999999 is an "integer" even
 * though ytree_as_int64 rejects it. */
const char *ytree_kind_name(const ynode *n);

#endif
