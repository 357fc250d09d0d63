import NumericCore
import Testing

@Suite("BLAS runtime")
struct BLASRuntimeTests {
    @Test("a core is active and at least one thread runs")
    func selection() {
        let selection = BLASRuntime.selection
        #expect(!selection.activeCore.isEmpty)
        #expect(!selection.detectedCore.isEmpty)
        #expect(selection.threads >= 1)
        #expect(!selection.reason.isEmpty)
        #expect(BLASRuntime.selection == selection)  // selected once
    }
}
