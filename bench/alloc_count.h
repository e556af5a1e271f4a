/* alloc_count.h: counts the allocations an operation makes, by source. */
#ifndef BENCH_ALLOC_COUNT_H
#define BENCH_ALLOC_COUNT_H

#include <stdbool.h>
#include <stddef.h>

#include "wcc_runtime.h"

/* Allocations (not frees) seen so far, by the route they took. */
typedef struct alloc_counts {
    size_t cjson;  /* through cJSON's hooks (cJSON_InitHooks) */
    size_t wcc;    /* through the wcc_allocator of wcc_options */
    size_t malloc; /* plain malloc from the wcc library: the default allocator
                    * of the functions that take no options (from_cjson,
                    * validate); counted only when bench_malloc_counted() */
} alloc_counts;

/* The counts so far. */
alloc_counts alloc_counts_now(void);
/* after - before, field by field. */
alloc_counts alloc_counts_diff(alloc_counts after, alloc_counts before);
size_t alloc_counts_total(alloc_counts c);

/* Installs cJSON hooks that count (true) or cJSON's own malloc/free (false).
 * Counting hooks cost cJSON its realloc fast path, so timing runs uncounted. */
void alloc_count_cjson(bool counting);
/* An allocator for wcc_options that counts into the same totals. */
const wcc_allocator *alloc_count_wcc_allocator(void);
/* True when the build wraps malloc (GNU ld --wrap), so the "malloc" counts
 * are real; false means they stay 0. */
bool alloc_count_malloc_counted(void);

#endif
