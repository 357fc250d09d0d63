import Foundation

/// The `testsuite@timestamp` form windyroad's schema requires: `yyyy-MM-ddTHH:mm:ss`, UTC, no zone
/// designator and no fraction (proleptic Gregorian, like `xs:dateTime`).
enum JUnitTimestamp {
    /// 0001-01-01T00:00:00 and 9999-12-31T23:59:59 in seconds since 1970: dates outside are
    /// clamped so the year always has four digits.
    static let earliest: Int64 = -62_135_596_800
    static let latest: Int64 = 253_402_300_799

    static func format(_ date: Date) -> String {
        let t = date.timeIntervalSince1970
        let seconds: Int64 =
            t.isNaN ? 0 : t <= Double(earliest) ? earliest : t >= Double(latest) ? latest : Int64(t.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (y, m, d) = civil(fromDays: days)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(secondOfDay / 3600, 2) + ":"
            + pad(secondOfDay % 3600 / 60, 2) + ":" + pad(secondOfDay % 60, 2)
    }

    /// Year, month, day of the day `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let s = String(value)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
