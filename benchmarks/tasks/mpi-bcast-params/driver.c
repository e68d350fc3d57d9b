/* Driver for mpi-bcast-params: non-root ranks start with garbage in every field. The timed
   work is tiny (a broadcast of one struct); the serial reference is the struct copy. */
#include <mpi.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    int n_steps;
    double dt;
    double coeffs[8];
    char label[32];
} sim_params;

void broadcast_params(sim_params *p, MPI_Comm comm);

static void fill(sim_params *p) {
    memset(p, 0, sizeof *p);
    p->n_steps = 123457;
    p->dt = 1.0 / 3.0;
    for (int i = 0; i < 8; i++) p->coeffs[i] = 0.5 * i - 1.25 + 1e-9 * i * i;
    strcpy(p->label, "heat-run-42 (lambda=0.7)");
}

/* The serial reference, kept out of line. */
static __attribute__((noinline)) void reference(sim_params *dst, const sim_params *src) { *dst = *src; }

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    sim_params p, expect, copy;
    fill(&expect);
    if (rank == 0) {
        p = expect;
    } else {
        memset(&p, 0x5A, sizeof p);
        p.n_steps = -rank;
        p.dt = -1.0;
        strcpy(p.label, "garbage garbage garbage garbag");
    }
    double ref_time = 0.0;
    if (rank == 0) {
        double t0 = MPI_Wtime();
        reference(&copy, &p);
        ref_time = MPI_Wtime() - t0;
    }

    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    broadcast_params(&p, MPI_COMM_WORLD);
    double mine = MPI_Wtime() - t0, time;
    MPI_Reduce(&mine, &time, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    int ok = p.n_steps == expect.n_steps && p.dt == expect.dt && strcmp(p.label, expect.label) == 0, all_ok;
    for (int i = 0; i < 8; i++) ok = ok && p.coeffs[i] == expect.coeffs[i];
    if (!ok)
        fprintf(stderr, "rank %d: wrong parameters: n_steps %d dt %.17g coeffs[7] %.17g label \"%.31s\"\n", rank,
                p.n_steps, p.dt, p.coeffs[7], p.label);
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (rank == 0 && all_ok) {
        printf("time: %.6f\n", time);
        printf("ref_time: %.6f\n", ref_time);
    }
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
