/* Driver for omp-min-index: the minimum occurs three times, spread over the array, so the
   tie-breaking rule is exercised whatever the split between threads. */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

long argmin(const double *a, long n);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) long reference(const double *a, long n) {
    long best = 0;
    double m = a[0];
    for (long i = 1; i < n; i++)
        if (a[i] < m) {
            m = a[i];
            best = i;
        }
    return best;
}

int main(void) {
    const long n = 50000017;
    double *a = malloc(n * sizeof *a);
    if (!a) { fprintf(stderr, "driver: out of memory\n"); return 2; }
    /* many repeated values (integers 1 .. 10^6), and the minimum 0.5 at three places */
#pragma omp parallel for
    for (long i = 0; i < n; i++) a[i] = 1.0 + (double)(mix64(i) % 1000000);
    a[n / 4 + 3] = a[n / 2 + 7] = a[n - 5] = 0.5;

    double sink = 0.0; /* a first pass over the fresh memory, so the timed loops are not charged for it */
    for (long i = 0; i < n; i++) sink += a[i];
    if (sink < 0.0) return 2;

    double t0 = omp_get_wtime();
    long ref = reference(a, n);
    double ref_time = omp_get_wtime() - t0;

#pragma omp parallel
    { /* start the thread pool before timing */ }

    t0 = omp_get_wtime();
    long got = argmin(a, n);
    double time = omp_get_wtime() - t0;

    if (got != ref) {
        fprintf(stderr, "wrong index: got %ld, expected %ld\n", got, ref);
        return 1;
    }
    printf("time: %.6f\n", time);
    printf("ref_time: %.6f\n", ref_time);
    free(a);
    return 0;
}
