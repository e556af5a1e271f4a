#include "c_text.h"

#include "strbuf.h"

#include <string.h>

char *c_literal(arena *a, const char *text)
{
    strbuf b = STRBUF_INIT;
    strbuf_putc(&b, '"');
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == '"' || *p == '\\' || *p == '?')
            strbuf_printf(&b, "\\%c", *p);
        else if (*p < 0x20 || *p >= 0x7f)
            strbuf_printf(&b, "\\%03o", *p); /* octal stops after 3 digits */
        else
            strbuf_putc(&b, (char)*p);
    }
    strbuf_putc(&b, '"');
    char *out = arena_strdup(a, strbuf_str(&b));
    strbuf_release(&b);
    return out;
}

char *c_comment_text(arena *a, const char *text)
{
    strbuf b = STRBUF_INIT;
    for (const char *p = text; *p; p++) {
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            strbuf_putc(&b, ' ');
        else if ((p[0] == '*' && p[1] == '/') || (p[0] == '/' && p[1] == '*'))
            strbuf_printf(&b, "%c ", *p); /* break the delimiter */
        else
            strbuf_putc(&b, *p);
    }
    char *out = arena_strdup(a, strbuf_str(&b));
    strbuf_release(&b);
    return out;
}

static void add_line(arena *a, view *v, const char *start, size_t len)
{
    while (len > 0 && start[len - 1] == ' ')
        len--;
    view_set_str(view_add(v, "doc_lines"), "text", arena_strndup(a, start, len));
}

/* Splits one paragraph into lines of at most width columns at spaces. */
static size_t wrap(arena *a, view *v, const char *text, size_t width)
{
    size_t lines = 0;
    while (*text) {
        while (*text == ' ')
            text++;
        size_t len = strlen(text);
        size_t cut = len;
        if (len > width) {
            cut = width;
            while (cut > 0 && text[cut] != ' ')
                cut--;
            if (cut == 0) /* one long word: keep it whole */
                for (cut = width; text[cut] && text[cut] != ' '; cut++) {}
        }
        if (cut > 0) {
            add_line(a, v, text, cut);
            lines++;
        }
        text += cut;
    }
    return lines;
}

void c_doc_comment(arena *a, view *v, const char *text, const char *indent)
{
    view_set_str(v, "indent", indent);
    view_set_bool(v, "doc_one", false);
    view_set_bool(v, "doc_many", false);
    view_set_list(v, "doc_lines");
    if (text == NULL || *text == '\0')
        return;
    size_t width = 80 - strlen(indent) - 3;
    size_t lines = 0;
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        char *clean = c_comment_text(a, arena_strndup(a, line, len));
        size_t added = wrap(a, v, clean, width);
        if (added == 0 && lines > 0) {
            add_line(a, v, "", 0); /* keep paragraph breaks */
            added = 1;
        }
        lines += added;
        line += len + (end != NULL);
    }
    if (lines == 1 && strlen(text) + strlen(indent) + 7 <= 80) {
        view_set_bool(v, "doc_one", true);
        view_set_str(v, "doc_text", c_comment_text(a, text));
    } else if (lines > 0) {
        view_set_bool(v, "doc_many", true);
    }
}
