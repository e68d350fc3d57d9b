/*---
id: mpi-alltoallv-bucket-sort
title: Parallel bucket sort with MPI_Alltoall counts and MPI_Alltoallv data (C++)
descriptions:
  - sort numbers that are spread over several processes
  - MPI_Alltoallv example, send a variable amount of data to each rank
  - redistribute values so that rank r holds the r-th value range
api: mpi
lang: c++
constructs: [MPI_Alltoall, MPI_Alltoallv, MPI_Allreduce, MPI_Sendrecv]
pattern: sort
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>

#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    // Each rank makes pseudo-random keys in [0, MAXKEY) with a simple LCG.
    const int nlocal = 1000, MAXKEY = 1 << 20;
    std::vector<int> keys(nlocal);
    unsigned state = 12345u + 977u * rank;
    long long local_sum = 0;
    for (int &k : keys) {
        state = state * 1103515245u + 12345u;
        k = static_cast<int>((state >> 8) % MAXKEY);
        local_sum += k;
    }

    // Bucket b holds keys in [b*MAXKEY/size, (b+1)*MAXKEY/size): it goes to rank b.
    auto owner = [&](int k) { return static_cast<int>(static_cast<long long>(k) * size / MAXKEY); };
    std::sort(keys.begin(), keys.end(), [&](int a, int b) { return owner(a) < owner(b); });
    std::vector<int> sendcounts(size, 0), recvcounts(size), sdispl(size), rdispl(size);
    for (int k : keys) sendcounts[owner(k)]++;

    // 1) Tell every rank how much it will get from us.
    MPI_Alltoall(sendcounts.data(), 1, MPI_INT, recvcounts.data(), 1, MPI_INT, MPI_COMM_WORLD);
    int nrecv = 0;
    for (int r = 0, s = 0; r < size; r++) {
        sdispl[r] = s;
        s += sendcounts[r];
        rdispl[r] = nrecv;
        nrecv += recvcounts[r];
    }

    // 2) Move the keys: a variable amount to/from every rank.
    std::vector<int> mine(nrecv);
    MPI_Alltoallv(keys.data(), sendcounts.data(), sdispl.data(), MPI_INT,
                  mine.data(), recvcounts.data(), rdispl.data(), MPI_INT, MPI_COMM_WORLD);
    std::sort(mine.begin(), mine.end());

    // Checks: nothing lost (count and sum), every key in my range, and my largest key
    // is not bigger than the right neighbour's smallest (global order).
    long long my_sum = 0;
    bool ok = true;
    for (int k : mine) {
        my_sum += k;
        if (owner(k) != rank) ok = false;
    }
    long long sums[2] = {local_sum, my_sum}, tot[2];
    MPI_Allreduce(sums, tot, 2, MPI_LONG_LONG, MPI_SUM, MPI_COMM_WORLD);
    long long n_all, n_mine = nrecv;
    MPI_Allreduce(&n_mine, &n_all, 1, MPI_LONG_LONG, MPI_SUM, MPI_COMM_WORLD);
    if (tot[0] != tot[1] || n_all != static_cast<long long>(nlocal) * size) ok = false;

    int my_max = mine.empty() ? -1 : mine.back(), left_max = -1;
    int right = rank + 1 < size ? rank + 1 : MPI_PROC_NULL; // PROC_NULL: no-op partner
    int left = rank > 0 ? rank - 1 : MPI_PROC_NULL;
    MPI_Sendrecv(&my_max, 1, MPI_INT, right, 0, &left_max, 1, MPI_INT, left, 0,
                 MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (!mine.empty() && left_max > mine.front()) ok = false;

    int flag = ok, all_ok;
    MPI_Allreduce(&flag, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) std::printf("bucket sort of %lld keys: %s\n", n_all, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
