/* Bug: off-by-one in the row loop, the last interior row is never computed. */
void stencil_step(const double *in, double *out, int nx, int ny) {
    for (int j = 0; j < nx; j++) {
        out[j] = in[j];
        out[(long)(ny - 1) * nx + j] = in[(long)(ny - 1) * nx + j];
    }
#pragma omp parallel for
    for (int i = 1; i < ny - 2; i++) {
        long r = (long)i * nx;
        out[r] = in[r];
        out[r + nx - 1] = in[r + nx - 1];
        for (int j = 1; j < nx - 1; j++)
            out[r + j] = 0.25 * (in[r + j - nx] + in[r + j + nx] + in[r + j - 1] + in[r + j + 1]);
    }
}
