#include "template_dir.h"

#include "file_read.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char suffix[] = ".tmpl";

static bool is_template_name(const char *file)
{
    size_t n = strlen(file);
    return file[0] != '.' && n > sizeof suffix - 1 &&
           strcmp(file + n - (sizeof suffix - 1), suffix) == 0;
}

static int by_name(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* The NAME.tmpl files of dir, sorted; an error when the folder cannot be read. */
static char **list_templates(arena *a, diag *d, const char *dir, size_t *count)
{
    DIR *folder = opendir(dir);
    if (folder == NULL) {
        diag_error(d, (mark){dir, 0, 0}, "cannot read the templates folder: %s", strerror(errno));
        return NULL;
    }
    char **names = NULL;
    size_t cap = 0;
    *count = 0;
    for (;;) {
        errno = 0; /* readdir's NULL means the end, or an error when errno is set */
        struct dirent *e = readdir(folder);
        if (e == NULL)
            break;
        if (!is_template_name(e->d_name))
            continue;
        if (*count == cap) {
            cap = cap != 0 ? cap * 2 : 32;
            char **grown = arena_alloc_array(a, cap, sizeof *grown);
            if (*count > 0)
                memcpy(grown, names, *count * sizeof *names);
            names = grown;
        }
        names[(*count)++] = arena_strdup(a, e->d_name);
    }
    int err = errno;
    closedir(folder);
    if (err != 0) {
        diag_error(d, (mark){dir, 0, 0}, "cannot read the templates folder: %s", strerror(err));
        return NULL;
    }
    if (*count > 0)
        qsort(names, *count, sizeof *names, by_name);
    return names;
}

static bool read_template(arena *a, diag *d, const char *dir, const char *file,
                          template_source *out)
{
    const char *path = arena_printf(a, "%s/%s", dir, file);
    size_t len = 0;
    int err = 0;
    unsigned char *bytes = read_whole_file(path, &len, &err);
    if (bytes == NULL) {
        diag_error(d, (mark){path, 0, 0}, "cannot read: %s", strerror(err));
        return false;
    }
    out->name = arena_strndup(a, file, strlen(file) - (sizeof suffix - 1));
    out->text = arena_strndup(a, (const char *)bytes, len);
    out->len = len;
    free(bytes);
    return true;
}

bool template_dir_load(arena *a, diag *d, const char *dir, template_set *out)
{
    size_t count = 0;
    unsigned errors = d->errors;
    char **names = list_templates(a, d, dir, &count);
    if (d->errors > errors)
        return false;
    if (count == 0) {
        diag_error(d, (mark){dir, 0, 0}, "no templates (*%s files) in the templates folder", suffix);
        return false;
    }
    template_source *items = arena_alloc_array(a, count, sizeof *items);
    for (size_t i = 0; i < count; i++)
        if (!read_template(a, d, dir, names[i], &items[i]))
            return false;
    out->items = items;
    out->count = count;
    return true;
}
