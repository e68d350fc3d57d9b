#include <omp.h>
#include <stdlib.h>

/* Two passes: every thread scans its own block, then adds the totals of the blocks before it. */
void prefix_sum(const long *in, long *out, long n) {
    int nt = omp_get_max_threads();
    long *offset = calloc(nt + 1, sizeof *offset);
#pragma omp parallel num_threads(nt)
    {
        int t = omp_get_thread_num(), p = omp_get_num_threads();
        long lo = n * t / p, hi = n * (t + 1) / p;
        long s = 0;
        for (long i = lo; i < hi; i++) {
            s += in[i];
            out[i] = s;
        }
        offset[t + 1] = s;
#pragma omp barrier
#pragma omp single
        for (int k = 1; k <= p; k++) offset[k] += offset[k - 1];
        const long add = offset[t];
        for (long i = lo; i < hi; i++) out[i] += add;
    }
    free(offset);
}
