extension Snapshots {
    static let terminalColor = ""
}
