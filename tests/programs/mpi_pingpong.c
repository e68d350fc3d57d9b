/* Two ranks bounce a 1 KB message 20000 times: the run is almost all MPI_Send/MPI_Recv. */
#include <mpi.h>
#include <stdio.h>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    char buffer[1024] = {0};
    const int trips = 20000;
    double t0 = MPI_Wtime();
    for (int i = 0; i < trips && size > 1; i++) {
        if (rank == 0) {
            MPI_Send(buffer, sizeof buffer, MPI_CHAR, 1, 0, MPI_COMM_WORLD);
            MPI_Recv(buffer, sizeof buffer, MPI_CHAR, 1, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        } else if (rank == 1) {
            MPI_Recv(buffer, sizeof buffer, MPI_CHAR, 0, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            MPI_Send(buffer, sizeof buffer, MPI_CHAR, 0, 0, MPI_COMM_WORLD);
        }
    }
    if (rank == 0) printf("round trips=%d in %.3f s\n", trips, MPI_Wtime() - t0);
    MPI_Finalize();
    return 0;
}
