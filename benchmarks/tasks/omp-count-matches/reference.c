long count_equal(const int *a, long n, int key) {
    long count = 0;
#pragma omp parallel for reduction(+ : count)
    for (long i = 0; i < n; i++)
        if (a[i] == key) count++;
    return count;
}
