extension Snapshots {
    static let terminalPlain = ""
}
