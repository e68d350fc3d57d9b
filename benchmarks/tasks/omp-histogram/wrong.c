/* Bug: bins are never cleared, so whatever they held before is added to the counts. */
void histogram(const int *data, long n, long *bins, int nbins) {
#pragma omp parallel for reduction(+ : bins[:nbins])
    for (long i = 0; i < n; i++) bins[data[i]]++;
}
