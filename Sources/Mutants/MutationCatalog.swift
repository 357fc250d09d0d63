/// Every known mistake, in catalog order.
public enum MutationCatalog {
    public static var all: [Mutation] {
        LayerMutations.all + NormalizationMutations.all + LossMutations.all + NetMutations.all + OptimizerMutations.all
    }
}
