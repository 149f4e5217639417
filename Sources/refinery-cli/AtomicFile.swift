import Foundation

/// Writes files so that they appear whole or not at all: the text goes to a temporary file in
/// the same directory, which is then renamed over the target (rename is atomic on POSIX).
enum AtomicFile {
    static func write(_ text: String, to path: String) throws {
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            throw CommandError.failure("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        do {
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            defer { try? handle.close() }
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize() // on disk before the rename, so a crash cannot leave a truncated target
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CommandError.failure("cannot write \(path): \((error as NSError).localizedDescription)")
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CommandError.failure("cannot write \(path): \(reason)")
        }
    }
}
