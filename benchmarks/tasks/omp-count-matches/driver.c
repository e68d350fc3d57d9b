/* Driver for omp-count-matches: exact integer check. */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

long count_equal(const int *a, long n, int key);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) long reference(const int *a, long n, int key) {
    long c = 0;
    for (long i = 0; i < n; i++)
        if (a[i] == key) c++;
    return c;
}

int main(void) {
    const long n = 60000007;
    const int key = 42;
    int *a = malloc(n * sizeof *a);
    if (!a) { fprintf(stderr, "driver: out of memory\n"); return 2; }
#pragma omp parallel for
    for (long i = 0; i < n; i++) a[i] = (int)(mix64(i) % 100);

    /* a first pass over the fresh memory, so the timed loops are not charged for it */
    long sink = 0;
    for (long i = 0; i < n; i++) sink += a[i];
    if (sink < 0) return 2;

    double t0 = omp_get_wtime();
    long ref = reference(a, n, key);
    double ref_time = omp_get_wtime() - t0;

#pragma omp parallel
    { /* start the thread pool before timing */ }

    t0 = omp_get_wtime();
    long got = count_equal(a, n, key);
    double time = omp_get_wtime() - t0;

    if (got != ref) {
        fprintf(stderr, "wrong count: got %ld, expected %ld\n", got, ref);
        return 1;
    }
    printf("time: %.6f\n", time);
    printf("ref_time: %.6f\n", ref_time);
    free(a);
    return 0;
}
