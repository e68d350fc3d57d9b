// Bug: the ghost rows are exchanged only once, before the first sweep, and then go stale.
#include <mpi.h>
#include <vector>

void jacobi2d(std::vector<double>& u, int nx, int local_rows, int iters, MPI_Comm comm) {
    int rank, size;
    MPI_Comm_rank(comm, &rank);
    MPI_Comm_size(comm, &size);
    int up = rank > 0 ? rank - 1 : MPI_PROC_NULL, down = rank < size - 1 ? rank + 1 : MPI_PROC_NULL;
    long L = local_rows;
    MPI_Sendrecv(&u[nx], nx, MPI_DOUBLE, up, 0, &u[(L + 1) * nx], nx, MPI_DOUBLE, down, 0, comm, MPI_STATUS_IGNORE);
    MPI_Sendrecv(&u[L * nx], nx, MPI_DOUBLE, down, 1, &u[0], nx, MPI_DOUBLE, up, 1, comm, MPI_STATUS_IGNORE);
    std::vector<double> old(u.size());
    for (int it = 0; it < iters; it++) {
        old = u;
        for (long i = 1; i <= L; i++)
            for (int j = 1; j < nx - 1; j++)
                u[i * nx + j] = 0.25 * (old[(i - 1) * nx + j] + old[(i + 1) * nx + j] + old[i * nx + j - 1] + old[i * nx + j + 1]);
    }
}
