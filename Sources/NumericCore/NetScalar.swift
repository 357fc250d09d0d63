import CBLAS
import CKernels
import RealModule

/// The element types the engine computes in: `Double` (the course's float64 default) and `Float`.
///
/// Everything numeric is generic over this protocol; the one thing that differs per type is which
/// BLAS routine multiplies matrices (`cblas_dgemm` vs `cblas_sgemm`).
public protocol NetScalar: Real, BinaryFloatingPoint, SIMDScalar, Codable, Sendable, CustomStringConvertible {
    /// numpy's name for the type: `"float64"` or `"float32"`.
    static var dtypeName: String { get }

    /// Row-major `C = alpha * op(A) * op(B) + beta * C`, with `op(A)` of shape (m, k) and
    /// `op(B)` of shape (k, n). `lda`, `ldb`, `ldc` are the row strides of the stored matrices.
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Self, a: UnsafePointer<Self>, lda: Int,
        b: UnsafePointer<Self>, ldb: Int,
        beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)

    /// One fused Adam pass (t already incremented), see `gc_kernels.h`.
    static func adamKernel(
        count: Int, w: UnsafeMutablePointer<Self>, m: UnsafeMutablePointer<Self>, v: UnsafeMutablePointer<Self>,
        g: UnsafePointer<Self>, learningRate: Self, beta1: Self, beta2: Self,
        correction1: Self, correction2: Self, epsilon: Self)

    /// `out = scale * w`, returning `sum(w^2)` (fixed summation order), see `gc_kernels.h`.
    static func scaledCopySumOfSquares(count: Int, w: UnsafePointer<Self>, out: UnsafeMutablePointer<Self>, scale: Self) -> Double

    /// Index of the first NaN or infinity among `count` values, if any.
    static func firstNonFinite(count: Int, _ x: UnsafePointer<Self>) -> Int?

    /// One fused RMSProp pass, see `gc_kernels.h`.
    static func rmspropKernel(
        count: Int, w: UnsafeMutablePointer<Self>, cache: UnsafeMutablePointer<Self>, g: UnsafePointer<Self>,
        learningRate: Self, decayRate: Self, epsilon: Self)
}

@inline(__always)
private func cblasTranspose(_ t: Bool) -> CBLAS_TRANSPOSE { t ? CblasTrans : CblasNoTrans }

extension Double: NetScalar {
    public static func adamKernel(
        count: Int, w: UnsafeMutablePointer<Double>, m: UnsafeMutablePointer<Double>, v: UnsafeMutablePointer<Double>,
        g: UnsafePointer<Double>, learningRate: Double, beta1: Double, beta2: Double,
        correction1: Double, correction2: Double, epsilon: Double
    ) {
        gc_adam_f64(count, w, m, v, g, learningRate, beta1, beta2, correction1, correction2, epsilon)
    }

    public static func rmspropKernel(
        count: Int, w: UnsafeMutablePointer<Double>, cache: UnsafeMutablePointer<Double>, g: UnsafePointer<Double>,
        learningRate: Double, decayRate: Double, epsilon: Double
    ) {
        gc_rmsprop_f64(count, w, cache, g, learningRate, decayRate, epsilon)
    }

    public static var dtypeName: String { "float64" }

    public static func scaledCopySumOfSquares(count: Int, w: UnsafePointer<Double>, out: UnsafeMutablePointer<Double>, scale: Double) -> Double {
        gc_scaled_copy_sumsq_f64(count, w, out, scale)
    }

    public static func firstNonFinite(count: Int, _ x: UnsafePointer<Double>) -> Int? {
        let index = gc_first_nonfinite_f64(count, x)
        return index < 0 ? nil : index
    }

    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int,
        b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        cblas_dgemm(
            CblasRowMajor, cblasTranspose(transposeA), cblasTranspose(transposeB),
            blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb),
            beta, c, blasint(ldc))
    }
}

extension Float: NetScalar {
    public static func adamKernel(
        count: Int, w: UnsafeMutablePointer<Float>, m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>,
        g: UnsafePointer<Float>, learningRate: Float, beta1: Float, beta2: Float,
        correction1: Float, correction2: Float, epsilon: Float
    ) {
        gc_adam_f32(count, w, m, v, g, learningRate, beta1, beta2, correction1, correction2, epsilon)
    }

    public static func rmspropKernel(
        count: Int, w: UnsafeMutablePointer<Float>, cache: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>,
        learningRate: Float, decayRate: Float, epsilon: Float
    ) {
        gc_rmsprop_f32(count, w, cache, g, learningRate, decayRate, epsilon)
    }

    public static var dtypeName: String { "float32" }

    public static func scaledCopySumOfSquares(count: Int, w: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>, scale: Float) -> Double {
        gc_scaled_copy_sumsq_f32(count, w, out, scale)
    }

    public static func firstNonFinite(count: Int, _ x: UnsafePointer<Float>) -> Int? {
        let index = gc_first_nonfinite_f32(count, x)
        return index < 0 ? nil : index
    }

    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, cblasTranspose(transposeA), cblasTranspose(transposeB),
            blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb),
            beta, c, blasint(ldc))
    }
}
