#include <mpi.h>

void ring_shift(const double *sendbuf, double *recvbuf, int count, MPI_Comm comm) {
    int rank, size;
    MPI_Comm_rank(comm, &rank);
    MPI_Comm_size(comm, &size);
    MPI_Sendrecv(sendbuf, count, MPI_DOUBLE, (rank + 1) % size, 0, recvbuf, count, MPI_DOUBLE,
                 (rank - 1 + size) % size, 0, comm, MPI_STATUS_IGNORE);
}
