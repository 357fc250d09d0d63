extension Snapshots {
    static let markdown = ""
}
