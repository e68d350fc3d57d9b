/* Bug: splits the work by hand and forgets the remainder when n % nthreads != 0. */
#include <omp.h>

void scale(double *x, long n, double alpha) {
#pragma omp parallel
    {
        int t = omp_get_thread_num(), nt = omp_get_num_threads();
        long chunk = n / nt;
        for (long i = t * chunk; i < (t + 1) * chunk; i++) x[i] *= alpha;
    }
}
