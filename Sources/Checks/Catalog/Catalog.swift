/// Every check, in report order.
public enum Catalog {
    public static var checks: [Check] {
        LayerChecks.all + NormalizationChecks.all + LossChecks.all + NetChecks.all + OptimizerChecks.all + SolverChecks.all
    }
}
