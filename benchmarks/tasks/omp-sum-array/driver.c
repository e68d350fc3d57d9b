/* Driver for omp-sum-array: checks sum_array against a serial sum. */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

double sum_array(const double *a, long n);

/* Deterministic inputs: splitmix64 hash of the index, mapped to [0, 1). */
static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) double reference(const double *a, long n) {
    double s = 0.0;
    for (long i = 0; i < n; i++) s += a[i];
    return s;
}

int main(void) {
    const long n = 40000001;
    double *a = malloc(n * sizeof *a);
    if (!a) { fprintf(stderr, "driver: out of memory\n"); return 2; }
    /* magnitudes in [0.5, 1.5) with either sign: dropping any element is detectable */
#pragma omp parallel for
    for (long i = 0; i < n; i++) {
        unsigned long long h = mix64(i);
        double m = 0.5 + (double)(h >> 11) * (1.0 / 9007199254740992.0);
        a[i] = (h & 1) ? m : -m;
    }

    /* tolerance scale; also a first pass over the fresh memory, so the timed loops are not
       charged for it */
    double scale = 0.0;
    for (long i = 0; i < n; i++) scale += fabs(a[i]);

    double t0 = omp_get_wtime();
    double ref = reference(a, n);
    double ref_time = omp_get_wtime() - t0;

#pragma omp parallel
    { /* start the thread pool before timing */ }

    t0 = omp_get_wtime();
    double got = sum_array(a, n);
    double time = omp_get_wtime() - t0;

    if (!(fabs(got - ref) <= 1e-10 * scale)) {
        fprintf(stderr, "wrong sum: got %.17g, expected %.17g\n", got, ref);
        return 1;
    }
    printf("time: %.6f\n", time);
    printf("ref_time: %.6f\n", ref_time);
    free(a);
    return 0;
}
