/* The template view of a record's key dispatch: its property names grouped
 * by byte length, so that generated code finds a member's property with a
 * switch on the key's length and a memcmp per name of that length
 * (templates/record_keys.tmpl). */
#ifndef SCHEMAC_CODEGEN_KEYS_H
#define SCHEMAC_CODEGEN_KEYS_H

#include "model.h"
#include "view.h"

/* Sets key_lengths (each: length, keys; each key: json_literal,
 * field_index), has_fields and field_count on v, the struct view of the
 * TYPE_RECORD t. A field's index is its position in t->fields. */
void codegen_keys(arena *a, view *v, const model_type *t);

#endif
