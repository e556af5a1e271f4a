/* schemac_bench: times the generated wcc code against bare cJSON on the
 * messages in bench/messages (see bench/README.md).
 *
 * Usage: schemac_bench [--rounds N] [--iterations N] [--json]
 *
 * Every round runs every operation of every message for a batch of
 * iterations, the operations in an order that rotates from round to round,
 * so that noise (other processes, frequency changes) hits all of them alike;
 * an operation's figure is the median over the rounds of its batch time per
 * iteration. Allocations are counted in a separate pass, one batch per
 * operation, since counting hooks change cJSON's allocation pattern. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "alloc_count.h"
#include "bench_ops.h"

#ifndef BENCH_MESSAGES_DIR
#define BENCH_MESSAGES_DIR "bench/messages"
#endif
#ifndef BENCH_BUILD_TYPE
#define BENCH_BUILD_TYPE "unknown"
#endif

enum { DEFAULT_ROUNDS = 51, DEFAULT_ITERATIONS = 200, COUNT_ITERATIONS = 10 };

typedef struct settings {
    size_t rounds;
    size_t iterations;
    bool json;
} settings;

/* The figures of one operation on one message. */
typedef struct op_result {
    double *ns;             /* per round: batch time / iterations */
    double median_ns;
    alloc_counts allocs;    /* over COUNT_ITERATIONS runs */
} op_result;

static bench_message messages[] = {
    { .file = "station_login_success.json", .type = &bench_wcc_station_login_success },
    { .file = "agent_contact_large.json", .type = &bench_wcc_agent_contact },
};
enum { MESSAGE_COUNT = sizeof messages / sizeof messages[0] };

/* ---- Command line ---- */

static void usage(void)
{
    fprintf(stderr, "usage: schemac_bench [--rounds N] [--iterations N] [--json]\n");
    exit(2);
}

static size_t parse_count(const char *text)
{
    char *end = NULL;
    unsigned long long value = text != NULL ? strtoull(text, &end, 10) : 0;
    if (text == NULL || *text == '-' || end == text || *end != '\0' || value == 0 ||
        value > 100000000ULL)
        usage();
    return (size_t)value;
}

static settings parse_args(int argc, char **argv)
{
    settings s = { DEFAULT_ROUNDS, DEFAULT_ITERATIONS, false };
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--rounds") == 0)
            s.rounds = parse_count(argv[++i]);
        else if (strcmp(argv[i], "--iterations") == 0)
            s.iterations = parse_count(argv[++i]);
        else if (strcmp(argv[i], "--json") == 0)
            s.json = true;
        else
            usage();
    }
    return s;
}

/* ---- Where it ran ---- */

/* The first "model name" of /proc/cpuinfo, or "unknown". */
static void cpu_model(char *out, size_t size)
{
    snprintf(out, size, "unknown");
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (f == NULL)
        return;
    char line[512];
    while (fgets(line, sizeof line, f) != NULL) {
        const char *colon = strchr(line, ':');
        if (strncmp(line, "model name", 10) != 0 || colon == NULL)
            continue;
        colon++;
        colon += strspn(colon, " \t");
        snprintf(out, size, "%.*s", (int)strcspn(colon, "\n"), colon);
        break;
    }
    fclose(f);
}

static const char *compiler(void)
{
#if defined(__clang__)
    return "clang " __VERSION__;
#elif defined(__GNUC__)
    return "gcc " __VERSION__;
#else
    return "unknown compiler";
#endif
}

static bool optimized(void)
{
#ifdef __OPTIMIZE__
    return true;
#else
    return false;
#endif
}

/* ---- Measuring ---- */

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static double time_op(const bench_op *op, bench_message *m, size_t n)
{
    if (op->setup != NULL)
        op->setup(m, n);
    double start = now_ns();
    op->run(m, n);
    double elapsed = now_ns() - start;
    if (op->teardown != NULL)
        op->teardown(m, n);
    return elapsed / (double)n;
}

static void run_rounds(const settings *s, op_result results[][BENCH_OP_COUNT])
{
    for (size_t round = 0; round < s->rounds; round++)
        for (size_t mi = 0; mi < MESSAGE_COUNT; mi++)
            for (size_t k = 0; k < BENCH_OP_COUNT; k++) {
                size_t oi = (round + k) % BENCH_OP_COUNT;
                if (!bench_op_applies(&bench_ops[oi], &messages[mi]))
                    continue;
                results[mi][oi].ns[round] = time_op(&bench_ops[oi], &messages[mi], s->iterations);
            }
}

