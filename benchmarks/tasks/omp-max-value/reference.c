double max_value(const double *a, long n) {
    double m = a[0];
#pragma omp parallel for reduction(max : m)
    for (long i = 1; i < n; i++)
        if (a[i] > m) m = a[i];
    return m;
}
