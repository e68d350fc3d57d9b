/*---
id: mpi-op-create-stats
title: Global mean and variance in one reduction with a user-defined MPI_Op (C++)
descriptions:
  - compute mean and standard deviation of data spread over processes
  - custom MPI reduction on a struct, merging partial statistics
  - MPI_Op_create with a C++ struct and MPI_Type_contiguous
api: mpi
lang: c++
constructs: [MPI_Op_create, MPI_Type_contiguous, MPI_Allreduce, MPI_Op_free]
pattern: reduce
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>

#include <cmath>
#include <cstdio>
#include <vector>

// Partial statistics of a set of numbers: count, mean and sum of squared deviations.
struct Stats {
    double n, mean, m2;
};

// Merge two partial results (Chan et al. parallel variance formula).
static Stats merge(const Stats &a, const Stats &b) {
    if (a.n == 0) return b;
    if (b.n == 0) return a;
    double n = a.n + b.n, delta = b.mean - a.mean;
    return {n, a.mean + delta * b.n / n, a.m2 + b.m2 + delta * delta * a.n * b.n / n};
}

// The MPI callback: inout[i] = in[i] (+) inout[i]. extern "C" gives it C linkage.
extern "C" void merge_op(void *in, void *inout, int *len, MPI_Datatype *) {
    auto *x = static_cast<Stats *>(in);
    auto *y = static_cast<Stats *>(inout);
    for (int i = 0; i < *len; i++) y[i] = merge(x[i], y[i]);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    // Each rank holds a different amount of data.
    auto value = [](int g) { return 10.0 + std::sin(0.1 * g) * 3.0; };
    const int N = 1003;
    std::vector<double> x;
    for (int g = rank; g < N; g += size) x.push_back(value(g)); // cyclic distribution

    // Local statistics with Welford's single-pass update.
    Stats local{0, 0, 0};
    for (double v : x) local = merge(local, Stats{1, v, 0});

    MPI_Datatype stats_type;
    MPI_Type_contiguous(3, MPI_DOUBLE, &stats_type); // Stats is 3 doubles, no padding
    MPI_Type_commit(&stats_type);
    MPI_Op op;
    MPI_Op_create(merge_op, /*commute=*/1, &op);

    Stats global;
    MPI_Allreduce(&local, &global, 1, stats_type, op, MPI_COMM_WORLD);
    double variance = global.m2 / global.n;

    // Serial two-pass reference.
    double mean = 0, var = 0;
    for (int g = 0; g < N; g++) mean += value(g);
    mean /= N;
    for (int g = 0; g < N; g++) var += (value(g) - mean) * (value(g) - mean);
    var /= N;
    bool ok = global.n == N && std::fabs(global.mean - mean) <= 1e-12 * mean &&
              std::fabs(variance - var) <= 1e-9 * var;

    if (rank == 0)
        std::printf("mean %.6f variance %.6f over %d values: %s\n", global.mean, variance, N, ok ? "PASS" : "FAIL");
    MPI_Op_free(&op);
    MPI_Type_free(&stats_type);
    MPI_Finalize();
    return ok ? 0 : 1;
}
