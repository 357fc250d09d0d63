extension CheckResult {
    /// How the sentence naming a known mistake starts; it is the last line of a failed check's
    /// message.
    public static let knownMistakePrefix = "Matches known mistake: "
    /// How the sentence naming a known deviation starts; it is a warned check's last warning.
    public static let knownDeviationPrefix = "Matches a deviation the course accepts: "

    /// The diagnosis sentences of this result (message lines and warnings that name a known
    /// mistake or deviation), in order.
    public var diagnoses: [String] {
        (message.split(separator: "\n").map(String.init) + warnings).filter(Self.isDiagnosis)
    }

    /// Whether `line` names a known mistake or deviation.
    public static func isDiagnosis(_ line: String) -> Bool {
        line.hasPrefix(knownMistakePrefix) || line.hasPrefix(knownDeviationPrefix)
    }
}
