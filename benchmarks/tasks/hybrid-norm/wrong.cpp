// Bug: adds up the norms of the blocks instead of their sums of squares.
#include <mpi.h>
#include <cmath>
#include <vector>

double global_norm(const std::vector<double>& local, MPI_Comm comm) {
    double s = 0.0;
#pragma omp parallel for reduction(+ : s)
    for (size_t i = 0; i < local.size(); i++) s += local[i] * local[i];
    double mine = std::sqrt(s), total = 0.0;
    MPI_Allreduce(&mine, &total, 1, MPI_DOUBLE, MPI_SUM, comm);
    return total;
}
