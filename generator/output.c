#include "output.h"

#include "arena.h"
#include "strbuf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* mkdir -p: build systems name output folders inside folders that may not
 * exist yet. False with errno set. */
static bool make_folders(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) == 0) {
        errno = ENOTDIR;
        return S_ISDIR(st.st_mode);
    }
    const char *slash = strrchr(dir, '/');
    if (slash != NULL && slash != dir) {
        strbuf parent = STRBUF_INIT;
        strbuf_append(&parent, dir, (size_t)(slash - dir));
        bool made = make_folders(strbuf_str(&parent));
        strbuf_release(&parent);
        if (!made)
            return false;
    }
    if (mkdir(dir, 0777) == 0)
        return true;
    /* Made meanwhile by another process: fine if it is a folder. */
    if (errno == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
        return true;
    if (errno == EEXIST)
        errno = ENOTDIR;
    return false;
}

bool output_prepare(output *o)
{
    if (o->mode == OUTPUT_CHECK)
        return true;
    if (make_folders(o->dir))
        return true;
    mark at = {o->dir, 0, 0};
    diag_error(o->d, at, "cannot create output folder: %s", strerror(errno));
    return false;
}

/* True when path holds exactly text[0..len). */
static bool same_content(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return false;
    char chunk[8192];
    size_t seen = 0, n;
    bool same = true;
    while (same && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        same = seen + n <= len && memcmp(chunk, text + seen, n) == 0;
        seen += n;
    }
    same = same && !ferror(f) && seen == len;
    fclose(f);
    return same;
}

/* Writes to a temporary file then renames it over path, so a reader never
 * sees half a file. */
static bool replace_file(output *o, const char *path, const char *text, size_t len)
{
    char *tmp = xrealloc(NULL, strlen(path) + 16);
    sprintf(tmp, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    bool ok = f != NULL;
    if (ok) {
        ok = fwrite(text, 1, len, f) == len;
        ok = fclose(f) == 0 && ok;
        ok = ok && rename(tmp, path) == 0;
        if (!ok)
            remove(tmp);
    }
    if (!ok) {
        mark at = {path, 0, 0};
        diag_error(o->d, at, "cannot write: %s", strerror(errno));
    }
    free(tmp);
    return ok;
}

bool output_file(output *o, const char *name, const char *text, size_t len)
{
    strbuf path = STRBUF_INIT;
    strbuf_printf(&path, "%s/%s", o->dir, name);
    bool ok = true;
    if (!same_content(strbuf_str(&path), text, len)) {
        if (o->mode == OUTPUT_CHECK) {
            if (o->d->out != NULL)
                fprintf(o->d->out, "%s: differs from what schemac generates\n",
                        strbuf_str(&path));
            o->stale++;
        } else {
            ok = replace_file(o, strbuf_str(&path), text, len);
        }
    }
    strbuf_release(&path);
    return ok;
}
