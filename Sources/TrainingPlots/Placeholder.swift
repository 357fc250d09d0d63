// module TrainingPlots
