#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ARENA_BLOCK_SIZE = 64 * 1024 };

typedef struct arena_block {
    struct arena_block *next;
    size_t used;
    size_t size;
    max_align_t data[];
} arena_block;

struct arena {
    arena_block *blocks;
};

_Noreturn void out_of_memory(void)
{
    fputs("schemac: error: out of memory\n", stderr);
    exit(EXIT_FAILURE);
}

void *xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (q == NULL)
        out_of_memory();
    return q;
}

arena *arena_new(void)
{
    arena *a = calloc(1, sizeof *a);
    if (a == NULL)
        out_of_memory();
    return a;
}

void arena_free(arena *a)
{
    if (a == NULL)
        return;
    arena_block *b = a->blocks;
    while (b != NULL) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

static size_t round_up(size_t n)
{
    size_t align = sizeof(max_align_t);
    return (n + align - 1) / align * align;
}

void *arena_alloc(arena *a, size_t size)
{
    if (size > SIZE_MAX / 2)
        out_of_memory();
    size = round_up(size ? size : 1);
    arena_block *b = a->blocks;
    if (b == NULL || b->size - b->used < size) {
        size_t cap = size > ARENA_BLOCK_SIZE ? size : ARENA_BLOCK_SIZE;
        b = malloc(sizeof *b + cap);
        if (b == NULL)
            out_of_memory();
        b->size = cap;
        b->used = 0;
        b->next = a->blocks;
        a->blocks = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

void *arena_alloc_array(arena *a, size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / 2 / size)
        out_of_memory();
    return arena_alloc(a, count * size);
}

char *arena_strndup(arena *a, const char *s, size_t len)
{
    char *p = arena_alloc(a, len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_printf(arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        out_of_memory();
    char *p = arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
