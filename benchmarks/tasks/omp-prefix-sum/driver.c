/* Driver for omp-prefix-sum: exact check of every output element. */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

void prefix_sum(const long *in, long *out, long n);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) void reference(const long *in, long *out, long n) {
    long s = 0;
    for (long i = 0; i < n; i++) {
        s += in[i];
        out[i] = s;
    }
}

int main(void) {
    const long n = 30000001;
    long *in = malloc(n * sizeof *in), *out = malloc(n * sizeof *out), *ref = malloc(n * sizeof *ref);
    if (!in || !out || !ref) { fprintf(stderr, "driver: out of memory\n"); return 2; }
#pragma omp parallel for
    for (long i = 0; i < n; i++) {
        in[i] = (long)(mix64(i) % 2001) - 1000; /* values in [-1000, 1000] */
        out[i] = -1;
        ref[i] = 0;
    }

    double t0 = omp_get_wtime();
    reference(in, ref, n);
    double ref_time = omp_get_wtime() - t0;

#pragma omp parallel
    { /* start the thread pool before timing */ }

    t0 = omp_get_wtime();
    prefix_sum(in, out, n);
    double time = omp_get_wtime() - t0;

    for (long i = 0; i < n; i++) {
        if (out[i] != ref[i]) {
            fprintf(stderr, "wrong out[%ld]: got %ld, expected %ld\n", i, out[i], ref[i]);
            return 1;
        }
    }
    printf("time: %.6f\n", time);
    printf("ref_time: %.6f\n", ref_time);
    free(in); free(out); free(ref);
    return 0;
}
