#include "program_dir.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The real path of the running executable, or NULL. */
static const char *own_path(arena *a, const char *argv0)
{
    char path[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path);
    if (n > 0 && (size_t)n < sizeof path) { /* a full buffer may be cut short */
        path[n] = '\0';
        return arena_strdup(a, path);
    }
    /* Without /proc, argv[0] names the program when it holds a '/';
     * a bare name came from a PATH search that we do not repeat. */
    if (argv0 == NULL || strchr(argv0, '/') == NULL || realpath(argv0, path) == NULL)
        return NULL;
    return arena_strdup(a, path);
}

/* s without its last n path components ("/a/b/c", 2 -> "/a"). */
static char *strip_components(char *s, int n)
{
    for (int i = 0; i < n; i++) {
        char *slash = strrchr(s, '/');
        if (slash == NULL)
            return NULL;
        *slash = '\0';
    }
    return s;
}

const char *program_templates_dir(arena *a, const char *argv0)
{
    const char *exe = own_path(a, argv0);
    if (exe == NULL)
        return NULL;
    char *prefix = strip_components(arena_strdup(a, exe), 2); /* drop bin/schemac */
    if (prefix == NULL)
        return NULL;
    return arena_printf(a, "%s/share/schemac/templates", prefix);
}
