#include <mpi.h>
#include <omp.h>
#include <stdlib.h>

void dist_prefix_sum(const long *in, long *out, long n_local, MPI_Comm comm) {
    int rank;
    MPI_Comm_rank(comm, &rank);
    const int nt = omp_get_max_threads();
    long *part = calloc(nt + 1, sizeof *part);
    /* pass 1: every thread sums its chunk */
#pragma omp parallel num_threads(nt)
    {
        int t = omp_get_thread_num(), p = omp_get_num_threads();
        long lo = n_local * t / p, hi = n_local * (t + 1) / p, s = 0;
        for (long i = lo; i < hi; i++) s += in[i];
        part[t + 1] = s;
    }
    for (int t = 1; t <= nt; t++) part[t] += part[t - 1];
    /* offset of this rank: the sum of all earlier ranks' blocks */
    long offset = 0;
    MPI_Exscan(&part[nt], &offset, 1, MPI_LONG, MPI_SUM, comm);
    if (rank == 0) offset = 0; /* MPI_Exscan leaves rank 0's result undefined */
    /* pass 2: every thread scans its chunk starting from its offset */
#pragma omp parallel num_threads(nt)
    {
        int t = omp_get_thread_num(), p = omp_get_num_threads();
        long lo = n_local * t / p, hi = n_local * (t + 1) / p, s = offset + part[t];
        for (long i = lo; i < hi; i++) {
            s += in[i];
            out[i] = s;
        }
    }
    free(part);
}
