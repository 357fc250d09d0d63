/// The figures the training command writes, laid out as the CS231n notebooks plot them.
public enum TrainingFigures {
    /// One optimizer's training history: per-iteration losses and per-epoch accuracies
    /// (entry 0 is the accuracy before training, as the course's `Solver` records it).
    public typealias OptimizerRun = (
        name: String, losses: [Double], trainAccuracy: [Double], validationAccuracy: [Double]
    )

    /// Training loss against iteration (x = 0, 1, …, as `plt.plot(solver.loss_history)`).
    ///
    /// - Parameters:
    ///   - losses: one loss per iteration; NaN/inf entries (a diverged step) break the line.
    ///   - logScale: plot the loss on a logarithmic axis; default `false`.
    ///   - width: pixels; default 800.
    ///   - height: pixels; default 420.
    public static func lossCurve(
        losses: [Double], logScale: Bool = false, width: Double = 800, height: Double = 420
    ) -> Figure {
        let panel = lossPanel(series: [LineSeries(label: "training loss", y: losses)], logScale: logScale)
        return Figure(panels: [panel], width: width, height: height, legend: .hidden)
    }

    /// Training and validation accuracy against epoch (x = 0, 1, …; y fixed to 0...1; a dot
    /// per epoch), as the notebook's "Classification accuracy" plot.
    ///
    /// - Parameters:
    ///   - train: training-set accuracy per epoch, in 0...1.
    ///   - validation: validation-set accuracy per epoch, in 0...1.
    ///   - width: pixels; default 800.
    ///   - height: pixels; default 420.
    public static func accuracyCurves(
        train: [Double], validation: [Double], width: Double = 800, height: Double = 420
    ) -> Figure {
        let panel = Panel(
            title: "Classification accuracy", xLabel: "Epoch", yLabel: "Accuracy",
            series: [
                LineSeries(label: "train", y: train, showsMarkers: true),
                LineSeries(label: "val", y: validation, showsMarkers: true),
            ],
            yRange: 0...1, integerXTicks: true)
        return Figure(panels: [panel], width: width, height: height)
    }

    /// The notebook's "sgd vs sgd_momentum vs rmsprop vs adam" figure: training loss against
    /// iteration, training accuracy against epoch and validation accuracy against epoch,
    /// stacked, one colour per run (the same in all three panels) and one legend for all.
    ///
    /// Accuracy axes fit the data (as matplotlib does there) so that close runs stay apart.
    ///
    /// - Parameters:
    ///   - runs: one entry per optimizer, in legend order.
    ///   - title: figure title; default "Optimizer comparison".
    ///   - width: pixels; default 900.
    ///   - height: pixels; default 1050.
    public static func optimizerComparison(
        runs: [OptimizerRun], title: String = "Optimizer comparison", width: Double = 900,
        height: Double = 1050
    ) -> Figure {
        func series(_ values: (OptimizerRun) -> [Double], markers: Bool) -> [LineSeries] {
            runs.enumerated().map { index, run in
                LineSeries(label: run.name, y: values(run), showsMarkers: markers, colorIndex: index)
            }
        }
        let panels = [
            lossPanel(series: series(\.losses, markers: false), logScale: false),
            Panel(
                title: "Training accuracy", xLabel: "Epoch", yLabel: "Accuracy",
                series: series(\.trainAccuracy, markers: true), integerXTicks: true),
            Panel(
                title: "Validation accuracy", xLabel: "Epoch", yLabel: "Accuracy",
                series: series(\.validationAccuracy, markers: true), integerXTicks: true),
        ]
        return Figure(title: title, panels: panels, width: width, height: height, legend: .shared)
    }

    private static func lossPanel(series: [LineSeries], logScale: Bool) -> Panel {
        Panel(
            title: "Training loss", xLabel: "Iteration", yLabel: "Loss", series: series,
            yScale: logScale ? .logarithmic : .linear, integerXTicks: true)
    }
}
