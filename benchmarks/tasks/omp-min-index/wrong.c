/* Bug: when merging the per-thread results, ties go to the later thread (<= instead of <). */
#include <omp.h>
#include <stdlib.h>

long argmin(const double *a, long n) {
    int nt = omp_get_max_threads();
    long *idx = malloc(nt * sizeof *idx);
    for (int t = 0; t < nt; t++) idx[t] = -1;
#pragma omp parallel
    {
        int t = omp_get_thread_num();
        long mine = -1;
#pragma omp for schedule(static)
        for (long i = 0; i < n; i++)
            if (mine < 0 || a[i] < a[mine]) mine = i;
        idx[t] = mine;
    }
    long best = 0;
    for (int t = 0; t < nt; t++)
        if (idx[t] >= 0 && a[idx[t]] <= a[best]) best = idx[t];
    free(idx);
    return best;
}
