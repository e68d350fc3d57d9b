/* Bug: off-by-one, the last element is never added. */
double sum_array(const double *a, long n) {
    double s = 0.0;
#pragma omp parallel for reduction(+ : s)
    for (long i = 0; i < n - 1; i++) s += a[i];
    return s;
}
