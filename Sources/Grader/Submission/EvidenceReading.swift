import Checks
import Implementation

/// The adapter's `evidence` (docs/protocol.md, section 5) as a `ProfileEvidence`; entries of the
/// wrong type are ignored (evidence only narrows a choice, it never decides a grade).
enum EvidenceReading {
    static func evidence(_ values: [String: Value], notebooks: Set<String>, folderNames: [String]) -> ProfileEvidence {
        func strings(_ key: String) -> Set<String>? {
            guard case let .list(items)? = values[key] else { return nil }
            return Set(items.compactMap { if case let .string(s) = $0 { s } else { nil } })
        }
        var e = ProfileEvidence(notebooks: notebooks, folderNames: folderNames)
        e.fullyConnectedNetArguments = strings("fully_connected_net_arguments")
        e.twoLayerNetArguments = strings("two_layer_net_arguments")
        e.layerFunctions = strings("layers_defines") ?? []
        e.optimFunctions = strings("optim_defines") ?? []
        e.implementedRules = strings("optim_implemented")
        if case let .bool(b)? = values["solver_has_num_train_samples"] { e.solverHasNumTrainSamples = b }
        e.python2Syntax = (strings("python2_syntax") ?? []).sorted()
        if case let .dict(d)? = values["dropout_docstring"], case let .string(c)? = d["convention"],
           let convention = Conventions.DropoutP(rawValue: c), case let .string(phrase)? = d["phrase"] {
            e.dropoutDocstring = (convention, phrase)
        }
        if case let .integer(t)? = values["adam_default_t"] { e.adamDefaultT = t }
        e.markers = strings("markers") ?? []
        return e
    }
}