/* Allocations of COUNT_ITERATIONS runs of each operation, through counting
 * cJSON hooks, a counting wcc_allocator and (when wrapped) malloc. */
static void count_allocations(op_result results[][BENCH_OP_COUNT])
{
    alloc_count_cjson(true);
    for (size_t mi = 0; mi < MESSAGE_COUNT; mi++) {
        bench_message *m = &messages[mi];
        m->options.allocator = alloc_count_wcc_allocator();
        for (size_t oi = 0; oi < BENCH_OP_COUNT; oi++) {
            const bench_op *op = &bench_ops[oi];
            if (!bench_op_applies(op, m))
                continue;
            if (op->setup != NULL)
                op->setup(m, COUNT_ITERATIONS);
            alloc_counts before = alloc_counts_now();
            op->run(m, COUNT_ITERATIONS);
            results[mi][oi].allocs = alloc_counts_diff(alloc_counts_now(), before);
            if (op->teardown != NULL)
                op->teardown(m, COUNT_ITERATIONS);
        }
        m->options.allocator = NULL;
    }
    alloc_count_cjson(false);
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *values, size_t count)
{
    qsort(values, count, sizeof *values, compare_double);
    return count % 2 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2;
}

/* ---- Reporting ---- */

static size_t op_index(const char *name)
{
    for (size_t i = 0; i < BENCH_OP_COUNT; i++)
        if (strcmp(bench_ops[i].name, name) == 0)
            return i;
    return 0;
}

static double ratio_of(const op_result *row, size_t oi)
{
    const char *baseline = bench_ops[oi].baseline;
    if (baseline == NULL)
        return 1.0;
    return row[oi].median_ns / row[op_index(baseline)].median_ns;
}

/* decode's time over the reference reader's on one message. */
static double decode_over_reference(const op_result *row)
{
    return row[op_index("decode")].median_ns / row[op_index(BENCH_REFERENCE_OP)].median_ns;
}

static double mb_per_s(const bench_message *m, double ns)
{
    return (double)m->len / ns * 1e3; /* bytes per ns -> 10^6 bytes per s */
}

static double per_op(size_t count)
{
    return (double)count / COUNT_ITERATIONS;
}

static void print_table(const settings *s, const char *cpu, op_result results[][BENCH_OP_COUNT])
{
    printf("schemac_bench: median of %zu rounds of %zu iterations per op, ops interleaved\n",
           s->rounds, s->iterations);
    printf("CPU:      %s\n", cpu);
    printf("compiler: %s (%s%s)\n", compiler(), BENCH_BUILD_TYPE,
           optimized() ? "" : ", NOT OPTIMIZED");
    printf("cJSON:    %s\n", cJSON_Version());
    printf("allocs:   cJSON hooks + wcc_allocator%s\n",
           alloc_count_malloc_counted() ? " + malloc (wrapped)" : " (malloc not wrapped)");
    if (bench_reference_version() != NULL)
        printf("simdjson: %s (On Demand: the %s row)\n",
               bench_reference_version(), BENCH_REFERENCE_OP);
    else
        printf("simdjson: not built (not found, or SCHEMAC_BENCH_SIMDJSON=OFF): no %s row\n",
               BENCH_REFERENCE_OP);
    for (size_t mi = 0; mi < MESSAGE_COUNT; mi++) {
        const bench_message *m = &messages[mi];
        printf("\n%s (%s, %zu bytes)\n", m->file, m->type->name, m->len);
        printf("  %-20s %10s %9s %10s %7s  %s\n", "op", "ns/op", "MB/s", "allocs/op", "ratio",
               "baseline");
        for (size_t oi = 0; oi < BENCH_OP_COUNT; oi++) {
            const op_result *r = &results[mi][oi];
            const char *baseline = bench_ops[oi].baseline;
            if (!bench_op_applies(&bench_ops[oi], m))
                continue;
            printf("  %-20s %10.0f %9.1f %10.1f %7.2f  %s\n", bench_ops[oi].name, r->median_ns,
                   mb_per_s(m, r->median_ns), per_op(alloc_counts_total(r->allocs)),
                   ratio_of(results[mi], oi), baseline != NULL ? baseline : "-");
        }
        if (m->type->reference != NULL)
            printf("  decode / %s: %.2f\n", BENCH_REFERENCE_OP,
                   decode_over_reference(results[mi]));
    }
}

