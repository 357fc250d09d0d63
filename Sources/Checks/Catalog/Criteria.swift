/// The criteria the catalog's checks share, each written once: what the course accepts, why,
/// and how closely a faithful implementation reproduces the reference engine's fixtures.
///
/// Reference agreement is measured against the output's scale (`scaled`): float64 round-off
/// between numpy and the engine is about 1e-15 of it, and the smallest deviations the course
/// accepts (a hard-coded Adam epsilon of 1e-7, `eps` outside the square root) move outputs by
/// 1e-9 to 1e-5 of it.
enum Criteria {
    static let reference = ErrorBound.scaled(1e-9)

    /// Affine and ReLU outputs against recorded fixtures.
    static let layers = Criterion(
        course: .relative(1e-6), basis: "the notebook's rel_error expects around e-9 to e-12; a wrong formula is off by 1e-3 and more",
        reference: reference)

    /// A notebook golden (printed to 8 decimals): both tolerances are widened to that precision.
    static func golden(_ notebook: String) -> Criterion {
        Criterion("golden", course: .relative(1e-6), basis: "notebook: \(notebook); the golden is printed to 8 decimals", reference: .relative(1e-12), printed: true)
    }

    /// Batch/layer normalization outputs and gradients: the notebook looks only at statistics
    /// and gradient checks; where `eps` is added changes outputs by about 1e-5.
    static let normalization = Criterion(
        course: .scaled(1e-4),
        basis: "the notebook checks statistics and gradients only; where eps is added changes outputs by about 1e-5, a wrong formula by 1e-3 and more",
        reference: reference)

    static let losses = Criterion(
        course: .relative(1e-6), basis: "notebook: loss close to 2.3 (softmax) or 9 (SVM), dx around e-8; a wrong formula is off by 1e-3 and more",
        reference: reference)

    /// Net losses and gradients with fixed parameters.
    static let nets = Criterion(
        course: .relative(1e-6),
        basis: "a missing or extra 0.5, a W left out of the L2 term or a missing term moves the loss by 1e-3 and more",
        reference: reference)

    /// Nets with batch or layer normalization: as `normalization`.
    static let normalizedNets = Criterion(
        course: .scaled(1e-4),
        basis: "where eps is added changes the loss and gradients by about 1e-5; a missing 0.5, a W left out of the L2 term or a missing term by 1e-3 and more",
        reference: reference)

    /// Nets with dropout: a student may draw the masks another way (`np.random.binomial`,
    /// `rand > 1 - p`), so only the net's own numerical gradient decides; the fixture warns.
    static let dropoutNets = Criterion(
        course: nil, basis: "the notebook's own gradient check (masks may be drawn differently from the reference's)",
        reference: reference)

    /// Ten update steps from a fresh config, every key given.
    static let trajectory = Criterion(
        course: .scaled(1e-5),
        basis: "a hard-coded epsilon or the paper's efficient Adam form moves w by about 1e-8; a missing bias correction, square root or increment by 1e-3 and more",
        reference: reference)
}
