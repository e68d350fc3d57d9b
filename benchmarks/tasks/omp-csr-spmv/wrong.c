/* Bug: multiplies by x[k] instead of x[colidx[k]]. */
void csr_spmv(int nrows, const int *rowptr, const int *colidx, const double *val, const double *x, double *y) {
    (void)colidx;
#pragma omp parallel for
    for (int i = 0; i < nrows; i++) {
        double s = 0.0;
        for (int k = rowptr[i]; k < rowptr[i + 1]; k++) s += val[k] * x[k];
        y[i] = s;
    }
}
