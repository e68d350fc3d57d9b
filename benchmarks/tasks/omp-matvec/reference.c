void matvec(const double *A, const double *x, double *y, int m, int n) {
#pragma omp parallel for schedule(static)
    for (int i = 0; i < m; i++) {
        const double *row = A + (long)i * n;
        double s = 0.0;
        for (int j = 0; j < n; j++) s += row[j] * x[j];
        y[i] = s;
    }
}
