#include <stdlib.h>

void histogram(const int *data, long n, long *bins, int nbins) {
    for (int b = 0; b < nbins; b++) bins[b] = 0;
#pragma omp parallel
    {
        long *local = calloc(nbins, sizeof *local);
#pragma omp for nowait
        for (long i = 0; i < n; i++) local[data[i]]++;
#pragma omp critical
        for (int b = 0; b < nbins; b++) bins[b] += local[b];
        free(local);
    }
}
