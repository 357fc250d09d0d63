// Fused elementwise kernels of the update rules, in C so that the compiler may vectorize
// square roots and divisions (no errno semantics) and pick AVX-512 / AVX2 / SSE2 code at load
// time (target_clones). Each is one pass over the parameter; formulas in gc_kernels.c.
#ifndef GC_KERNELS_H
#define GC_KERNELS_H
#include <stddef.h>

void gc_adam_f64(size_t n, double *w, double *m, double *v, const double *g,
                 double lr, double beta1, double beta2, double correction1, double correction2, double eps);
void gc_adam_f32(size_t n, float *w, float *m, float *v, const float *g,
                 float lr, float beta1, float beta2, float correction1, float correction2, float eps);
void gc_rmsprop_f64(size_t n, double *w, double *cache, const double *g, double lr, double decay, double eps);
void gc_rmsprop_f32(size_t n, float *w, float *cache, const float *g, float lr, float decay, float eps);


// out[i] = scale * w[i]; returns sum(w[i]^2), accumulated in 8 interleaved partial sums (a fixed
// order, so the result does not depend on which code version runs). The L2 term of a weight in
// one pass: dW starts as reg * W while the loss gains 0.5 * reg * sum(W^2).
double gc_scaled_copy_sumsq_f64(size_t n, const double *w, double *out, double scale);
double gc_scaled_copy_sumsq_f32(size_t n, const float *w, float *out, float scale);

// Index of the first NaN or infinity in x, or -1 (exponent bits all ones, checked 8 at a time).
long gc_first_nonfinite_f64(size_t n, const double *x);
long gc_first_nonfinite_f32(size_t n, const float *x);

#endif
