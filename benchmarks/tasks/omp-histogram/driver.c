/* Driver for omp-histogram: bins start out holding garbage, so they must be overwritten. */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

void histogram(const int *data, long n, long *bins, int nbins);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) void reference(const int *data, long n, long *bins, int nbins) {
    for (int b = 0; b < nbins; b++) bins[b] = 0;
    for (long i = 0; i < n; i++) bins[data[i]]++;
}

int main(void) {
    const long n = 80000003;
    const int nbins = 200;
    int *data = malloc(n * sizeof *data);
    long *bins = malloc(nbins * sizeof *bins), *ref = malloc(nbins * sizeof *ref);
    if (!data || !bins || !ref) { fprintf(stderr, "driver: out of memory\n"); return 2; }
    /* skewed distribution: low bins are much more frequent */
#pragma omp parallel for
    for (long i = 0; i < n; i++) {
        unsigned long long h = mix64(i);
        int v = (int)(h % nbins);
        data[i] = (h >> 40) & 1 ? v : v / 4;
    }
    for (int b = 0; b < nbins; b++) bins[b] = 777 + b;

    long sink = 0; /* a first pass over the fresh memory, so the timed loops are not charged for it */
    for (long i = 0; i < n; i++) sink += data[i];
    if (sink < 0) return 2;

    double t0 = omp_get_wtime();
    reference(data, n, ref, nbins);
    double ref_time = omp_get_wtime() - t0;

#pragma omp parallel
    { /* start the thread pool before timing */ }

    t0 = omp_get_wtime();
    histogram(data, n, bins, nbins);
    double time = omp_get_wtime() - t0;

    for (int b = 0; b < nbins; b++) {
        if (bins[b] != ref[b]) {
            fprintf(stderr, "wrong bins[%d]: got %ld, expected %ld\n", b, bins[b], ref[b]);
            return 1;
        }
    }
    printf("time: %.6f\n", time);
    printf("ref_time: %.6f\n", ref_time);
    free(data);
    free(bins);
    free(ref);
    return 0;
}
