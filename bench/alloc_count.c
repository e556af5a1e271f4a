/* alloc_count.c: counting allocators for the benchmark.
 *
 * cJSON's hooks take no context, and GNU ld's --wrap=malloc replaces a
 * symbol, so the counts are one process-wide object: acceptable in a
 * single-threaded benchmark program, never in the library. */
#include "alloc_count.h"

#include <stdlib.h>

#include <cjson/cJSON.h>

static alloc_counts counts;

#ifdef BENCH_WRAP_MALLOC
/* Every malloc call of the wcc library and of this program lands here (the
 * linker's --wrap=malloc); the counting allocators below call the real one
 * so that nothing is counted twice. */
void *__real_malloc(size_t size);
void *__wrap_malloc(size_t size);

void *__wrap_malloc(size_t size)
{
    counts.malloc++;
    return __real_malloc(size);
}

static void *raw_malloc(size_t size)
{
    return __real_malloc(size);
}
#else
static void *raw_malloc(size_t size)
{
    return malloc(size);
}
#endif

bool alloc_count_malloc_counted(void)
{
#ifdef BENCH_WRAP_MALLOC
    return true;
#else
    return false;
#endif
}

alloc_counts alloc_counts_now(void)
{
    return counts;
}

alloc_counts alloc_counts_diff(alloc_counts after, alloc_counts before)
{
    return (alloc_counts){ after.cjson - before.cjson, after.wcc - before.wcc,
                           after.malloc - before.malloc };
}

size_t alloc_counts_total(alloc_counts c)
{
    return c.cjson + c.wcc + c.malloc;
}

static void *cjson_counting_malloc(size_t size)
{
    counts.cjson++;
    return raw_malloc(size);
}

void alloc_count_cjson(bool counting)
{
    if (counting) {
        cJSON_Hooks hooks = { cjson_counting_malloc, free };
        cJSON_InitHooks(&hooks);
    } else {
        cJSON_InitHooks(NULL);
    }
}

static void *wcc_counting_alloc(void *ctx, size_t size)
{
    ((alloc_counts *)ctx)->wcc++;
    return raw_malloc(size);
}

static void wcc_counting_free(void *ctx, void *ptr)
{
    (void)ctx;
    free(ptr);
}

const wcc_allocator *alloc_count_wcc_allocator(void)
{
    static const wcc_allocator allocator = { wcc_counting_alloc, wcc_counting_free, &counts };
    return &allocator;
}
