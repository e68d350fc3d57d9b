#include <mpi.h>
#include <utility>
#include <vector>

void jacobi2d(std::vector<double>& u, int nx, int local_rows, int iters, MPI_Comm comm) {
    int rank, size;
    MPI_Comm_rank(comm, &rank);
    MPI_Comm_size(comm, &size);
    const int up = rank > 0 ? rank - 1 : MPI_PROC_NULL, down = rank < size - 1 ? rank + 1 : MPI_PROC_NULL;
    const long L = local_rows;
    std::vector<double> v(u);  // second buffer with the same fixed boundary values
    double* cur = u.data();
    double* next = v.data();
    for (int it = 0; it < iters; it++) {
        // send my first own row up and receive the lower neighbour's first row into my bottom ghost
        MPI_Sendrecv(cur + nx, nx, MPI_DOUBLE, up, 0, cur + (L + 1) * nx, nx, MPI_DOUBLE, down, 0, comm,
                     MPI_STATUS_IGNORE);
        MPI_Sendrecv(cur + L * nx, nx, MPI_DOUBLE, down, 1, cur, nx, MPI_DOUBLE, up, 1, comm, MPI_STATUS_IGNORE);
        for (long i = 1; i <= L; i++)
            for (int j = 1; j < nx - 1; j++) {
                const long k = i * nx + j;
                next[k] = (cur[k - nx] + cur[k + nx] + cur[k - 1] + cur[k + 1]) / 4;
            }
        std::swap(cur, next);
    }
    if (cur != u.data())
        for (long k = nx; k < (L + 1) * nx; k++) u[k] = cur[k];
}
