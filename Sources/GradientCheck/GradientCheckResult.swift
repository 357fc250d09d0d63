import NumericCore

/// The outcome of comparing an analytic gradient with numerical differences.
public struct GradientCheckResult: Sendable {
    /// One compared entry (or, in directional mode, one direction).
    public struct Entry: Sendable, Equatable {
        /// Flat (row-major) index into the parameter, or the direction number.
        public var flatIndex: Int
        /// Multi-index into the parameter (empty in directional mode).
        public var index: [Int]
        public var numeric: Double
        public var analytic: Double
        /// The course's relative error of this pair.
        public var relativeError: Double
    }

    /// How the entries were chosen.
    public enum Mode: Sendable, Equatable {
        case full
        case sampled(count: Int, seed: UInt32)
        case directional(count: Int, seed: UInt32)
    }

    public var shape: [Int]
    public var mode: Mode
    public var settings: GradientCheckSettings
    /// Entries compared (directions, in directional mode).
    public var checkedCount: Int
    /// The course's `rel_error` over every compared entry except those at kinks.
    public var maxRelativeError: Double
    /// The entry with that error.
    public var worst: Entry?
    /// Entries (not at kinks) outside both tolerances, in index order.
    public var failures: [Entry] = []
    /// Entries whose finite-difference step crossed a kink (ReLU at 0, a hinge margin at 0,
    /// a max): the analytic value matches a one-sided difference, so they are not blamed.
    public var kinks: [Entry]

    /// Whether every entry not at a kink is within the relative or the absolute tolerance.
    public var passed: Bool { failures.isEmpty }

    /// One line for people: the error, where it is worst, and any kinks set aside.
    public var summary: String {
        var text = "max relative error \(format(maxRelativeError)) (relative tolerance \(format(settings.relativeTolerance)), absolute \(format(settings.absoluteTolerance)), \(checkedCount) checked)"
        if let worst {
            let at = worst.index.isEmpty ? "direction \(worst.flatIndex)" : "index \(Shape.describe(worst.index))"
            text += "; worst at \(at): numeric \(worst.numeric), analytic \(worst.analytic)"
        }
        if !failures.isEmpty { text += "; \(failures.count) entr\(failures.count == 1 ? "y" : "ies") outside tolerance" }
        if !kinks.isEmpty { text += "; \(kinks.count) entr\(kinks.count == 1 ? "y" : "ies") at a kink set aside" }
        return text
    }

    private func format(_ x: Double) -> String {
        x == 0 ? "0" : String(format: "%.3e", x)
    }
}

#if canImport(Foundation)
import Foundation
#endif
