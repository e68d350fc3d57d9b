/* ~1 s of work per rank split into 2000 steps, each ending with an MPI_Allreduce (the
   shape of an iterative solver). Argument: inner iterations per step. */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    long inner = argc > 1 ? atol(argv[1]) : 100000;
    double local = 0.0, global = 0.0;
    for (int step = 0; step < 2000; step++) {
        for (long i = 0; i < inner; i++) local += 1.0 / (1.0 + i + step + rank);
        MPI_Allreduce(&local, &global, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    }
    if (rank == 0) printf("global=%.6f\n", global);
    MPI_Finalize();
    return 0;
}
