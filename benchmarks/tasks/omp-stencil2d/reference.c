void stencil_step(const double *in, double *out, int nx, int ny) {
#pragma omp parallel
    {
#pragma omp for nowait
        for (int j = 0; j < nx; j++) {
            out[j] = in[j];
            out[(long)(ny - 1) * nx + j] = in[(long)(ny - 1) * nx + j];
        }
#pragma omp for
        for (int i = 1; i < ny - 1; i++) {
            const long r = (long)i * nx;
            out[r] = in[r];
            for (int j = 1; j < nx - 1; j++)
                out[r + j] = (in[r + j - nx] + in[r + j + nx] + in[r + j - 1] + in[r + j + 1]) / 4;
            out[r + nx - 1] = in[r + nx - 1];
        }
    }
}
