/* libFuzzer target for every generated decode function of one schema set.
 *
 * Built once per prefix (FUZZ_PREFIX, TYPES_HEADER); the message type is
 * picked at start-up by the FUZZ_MESSAGE environment variable, so a new
 * schema's types join without a new target (FUZZ_MESSAGE=list prints
 * them). Properties checked on every
 * input:
 *   - decode either succeeds, or fails with err.code == its result, a
 *     message, and the output left zeroed;
 *   - a decoded message encodes, the text decodes again to an equal message,
 *     and encoding that gives the same bytes. */
#include TYPES_HEADER

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define P(name) CAT(FUZZ_PREFIX, name)

static const P(_message_type) *fuzzed_type;

static void list_types(void)
{
    for (size_t i = 0; P(_message_types)[i] != NULL; i++)
        fprintf(stderr, "  %s\n", P(_message_types)[i]->name);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *name = getenv("FUZZ_MESSAGE");
    if (name != NULL && strcmp(name, "list") == 0) {
        for (size_t i = 0; P(_message_types)[i] != NULL; i++)
            printf("%s\n", P(_message_types)[i]->name);
        exit(0);
    }
    fuzzed_type = P(_message_type_find)(name);
    if (fuzzed_type == NULL) {
        fprintf(stderr, "set FUZZ_MESSAGE to one of:\n");
        list_types();
        exit(2);
    }
    return 0;
}

static void fail(const char *what, const P(_error) *err)
{
    fprintf(stderr, "%s: %s: %s at %s\n", fuzzed_type->name, what,
            err != NULL ? err->message : "", err != NULL ? err->path : "");
    abort();
}

static int all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i] != 0)
            return 0;
    return 1;
}

static void check_round_trip(const void *message)
{
    P(_error) err;
    size_t len = 0, len2 = 0;
    char *text = fuzzed_type->encode(message, &len, NULL, &err);
    if (text == NULL)
        fail("a decoded message does not encode", &err);
    void *again = calloc(1, fuzzed_type->size);
    if (again == NULL)
        abort();
    if (fuzzed_type->decode(text, len, again, NULL, &err) != 0)
        fail("encoded text does not decode", &err);
    if (!fuzzed_type->equal(message, again))
        fail("round trip changed the message", NULL);
    char *text2 = fuzzed_type->encode(again, &len2, NULL, &err);
    if (text2 == NULL || len2 != len || memcmp(text, text2, len) != 0)
        fail("encoding is not stable", &err);
    free(text);
    free(text2);
    fuzzed_type->free(again);
    free(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    P(_error) err;
    void *message = calloc(1, fuzzed_type->size);
    if (message == NULL)
        abort();
    int status = (int)fuzzed_type->decode((const char *)data, size, message, NULL, &err);
    if (status == 0) {
        check_round_trip(message);
    } else {
        if ((int)err.code != status || err.message[0] == '\0')
            fail("failure without its error", &err);
        if (!all_zero(message, fuzzed_type->size))
            fail("failed decode left output behind", &err);
    }
    fuzzed_type->free(message);
    free(message);
    return 0;
}
