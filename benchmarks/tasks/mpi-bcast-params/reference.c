#include <mpi.h>
#include <stddef.h>

typedef struct {
    int n_steps;
    double dt;
    double coeffs[8];
    char label[32];
} sim_params;

void broadcast_params(sim_params *p, MPI_Comm comm) {
    /* a derived datatype describing the struct, so no assumption about padding is made */
    int lens[4] = {1, 1, 8, 32};
    MPI_Aint disp[4] = {offsetof(sim_params, n_steps), offsetof(sim_params, dt), offsetof(sim_params, coeffs),
                        offsetof(sim_params, label)};
    MPI_Datatype types[4] = {MPI_INT, MPI_DOUBLE, MPI_DOUBLE, MPI_CHAR}, t;
    MPI_Type_create_struct(4, lens, disp, types, &t);
    MPI_Type_commit(&t);
    MPI_Bcast(p, 1, t, 0, comm);
    MPI_Type_free(&t);
}
