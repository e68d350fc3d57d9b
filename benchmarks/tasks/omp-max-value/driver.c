/* Driver for omp-max-value: every element is negative, so a maximum that starts at 0 fails. */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

double max_value(const double *a, long n);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double u01(unsigned long long i) { return (double)(mix64(i) >> 11) * (1.0 / 9007199254740992.0); }

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) double reference(const double *a, long n) {
    double m = a[0];
    for (long i = 1; i < n; i++)
        if (a[i] > m) m = a[i];
    return m;
}

int main(void) {
    const long n = 40000003;
    double *a = malloc(n * sizeof *a);
    if (!a) { fprintf(stderr, "driver: out of memory\n"); return 2; }
#pragma omp parallel for
    for (long i = 0; i < n; i++) a[i] = -1.0 - 1000.0 * u01(i);
    a[n - 2] = -0.75; /* the maximum, near the end */

    /* a first pass over the fresh memory, so the timed loops are not charged for it */
    double sink = 0.0;
    for (long i = 0; i < n; i++) sink += a[i];
    if (sink > 0.0) return 2;

    double t0 = omp_get_wtime();
    double ref = reference(a, n);
    double ref_time = omp_get_wtime() - t0;

#pragma omp parallel
    { /* start the thread pool before timing */ }

    t0 = omp_get_wtime();
    double got = max_value(a, n);
    double time = omp_get_wtime() - t0;

    if (got != ref) {
        fprintf(stderr, "wrong maximum: got %.17g, expected %.17g\n", got, ref);
        return 1;
    }
    printf("time: %.6f\n", time);
    printf("ref_time: %.6f\n", ref_time);
    free(a);
    return 0;
}
