/* agree_decode: runs a generated library's decoders over messages, for the
 * ajv agreement test (tests/agree). Written against the library's registry of
 * message types only, so it serves every library and every schema: compile it
 * with AGREE_PREFIX set to the library's prefix plus '_' (kw_) and
 * AGREE_TYPES_H to its registry header ("kw_types.h").
 *
 *   agree_decode --list       one JSON line per registered type:
 *                             {"name", "schema_file", "schema_pointer"}
 *   agree_decode MESSAGES     decodes each message with its type's decode and
 *                             default options; one JSON line per message:
 *                             {"status"} or {"status", "path", "offset", "message"}
 *
 * MESSAGES holds, for each message, a line "<type name> <byte length>", then
 * exactly that many bytes of text, then a newline. Each text is decoded from
 * a heap copy of exactly its length, so a read past its end is caught by
 * ASan. */
#include AGREE_TYPES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AGREE_CAT_(a, b) a##b
#define AGREE_CAT(a, b) AGREE_CAT_(a, b)
#define P(name) AGREE_CAT(AGREE_PREFIX, name)

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "agree_decode: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(2);
}

/* s as a JSON string. Bytes from 0x80 up pass through: they come from valid
 * UTF-8 input (a path cut short may end inside a character; JSON.parse then
 * reads U+FFFD). */
static void put_json_string(const char *s)
{
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            printf("\\%c", *p);
        else if (*p < 0x20 || *p == 0x7f)
            printf("\\u%04x", *p);
        else
            putchar(*p);
    }
    putchar('"');
}

static void list_types(void)
{
    for (size_t i = 0; i < P(message_type_count); i++) {
        const P(message_type) *t = P(message_types)[i];
        fputs("{\"name\":", stdout);
        put_json_string(t->name);
        fputs(",\"schema_file\":", stdout);
        put_json_string(t->schema_file);
        fputs(",\"schema_pointer\":", stdout);
        if (t->schema_pointer)
            put_json_string(t->schema_pointer);
        else
            fputs("null", stdout);
        fputs("}\n", stdout);
    }
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die("cannot open", path);
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        die("out of memory", NULL);
    for (;;) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *bigger = realloc(buf, cap *= 2);
        if (!bigger)
            die("out of memory", NULL);
        buf = bigger;
    }
    if (ferror(f))
        die("cannot read", path);
    fclose(f);
    *len = n;
    return buf;
}

static void decode_one(const P(message_type) *t, const char *text, size_t len)
{
    char *copy = malloc(len ? len : 1);
    void *m = malloc(t->size);
    if (!copy || !m)
        die("out of memory", NULL);
    memcpy(copy, text, len);
    t->init(m);
    P(error) err;
    P(status) status = t->decode(copy, len, m, NULL, &err);
    fputs("{\"status\":", stdout);
    put_json_string(P(status_name)(status));
    if (status != 0) {
        fputs(",\"path\":", stdout);
        put_json_string(err.path);
        printf(",\"offset\":%zu,\"truncated\":%s,\"message\":", err.offset,
               err.path_truncated ? "true" : "false");
        put_json_string(err.message);
    }
    fputs("}\n", stdout);
    t->free(m);
    free(m);
    free(copy);
}

static void decode_all(const char *path)
{
    size_t size;
    char *data = read_file(path, &size);
    const P(message_type) *t = NULL;
    for (size_t at = 0; at < size;) {
        const char *eol = memchr(data + at, '\n', size - at);
        if (!eol)
            die("header line without newline in", path);
        char header[512];
        size_t hlen = (size_t)(eol - (data + at));
        if (hlen >= sizeof header)
            die("header line too long in", path);
        memcpy(header, data + at, hlen);
        header[hlen] = '\0';
        char *space = strrchr(header, ' ');
        if (!space)
            die("bad header line", header);
        *space = '\0';
        char *end;
        size_t len = strtoull(space + 1, &end, 10);
        if (*end != '\0')
            die("bad length in header line", space + 1);
        at += hlen + 1;
        if (len > size - at || size - at - len < 1 || data[at + len] != '\n')
            die("message shorter than its header says in", path);
        if (!t || strcmp(t->name, header) != 0) {
            t = P(message_type_find)(header);
            if (!t)
                die("unknown message type", header);
        }
        decode_one(t, data + at, len);
        at += len + 1;
    }
    free(data);
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--list") == 0)
        list_types();
    else if (argc == 2)
        decode_all(argv[1]);
    else
        die("usage: agree_decode --list | agree_decode MESSAGES", NULL);
    if (fflush(stdout) != 0 || ferror(stdout))
        die("cannot write the results", NULL);
    return 0;
}
