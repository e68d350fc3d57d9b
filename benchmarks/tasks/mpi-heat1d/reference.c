#include <mpi.h>
#include <stdlib.h>
#include <string.h>

void heat1d(double *u, long n_local, int steps, double r, MPI_Comm comm) {
    int rank, size;
    MPI_Comm_rank(comm, &rank);
    MPI_Comm_size(comm, &size);
    const int left = rank > 0 ? rank - 1 : MPI_PROC_NULL, right = rank < size - 1 ? rank + 1 : MPI_PROC_NULL;
    /* a[0] and a[n_local + 1] are ghost cells; MPI_PROC_NULL leaves the rod ends at 0 */
    double *a = malloc((n_local + 2) * sizeof *a), *b = malloc((n_local + 2) * sizeof *b);
    a[0] = a[n_local + 1] = 0.0;
    memcpy(a + 1, u, n_local * sizeof *u);
    for (int s = 0; s < steps; s++) {
        MPI_Sendrecv(&a[1], 1, MPI_DOUBLE, left, 0, &a[n_local + 1], 1, MPI_DOUBLE, right, 0, comm, MPI_STATUS_IGNORE);
        MPI_Sendrecv(&a[n_local], 1, MPI_DOUBLE, right, 1, &a[0], 1, MPI_DOUBLE, left, 1, comm, MPI_STATUS_IGNORE);
        for (long i = 1; i <= n_local; i++) b[i] = a[i] + r * (a[i - 1] - 2 * a[i] + a[i + 1]);
        b[0] = b[n_local + 1] = 0.0;
        double *t = a;
        a = b;
        b = t;
    }
    memcpy(u, a + 1, n_local * sizeof *u);
    free(a);
    free(b);
}
