/* Bug: equal blocks of (hi - lo) / size numbers; the remainder at the end is never tested. */
#include <mpi.h>

static int is_prime(long m) {
    if (m < 2) return 0;
    if (m % 2 == 0) return m == 2;
    for (long d = 3; d * d <= m; d += 2)
        if (m % d == 0) return 0;
    return 1;
}

long count_primes(long lo, long hi, MPI_Comm comm) {
    int rank, size;
    MPI_Comm_rank(comm, &rank);
    MPI_Comm_size(comm, &size);
    long chunk = (hi - lo) / size;
    long start = lo + rank * chunk, end = start + chunk;
    long local = 0, total = 0;
    for (long m = start; m < end; m++) local += is_prime(m);
    MPI_Reduce(&local, &total, 1, MPI_LONG, MPI_SUM, 0, comm);
    return total;
}
