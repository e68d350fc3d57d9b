/* Bug: indexes A as if it were stored column by column. */
void matvec(const double *A, const double *x, double *y, int m, int n) {
#pragma omp parallel for
    for (int i = 0; i < m; i++) {
        double s = 0.0;
        for (int j = 0; j < n; j++) s += A[(long)j * m + i] * x[j];
        y[i] = s;
    }
}
