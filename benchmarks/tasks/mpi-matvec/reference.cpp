#include <mpi.h>
#include <vector>

void dist_matvec(const std::vector<double>& A_local, const std::vector<double>& x_local, std::vector<double>& y_local,
                 int n, MPI_Comm comm) {
    int size;
    MPI_Comm_size(comm, &size);
    std::vector<int> counts(size), displs(size);
    for (int r = 0, off = 0; r < size; r++) {
        counts[r] = n / size + (r < n % size);
        displs[r] = off;
        off += counts[r];
    }
    std::vector<double> x(n);  // every rank needs the whole x
    MPI_Allgatherv(x_local.data(), (int)x_local.size(), MPI_DOUBLE, x.data(), counts.data(), displs.data(), MPI_DOUBLE,
                   comm);
    const long rows = (long)y_local.size();
    for (long i = 0; i < rows; i++) {
        const double* a = &A_local[i * n];
        double s = 0.0;
        for (int j = 0; j < n; j++) s += a[j] * x[j];
        y_local[i] = s;
    }
}
