#include <mpi.h>

double global_sum(const double *local, long n_local, MPI_Comm comm) {
    double s = 0.0, total;
    for (long i = 0; i < n_local; i++) s += local[i];
    MPI_Allreduce(&s, &total, 1, MPI_DOUBLE, MPI_SUM, comm);
    return total;
}
