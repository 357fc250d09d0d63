extension Snapshots {
    static let junit = ""
}
