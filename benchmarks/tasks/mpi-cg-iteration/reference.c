#include <mpi.h>
#include <stdlib.h>

double dist_cg_iteration(long n_local, double *x, double *r, double *p, double rr, MPI_Comm comm) {
    int rank, size;
    MPI_Comm_rank(comm, &rank);
    MPI_Comm_size(comm, &size);
    const int left = rank > 0 ? rank - 1 : MPI_PROC_NULL, right = rank < size - 1 ? rank + 1 : MPI_PROC_NULL;
    /* halo: p just before and just after this block (0 beyond the ends of the whole vector) */
    double before = 0.0, after = 0.0;
    MPI_Sendrecv(&p[n_local - 1], 1, MPI_DOUBLE, right, 0, &before, 1, MPI_DOUBLE, left, 0, comm, MPI_STATUS_IGNORE);
    MPI_Sendrecv(&p[0], 1, MPI_DOUBLE, left, 1, &after, 1, MPI_DOUBLE, right, 1, comm, MPI_STATUS_IGNORE);
    double *q = malloc(n_local * sizeof *q);
    double pq = 0.0, pq_all, rr_new = 0.0, rr_all;
    for (long i = 0; i < n_local; i++) {
        double l = i > 0 ? p[i - 1] : before, rt = i < n_local - 1 ? p[i + 1] : after;
        q[i] = 2.0 * p[i] - l - rt;
        pq += p[i] * q[i];
    }
    MPI_Allreduce(&pq, &pq_all, 1, MPI_DOUBLE, MPI_SUM, comm);
    const double alpha = rr / pq_all;
    for (long i = 0; i < n_local; i++) {
        x[i] += alpha * p[i];
        r[i] -= alpha * q[i];
        rr_new += r[i] * r[i];
    }
    MPI_Allreduce(&rr_new, &rr_all, 1, MPI_DOUBLE, MPI_SUM, comm);
    const double beta = rr_all / rr;
    for (long i = 0; i < n_local; i++) p[i] = r[i] + beta * p[i];
    free(q);
    return rr_all;
}
