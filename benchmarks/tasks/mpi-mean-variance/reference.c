#include <mpi.h>

void mean_variance(const double *local, long n_local, MPI_Comm comm, double *mean, double *var) {
    double part[2] = {0.0, (double)n_local}, tot[2];
    for (long i = 0; i < n_local; i++) part[0] += local[i];
    MPI_Allreduce(part, tot, 2, MPI_DOUBLE, MPI_SUM, comm);
    const double m = tot[0] / tot[1];
    double q = 0.0, qtot;
    for (long i = 0; i < n_local; i++) q += (local[i] - m) * (local[i] - m);
    MPI_Allreduce(&q, &qtot, 1, MPI_DOUBLE, MPI_SUM, comm);
    *mean = m;
    *var = qtot / tot[1];
}
