/* Bump allocator for the generator: every phase allocates its trees here and
 * the whole lot is released at once, so error paths never have to unwind. */
#ifndef SCHEMAC_ARENA_H
#define SCHEMAC_ARENA_H

#include <stddef.h>

typedef struct arena arena;

arena *arena_new(void);
void arena_free(arena *a);

/* Zeroed, aligned for any type. Out of memory ends the program with a
 * message: schemac is a build tool and has nothing sensible to fall back to. */
void *arena_alloc(arena *a, size_t size);
void *arena_alloc_array(arena *a, size_t count, size_t size);
char *arena_strndup(arena *a, const char *s, size_t len);
char *arena_strdup(arena *a, const char *s);
char *arena_printf(arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Out-of-memory handler shared with strbuf. */
void *xrealloc(void *p, size_t size);
_Noreturn void out_of_memory(void);

#endif
