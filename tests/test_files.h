/* Reading test input files (Check tests). */
#ifndef TEST_FILES_H
#define TEST_FILES_H

#include <stddef.h>

/* The whole file, NUL-terminated (the NUL not counted in *len); release
 * with free(). A file that cannot be read fails the running Check test. */
char *read_test_file(const char *path, size_t *len);

#endif
