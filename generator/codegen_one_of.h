/* The template view of a oneOf type: its kind constants, union members and
 * discriminator tables (templates/one_of_*.tmpl). */
#ifndef SCHEMAC_CODEGEN_ONE_OF_H
#define SCHEMAC_CODEGEN_ONE_OF_H

#include "model.h"
#include "view.h"

/* Sets kind, alternatives, dispatch, has_dispatch, path_count and
 * alternative_count on v, the struct view of the TYPE_ONE_OF t. */
void codegen_one_of(arena *a, view *v, const model_type *t);

#endif
