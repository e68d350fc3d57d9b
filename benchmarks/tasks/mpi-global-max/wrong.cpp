// Bug: the local maximum starts at 0.0, which is wrong when every element is negative.
#include <mpi.h>
#include <vector>

double global_max(const std::vector<double>& local, MPI_Comm comm) {
    double m = 0.0, result;
    for (double v : local)
        if (v > m) m = v;
    MPI_Allreduce(&m, &result, 1, MPI_DOUBLE, MPI_MAX, comm);
    return result;
}