static cJSON *json_row(const bench_message *m, size_t oi, op_result *row)
{
    const op_result *r = &row[oi];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "message", m->file);
    cJSON_AddStringToObject(o, "type", m->type->name);
    cJSON_AddNumberToObject(o, "bytes", (double)m->len);
    cJSON_AddStringToObject(o, "op", bench_ops[oi].name);
    cJSON_AddNumberToObject(o, "ns_per_op", r->median_ns);
    cJSON_AddNumberToObject(o, "mb_per_s", mb_per_s(m, r->median_ns));
    cJSON_AddNumberToObject(o, "allocs_per_op", per_op(alloc_counts_total(r->allocs)));
    cJSON *by = cJSON_AddObjectToObject(o, "allocs_by_source");
    cJSON_AddNumberToObject(by, "cjson", per_op(r->allocs.cjson));
    cJSON_AddNumberToObject(by, "wcc_allocator", per_op(r->allocs.wcc));
    cJSON_AddNumberToObject(by, "malloc", per_op(r->allocs.malloc));
    if (bench_ops[oi].baseline != NULL)
        cJSON_AddStringToObject(o, "baseline", bench_ops[oi].baseline);
    else
        cJSON_AddNullToObject(o, "baseline");
    cJSON_AddNumberToObject(o, "ratio", ratio_of(row, oi));
    if (bench_ops[oi].needs_reference)
        cJSON_AddNumberToObject(o, "decode_ratio", decode_over_reference(row));
    return o;
}

static void print_json(const settings *s, const char *cpu, op_result results[][BENCH_OP_COUNT])
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "cpu", cpu);
    cJSON_AddStringToObject(root, "compiler", compiler());
    cJSON_AddStringToObject(root, "build_type", BENCH_BUILD_TYPE);
    cJSON_AddBoolToObject(root, "optimized", optimized());
    cJSON_AddStringToObject(root, "cjson_version", cJSON_Version());
    cJSON_AddNumberToObject(root, "rounds", (double)s->rounds);
    cJSON_AddNumberToObject(root, "iterations", (double)s->iterations);
    cJSON_AddBoolToObject(root, "malloc_counted", alloc_count_malloc_counted());
    if (bench_reference_version() != NULL)
        cJSON_AddStringToObject(root, "simdjson_version", bench_reference_version());
    else
        cJSON_AddNullToObject(root, "simdjson_version");
    cJSON *rows = cJSON_AddArrayToObject(root, "results");
    for (size_t mi = 0; mi < MESSAGE_COUNT; mi++)
        for (size_t oi = 0; oi < BENCH_OP_COUNT; oi++)
            if (bench_op_applies(&bench_ops[oi], &messages[mi]))
                cJSON_AddItemToArray(rows, json_row(&messages[mi], oi, results[mi]));
    char *text = cJSON_Print(root);
    if (text == NULL) {
        fprintf(stderr, "schemac_bench: out of memory\n");
        exit(1);
    }
    printf("%s\n", text);
    cJSON_free(text);
    cJSON_Delete(root);
}

int main(int argc, char **argv)
{
    settings s = parse_args(argc, argv);
    static op_result results[MESSAGE_COUNT][BENCH_OP_COUNT];
    for (size_t mi = 0; mi < MESSAGE_COUNT; mi++) {
        size_t batch = s.iterations > COUNT_ITERATIONS ? s.iterations : COUNT_ITERATIONS;
        bench_message_load(&messages[mi], BENCH_MESSAGES_DIR, batch);
        for (size_t oi = 0; oi < BENCH_OP_COUNT; oi++)
            if ((results[mi][oi].ns = calloc(s.rounds, sizeof(double))) == NULL)
                return 1;
    }
    run_rounds(&s, results);
    count_allocations(results);
    for (size_t mi = 0; mi < MESSAGE_COUNT; mi++)
        for (size_t oi = 0; oi < BENCH_OP_COUNT; oi++)
            results[mi][oi].median_ns = median(results[mi][oi].ns, s.rounds);
    char cpu[256];
    cpu_model(cpu, sizeof cpu);
    if (s.json)
        print_json(&s, cpu, results);
    else
        print_table(&s, cpu, results);
    for (size_t mi = 0; mi < MESSAGE_COUNT; mi++) {
        for (size_t oi = 0; oi < BENCH_OP_COUNT; oi++)
            free(results[mi][oi].ns);
        bench_message_release(&messages[mi]);
    }
    return 0;
}
