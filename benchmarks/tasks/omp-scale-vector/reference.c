void scale(double *x, long n, double alpha) {
#pragma omp parallel for
    for (long i = 0; i < n; i++) x[i] *= alpha;
}
