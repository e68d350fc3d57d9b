void csr_spmv(int nrows, const int *rowptr, const int *colidx, const double *val, const double *x, double *y) {
#pragma omp parallel for schedule(dynamic, 1024)
    for (int i = 0; i < nrows; i++) {
        double s = 0.0;
        for (int k = rowptr[i]; k < rowptr[i + 1]; k++) s += val[k] * x[colidx[k]];
        y[i] = s;
    }
}
