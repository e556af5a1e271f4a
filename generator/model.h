/* The C model: the types, fields and value slots schemac generates, with
 * their C names, built from the resolved schema trees. Templates are rendered
 * from a view of this model (see codegen_view.h). */
#ifndef SCHEMAC_MODEL_H
#define SCHEMAC_MODEL_H

#include "loader.h"

#include <stdint.h>

typedef enum value_kind {
    VALUE_STRING,
    VALUE_INT32,
    VALUE_INT64,
    VALUE_NUMBER,
    VALUE_BOOLEAN,
    VALUE_CONST,  /* a string literal: checked and written, never stored */
    VALUE_ENUM,
    VALUE_RECORD,
    VALUE_ARRAY,
    VALUE_MAP,
    VALUE_UNION,     /* a type list of primitives: the runtime's <prefix>_scalar */
    VALUE_OPEN_ENUM, /* anyOf [enum, string]: known constant or the text as it came */
    VALUE_ANY        /* any JSON value, kept as a cJSON tree */
} value_kind;

typedef enum type_kind {
    TYPE_RECORD,
    TYPE_ENUM,
    TYPE_MAP,
    TYPE_ARRAY, /* an array of arrays or maps; others use shared array types */
    TYPE_ONE_OF /* one of several records, told apart by discriminators */
} type_kind;

typedef struct model_type model_type;
typedef struct slot slot;

/* A place a value goes: a property's value, an array's items, a map's values.
 * Constraints belong to the slot, so one type can be constrained differently
 * in different places. */
struct slot {
    value_kind kind;
    mark at;
    const char *label; /* names the place in messages: "agentId", "roles[]" */
    const char *name;  /* unique C base name for this slot's functions */
    model_type *type;  /* ENUM, RECORD, MAP; ARRAY when the array type is generated */
    const char *array_type; /* ARRAY: the C type name of the array struct */
    slot *element;     /* ARRAY: the items */
    const char *const_value;
    unsigned union_types; /* UNION: bit (1 << schema_type) per member type */
    bool nullable;        /* a property's value that may be null */
    bool indirect;        /* RECORD: a pointer, since it closes a cycle of types */
    const ynode *default_value;
    schema_count min_length, max_length, min_items, max_items;
    schema_bound minimum, maximum, exclusive_minimum, exclusive_maximum;
};

typedef struct field {
    const char *json_name;
    const char *c_name;
    const char *description;
    mark at;
    bool required;
    slot *value;
} field;

/* One alternative of a oneOf: a record held in the type's union. */
typedef struct one_of_alternative {
    const char *member;   /* the union member: the record's C name without the prefix */
    const char *constant; /* the kind constant */
    mark at;
    slot *value;          /* VALUE_RECORD of a TYPE_RECORD */
} one_of_alternative;

/* A value a discriminator may hold, and the alternatives (bit i: alternative
 * i) that allow it. */
typedef struct dispatch_value {
    const char *text;
    uint64_t alternatives;
} dispatch_value;

/* A discriminator of a oneOf: a property path, and which alternatives each
 * value, absence, or anything at all leaves possible. */
typedef struct dispatch_path {
    const char **keys;
    size_t key_count;
    dispatch_value *values;
    size_t value_count;
    uint64_t absent;   /* alternatives that allow the property to be absent */
    uint64_t anything; /* alternatives that do not constrain it */
} dispatch_path;

struct model_type {
    type_kind kind;
    const char *c_name;
    const char *description;
    schema_doc *home; /* the file whose header defines it */
    mark at;
    /* TYPE_RECORD */
    field *fields;
    size_t field_count;
    bool strict; /* additionalProperties: false */
    model_type *extras; /* additionalProperties: <schema> beside properties: a TYPE_MAP */
    /* TYPE_MAP holding a record's additional properties: that record */
    const model_type *owner;
    /* TYPE_ENUM */
    const char **values;
    const char **constants;
    size_t value_count;
    bool open; /* an open enum: values outside the list are kept as text */
    /* TYPE_MAP (values) and TYPE_ARRAY (items) */
    slot *element;
    /* TYPE_RECORD: part of a cycle of types (some slot reaches it while its
     * fields are built), so each level it nests counts against the limit. */
    bool recursive;
    bool building; /* its fields are being built: a slot reaching it closes a cycle */
    /* TYPE_ONE_OF: the alternatives, and the discriminators that choose
     * among them, in the order decode reads them. */
    one_of_alternative *alternatives;
    size_t alternative_count;
    dispatch_path *dispatch;
    size_t dispatch_count;
    /* Bookkeeping for emission order. */
    unsigned visit;
};

/* Every C name the generated code defines, with what defined it, so that two
 * things can never end up with one name. */
typedef struct name_entry {
    const char *name;
    mark at;
} name_entry;

typedef struct model {
    const char *prefix;
    model_type **types;
    size_t count;
    size_t cap;
    name_entry *names;
    size_t name_count;
    size_t name_cap;
} model;

/* True for values held by pointer (strings, any values): NULL when an
 * optional one is absent, so they need no has_ flag. */
bool slot_is_pointer(const slot *sl);

/* Builds the model for every file the loader holds (their roots and $defs).
 * Returns false after reporting every error found. */
bool model_build(model *m, loader *l, const char *prefix);
void model_release(model *m);

/* The names (after "<prefix>_") the runtime defines, which no schema may take. */
const char *const *model_runtime_names(size_t *count);

/* Whether sl's C member is a pointer whose NULL means absent, so that an
 * optional property needs no has_ flag. */
bool slot_is_pointer(const slot *sl);

/* The types defined in doc's header, each after every type it holds by value. */
size_t model_types_of(const model *m, const schema_doc *doc, model_type **out);

#endif
