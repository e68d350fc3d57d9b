// Bug: gathers x with MPI_Allgather and n / size entries per rank, as if n were divisible by
// the number of ranks; the last n % size entries of x stay zero.
#include <mpi.h>
#include <vector>

void dist_matvec(const std::vector<double>& A_local, const std::vector<double>& x_local, std::vector<double>& y_local,
                 int n, MPI_Comm comm) {
    int size;
    MPI_Comm_size(comm, &size);
    int chunk = n / size;
    std::vector<double> x(n, 0.0);
    MPI_Allgather(x_local.data(), chunk, MPI_DOUBLE, x.data(), chunk, MPI_DOUBLE, comm);
    for (size_t i = 0; i < y_local.size(); i++) {
        double s = 0.0;
        for (int j = 0; j < n; j++) s += A_local[i * n + j] * x[j];
        y_local[i] = s;
    }
}
