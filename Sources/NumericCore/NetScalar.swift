import CBLAS
import RealModule

/// The element types the engine computes in: `Double` (the course's float64 default) and `Float`.
///
/// Everything numeric is generic over this protocol; the one thing that differs per type is which
/// BLAS routine multiplies matrices (`cblas_dgemm` vs `cblas_sgemm`).
public protocol NetScalar: Real, BinaryFloatingPoint, Codable, Sendable, CustomStringConvertible {
    /// numpy's name for the type: `"float64"` or `"float32"`.
    static var dtypeName: String { get }

    /// Row-major `C = alpha * op(A) * op(B) + beta * C`, with `op(A)` of shape (m, k) and
    /// `op(B)` of shape (k, n). `lda`, `ldb`, `ldc` are the row strides of the stored matrices.
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Self, a: UnsafePointer<Self>, lda: Int,
        b: UnsafePointer<Self>, ldb: Int,
        beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)
}

@inline(__always)
private func cblasTranspose(_ t: Bool) -> CBLAS_TRANSPOSE { t ? CblasTrans : CblasNoTrans }

extension Double: NetScalar {
    public static var dtypeName: String { "float64" }

    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int,
        b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        BLASRuntime.prepare()
        cblas_dgemm(
            CblasRowMajor, cblasTranspose(transposeA), cblasTranspose(transposeB),
            blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb),
            beta, c, blasint(ldc))
    }
}

extension Float: NetScalar {
    public static var dtypeName: String { "float32" }

    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        BLASRuntime.prepare()
        cblas_sgemm(
            CblasRowMajor, cblasTranspose(transposeA), cblasTranspose(transposeB),
            blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb),
            beta, c, blasint(ldc))
    }
}
