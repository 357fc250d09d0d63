/// Every known mistake, then every known deviation the course accepts, in catalog order.
public enum MutationCatalog {
    public static var all: [Mutation] {
        LayerMutations.all + NormalizationMutations.all + LossMutations.all + NetMutations.all + OptimizerMutations.all
            + DeviationMutations.all
    }
}
