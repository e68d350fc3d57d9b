// Bug: reduces the long counts with MPI_INT, so only half of the bytes are combined.
#include <mpi.h>
#include <vector>

std::vector<long> dist_histogram(const std::vector<double>& local, double lo, double hi, int nbins, MPI_Comm comm) {
    std::vector<long> mine(nbins, 0), total(nbins, 0);
    for (double v : local) mine[(int)((v - lo) / (hi - lo) * nbins)]++;
    MPI_Reduce(mine.data(), total.data(), nbins, MPI_INT, MPI_SUM, 0, comm);
    return total;
}
