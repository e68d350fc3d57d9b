double sum_array(const double *a, long n) {
    double s = 0.0;
#pragma omp parallel for reduction(+ : s)
    for (long i = 0; i < n; i++) s += a[i];
    return s;
}
