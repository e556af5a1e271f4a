/* schemac: compiles JSON Schema files written in YAML into a C library of
 * structs, decoders, encoders and validators. */
#include "generate.h"
#include "program_dir.h"
#include "template_dir.h"
#include "version.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { EXIT_ERRORS = 1, EXIT_USAGE = 2 };

static const char usage[] =
    "usage: schemac [--prefix NAME] [-o DIR] [--check] [--listed-only]\n"
    "               [--templates DIR] FILE.yaml...\n"
    "\n"
    "Generates <stem>.h and <stem>.c for every schema file (and every file they\n"
    "reach through $ref), plus <prefix>_runtime.h and .c, into DIR.\n"
    "\n"
    "  --prefix NAME  prefix of every generated C name (default: schemac);\n"
    "                 [a-z][a-z0-9_]*, at most 32 characters\n"
    "  -o DIR         output folder (default: .); created when missing\n"
    "  --check        write nothing; exit 1 when any output file in DIR is\n"
    "                 missing or differs from what would be generated\n"
    "  --listed-only  every file reached through $ref must also be named, so a\n"
    "                 build system knows all outputs from the list it passes\n"
    "  --templates DIR\n"
    "                 read the templates from DIR (default: the\n"
    "                 share/schemac/templates folder beside bin/schemac)\n"
    "  --help         show this help\n"
    "  --version      show the version\n"
    "\n"
    "Errors are reported as FILE:LINE:COLUMN: error: MESSAGE; exit status 1.\n"
    "Usage errors exit with status 2.\n";

static int usage_error(const char *fmt, const char *arg)
{
    fputs("schemac: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'schemac --help'.\n", stderr);
    return EXIT_USAGE;
}

/* Loads the templates, then generates. */
static int run(generate_options *opts, const char *templates_dir, const char *argv0)
{
    arena *a = arena_new();
    diag d;
    diag_init(&d, stderr);
    if (templates_dir == NULL)
        templates_dir = program_templates_dir(a, argv0);
    template_set templates;
    int status = EXIT_ERRORS;
    if (templates_dir == NULL) {
        fputs("schemac: cannot find schemac's own path to locate its templates: "
              "pass --templates DIR\n", stderr);
    } else if (template_dir_load(a, &d, templates_dir, &templates)) {
        opts->templates = &templates;
        generate_result r = generate(opts, &d);
        if (r == GENERATE_STALE)
            fprintf(stderr, "schemac: %s is stale: run schemac without --check\n",
                    opts->out_dir);
        status = r == GENERATE_OK ? EXIT_SUCCESS : EXIT_ERRORS;
    }
    arena_free(a);
    return status;
}

int main(int argc, char **argv)
{
    generate_options opts = {"schemac", ".", OUTPUT_WRITE, false, NULL, 0, NULL};
    const char *templates_dir = NULL;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    if (files == NULL)
        return EXIT_ERRORS;
    int status = -1;
    bool options_done = false;
    for (int i = 1; i < argc && status < 0; i++) {
        const char *arg = argv[i];
        if (options_done || arg[0] != '-' || strcmp(arg, "-") == 0) {
            files[opts.file_count++] = arg;
        } else if (strcmp(arg, "--") == 0) {
            options_done = true;
        } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(usage, stdout);
            status = EXIT_SUCCESS;
        } else if (strcmp(arg, "--version") == 0) {
            puts("schemac " SCHEMAC_VERSION);
            status = EXIT_SUCCESS;
        } else if (strcmp(arg, "--check") == 0) {
            opts.mode = OUTPUT_CHECK;
        } else if (strcmp(arg, "--listed-only") == 0) {
            opts.listed_only = true;
        } else if (strcmp(arg, "--prefix") == 0 || strcmp(arg, "-o") == 0 ||
                   strcmp(arg, "--templates") == 0) {
            if (i + 1 >= argc)
                status = usage_error("%s needs a value", arg);
            else if (arg[1] == 'o')
                opts.out_dir = argv[++i];
            else if (strcmp(arg, "--prefix") == 0)
                opts.prefix = argv[++i];
            else
                templates_dir = argv[++i];
        } else {
            status = usage_error("unknown option '%s'", arg);
        }
    }
    if (status < 0 && !generate_prefix_ok(opts.prefix))
        status = usage_error("invalid prefix '%s': use [a-z][a-z0-9_]*, at most 32 "
                             "characters, not ending in '_'", opts.prefix);
    if (status < 0 && opts.file_count == 0)
        status = usage_error("%s", "no schema files given");
    if (status < 0) {
        opts.files = files;
        status = run(&opts, templates_dir, argv[0]);
    }
    free(files);
    return status;
}
