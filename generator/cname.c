#include "cname.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alnum(char c) { return is_upper(c) || is_lower(c) || is_digit(c); }

/* A word starts at an upper-case letter that follows a lower-case letter or
 * digit ("camelCase"), or that ends an acronym ("HTTPServer": the S). */
static bool starts_word(const char *s, size_t i)
{
    if (i == 0 || !is_upper(s[i]))
        return false;
    char prev = s[i - 1];
    if (is_lower(prev) || is_digit(prev))
        return true;
    return is_upper(prev) && is_lower(s[i + 1]);
}

char *cname_snake(arena *a, const char *json_name)
{
    size_t n = strlen(json_name);
    char *out = arena_alloc(a, 2 * n + 2);
    size_t o = 0;
    bool pending_sep = false;
    for (size_t i = 0; i < n; i++) {
        char c = json_name[i];
        if (!is_alnum(c)) {
            pending_sep = o > 0;
            continue;
        }
        if ((pending_sep || starts_word(json_name, i)) && o > 0 && out[o - 1] != '_')
            out[o++] = '_';
        pending_sep = false;
        out[o++] = (char)tolower((unsigned char)c);
    }
    if (o == 0)
        return NULL;
    if (is_digit(out[0])) {
        memmove(out + 1, out, o);
        out[0] = '_';
        o++;
    }
    out[o] = '\0';
    return out;
}

/* C11 and C++ keywords, identifiers the C library may define as macros, and
 * the macros gcc predefines outside strict ISO mode (unix, linux, i386), so
 * that a generated member never breaks either language or mode. */
static const char *const reserved[] = {
    "alignas", "alignof", "and", "and_eq", "asm", "assert", "atomic_cancel",
    "atomic_commit", "atomic_noexcept", "auto", "bitand", "bitor", "bool",
    "break", "case", "catch", "char", "char16_t", "char32_t", "char8_t",
    "class", "co_await", "co_return", "co_yield", "compl", "complex", "concept",
    "const", "const_cast", "consteval", "constexpr", "constinit", "continue",
    "decltype", "default", "delete", "do", "double", "dynamic_cast", "else",
    "enum", "errno", "explicit", "export", "extern", "false", "float", "for",
    "friend", "goto", "i386", "if", "imaginary", "inline", "int", "linux", "long", "mutable",
    "namespace", "new", "noexcept", "noreturn", "not", "not_eq", "nullptr",
    "offsetof", "operator", "or", "or_eq", "private", "protected", "public",
    "reflexpr", "register", "reinterpret_cast", "requires", "restrict",
    "return", "setjmp", "short", "signed", "sizeof", "static", "static_assert",
    "static_cast", "stderr", "stdin", "stdout", "struct", "switch",
    "synchronized", "template", "this", "thread_local", "throw", "true", "try",
    "typedef", "typeid", "typename", "union", "unix", "unsigned", "using", "va_arg",
    "va_end", "va_start", "virtual", "void", "volatile", "wchar_t", "while",
    "xor", "xor_eq",
};

char *cname_member(arena *a, const char *json_name)
{
    char *name = cname_snake(a, json_name);
    if (name == NULL)
        return NULL;
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
        if (strcmp(name, reserved[i]) == 0)
            return arena_printf(a, "%s_", name);
    return name;
}

char *cname_upper(arena *a, const char *snake)
{
    char *out = arena_strdup(a, snake);
    for (char *p = out; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    return out;
}
