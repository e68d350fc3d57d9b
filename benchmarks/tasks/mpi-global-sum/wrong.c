/* Bug: MPI_Reduce only gives the total to rank 0; the other ranks return their local sum. */
#include <mpi.h>

double global_sum(const double *local, long n_local, MPI_Comm comm) {
    double s = 0.0, total = 0.0;
    int rank;
    MPI_Comm_rank(comm, &rank);
    for (long i = 0; i < n_local; i++) s += local[i];
    MPI_Reduce(&s, &total, 1, MPI_DOUBLE, MPI_SUM, 0, comm);
    return rank == 0 ? total : s;
}
