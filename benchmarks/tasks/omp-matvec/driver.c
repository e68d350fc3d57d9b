/* Driver for omp-matvec: a non-square matrix, every y[i] checked with a tolerance scaled by
   sum_j |A_ij x_j|. */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

void matvec(const double *A, const double *x, double *y, int m, int n);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double u01(unsigned long long i) { return (double)(mix64(i) >> 11) * (1.0 / 9007199254740992.0); }

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) void reference(const double *A, const double *x, double *y, int m, int n) {
    for (int i = 0; i < m; i++) {
        double s = 0.0;
        for (int j = 0; j < n; j++) s += A[(long)i * n + j] * x[j];
        y[i] = s;
    }
}

int main(void) {
    const int m = 8001, n = 6003;
    double *A = malloc((long)m * n * sizeof *A), *x = malloc(n * sizeof *x);
    double *y = malloc(m * sizeof *y), *ref = malloc(m * sizeof *ref), *mag = malloc(m * sizeof *mag);
    if (!A || !x || !y || !ref || !mag) { fprintf(stderr, "driver: out of memory\n"); return 2; }
#pragma omp parallel for
    for (long k = 0; k < (long)m * n; k++) A[k] = 2.0 * u01(k) - 1.0;
    for (int j = 0; j < n; j++) x[j] = 2.0 * u01(j + 0xABCDEF0000ULL) - 1.0;
    for (int i = 0; i < m; i++) y[i] = NAN;

    /* tolerance scale; also a first pass over the fresh memory */
    for (int i = 0; i < m; i++) {
        double s = 0.0;
        for (int j = 0; j < n; j++) s += fabs(A[(long)i * n + j] * x[j]);
        mag[i] = s;
    }

    double t0 = omp_get_wtime();
    reference(A, x, ref, m, n);
    double ref_time = omp_get_wtime() - t0;

#pragma omp parallel
    { /* start the thread pool before timing */ }

    t0 = omp_get_wtime();
    matvec(A, x, y, m, n);
    double time = omp_get_wtime() - t0;

    for (int i = 0; i < m; i++) {
        if (!(fabs(y[i] - ref[i]) <= 1e-10 * mag[i])) {
            fprintf(stderr, "wrong y[%d]: got %.17g, expected %.17g\n", i, y[i], ref[i]);
            return 1;
        }
    }
    printf("time: %.6f\n", time);
    printf("ref_time: %.6f\n", ref_time);
    free(A); free(x); free(y); free(ref); free(mag);
    return 0;
}
