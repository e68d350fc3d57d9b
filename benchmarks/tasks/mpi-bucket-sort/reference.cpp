#include <mpi.h>
#include <algorithm>
#include <vector>

std::vector<int> bucket_sort(const std::vector<int>& local, int maxv, MPI_Comm comm) {
    int size;
    MPI_Comm_size(comm, &size);
    auto owner = [&](int v) { return (int)((long long)v * size / maxv); };
    std::vector<int> sendcounts(size, 0), recvcounts(size), sdispl(size), rdispl(size);
    for (int v : local) sendcounts[owner(v)]++;
    for (int q = 0, off = 0; q < size; q++) {
        sdispl[q] = off;
        off += sendcounts[q];
    }
    std::vector<int> sendbuf(local.size()), pos(sdispl);
    for (int v : local) sendbuf[pos[owner(v)]++] = v;
    MPI_Alltoall(sendcounts.data(), 1, MPI_INT, recvcounts.data(), 1, MPI_INT, comm);
    int total = 0;
    for (int q = 0; q < size; q++) {
        rdispl[q] = total;
        total += recvcounts[q];
    }
    std::vector<int> mine(total);
    MPI_Alltoallv(sendbuf.data(), sendcounts.data(), sdispl.data(), MPI_INT, mine.data(), recvcounts.data(),
                  rdispl.data(), MPI_INT, comm);
    std::sort(mine.begin(), mine.end());
    return mine;
}
