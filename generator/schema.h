/* The schema tree: one node per JSON Schema object in a YAML file, with every
 * keyword checked for kind and kept with its source mark. Nothing here knows
 * about C; see model.h for that. */
#ifndef SCHEMAC_SCHEMA_H
#define SCHEMAC_SCHEMA_H

#include "arena.h"
#include "diag.h"
#include "yaml_tree.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum schema_type {
    SCHEMA_ANY = 0, /* no `type` keyword */
    SCHEMA_OBJECT,
    SCHEMA_ARRAY,
    SCHEMA_STRING,
    SCHEMA_INTEGER,
    SCHEMA_NUMBER,
    SCHEMA_BOOLEAN
} schema_type;

typedef struct schema schema;
typedef struct schema_doc schema_doc;

/* A named sub-schema: a property or a $defs entry. */
typedef struct schema_entry {
    const char *name;
    mark at; /* the key */
    schema *value;
} schema_entry;

/* A string given in the schema, with where it was written. */
typedef struct schema_string {
    const char *text;
    mark at;
} schema_string;

/* minLength/maxLength/minItems/maxItems. */
typedef struct schema_count {
    bool set;
    uint64_t value;
    mark at;
} schema_count;

/* minimum/maximum/exclusiveMinimum/exclusiveMaximum. Integer literals are
 * kept exactly; every literal also as a double. */
typedef struct schema_bound {
    bool set;
    bool is_integer;
    int64_t integer;
    double number;
    const char *text; /* as written, for messages */
    mark at;
} schema_bound;

typedef enum additional_kind {
    ADDITIONAL_ABSENT = 0,
    ADDITIONAL_TRUE,
    ADDITIONAL_FALSE,
    ADDITIONAL_SCHEMA
} additional_kind;

struct schema {
    mark at;
    schema_doc *doc;
    const char *title;
    const char *description;
    const char *id;

    const char *ref; /* $ref as written */
    mark ref_at;

    schema **all_of;
    size_t all_of_count;
    mark all_of_at;

    schema **one_of; /* only at a file root or a $defs entry, beside annotations */
    size_t one_of_count;
    mark one_of_at;

    schema_type type; /* SCHEMA_ANY for a type list of two or more types */
    mark type_at;
    bool nullable;         /* "null" in a type list */
    unsigned union_types;  /* a type list of two or more: bit (1 << schema_type) each */

    schema **any_of;       /* only the open enum shape is supported (see model.c) */
    size_t any_of_count;
    mark any_of_at;

    const ynode *default_value; /* checked against the schema by model.c */
    mark default_at;

    schema_entry *properties;
    size_t property_count;
    bool has_properties;
    schema_string *required;
    size_t required_count;
    additional_kind additional;
    schema *additional_schema;
    mark additional_at;

    schema *items;
    mark items_at;

    const char *format; /* "int32" or "int64" */
    mark format_at;

    const char *const_value;
    mark const_at;
    schema_string *enum_values;
    size_t enum_count;
    mark enum_at;

    schema_count min_length, max_length, min_items, max_items;
    schema_bound minimum, maximum, exclusive_minimum, exclusive_maximum;

    schema_entry *defs;
    size_t def_count;

    /* Set by later phases. */
    bool resolving;   /* its type is being built (cycle check) */
    bool merging;     /* its allOf is being merged (cycle check) */
    bool failed;      /* an error was reported for it: do not report again */
    void *model_type; /* the model type built for this schema, if named */
};

/* One schema file. */
struct schema_doc {
    const char *path;    /* as opened, also the file name in diagnostics */
    const char *dir;     /* folder part of path, "" for the current folder */
    const char *stem;    /* file name without folder and extension */
    bool requested;      /* named on the command line (not only reached by $ref) */
    schema *root;
};

/* Builds the schema tree of doc from its YAML root. Returns false after
 * reporting every problem found (unknown keywords, wrong kinds of value). */
bool schema_parse(arena *a, diag *d, schema_doc *doc, const ynode *root);

const char *schema_type_name(schema_type type);

/* True when s has a keyword that says what its values are (anything but
 * $ref, $defs and annotations). A schema without one, `{}` or `true`, allows
 * any value. */
bool schema_has_content(const schema *s);
/* How many such keywords s holds. */
size_t schema_value_keywords(const schema *s);

#endif
