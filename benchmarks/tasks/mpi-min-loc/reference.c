#include <mpi.h>

void global_argmin(const double *local, long n_local, MPI_Comm comm, double *min_value, long *min_index) {
    /* global index of my first element: exclusive prefix sum of the block sizes */
    long offset = 0;
    MPI_Exscan(&n_local, &offset, 1, MPI_LONG, MPI_SUM, comm);
    int rank;
    MPI_Comm_rank(comm, &rank);
    if (rank == 0) offset = 0; /* MPI_Exscan leaves rank 0's result undefined */
    long best = 0;
    for (long i = 1; i < n_local; i++)
        if (local[i] < local[best]) best = i;
    double m = local[best];
    MPI_Allreduce(&local[best], &m, 1, MPI_DOUBLE, MPI_MIN, comm);
    /* among the ranks holding the minimum, the smallest global index */
    long idx = local[best] == m ? offset + best : -1, gidx;
    if (idx < 0) idx = 0x7fffffffffffffffL;
    MPI_Allreduce(&idx, &gidx, 1, MPI_LONG, MPI_MIN, comm);
    *min_value = m;
    *min_index = gidx;
}
