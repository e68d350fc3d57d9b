/* Bug: the shift goes the wrong way round (sends to rank - 1, receives from rank + 1). */
#include <mpi.h>

void ring_shift(const double *sendbuf, double *recvbuf, int count, MPI_Comm comm) {
    int rank, size;
    MPI_Comm_rank(comm, &rank);
    MPI_Comm_size(comm, &size);
    int left = (rank - 1 + size) % size, right = (rank + 1) % size;
    MPI_Sendrecv(sendbuf, count, MPI_DOUBLE, left, 7, recvbuf, count, MPI_DOUBLE, right, 7, comm,
                 MPI_STATUS_IGNORE);
}
