/* Bug: the running maximum starts at 0.0, which is wrong when every element is negative. */
double max_value(const double *a, long n) {
    double m = 0.0;
#pragma omp parallel for reduction(max : m)
    for (long i = 0; i < n; i++)
        if (a[i] > m) m = a[i];
    return m;
}
