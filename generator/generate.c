#include "generate.h"

#include "codegen_view.h"
#include "loader.h"
#include "model.h"

#include <string.h>

bool generate_prefix_ok(const char *prefix)
{
    size_t n = strlen(prefix);
    if (n == 0 || n > 32 || prefix[0] < 'a' || prefix[0] > 'z' || prefix[n - 1] == '_')
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = prefix[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    }
    return true;
}

static bool render(const generate_options *opts, output *out, arena *a, diag *d,
                   const char *template_name, const view *v, const char *file)
{
    strbuf text = STRBUF_INIT;
    bool ok = template_render(opts->templates, template_name, v, a, d, &text) &&
              output_file(out, file, strbuf_str(&text), text.len);
    strbuf_release(&text);
    return ok;
}

/* Two files with one stem would write over each other's output. */
static bool stems_distinct(const loader *l, const char *prefix, diag *d)
{
    bool ok = true;
    for (size_t i = 0; i < l->count; i++) {
        const schema_doc *doc = l->docs[i];
        mark at = {doc->path, 0, 0};
        for (size_t j = 0; j < i; j++) {
            if (strcmp(l->docs[j]->stem, doc->stem) == 0) {
                diag_error(d, at, "has the same name as '%s': both would generate %s.h",
                           l->docs[j]->path, doc->stem);
                ok = false;
            }
        }
        size_t n = strlen(prefix);
        if (strncmp(doc->stem, prefix, n) == 0 &&
            (strcmp(doc->stem + n, "_runtime") == 0 || strcmp(doc->stem + n, "_types") == 0)) {
            diag_error(d, at, "would overwrite the generated %s.h", doc->stem);
            ok = false;
        }
    }
    return ok;
}

static bool write_all(const generate_options *opts, const loader *l, const model *m,
                      arena *a, diag *d, output *out)
{
    bool ok = output_prepare(out);
    const view *rt = codegen_runtime_view(a, m);
    ok = ok && render(opts, out, a, d, "runtime.h", rt,
                      arena_printf(a, "%s_runtime.h", opts->prefix));
    ok = ok && render(opts, out, a, d, "runtime.c", rt,
                      arena_printf(a, "%s_runtime.c", opts->prefix));
    const view *types = codegen_types_view(a, m, (const schema_doc *const *)l->docs, l->count);
    ok = ok && render(opts, out, a, d, "types.h", types, arena_printf(a, "%s_types.h", opts->prefix));
    ok = ok && render(opts, out, a, d, "types.c", types, arena_printf(a, "%s_types.c", opts->prefix));
    for (size_t i = 0; ok && i < l->count; i++) {
        const schema_doc *doc = l->docs[i];
        const view *v = codegen_file_view(a, m, doc);
        ok = render(opts, out, a, d, "header.h", v, arena_printf(a, "%s.h", doc->stem)) &&
             render(opts, out, a, d, "source.c", v, arena_printf(a, "%s.c", doc->stem));
    }
    return ok;
}

generate_result generate(const generate_options *opts, diag *d)
{
    arena *a = arena_new();
    loader l;
    loader_init(&l, a, d);
    l.listed_only = opts->listed_only;
    for (size_t i = 0; i < opts->file_count; i++)
        loader_load(&l, opts->files[i]);
    model m;
    memset(&m, 0, sizeof m);
    bool ok = d->errors == 0 && model_build(&m, &l, opts->prefix);
    if (d->errors == 0)
        ok = stems_distinct(&l, opts->prefix, d);
    output out = {opts->out_dir, opts->mode, d, 0};
    if (ok && d->errors == 0)
        ok = write_all(opts, &l, &m, a, d, &out);
    model_release(&m);
    loader_release(&l);
    arena_free(a);
    if (!ok || d->errors > 0)
        return GENERATE_FAILED;
    return out.stale > 0 ? GENERATE_STALE : GENERATE_OK;
}
