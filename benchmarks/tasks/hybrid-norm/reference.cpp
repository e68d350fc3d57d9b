#include <mpi.h>
#include <cmath>
#include <vector>

double global_norm(const std::vector<double>& local, MPI_Comm comm) {
    const long n = (long)local.size();
    const double* a = local.data();
    double s = 0.0, total = 0.0;
#pragma omp parallel for reduction(+ : s)
    for (long i = 0; i < n; i++) s += a[i] * a[i];
    MPI_Allreduce(&s, &total, 1, MPI_DOUBLE, MPI_SUM, comm);
    return std::sqrt(total);
}
