/* `default`: the value an absent optional property takes on decode. Checked
 * here against the property's own schema, so generated code can assign it
 * without checks of its own. */
#ifndef SCHEMAC_MODEL_DEFAULT_H
#define SCHEMAC_MODEL_DEFAULT_H

#include "model.h"

/* True when f has no default or a default that f's schema accepts;
 * otherwise reports why at the default's mark. */
bool model_check_default(diag *d, const field *f);

/* The schema_type a default stands for in a union: string, integer (a plain
 * integer literal), number or boolean. */
schema_type model_default_type(const ynode *value);

#endif
