#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one loop that moves bytes: it writes a request, reads one reply frame and drains stdout
/// and stderr, all multiplexed with `poll` against one deadline. Draining while waiting is
/// what keeps a child that prints megabytes before answering from blocking on a full pipe.
extension ChildProcess {
    enum ExchangeOutcome: Equatable {
        /// A whole reply frame's payload.
        case reply([UInt8])
        /// The request was written (when no reply was awaited).
        case sent
        case timedOut
        /// End of file on the reply pipe: `received` bytes of a frame that was to be
        /// `expected` long (nil before its 4-byte header was complete).
        case endOfFile(received: Int, expected: Int?)
        /// The child no longer reads requests (EPIPE): it closed descriptor 3 or died.
        case requestRefused
        /// A frame header announcing more than the protocol's 1 GiB.
        case oversizedFrame(Int)
        /// An unexpected system error.
        case failed(String)
    }

    /// Writes `request` (if any), then, when `awaitReply`, reads one reply frame; stops at `deadline`.
    func exchange(sending request: [UInt8]?, awaitReply: Bool, deadline: UInt64, output: inout OutputCapture) -> ExchangeOutcome {
        var written = 0
        let toWrite = request ?? []
        var header: [UInt8] = []
        var expected: Int?
        var payload: [UInt8] = []
        var scratch = [UInt8](repeating: 0, count: 1 << 16)

        while true {
            let writing = written < toWrite.count && requestFD >= 0
            if !writing && !awaitReply { return .sent }
            var fds: [pollfd] = []
            if writing { fds.append(pollfd(fd: requestFD, events: Int16(POLLOUT), revents: 0)) }
            if awaitReply { fds.append(pollfd(fd: replyFD, events: Int16(POLLIN), revents: 0)) }
            for fd in outputFDs where fd >= 0 { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }

            let timeout = Monotonic.pollTimeout(until: deadline)
            let ready = poll(&fds, nfds_t(fds.count), timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                return .failed("poll: \(errorText(errno))")
            }
            if ready == 0 {
                if Monotonic.now() >= deadline { return .timedOut }
                continue
            }
            for entry in fds where entry.revents != 0 {
                if outputFDs.contains(entry.fd) {
                    readOutput(entry.fd, into: &output, scratch: &scratch, limit: 1)
                } else if entry.fd == requestFD {
                    if entry.revents & Int16(POLLERR | POLLHUP) != 0 { return .requestRefused }
                    let n = toWrite.withUnsafeBytes { bytes in
                        writeWithoutSIGPIPE(requestFD, bytes.baseAddress! + written, min(bytes.count - written, 1 << 20))
                    }
                    if n > 0 {
                        written += n
                    } else if n < 0, errno != EAGAIN, errno != EINTR {
                        return errno == EPIPE ? .requestRefused : .failed("write: \(errorText(errno))")
                    }
                } else if entry.fd == replyFD {
                    // Read no further than this frame: a second frame would be a protocol error
                    // that the next call must see.
                    let want = expected.map { $0 - payload.count } ?? (4 - header.count)
                    let n = scratch.withUnsafeMutableBytes { read(replyFD, $0.baseAddress!, min(want, $0.count)) }
                    if n == 0 { return .endOfFile(received: header.count + payload.count, expected: expected.map { $0 + 4 }) }
                    if n < 0 {
                        if errno == EAGAIN || errno == EINTR { continue }
                        return .failed("read: \(errorText(errno))")
                    }
                    if expected == nil {
                        header.append(contentsOf: scratch[0..<n])
                        if header.count == 4 {
                            let length = header.reduce(0) { $0 << 8 | Int($1) }
                            guard length <= ProtocolCodec.maximumMessageLength else { return .oversizedFrame(length) }
                            expected = length
                            payload.reserveCapacity(min(length, 1 << 24))
                        }
                    } else {
                        payload.append(contentsOf: scratch[0..<n])
                    }
                    if let expected, payload.count == expected { return .reply(payload) }
                }
            }
        }
    }

    /// Reads what stdout and stderr hold now without waiting (at most about `limit` MiB each).
    func drainOutput(into output: inout OutputCapture, limit: Int = 8) {
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        for fd in outputFDs where fd >= 0 {
            readOutput(fd, into: &output, scratch: &scratch, limit: limit * 16)
        }
    }

    /// Waits until the leader exits or `deadline`, draining output meanwhile (a child flushing
    /// its buffers at exit must not block on a full pipe). True if it exited.
    func waitForExit(until deadline: UInt64, output: inout OutputCapture) -> Bool {
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        while !hasExited() {
            if Monotonic.now() >= deadline { return false }
            var fds = outputFDs.filter { $0 >= 0 }.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if fds.isEmpty {
                usleep(2000)
                continue
            }
            if poll(&fds, nfds_t(fds.count), min(Monotonic.pollTimeout(until: deadline), 5)) > 0 {
                for entry in fds where entry.revents != 0 { readOutput(entry.fd, into: &output, scratch: &scratch, limit: 1) }
            }
        }
        return true
    }

    /// Up to `limit` reads of 64 KiB from one output pipe, stopping when it is empty; closes it
    /// at end of file.
    private func readOutput(_ fd: Int32, into output: inout OutputCapture, scratch: inout [UInt8], limit: Int) {
        for _ in 0..<limit {
            let n = scratch.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n > 0 {
                scratch.withUnsafeBytes { output.append(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
                continue
            }
            if n < 0 && errno == EINTR { continue }
            if n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) {
                close(fd)
                outputFDs = outputFDs.map { $0 == fd ? -1 : $0 }
            }
            return
        }
    }
}

/// `write` with SIGPIPE blocked on this thread, so a child that died turns into EPIPE instead
/// of a signal that would end the harness; a SIGPIPE raised by this write is consumed.
func writeWithoutSIGPIPE(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    var pipeOnly = sigset_t()
    sigemptyset(&pipeOnly)
    sigaddset(&pipeOnly, SIGPIPE)
    var previous = sigset_t()
    var pendingBefore = sigset_t()
    sigpending(&pendingBefore)
    pthread_sigmask(SIG_BLOCK, &pipeOnly, &previous)
    let n = write(fd, bytes, count)
    let savedErrno = errno
    if n < 0 && savedErrno == EPIPE && sigismember(&pendingBefore, SIGPIPE) == 0 {
        var zero = timespec(tv_sec: 0, tv_nsec: 0)
        _ = sigtimedwait(&pipeOnly, nil, &zero)
    }
    pthread_sigmask(SIG_SETMASK, &previous, nil)
    errno = savedErrno
    return n
}
