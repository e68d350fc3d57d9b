#include <mpi.h>
#include <algorithm>
#include <vector>

double global_max(const std::vector<double>& local, MPI_Comm comm) {
    double m = *std::max_element(local.begin(), local.end()), result;
    MPI_Allreduce(&m, &result, 1, MPI_DOUBLE, MPI_MAX, comm);
    return result;
}
