import CBLAS
#if canImport(Glibc)
import Glibc
#endif

/// Makes sure OpenBLAS runs kernels that match this CPU, and says which ones it runs.
///
/// Debian's OpenBLAS 0.3.21 does not know recent CPUs (e.g. Intel family 6 model 0xCF) and falls
/// back to "Prescott" SSE3 kernels, 4.6x slower on GEMM than its SkylakeX kernels (measured:
/// the project's perf notes). When `OPENBLAS_CORETYPE` is not set and the detected core is
/// slower than what `/proc/cpuinfo` allows, this switches: to SkylakeX where the CPU lists the
/// AVX-512 subsets those kernels use (F, CD, BW, DQ, VL) and the detected core is not already an
/// AVX-512 one (SkylakeX, Cooperlake, SapphireRapids); to Haswell where it lists AVX2 and FMA
/// and the detected core is an older one (Prescott, Core2, Nehalem, Sandybridge, ...). It then
/// re-initializes OpenBLAS's dispatch table through its exported `gotoblas_dynamic_quit` /
/// `gotoblas_dynamic_init` (looked up at run time, so a BLAS without dynamic dispatch still
/// links). A kernel the CPU cannot run is never forced, and a core named by the environment is
/// always respected (some machines set it on purpose).
///
/// This is the one place where the numeric core touches the process environment: it is a
/// hardware set-up step, done once before the first GEMM.
public enum BLASRuntime {
    /// What was found and what was done.
    public struct Selection: Sendable, Equatable {
        /// The core name OpenBLAS reported at load time.
        public let detectedCore: String
        /// The core name in use now (`openblas_get_corename()`).
        public let activeCore: String
        /// Why the active core is what it is.
        public let reason: String
        /// BLAS threads (`openblas_get_num_threads()`).
        public let threads: Int
    }

    private static let selectionOnce: Selection = select()

    /// Runs the kernel selection once (thread-safe); later calls are free.
    @inline(__always)
    public static func prepare() { _ = selectionOnce }

    /// The kernel selection, performing it on first use.
    public static var selection: Selection { selectionOnce }

    private static func coreName() -> String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    private static func select() -> Selection {
        let detected = coreName()
        let threads = Int(openblas_get_num_threads())
        if let forced = getenv("OPENBLAS_CORETYPE") {
            return Selection(
                detectedCore: detected, activeCore: detected,
                reason: "OPENBLAS_CORETYPE=\(String(cString: forced)) was set by the environment", threads: threads)
        }
        let flags = cpuFlags()
        let avx512Cores: Set<String> = ["skylakex", "cooperlake", "sapphirerapids"]
        let avx2Cores: Set<String> = avx512Cores.union(["haswell", "zen", "excavator", "steamroller", "piledriver"])
        let core = detected.lowercased()
        let target: String
        if ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"].allSatisfy(flags.contains) {
            guard !avx512Cores.contains(core) else {
                return Selection(detectedCore: detected, activeCore: detected, reason: "OpenBLAS's own detection (AVX-512 kernels)", threads: threads)
            }
            target = "SkylakeX"
        } else if flags.contains("avx2") && flags.contains("fma") {
            guard !avx2Cores.contains(core) else {
                return Selection(detectedCore: detected, activeCore: detected, reason: "OpenBLAS's own detection", threads: threads)
            }
            target = "Haswell"
        } else {
            return Selection(
                detectedCore: detected, activeCore: detected,
                reason: "the CPU lists neither AVX-512 nor AVX2+FMA; kept OpenBLAS's choice", threads: threads)
        }
        guard let quit = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "gotoblas_dynamic_quit"),
              let initialize = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "gotoblas_dynamic_init")
        else {
            return Selection(
                detectedCore: detected, activeCore: detected,
                reason: "this OpenBLAS has no dynamic dispatch to switch; set OPENBLAS_CORETYPE=\(target)", threads: threads)
        }
        typealias VoidFunction = @convention(c) () -> Void
        setenv("OPENBLAS_CORETYPE", target, 1)
        unsafeBitCast(quit, to: VoidFunction.self)()
        unsafeBitCast(initialize, to: VoidFunction.self)()
        let active = coreName()
        return Selection(
            detectedCore: detected, activeCore: active,
            reason: "OpenBLAS chose \(detected) on this CPU; switched to \(target), which its flags allow",
            threads: Int(openblas_get_num_threads()))
    }

    /// The `flags` line of `/proc/cpuinfo` as a set (empty where the file does not exist).
    private static func cpuFlags() -> Set<Substring> {
        guard let file = fopen("/proc/cpuinfo", "r") else { return [] }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0, let line {
            let text = String(cString: line)
            if text.hasPrefix("flags") {
                return Set(text.split(separator: ":", maxSplits: 1).last?.split(whereSeparator: { $0 == " " || $0 == "\n" }) ?? [])
            }
        }
        return []
    }
}
