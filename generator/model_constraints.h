/* What a slot's schema may say about its values: which keywords apply to
 * which kind of value, and bounds and lengths that some value can meet. */
#ifndef SCHEMAC_MODEL_CONSTRAINTS_H
#define SCHEMAC_MODEL_CONSTRAINTS_H

#include "model.h"

/* Refuses keywords that do not apply to the kind of value (minLength on an
 * integer, items on an object): JSON Schema would silently ignore them. */
bool model_check_applicable(diag *d, const schema *s, value_kind kind);

/* Copies s's lengths, counts and bounds to sl, refusing integer bounds that
 * are not integers and bounds or lengths that no value can meet. */
bool model_copy_constraints(diag *d, slot *sl, const schema *s);

#endif
