import Engine
import Foundation
import NumericCore
import TrainingPlots

/// One `gradecheck train` run: trains, reports progress and final accuracies, and writes the
/// curves (SVG) and the history (JSON) to the output folder.
struct TrainingSession {
    let recipe: TrainingRecipe
    let output: URL
    let checkpoints: URL?

    /// What history.json holds for one run.
    struct RunRecord: Encodable {
        var recipe: TrainingRecipe
        var dtype: String
        var data: String
        var blas: String
        var history: SolverHistory
        var finalTrainAccuracy: Double
        var finalValidationAccuracy: Double
        var testAccuracy: Double?
        var seconds: Double
    }

    /// The BLAS kernels in use, for the reports: `GradeCheck.main` selected them at start-up,
    /// and a later `selectKernels()` returns that selection unchanged.
    private static var blas: String { BLASRuntime.selectKernels().summary }

    func train<S: NetScalar>(_ data: DataSplits<S>) throws {
        printHeader(data)
        let record = try run(recipe, on: data, label: "")
        printSummary(record)
        try OutputFiles.write(
            TrainingFigures.lossCurve(losses: record.history.loss).svg(), to: output.appendingPathComponent("loss.svg"))
        try OutputFiles.write(
            TrainingFigures.accuracyCurves(train: record.history.trainAccuracy, validation: record.history.validationAccuracy).svg(),
            to: output.appendingPathComponent("accuracy.svg"))
        try OutputFiles.writeJSON(record, to: output.appendingPathComponent("history.json"))
        Terminal.write("wrote \(output.path)/loss.svg, accuracy.svg, history.json\n")
    }

    /// The course notebook's comparison: the same net and data, one run per update rule, with
    /// a learning rate per rule unless one is given.
    func compareOptimizers<S: NetScalar>(_ data: DataSplits<S>, fixedLearningRate: Double?) throws {
        printHeader(data)
        let learningRates = ["sgd": 1e-1, "sgd_momentum": 1e-1, "rmsprop": 1e-3, "adam": 1e-3]
        var records: [String: RunRecord] = [:]
        var runs: [TrainingFigures.OptimizerRun] = []
        for rule in UpdateRule.names {
            var variant = recipe
            variant.updateRule = rule
            variant.learningRate = fixedLearningRate ?? learningRates[rule]
            Terminal.write("\(rule) (learning rate \(variant.learningRate!)):\n")
            let record = try run(variant, on: data, label: "  ")
            printSummary(record)
            records[rule] = record
            runs.append((rule, record.history.loss, record.history.trainAccuracy, record.history.validationAccuracy))
        }
        try OutputFiles.write(TrainingFigures.optimizerComparison(runs: runs).svg(), to: output.appendingPathComponent("optimizers.svg"))
        try OutputFiles.writeJSON(records, to: output.appendingPathComponent("optimizers.json"))
        Terminal.write("wrote \(output.path)/optimizers.svg, optimizers.json\n")
    }

    private func run<S: NetScalar>(_ recipe: TrainingRecipe, on data: DataSplits<S>, label: String) throws -> RunRecord {
        let progress = ProgressReporter(label: label)
        let started = Date()
        let checkpointFolder = checkpoints
        let (model, history) = try recipe.train(on: data, onEvent: progress.handle, checkpoint: checkpointFolder.map { folder in
            { (checkpoint: SolverCheckpoint<S>) throws in
                let name = "\(recipe.updateRule)_epoch_\(checkpoint.epoch).json"
                try OutputFiles.writeJSON(checkpoint, to: folder.appendingPathComponent(name))
            }
        })
        return RunRecord(
            recipe: recipe, dtype: S.dtypeName, data: data.provenance,
            blas: Self.blas,
            history: history,
            finalTrainAccuracy: try model.accuracy(on: data.train),
            finalValidationAccuracy: try model.accuracy(on: data.validation),
            testAccuracy: data.test.count > 0 ? try model.accuracy(on: data.test) : nil,
            seconds: Date().timeIntervalSince(started))
    }

    private func printHeader<S: NetScalar>(_ data: DataSplits<S>) {
        let dims = [data.train.x.rowWidth] + recipe.hiddenDims + [data.classNames.count]
        Terminal.write("""
            data: \(data.provenance)
            net: FullyConnectedNet \(dims.map(String.init).joined(separator: "-")), \(S.dtypeName), \
            normalization \(recipe.normalization?.rawValue ?? "none"), dropout keep \(recipe.dropoutKeepProbability), \
            reg \(recipe.reg), weight scale \(recipe.weightScale), seed \(recipe.seed)
            solver: \(recipe.updateRule), \(recipe.epochs) epochs, batch \(recipe.batchSize), lr decay \(recipe.learningRateDecay)
            blas: \(Self.blas)

            """)
    }

    private func printSummary(_ record: RunRecord) {
        var line = String(
            format: "final train accuracy %.3f, validation accuracy %.3f", record.finalTrainAccuracy, record.finalValidationAccuracy)
        if let test = record.testAccuracy { line += String(format: ", test accuracy %.3f", test) }
        line += String(format: " (best validation %.3f at epoch %d; %.1f s)\n", record.history.bestValidationAccuracy, record.history.bestEpoch, record.seconds)
        Terminal.write(line)
    }
}
