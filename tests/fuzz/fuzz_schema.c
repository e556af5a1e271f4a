/* libFuzzer target: the whole generator (yaml_tree, schema, loader, merge,
 * model, codegen, templates) on hostile schema files, in-process through
 * generate(), so that sanitizers see every crash, leak and bit of undefined
 * behaviour.
 *
 * The input is a.yaml; a line "#@b.yaml" splits off the rest as b.yaml, so
 * that $ref between two files is exercised too (a.yaml is the file named on
 * the "command line"). Output is compared in check mode against a folder
 * that does not exist, so every template is rendered but nothing written. */
#include "generate.h"
#include "template_dir.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SPLIT_LINE "\n#@b.yaml\n"

typedef struct paths {
    char a[512];
    char b[512];
    char out[512];
} paths;

/* One temporary folder for the whole run: creating one per input would
 * cost more than most inputs take to generate. */
static const paths *fuzz_paths(void)
{
    static paths p;
    static int ready;
    if (!ready) {
        const char *tmp = getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp";
        char dir[400];
        snprintf(dir, sizeof dir, "%s/fuzz_schema-XXXXXX", tmp);
        if (mkdtemp(dir) == NULL) {
            perror("fuzz_schema: mkdtemp");
            abort();
        }
        snprintf(p.a, sizeof p.a, "%s/a.yaml", dir);
        snprintf(p.b, sizeof p.b, "%s/b.yaml", dir);
        snprintf(p.out, sizeof p.out, "%s/out", dir);
        ready = 1;
    }
    return &p;
}

/* The templates, read once from the source tree: reading them per input
 * would be most of the work. The arena lives as long as the process. */
static const template_set *fuzz_templates(void)
{
    static template_set set;
    static arena *a; /* kept so that leak checkers see the templates reachable */
    static int ready;
    if (!ready) {
        diag d;
        diag_init(&d, stderr);
        a = arena_new();
        if (!template_dir_load(a, &d, TEMPLATES_DIR, &set))
            abort();
        ready = 1;
    }
    return &set;
}

static void write_file(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
        perror(path);
        abort();
    }
}

/* memmem without _GNU_SOURCE. */
static const uint8_t *find(const uint8_t *data, size_t size, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= size; i++)
        if (memcmp(data + i, needle, n) == 0)
            return data + i;
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const paths *p = fuzz_paths();
    const uint8_t *split = find(data, size, SPLIT_LINE);
    if (split != NULL) {
        size_t head = (size_t)(split - data) + 1; /* keep a.yaml's last newline */
        size_t skip = head + strlen(SPLIT_LINE) - 1;
        write_file(p->a, data, head);
        write_file(p->b, data + skip, size - skip);
    } else {
        write_file(p->a, data, size);
        unlink(p->b); /* a $ref to it must not see the last input's b.yaml */
    }

    const char *files[] = {p->a};
    generate_options opts = {"f", p->out, OUTPUT_CHECK, false, files, 1, fuzz_templates()};
    char *messages = NULL;
    size_t length = 0;
    FILE *out = open_memstream(&messages, &length);
    if (out == NULL)
        abort();
    diag d;
    diag_init(&d, out);
    generate_result r = generate(&opts, &d);
    fclose(out);
    /* Failing must be reported, and reporting means failing. */
    if ((r == GENERATE_FAILED) != (d.errors > 0)) {
        fprintf(stderr, "fuzz_schema: result %d with %u errors:\n%s", (int)r, d.errors,
                messages);
        abort();
    }
    free(messages);
    return 0;
}
