import Foundation
@testable import NumericCore
import Testing

@Suite("BLAS runtime")
struct BLASRuntimeTests {
    @Test("selecting kernels: a core is active, one selection, the environment left as it was")
    func selection() {
        let before = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"]
        let selection = BLASRuntime.selectKernels()
        #expect(!selection.activeCore.isEmpty)
        #expect(!selection.detectedCore.isEmpty)
        #expect(selection.threads >= 1)
        #expect(!selection.reason.isEmpty)
        #expect(BLASRuntime.selectKernels() == selection)  // selected once
        #expect(ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == before)
        #expect(selection.summary == "OpenBLAS \(selection.activeCore) kernels, \(selection.threads) threads (\(selection.reason))")
    }

    static let avx512: Set<Substring> = ["sse2", "avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]
    static let avx2: Set<Substring> = ["sse2", "avx", "avx2", "fma"]

    @Test("an old core on an AVX-512 CPU switches to SkylakeX; an AVX-512 core is kept")
    func avx512Choice() {
        #expect(BLASRuntime.kernelChoice(detectedCore: "Prescott", cpuFlags: Self.avx512).switchTo == "SkylakeX")
        #expect(BLASRuntime.kernelChoice(detectedCore: "Haswell", cpuFlags: Self.avx512).switchTo == "SkylakeX")
        #expect(BLASRuntime.kernelChoice(detectedCore: "Cooperlake", cpuFlags: Self.avx512).switchTo == nil)
        // AVX-512F alone is not what the SkylakeX kernels need.
        #expect(BLASRuntime.kernelChoice(detectedCore: "Prescott", cpuFlags: Self.avx2.union(["avx512f"])).switchTo == "Haswell")
    }

    @Test("an old core on an AVX2+FMA CPU switches to Haswell; a CPU without them keeps OpenBLAS's choice")
    func avx2Choice() {
        #expect(BLASRuntime.kernelChoice(detectedCore: "Sandybridge", cpuFlags: Self.avx2).switchTo == "Haswell")
        #expect(BLASRuntime.kernelChoice(detectedCore: "Zen", cpuFlags: Self.avx2).switchTo == nil)
        let kept = BLASRuntime.kernelChoice(detectedCore: "Nehalem", cpuFlags: ["sse2", "avx"])
        #expect(kept.switchTo == nil)
        #expect(kept.reason.contains("neither AVX-512 nor AVX2+FMA"))
    }
}
