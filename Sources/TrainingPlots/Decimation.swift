/// A data point.
struct DataPoint: Equatable {
    var x: Double
    var y: Double
}

enum Decimation {
    /// The most points a drawn line keeps; longer series are thinned by `minMaxBuckets`.
    static let maximumPoints = 2000

    /// The series split into runs of drawable points: a point that fails `isDrawable` (NaN,
    /// infinite, or not positive on a log axis) ends the current run.
    static func drawableRuns(_ series: LineSeries, isDrawable: (DataPoint) -> Bool) -> [[DataPoint]] {
        var runs: [[DataPoint]] = []
        var current: [DataPoint] = []
        for index in 0..<series.count {
            let point = DataPoint(x: series.xValue(at: index), y: series.y[index])
            if isDrawable(point) {
                current.append(point)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// Thins `runs` to roughly `maximumPoints` points in total, keeping each bucket's lowest
    /// and highest point (in their original order) so spikes survive.
    ///
    /// Buckets are `ceil(total / (maximumPoints / 2))` consecutive points; the first and last
    /// point of every run are always kept so the line spans the same x extent. Runs are
    /// returned unchanged when the total is already within `maximumPoints`.
    static func minMaxBuckets(_ runs: [[DataPoint]], maximumPoints: Int = maximumPoints) -> [[DataPoint]] {
        let total = runs.reduce(0) { $0 + $1.count }
        let buckets = max(1, maximumPoints / 2)
        guard total > maximumPoints else { return runs }
        let bucketSize = (total + buckets - 1) / buckets
        return runs.map { run in
            var kept: [DataPoint] = [run[0]]
            var start = 0
            while start < run.count {
                let end = min(start + bucketSize, run.count)
                var low = start
                var high = start
                for index in start..<end {
                    if run[index].y < run[low].y { low = index }
                    if run[index].y > run[high].y { high = index }
                }
                for index in (low == high ? [low] : [min(low, high), max(low, high)]) where index != 0 && index != run.count - 1 {
                    kept.append(run[index])
                }
                start = end
            }
            if run.count > 1 { kept.append(run[run.count - 1]) }
            return kept
        }
    }
}
