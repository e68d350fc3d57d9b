// Driver for mpi-bucket-sort: uneven input blocks, maxv not divisible by the number of ranks;
// every rank's bucket is gathered on rank 0 and checked (right bucket, and the concatenation
// equals the sorted array).
#include <mpi.h>
#include <algorithm>
#include <cstdio>
#include <vector>

std::vector<int> bucket_sort(const std::vector<int>& local, int maxv, MPI_Comm comm);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// The serial reference, kept out of line.
static __attribute__((noinline)) void reference(std::vector<int>& v) { std::sort(v.begin(), v.end()); }

int main(int argc, char** argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const long n = 2000003;
    const int maxv = 1000003;
    // rank r gets the values with global index i, i % size == r, plus (on rank 0) an extra tail
    // of 1000 values, so the input counts differ between ranks
    auto val = [&](long i) { return (int)(mix64((unsigned long long)i) % (unsigned long long)maxv); };
    std::vector<int> local;
    for (long i = rank; i < n; i += size) local.push_back(val(i));
    if (rank == 0)
        for (long i = n; i < n + 1000; i++) local.push_back(val(i));

    std::vector<int> ref;
    double ref_time = 0.0;
    if (rank == 0) {
        for (long i = 0; i < n + 1000; i++) ref.push_back(val(i));
        double t0 = MPI_Wtime();
        reference(ref);
        ref_time = MPI_Wtime() - t0;
    }

    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    std::vector<int> mine = bucket_sort(local, maxv, MPI_COMM_WORLD);
    double el = MPI_Wtime() - t0, time;
    MPI_Reduce(&el, &time, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    int ok = 1, all_ok;
    for (size_t i = 0; i < mine.size(); i++)
        if ((int)((long long)mine[i] * size / maxv) != rank) {
            std::fprintf(stderr, "rank %d: value %d at position %zu is not in this rank's bucket\n", rank, mine[i], i);
            ok = 0;
            break;
        }
    int cnt = (int)mine.size();
    std::vector<int> counts(size), displs(size);
    MPI_Gather(&cnt, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
    long total = 0;
    if (rank == 0)
        for (int q = 0; q < size; q++) {
            displs[q] = (int)total;
            total += counts[q];
        }
    MPI_Bcast(&total, 1, MPI_LONG, 0, MPI_COMM_WORLD);
    if (total != n + 1000) {
        if (rank == 0) std::fprintf(stderr, "wrong total count: %ld values returned, expected %ld\n", total, n + 1000);
        ok = 0;
    } else {
        std::vector<int> all(rank == 0 ? total : 1);
        MPI_Gatherv(mine.data(), cnt, MPI_INT, all.data(), counts.data(), displs.data(), MPI_INT, 0, MPI_COMM_WORLD);
        if (rank == 0)
            for (long i = 0; i < total; i++)
                if (all[i] != ref[i]) {
                    std::fprintf(stderr, "wrong value at sorted position %ld: got %d, expected %d\n", i, all[i], ref[i]);
                    ok = 0;
                    break;
                }
    }
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (rank == 0 && all_ok) {
        std::printf("time: %.6f\n", time);
        std::printf("ref_time: %.6f\n", ref_time);
    }
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
