import CBLAS
#if canImport(Glibc)
import Glibc
#endif

/// Makes OpenBLAS run kernels that match this CPU, when asked, and says which ones it runs.
///
/// Debian's OpenBLAS 0.3.21 does not know recent CPUs (e.g. Intel family 6 model 0xCF) and falls
/// back to "Prescott" SSE3 kernels, 4.6x slower on GEMM than its SkylakeX kernels (measured:
/// the project's perf notes). `selectKernels()` compares the detected core with what
/// `/proc/cpuinfo` allows and switches: to SkylakeX where the CPU lists the AVX-512 subsets those
/// kernels use (F, CD, BW, DQ, VL) and the detected core is not already an AVX-512 one (SkylakeX,
/// Cooperlake, SapphireRapids); to Haswell where it lists AVX2 and FMA and the detected core is
/// an older one (Prescott, Core2, Nehalem, Sandybridge, ...). It re-initializes OpenBLAS's
/// dispatch table through its exported `gotoblas_dynamic_quit` / `gotoblas_dynamic_init` (looked
/// up at run time, so a BLAS without dynamic dispatch still links). A kernel the CPU cannot run
/// is never forced, and a core named by `OPENBLAS_CORETYPE` is always respected (some machines
/// set it on purpose, for correctness).
///
/// Nothing here runs by itself: GEMM never triggers it, and a program that does not call
/// `selectKernels()` runs whatever OpenBLAS chose at load time. The `gradecheck` CLI and the
/// benchmark call it once at start-up; a library user may too, before starting threads.
/// The process environment is left as it was found: OpenBLAS reads `OPENBLAS_CORETYPE` only in
/// `gotoblas_dynamic_init`, so the variable is set for that call alone and removed again, and
/// child processes inherit the environment the process started with.
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

        /// One line for reports: `OpenBLAS Haswell kernels, 2 threads (OpenBLAS's own detection)`.
        public var summary: String { "OpenBLAS \(activeCore) kernels, \(threads) threads (\(reason))" }
    }

    private static let selectionOnce: Selection = select()

    /// Selects OpenBLAS's kernels for this CPU (see the type's description) and returns what
    /// was found and done. The work happens on the first call (thread-safe); later calls
    /// return the first call's `Selection` and change nothing. Call it before other threads
    /// read the environment: it sets and removes `OPENBLAS_CORETYPE` while OpenBLAS re-initializes.
    @discardableResult
    public static func selectKernels() -> Selection { selectionOnce }

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
        let choice = kernelChoice(detectedCore: detected, cpuFlags: cpuFlags())
        guard let target = choice.switchTo else {
            return Selection(detectedCore: detected, activeCore: detected, reason: choice.reason, threads: threads)
        }
        guard let quit = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "gotoblas_dynamic_quit"),
              let initialize = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "gotoblas_dynamic_init")
        else {
            return Selection(
                detectedCore: detected, activeCore: detected,
                reason: "this OpenBLAS has no dynamic dispatch to switch; set OPENBLAS_CORETYPE=\(target)", threads: threads)
        }
        typealias VoidFunction = @convention(c) () -> Void
        // OpenBLAS reads the variable in gotoblas_dynamic_init alone; it was unset (above), so
        // removing it restores the environment exactly.
        setenv("OPENBLAS_CORETYPE", target, 1)
        unsafeBitCast(quit, to: VoidFunction.self)()
        unsafeBitCast(initialize, to: VoidFunction.self)()
        unsetenv("OPENBLAS_CORETYPE")
        let active = coreName()
        return Selection(
            detectedCore: detected, activeCore: active,
            reason: choice.reason, threads: Int(openblas_get_num_threads()))
    }

    /// Which kernels to switch to, if any, for a core OpenBLAS detected on a CPU with these
    /// `/proc/cpuinfo` flags (see the type's description), and why.
    static func kernelChoice(detectedCore: String, cpuFlags flags: Set<Substring>) -> (switchTo: String?, reason: String) {
        let avx512Cores: Set<String> = ["skylakex", "cooperlake", "sapphirerapids"]
        let avx2Cores: Set<String> = avx512Cores.union(["haswell", "zen", "excavator", "steamroller", "piledriver"])
        let core = detectedCore.lowercased()
        func switching(to target: String) -> (String?, String) {
            (target, "OpenBLAS chose \(detectedCore) on this CPU; switched to \(target), which its flags allow")
        }
        if ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"].allSatisfy(flags.contains) {
            return avx512Cores.contains(core) ? (nil, "OpenBLAS's own detection (AVX-512 kernels)") : switching(to: "SkylakeX")
        }
        if flags.contains("avx2") && flags.contains("fma") {
            return avx2Cores.contains(core) ? (nil, "OpenBLAS's own detection") : switching(to: "Haswell")
        }
        return (nil, "the CPU lists neither AVX-512 nor AVX2+FMA; kept OpenBLAS's choice")
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
