/* Reading an input file (a schema or a template) whole. */
#ifndef SCHEMAC_FILE_READ_H
#define SCHEMAC_FILE_READ_H

#include <stddef.h>

/* Largest file read, so that a path such as /dev/zero cannot take all
 * memory: schemas and templates are a few kilobytes. */
#define MAX_INPUT_FILE (16u << 20)

/* The whole content of a file, malloc'd; NULL with *err set to an errno value
 * when it cannot be read (EFBIG beyond MAX_INPUT_FILE bytes). */
unsigned char *read_whole_file(const char *path, size_t *len, int *err);

#endif
