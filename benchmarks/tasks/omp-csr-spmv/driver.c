/* Driver for omp-csr-spmv: rows of 0 to 40 nonzeros (every 16th row much longer), empty rows
   included; y starts as NaN and every y[i] is checked with a tolerance scaled by
   sum_k |val_k x_col_k|. */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

void csr_spmv(int nrows, const int *rowptr, const int *colidx, const double *val, const double *x, double *y);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double u01(unsigned long long i) { return (double)(mix64(i) >> 11) * (1.0 / 9007199254740992.0); }

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) void reference(int nrows, const int *rowptr, const int *colidx,
                                                const double *val, const double *x, double *y) {
    for (int i = 0; i < nrows; i++) {
        double s = 0.0;
        for (int k = rowptr[i]; k < rowptr[i + 1]; k++) s += val[k] * x[colidx[k]];
        y[i] = s;
    }
}

int main(void) {
    const int nrows = 2000003, ncols = 1500007;
    int *rowptr = malloc((nrows + 1) * sizeof *rowptr);
    if (!rowptr) { fprintf(stderr, "driver: out of memory\n"); return 2; }
    rowptr[0] = 0;
    for (int i = 0; i < nrows; i++) {
        unsigned long long h = mix64(i);
        int len = (i % 16 == 5) ? 40 + (int)(h % 41) : (int)(h % 9); /* 0 .. 8, or 40 .. 80 */
        if (i % 1000 == 17) len = 0;
        rowptr[i + 1] = rowptr[i] + len;
    }
    const long nnz = rowptr[nrows];
    int *colidx = malloc(nnz * sizeof *colidx);
    double *val = malloc(nnz * sizeof *val), *x = malloc(ncols * sizeof *x);
    double *y = malloc(nrows * sizeof *y), *ref = malloc(nrows * sizeof *ref), *mag = malloc(nrows * sizeof *mag);
    if (!colidx || !val || !x || !y || !ref || !mag) { fprintf(stderr, "driver: out of memory\n"); return 2; }
#pragma omp parallel for
    for (long k = 0; k < nnz; k++) {
        colidx[k] = (int)(mix64(k + 0x100000000ULL) % ncols);
        val[k] = 2.0 * u01(k) - 1.0;
    }
    for (int j = 0; j < ncols; j++) x[j] = 2.0 * u01(j + 0x200000000ULL) - 1.0;
    for (int i = 0; i < nrows; i++) {
        y[i] = NAN;
        double s = 0.0; /* tolerance scale; also a first pass over the fresh memory */
        for (int k = rowptr[i]; k < rowptr[i + 1]; k++) s += fabs(val[k] * x[colidx[k]]);
        mag[i] = s;
    }

    double t0 = omp_get_wtime();
    reference(nrows, rowptr, colidx, val, x, ref);
    double ref_time = omp_get_wtime() - t0;

#pragma omp parallel
    { /* start the thread pool before timing */ }

    t0 = omp_get_wtime();
    csr_spmv(nrows, rowptr, colidx, val, x, y);
    double time = omp_get_wtime() - t0;

    for (int i = 0; i < nrows; i++) {
        if (!(fabs(y[i] - ref[i]) <= 1e-10 * mag[i])) {
            fprintf(stderr, "wrong y[%d]: got %.17g, expected %.17g\n", i, y[i], ref[i]);
            return 1;
        }
    }
    printf("time: %.6f\n", time);
    printf("ref_time: %.6f\n", ref_time);
    free(rowptr); free(colidx); free(val); free(x); free(y); free(ref); free(mag);
    return 0;
}
