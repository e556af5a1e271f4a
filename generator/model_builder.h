/* What model.c shares with the files that build one kind of model type
 * (model_one_of.c): the builder's state and the steps every type uses. Not
 * for the phases after the model. */
#ifndef SCHEMAC_MODEL_BUILDER_H
#define SCHEMAC_MODEL_BUILDER_H

#include "model.h"

typedef struct builder {
    model *m;
    loader *l;
    arena *a;
    diag *d;
} builder;

/* Takes C name `name` for the thing at `at`; false (reported) when it is taken. */
bool model_claim(builder *b, const char *name, mark at);
/* model_claim of base and of base_<suffix> for each suffix of the NULL-ended list. */
bool model_claim_with(builder *b, const char *base, const char *const *suffixes, mark at);
/* A new type of the model, described and placed like s. */
model_type *model_new_type(builder *b, type_kind kind, const char *c_name, const schema *s);
/* The slot of the value s describes; inline types in it are named `name`. */
slot *model_build_slot(builder *b, schema *s, const char *name, const char *label);

/* The TYPE_ONE_OF type of s (which has oneOf), named c_name (model_one_of.c).
 * NULL after reporting every problem. */
model_type *model_build_one_of(builder *b, schema *s, const char *c_name);

#endif
