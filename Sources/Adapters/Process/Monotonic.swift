#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Instants on the monotonic clock, in nanoseconds: deadlines that wall-clock changes cannot move.
enum Monotonic {
    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// `seconds` from now (negative and non-finite durations clamp to now and "never").
    static func deadline(after seconds: Double) -> UInt64 {
        guard seconds.isFinite else { return seconds > 0 ? UInt64.max : now() }
        let nanoseconds = max(0, seconds) * 1e9
        guard nanoseconds < 1e18 else { return UInt64.max }
        return now() + UInt64(nanoseconds)
    }

    /// Milliseconds left until `deadline` for `poll`, rounded up, at most `cap`.
    static func pollTimeout(until deadline: UInt64, cap: Int32 = 1000) -> Int32 {
        let now = now()
        guard deadline > now else { return 0 }
        let ms = (deadline - now + 999_999) / 1_000_000
        return Int32(min(UInt64(cap), ms))
    }
}
