/* allOf: the object schemas of every branch merged into one record schema,
 * the way Msg<T> is refined into StationLoginSuccess. */
#ifndef SCHEMAC_MERGE_H
#define SCHEMAC_MERGE_H

#include "loader.h"

/* Follows s's $ref chain to the schema that holds the content. NULL after an
 * error. *defname receives the $defs key of the last hop (NULL for a file
 * root or when s has no $ref). */
schema *merge_follow_refs(loader *l, schema *s, const char **defname);

/* A new object schema for s (which has allOf): its branches' properties in
 * order (a property declared in two branches merged the same way), required
 * names united. Title and description are s's own. NULL after an error. */
schema *merge_all_of(loader *l, schema *s);

#endif
