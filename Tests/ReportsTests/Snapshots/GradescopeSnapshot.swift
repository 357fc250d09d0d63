extension Snapshots {
    static let gradescope = ""
}
