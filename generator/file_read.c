#include "file_read.h"

#include "arena.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

unsigned char *read_whole_file(const char *path, size_t *len, int *err)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        *err = errno;
        return NULL;
    }
    unsigned char *buf = NULL;
    size_t n = 0;
    size_t cap = 0;
    *err = 0;
    errno = 0; /* so that a failed read without errno is told apart */
    while (*err == 0 && !feof(f) && !ferror(f)) {
        if (n == cap) {
            cap = cap != 0 ? cap * 2 : 16384;
            buf = xrealloc(buf, cap);
        }
        n += fread(buf + n, 1, cap - n, f);
        if (n > MAX_INPUT_FILE)
            *err = EFBIG;
    }
    if (*err == 0 && ferror(f))
        *err = errno != 0 ? errno : EIO;
    fclose(f);
    if (*err != 0) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}
