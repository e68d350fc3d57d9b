/* Bug: no halo exchange, p is taken as 0 beyond the ends of every block. */
#include <mpi.h>
#include <stdlib.h>

double dist_cg_iteration(long n_local, double *x, double *r, double *p, double rr, MPI_Comm comm) {
    double *q = malloc(n_local * sizeof *q);
    double pq = 0.0, rr_new = 0.0;
    for (long i = 0; i < n_local; i++) {
        q[i] = 2.0 * p[i] - (i > 0 ? p[i - 1] : 0.0) - (i < n_local - 1 ? p[i + 1] : 0.0);
        pq += p[i] * q[i];
    }
    MPI_Allreduce(MPI_IN_PLACE, &pq, 1, MPI_DOUBLE, MPI_SUM, comm);
    double alpha = rr / pq;
    for (long i = 0; i < n_local; i++) {
        x[i] += alpha * p[i];
        r[i] -= alpha * q[i];
        rr_new += r[i] * r[i];
    }
    MPI_Allreduce(MPI_IN_PLACE, &rr_new, 1, MPI_DOUBLE, MPI_SUM, comm);
    double beta = rr_new / rr;
    for (long i = 0; i < n_local; i++) p[i] = r[i] + beta * p[i];
    free(q);
    return rr_new;
}
