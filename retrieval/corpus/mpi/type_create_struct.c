/*---
id: mpi-type-create-struct
title: Send C structs with mixed fields using MPI_Type_create_struct and MPI_Get_address
descriptions:
  - how do I send a struct with MPI
  - MPI_Type_create_struct example with MPI_Get_address
  - send an array of records containing ints, doubles and chars
api: mpi
lang: c
constructs: [MPI_Type_create_struct, MPI_Get_address, MPI_Type_create_resized, MPI_Gather]
pattern: datatype
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int id;
    double mass;
    double pos[3];
    char label[16];
} particle;

#define NP 3 /* particles per rank */

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Describe the fields: how many of which type, at which byte offset.
       Offsets come from MPI_Get_address so compiler padding is handled. */
    particle p;
    int blocklens[4] = {1, 1, 3, 16};
    MPI_Datatype types[4] = {MPI_INT, MPI_DOUBLE, MPI_DOUBLE, MPI_CHAR};
    MPI_Aint base, displs[4];
    MPI_Get_address(&p, &base);
    MPI_Get_address(&p.id, &displs[0]);
    MPI_Get_address(&p.mass, &displs[1]);
    MPI_Get_address(&p.pos, &displs[2]);
    MPI_Get_address(&p.label, &displs[3]);
    for (int i = 0; i < 4; i++) displs[i] = MPI_Aint_diff(displs[i], base);

    MPI_Datatype tmp, particle_type;
    MPI_Type_create_struct(4, blocklens, displs, types, &tmp);
    /* Make the extent equal to sizeof(particle) (trailing padding), so that
       count > 1 steps through an array of structs correctly. */
    MPI_Type_create_resized(tmp, 0, sizeof(particle), &particle_type);
    MPI_Type_commit(&particle_type);
    MPI_Type_free(&tmp);

    particle mine[NP];
    for (int k = 0; k < NP; k++) {
        mine[k].id = rank * NP + k;
        mine[k].mass = 1.5 * rank + k;
        for (int d = 0; d < 3; d++) mine[k].pos[d] = rank + 0.1 * d;
        snprintf(mine[k].label, sizeof mine[k].label, "r%dp%d", rank, k);
    }

    particle *all = NULL;
    if (rank == 0) all = malloc(size * NP * sizeof *all);
    MPI_Gather(mine, NP, particle_type, all, NP, particle_type, 0, MPI_COMM_WORLD);

    int ok = 1;
    if (rank == 0) {
        for (int r = 0; r < size; r++)
            for (int k = 0; k < NP; k++) {
                particle *q = &all[r * NP + k];
                char expect[16];
                snprintf(expect, sizeof expect, "r%dp%d", r, k);
                if (q->id != r * NP + k || q->mass != 1.5 * r + k || q->pos[2] != r + 0.2 ||
                    strcmp(q->label, expect) != 0) ok = 0;
            }
        printf("gathered %d particles, last label %s: %s\n", size * NP, all[size * NP - 1].label, ok ? "PASS" : "FAIL");
        free(all);
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Type_free(&particle_type);
    MPI_Finalize();
    return ok ? 0 : 1;
}
