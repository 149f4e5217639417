import Foundation

/// The one way refinery-cli writes bytes: `write(2)` in a loop until every byte is written,
/// retrying on EINTR, continuing after partial writes, waiting (poll) on a non-blocking
/// descriptor. Foundation's `FileHandle.write` traps on EPIPE, ENOSPC or EBADF; this throws
/// the `errno` instead, so that every failure becomes `Error: …` and an exit status.
enum FileDescriptor {
    /// A failed system call's `errno`.
    struct Errno: Error, Equatable {
        var code: Int32
    }

    /// Writes all of `bytes` to `descriptor`; throws the `errno` of the first failed write.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(Errno) {
        guard var next = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = write(descriptor, next, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    // A non-blocking descriptor (a parent's pipe, say): wait until it takes more.
                    var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    if poll(&ready, 1, -1) >= 0 || errno == EINTR { continue }
                }
                throw Errno(code: errno)
            }
            if written == 0 { throw Errno(code: EIO) } // nothing written of a non-empty buffer: an I/O error
            next += written
            remaining -= written
        }
    }

    /// Writes all of `text`, as UTF-8, to `descriptor`.
    static func writeAll(_ descriptor: Int32, _ text: String) throws(Errno) {
        var text = text
        let result: Result<Void, Errno> = text.withUTF8 { buffer in
            do throws(Errno) { try writeAll(descriptor, UnsafeRawBufferPointer(buffer)); return .success(()) } catch { return .failure(error) }
        }
        try result.get()
    }
}

/// The process's standard streams as the operating system gave them: SIGPIPE is ignored, so a
/// reader that goes away gives EPIPE (an `Error:` and exit 74) instead of killing the process,
/// and a closed descriptor 0, 1 or 2 is occupied by a harmless placeholder, so that no file the
/// process opens later takes its number (a report written into the scenario, say).
enum StandardStreams {
    /// Which of standard input, output and error were closed when the process started.
    nonisolated(unsafe) private(set) static var closed: Set<Int32> = []

    /// Call once, first thing in `main`.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            closed.insert(descriptor)
            // A directory opened read-only: writing to it gives EBADF (as a closed descriptor
            // would), reading gives EISDIR; it is never a device and nothing is ever created.
            let placeholder = open("/", O_RDONLY | O_DIRECTORY)
            if placeholder >= 0 && placeholder != descriptor {
                dup2(placeholder, descriptor)
                close(placeholder)
            }
        }
    }

    /// Whether `descriptor` (0, 1 or 2) was closed at start-up.
    static func wasClosed(_ descriptor: Int32) -> Bool { closed.contains(descriptor) }

    /// The name of a standard stream in messages.
    static func name(_ descriptor: Int32) -> String {
        switch descriptor {
        case 0: return "standard input"
        case 1: return "standard output"
        default: return "standard error"
        }
    }
}
