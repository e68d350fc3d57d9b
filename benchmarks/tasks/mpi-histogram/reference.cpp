#include <mpi.h>
#include <vector>

std::vector<long> dist_histogram(const std::vector<double>& local, double lo, double hi, int nbins, MPI_Comm comm) {
    std::vector<long> mine(nbins, 0), total(nbins, 0);
    const double scale = nbins / (hi - lo);
    for (double v : local) {
        int b = (int)((v - lo) * scale);
        if (b >= nbins) b = nbins - 1;  // guard against rounding at the top edge
        mine[b]++;
    }
    MPI_Reduce(mine.data(), total.data(), nbins, MPI_LONG, MPI_SUM, 0, comm);
    return total;
}
