/* Bug: averages the per-rank means and variances, which ignores the spread between blocks. */
#include <mpi.h>

void mean_variance(const double *local, long n_local, MPI_Comm comm, double *mean, double *var) {
    int size;
    MPI_Comm_size(comm, &size);
    double s = 0.0;
    for (long i = 0; i < n_local; i++) s += local[i];
    double m = s / n_local, q = 0.0;
    for (long i = 0; i < n_local; i++) q += (local[i] - m) * (local[i] - m);
    double mv[2] = {m, q / n_local}, tot[2];
    MPI_Allreduce(mv, tot, 2, MPI_DOUBLE, MPI_SUM, comm);
    *mean = tot[0] / size;
    *var = tot[1] / size;
}
