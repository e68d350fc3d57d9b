/*---
id: mpi-op-create-matmul
title: User-defined non-commutative reduction (2x2 matrix product) with MPI_Op_create
descriptions:
  - define my own reduction operation in MPI
  - MPI_Op_create example for a custom operator
  - reduce with an operation that is not commutative, like matrix multiplication
api: mpi
lang: c
constructs: [MPI_Op_create, MPI_Op_free, MPI_Type_contiguous, MPI_Reduce]
pattern: reduce
threads: [1]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <stdio.h>

typedef struct { double a, b, c, d; } mat2; /* [[a b] [c d]] */

static mat2 mul(mat2 x, mat2 y) {
    mat2 r = {x.a * y.a + x.b * y.c, x.a * y.b + x.b * y.d,
              x.c * y.a + x.d * y.c, x.c * y.b + x.d * y.d};
    return r;
}

/* MPI calls this with two arrays of *len elements: it must compute
   inout[i] = in[i] op inout[i], where `in` comes from LOWER ranks. */
static void matmul_op(void *in, void *inout, int *len, MPI_Datatype *type) {
    (void)type;
    mat2 *x = in, *y = inout;
    for (int i = 0; i < *len; i++) y[i] = mul(x[i], y[i]);
}

static mat2 rank_matrix(int r) { mat2 m = {1.0, r + 1.0, 0.5 * r, 1.0}; return m; }

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* An MPI datatype for one matrix: 4 contiguous doubles. */
    MPI_Datatype mat_type;
    MPI_Type_contiguous(4, MPI_DOUBLE, &mat_type);
    MPI_Type_commit(&mat_type);

    /* commute = 0: MPI must combine in rank order, M0 * M1 * ... * M(p-1). */
    MPI_Op matmul;
    MPI_Op_create(matmul_op, 0, &matmul);

    mat2 mine = rank_matrix(rank), prod;
    MPI_Reduce(&mine, &prod, 1, mat_type, matmul, 0, MPI_COMM_WORLD);

    int ok = 1;
    if (rank == 0) {
        mat2 ref = rank_matrix(0);
        for (int r = 1; r < size; r++) ref = mul(ref, rank_matrix(r));
        double err = fabs(ref.a - prod.a) + fabs(ref.b - prod.b) + fabs(ref.c - prod.c) + fabs(ref.d - prod.d);
        double scale = fabs(ref.a) + fabs(ref.b) + fabs(ref.c) + fabs(ref.d);
        ok = err <= 1e-12 * scale;
        printf("product = [[%g %g] [%g %g]]: %s\n", prod.a, prod.b, prod.c, prod.d, ok ? "PASS" : "FAIL");
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);

    MPI_Op_free(&matmul);
    MPI_Type_free(&mat_type);
    MPI_Finalize();
    return ok ? 0 : 1;
}
