import Implementation
internal import LiteralJSON

/// The messages of docs/protocol.md, section 2: `hello`, `call`, `result` / `error`, `shutdown`.
extension ProtocolCodec {
    // MARK: Harness -> adapter

    /// A framed `call`.
    public static func callMessage(
        id: Int, operation: String, arguments: [String: Value], handle: HandleEncoder = { $0.id }
    ) throws(ProtocolError) -> [UInt8] {
        // Type and id lead, in this order (the writer would sort the keys): the adapter's relay
        // reads the id from the head of a request without parsing its (possibly megabytes of)
        // arguments.
        let wired = try wire(.dict(arguments), handle: handle)
        var out: [UInt8] = [0, 0, 0, 0]
        out.append(contentsOf: #"{"type":"call","id":\#(id),"operation":"#.utf8)
        JSONWriter.write(.string(operation), style: .compact, into: &out)
        out.append(contentsOf: #","arguments":"#.utf8)
        JSONWriter.write(wired, style: .compact, into: &out)
        out.append(UInt8(ascii: "}"))
        try prefixLength(&out)
        return out
    }

    /// A framed `shutdown`.
    public static func shutdownMessage() -> [UInt8] {
        frame(Array(#"{"type":"shutdown"}"#.utf8))
    }

    // MARK: Adapter -> harness

    /// Reads the first message. The protocol name and version are checked before anything else,
    /// so that a later version with other fields still gets the version message.
    public static func decodeHello(_ payload: [UInt8]) throws(AdapterStartupError) -> AdapterHello {
        let json: JSONValue
        do {
            json = try parse(payload)
        } catch {
            throw .badHello(error.message)
        }
        guard case .object = json else { throw .badHello("\(json.kindName), not an object") }
        guard case let .string(type) = json["type"] else { throw .badHello("no \"type\"") }
        guard type == "hello" else { throw .badHello("a \"\(type)\" message came first") }
        guard case let .string(name) = json["protocol"] else { throw .badHello("no \"protocol\" string") }
        guard name == protocolName else { throw .protocolMismatch(expected: protocolName, got: name) }
        guard case let .number(versionText) = json["version"], JSONValue.isIntegerLiteral(versionText),
              let version = Int(versionText)
        else { throw .badHello("no integer \"version\"") }
        guard version == Self.version else { throw .versionMismatch(supported: Self.version, got: version) }

        func string(_ json: JSONValue?, _ what: String) throws(AdapterStartupError) -> String? {
            switch json {
            case nil, .null?: return nil
            case let .string(text)?: return text
            case let other?: throw .badHello("\(what) is \(other.kindName), not a string")
            }
        }

        guard case let .array(names) = json["operations"] else { throw .badHello("no \"operations\" list") }
        var operations: [String] = []
        for name in names {
            guard case let .string(text) = name else { throw .badHello("\"operations\" holds \(name.kindName), not only strings") }
            operations.append(text)
        }

        var features: [String] = []
        switch json["features"] {
        case nil, .null?: break
        case let .array(items)?:
            for item in items {
                guard case let .string(text) = item else { throw .badHello("\"features\" holds \(item.kindName), not only strings") }
                features.append(text)
            }
        case let other?: throw .badHello("\"features\" is \(other.kindName), not a list")
        }

        var problems: [AdapterHello.Problem] = []
        switch json["problems"] {
        case nil, .null?: break
        case let .array(items)?:
            for item in items { problems.append(try problem(item, "\"problems\"")) }
        case let other?: throw .badHello("\"problems\" is \(other.kindName), not a list")
        }

        var unavailable: [String: AdapterHello.Unavailable] = [:]
        switch json["unavailable"] {
        case nil, .null?: break
        case let .object(members)?:
            for member in members {
                let (operation, item) = (member.key, member.value)
                let found = try problem(item, "\"unavailable\"")
                unavailable[operation] = AdapterHello.Unavailable(
                    doesNotImport: item["kind"] == JSONValue.string("does_not_import"),
                    problem: AdapterHello.Problem(operation: operation, file: found.file, line: found.line, reason: found.reason))
            }
        case let other?: throw .badHello("\"unavailable\" is \(other.kindName), not an object")
        }

        func dictionary(_ key: String) throws(AdapterStartupError) -> [String: Value] {
            guard let member = json[key], member != .null else { return [:] }
            guard case .object = member else { throw .badHello("\"\(key)\" is \(member.kindName), not an object") }
            let decoded: Value
            do {
                decoded = try value(member, handle: { Handle($0) })
            } catch {
                throw .badHello("\"\(key)\": \(error.message)")
            }
            guard case let .dict(values) = decoded else { throw .badHello("\"\(key)\" is a tagged value") }
            return values
        }

        let implementation = json["implementation"]
        return AdapterHello(
            protocolName: name, version: version,
            implementationName: try string(implementation?["name"], "implementation.name"),
            language: try string(implementation?["language"], "implementation.language"),
            operations: operations, unavailable: unavailable, problems: problems,
            evidence: try dictionary("evidence"), sources: try dictionary("sources"), fatal: try string(json["fatal"], "fatal"),
            features: features)
    }

    /// One `{file?, line?, operation?, reason}` object.
    static func problem(_ item: JSONValue, _ what: String) throws(AdapterStartupError) -> AdapterHello.Problem {
        guard case let .object(members) = item else { throw .badHello("\(what) holds \(item.kindName), not objects") }
        func string(_ key: String) throws(AdapterStartupError) -> String? {
            switch members[key] {
            case nil, .null?: return nil
            case let .string(text)?: return text
            case let other?: throw .badHello("\(what): \(key) is \(other.kindName), not a string")
            }
        }
        var line: Int?
        switch members["line"] {
        case nil, .null?: break
        case let .number(text)? where JSONValue.isIntegerLiteral(text): line = Int(text)
        case let other?: throw .badHello("\(what): line is \(other.kindName), not an integer")
        }
        return AdapterHello.Problem(
            operation: try string("operation"), file: try string("file"), line: line, reason: try string("reason") ?? "(no reason given)")
    }

    /// Reads a `result` or `error`. Throws (stage `.json` or `.message`) when the bytes are not a
    /// reply at all; a reply whose content is unusable comes back as `.unusable` with its id.
    public static func decodeReply(_ payload: [UInt8], handle: HandleDecoder = { Handle($0) }) throws(ProtocolError) -> AdapterReply {
        let json = try parse(payload)
        guard case .object = json else { throw ProtocolError(.message, "a reply that is \(json.kindName), not an object") }
        guard case let .string(type) = json["type"] else { throw ProtocolError(.message, "a reply without a \"type\"") }
        guard type == "result" || type == "error" else {
            throw ProtocolError(.message, "a \"\(type)\" message where a result or an error was expected")
        }
        guard case let .number(idText) = json["id"], JSONValue.isIntegerLiteral(idText), let id = Int(idText) else {
            throw ProtocolError(.message, "a \(type) without an integer \"id\"")
        }
        return AdapterReply(id: id, outcome: outcome(type, json, handle: handle), warnings: warnings(json))
    }

    /// The optional `warnings` list of a reply; malformed entries are dropped (a warning never
    /// decides a grade, and a reply stays usable without it).
    private static func warnings(_ json: JSONValue) -> [AdapterWarning] {
        guard case let .array(items) = json["warnings"] else { return [] }
        return items.compactMap { item in
            guard case let .string(message) = item["message"] else { return nil }
            func text(_ key: String) -> String? { if case let .string(v) = item[key] { return v } else { return nil } }
            return AdapterWarning(kind: text("kind") ?? "note", message: message, location: text("location"), argument: text("argument"))
        }
    }

    private static func outcome(_ type: String, _ json: JSONValue, handle: HandleDecoder) -> AdapterReply.Outcome {
        do throws(ProtocolError) {
            if type == "result" {
                guard let results = json["results"], case .object = results else {
                    throw ProtocolError(.value, "a result without a \"results\" object")
                }
                guard case let .dict(values) = try value(results, handle: handle) else {
                    throw ProtocolError(.value, "\"results\" is a tagged value, not a dict of results")
                }
                return .results(values)
            }
            guard let error = json["error"], case .object = error else { throw ProtocolError(.value, "an error without an \"error\" object") }
            guard case let .string(kind) = error["kind"] else { throw ProtocolError(.value, "an error without a \"kind\"") }
            func text(_ key: String) -> String? {
                if case let .string(value) = error[key] { return value }
                return nil
            }
            return .failure(AdapterFailure(
                kind: kind, type: text("type"), message: text("message"), location: text("location"), traceback: text("traceback"),
                cause: text("cause"), ending: error["ending"] == JSONValue.bool(true)))
        } catch {
            return .unusable(error)
        }
    }

    // MARK: Adapter side (for adapters written in Swift, and for tests)

    /// A framed `hello`.
    public static func helloMessage(_ hello: AdapterHello) -> [UInt8] {
        func problem(_ p: AdapterHello.Problem) -> [String: JSONValue] {
            var item: [String: JSONValue] = ["reason": .string(p.reason)]
            if let operation = p.operation { item["operation"] = .string(operation) }
            if let file = p.file { item["file"] = .string(file) }
            if let line = p.line { item["line"] = .number(String(line)) }
            return item
        }
        var members: [String: JSONValue] = [
            "type": .string("hello"), "protocol": .string(hello.protocolName), "version": .number(String(hello.version)),
            "operations": .array(hello.operations.map { .string($0) }),
        ]
        var implementation: [String: JSONValue] = [:]
        if let name = hello.implementationName { implementation["name"] = .string(name) }
        if let language = hello.language { implementation["language"] = .string(language) }
        members["implementation"] = .object(implementation)
        members["problems"] = .array(hello.problems.map { .object(problem($0)) })
        members["unavailable"] = .object(hello.unavailable.mapValues { u in
            var item = problem(u.problem)
            item["kind"] = .string(u.doesNotImport ? "does_not_import" : "not_implemented")
            return .object(item)
        })
        if let evidence = try? wire(.dict(hello.evidence), handle: { $0.id }) { members["evidence"] = evidence }
        if let sources = try? wire(.dict(hello.sources), handle: { $0.id }) { members["sources"] = sources }
        if let fatal = hello.fatal { members["fatal"] = .string(fatal) }
        if !hello.features.isEmpty { members["features"] = .array(hello.features.map { .string($0) }) }
        return frame(JSONWriter.bytes(.object(members), style: .compact))
    }

    /// A framed `result` or `error` (an `.unusable` outcome is written as a `bad_result` error).
    public static func replyMessage(_ reply: AdapterReply, handle: HandleEncoder = { $0.id }) throws(ProtocolError) -> [UInt8] {
        var members: [String: JSONValue] = ["id": .number(String(reply.id))]
        switch reply.outcome {
        case let .results(values):
            members["type"] = .string("result")
            members["results"] = try wire(.dict(values), handle: handle)
        case let .failure(failure):
            members["type"] = .string("error")
            var error: [String: JSONValue] = ["kind": .string(failure.kind)]
            for (key, text) in [("type", failure.type), ("message", failure.message), ("location", failure.location), ("traceback", failure.traceback), ("cause", failure.cause)] {
                if let text { error[key] = .string(text) }
            }
            if failure.ending { error["ending"] = .bool(true) }
            members["error"] = .object(error)
        case let .unusable(problem):
            members["type"] = .string("error")
            members["error"] = .object(["kind": .string("bad_result"), "message": .string(problem.message)])
        }
        if !reply.warnings.isEmpty {
            members["warnings"] = .array(reply.warnings.map { w in
                var item: [String: JSONValue] = ["kind": .string(w.kind), "message": .string(w.message)]
                if let location = w.location { item["location"] = .string(location) }
                if let argument = w.argument { item["argument"] = .string(argument) }
                return .object(item)
            })
        }
        return try framed(.object(members))
    }
}
