/* The template views of one run: the model turned into the names and flags
 * that templates/ refers to. All C-specific text (literals, comments, type
 * spellings) is decided here; all code shape is decided by the templates. */
#ifndef SCHEMAC_CODEGEN_VIEW_H
#define SCHEMAC_CODEGEN_VIEW_H

#include "model.h"
#include "view.h"

/* The view for <stem>.h and <stem>.c of doc. */
view *codegen_file_view(arena *a, const model *m, const schema_doc *doc);

/* The view for <prefix>_runtime.h and .c. */
view *codegen_runtime_view(arena *a, const model *m);

/* The view for <prefix>_types.h and .c: every record type of the run. */
view *codegen_types_view(arena *a, const model *m, const schema_doc *const *docs, size_t doc_count);

#endif
