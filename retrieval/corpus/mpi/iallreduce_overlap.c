/*---
id: mpi-iallreduce-overlap
title: Overlap a global reduction with independent work using MPI_Iallreduce
descriptions:
  - non-blocking allreduce example
  - hide the cost of a reduction behind computation
  - MPI_Iallreduce and MPI_Wait, start the reduction and do something else meanwhile
api: mpi
lang: c
constructs: [MPI_Iallreduce, MPI_Wait, MPI_Test]
pattern: reduce
threads: [1]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <stdio.h>

#define N 100000

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Step 1: a local partial result, e.g. a residual norm. */
    double partial = 0.0;
    for (int i = rank; i < N; i += size) partial += 1.0 / ((double)(i + 1) * (i + 1));

    /* Step 2: start the reduction; `partial` and `total` must not be touched
       until the request completes. */
    double total = 0.0;
    MPI_Request req;
    MPI_Iallreduce(&partial, &total, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD, &req);

    /* Step 3: work that does not depend on `total`. An occasional MPI_Test
       gives the MPI library a chance to progress the collective. */
    double other = 0.0;
    int done = 0;
    for (int i = 0; i < N; i++) {
        other += sqrt((double)i);
        if (i % 10000 == 0 && !done) MPI_Test(&req, &done, MPI_STATUS_IGNORE);
    }

    /* Step 4: now we need the result. */
    if (!done) MPI_Wait(&req, MPI_STATUS_IGNORE);

    /* sum 1/k^2 for k = 1..N is close to pi^2/6 (error about 1/N). */
    double pi2_6 = 3.14159265358979323846 * 3.14159265358979323846 / 6.0;
    int ok = fabs(total - pi2_6) < 1.5 / N && other > 0.0;
    if (rank == 0) printf("sum 1/k^2 = %.10f (pi^2/6 = %.10f): %s\n", total, pi2_6, ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return ok ? 0 : 1;
}
