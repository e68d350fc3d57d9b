// Bug: sorts the local values before sending, then just concatenates the sorted pieces it
// receives from the other ranks without merging or sorting them again.
#include <mpi.h>
#include <algorithm>
#include <vector>

std::vector<int> bucket_sort(const std::vector<int>& local, int maxv, MPI_Comm comm) {
    int size;
    MPI_Comm_size(comm, &size);
    std::vector<int> sorted(local);
    std::sort(sorted.begin(), sorted.end());
    std::vector<int> sendcounts(size, 0), recvcounts(size), sdispl(size), rdispl(size);
    for (int v : sorted) sendcounts[(long long)v * size / maxv]++;
    for (int q = 0, off = 0; q < size; q++) {
        sdispl[q] = off;
        off += sendcounts[q];
    }
    MPI_Alltoall(sendcounts.data(), 1, MPI_INT, recvcounts.data(), 1, MPI_INT, comm);
    int total = 0;
    for (int q = 0; q < size; q++) {
        rdispl[q] = total;
        total += recvcounts[q];
    }
    std::vector<int> mine(total);
    MPI_Alltoallv(sorted.data(), sendcounts.data(), sdispl.data(), MPI_INT, mine.data(), recvcounts.data(),
                  rdispl.data(), MPI_INT, comm);
    return mine;
}
