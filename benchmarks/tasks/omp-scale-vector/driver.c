/* Driver for omp-scale-vector: every element is checked exactly (one multiplication each). */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

void scale(double *x, long n, double alpha);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double u01(unsigned long long i) { return (double)(mix64(i) >> 11) * (1.0 / 9007199254740992.0); }

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) void reference(double *x, long n, double alpha) {
    for (long i = 0; i < n; i++) x[i] *= alpha;
}

int main(void) {
    const long n = 24000001;
    const double alpha = -1.7;
    double *x = malloc(n * sizeof *x), *ref = malloc(n * sizeof *ref);
    if (!x || !ref) { fprintf(stderr, "driver: out of memory\n"); return 2; }
#pragma omp parallel for
    for (long i = 0; i < n; i++) x[i] = ref[i] = 10.0 * u01(i) - 5.0;

    double t0 = omp_get_wtime();
    reference(ref, n, alpha);
    double ref_time = omp_get_wtime() - t0;

#pragma omp parallel
    { /* start the thread pool before timing */ }

    t0 = omp_get_wtime();
    scale(x, n, alpha);
    double time = omp_get_wtime() - t0;

    for (long i = 0; i < n; i++) {
        if (x[i] != ref[i]) {
            fprintf(stderr, "wrong x[%ld]: got %.17g, expected %.17g\n", i, x[i], ref[i]);
            return 1;
        }
    }
    printf("time: %.6f\n", time);
    printf("ref_time: %.6f\n", ref_time);
    free(x);
    free(ref);
    return 0;
}
