/* Bug: sizeof(p) is the size of the pointer, so only the first 8 bytes are broadcast. */
#include <mpi.h>

typedef struct {
    int n_steps;
    double dt;
    double coeffs[8];
    char label[32];
} sim_params;

void broadcast_params(sim_params *p, MPI_Comm comm) {
    MPI_Bcast(p, sizeof(p), MPI_BYTE, 0, comm);
}
