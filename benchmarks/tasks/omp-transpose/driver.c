/* Driver for omp-transpose: a non-square matrix; every element of B is checked exactly. */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

void transpose(const double *A, double *B, int rows, int cols);

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) void reference(const double *A, double *B, int rows, int cols) {
    for (int i = 0; i < rows; i++)
        for (int j = 0; j < cols; j++) B[(long)j * rows + i] = A[(long)i * cols + j];
}

int main(void) {
    const int rows = 5003, cols = 4001;
    const long nel = (long)rows * cols;
    double *A = malloc(nel * sizeof *A), *B = malloc(nel * sizeof *B), *ref = malloc(nel * sizeof *ref);
    if (!A || !B || !ref) { fprintf(stderr, "driver: out of memory\n"); return 2; }
#pragma omp parallel for
    for (long k = 0; k < nel; k++) {
        A[k] = (double)k; /* every element distinct and exactly representable */
        B[k] = NAN;
        ref[k] = 0.0;
    }

    double t0 = omp_get_wtime();
    reference(A, ref, rows, cols);
    double ref_time = omp_get_wtime() - t0;

#pragma omp parallel
    { /* start the thread pool before timing */ }

    t0 = omp_get_wtime();
    transpose(A, B, rows, cols);
    double time = omp_get_wtime() - t0;

    for (long k = 0; k < nel; k++) {
        if (B[k] != ref[k]) {
            fprintf(stderr, "wrong B[%ld][%ld]: got %.17g, expected %.17g\n", k / rows, k % rows, B[k], ref[k]);
            return 1;
        }
    }
    printf("time: %.6f\n", time);
    printf("ref_time: %.6f\n", ref_time);
    free(A); free(B); free(ref);
    return 0;
}
