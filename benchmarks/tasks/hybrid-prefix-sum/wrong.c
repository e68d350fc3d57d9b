/* Bug: uses the inclusive MPI_Scan for the rank offset, so every rank also adds its own total. */
#include <mpi.h>
#include <omp.h>
#include <stdlib.h>

void dist_prefix_sum(const long *in, long *out, long n_local, MPI_Comm comm) {
    long total = 0;
#pragma omp parallel for reduction(+ : total)
    for (long i = 0; i < n_local; i++) total += in[i];
    long offset = 0;
    MPI_Scan(&total, &offset, 1, MPI_LONG, MPI_SUM, comm);
    long s = offset;
    for (long i = 0; i < n_local; i++) {
        s += in[i];
        out[i] = s;
    }
}
