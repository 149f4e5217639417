import Foundation

/// Writes an `--output` file without ever destroying what stands at its path:
/// - a regular file is replaced atomically: the text goes to a temporary file (`.rfm-XXXXXX`)
///   in the same directory, which gets the file's mode and owner, is flushed to disk and is
///   renamed over it, so readers see the old file or the new one, never a part;
/// - a new file is created the same way, with mode 0666 less the umask;
/// - a symbolic link is followed: its final target is written (created, for a dangling link),
///   the link stays;
/// - a character device, FIFO or socket is written directly (opened for writing, never
///   truncated, replaced or removed);
/// - a directory, a block device or a read-only file is refused (exit 73), and so is a file
///   whose owner cannot be kept.
/// A temporary file is removed if the write fails or the process is interrupted (`TemporaryFile`).
enum OutputFile {
    /// Writes `text` to `path` by the rules above. With `replacing` false, whatever stands at
    /// `path` (a file, a link, a device) is refused and left as it is (exit 73), and the new file
    /// is linked into place only if nothing appeared there meanwhile (`init` without `--force`).
    static func write(_ text: String, to path: String, replacing: Bool = true) throws(FileError) {
        if !replacing {
            var existing = stat()
            if lstat(path, &existing) == 0 { throw exists(path) }
            return try replace(path, named: path, with: text, keeping: nil, replacing: false)
        }
        let (target, status) = try resolve(path)
        guard let status else {
            return try replace(target, named: path, with: text, keeping: nil)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            // Checked by mode as well as access(2): root may write any file, but a file
            // made read-only is not to be replaced just because its directory is writable.
            if status.st_mode & 0o222 == 0 {
                let mode = String(status.st_mode & 0o7777, radix: 8)
                throw .cannotCreate("cannot write \(path): the file is read-only (mode \(mode)); it is left as it is")
            }
            if access(target, W_OK) != 0 {
                throw .cannotCreate("cannot write \(path): \(FileError.reason(errno)); it is left as it is")
            }
            try replace(target, named: path, with: text, keeping: status)
        case S_IFDIR:
            throw .cannotCreate("cannot write \(path): it is a directory; give a file name")
        case S_IFBLK:
            throw .cannotCreate("cannot write \(path): it is a block device (a disk or partition); a report is never written onto one")
        default:
            try writeDirectly(target, named: path, text: text)
        }
    }

    /// The path that is written for `path`: symbolic links followed to their final target,
    /// with its `lstat`, or nil when nothing is there yet (a new file, or a dangling link's target).
    static func resolve(_ path: String) throws(FileError) -> (path: String, status: stat?) {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0 else {
                if errno == ENOENT { return (current, nil) }
                throw .cannotCreate("cannot write \(path): \(FileError.reason(errno))")
            }
            guard status.st_mode & S_IFMT == S_IFLNK else { return (current, status) }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length >= 0 else { throw .cannotCreate("cannot write \(path): \(FileError.reason(errno))") }
            let link = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : join(directory(of: current), link)
        }
        throw .cannotCreate("cannot write \(path): \(FileError.reason(ELOOP))")
    }

    /// The refusal of a path that is taken when nothing may be replaced.
    static func exists(_ path: String) -> FileError {
        .cannotCreate("cannot write \(path): it already exists and is left as it is (--force replaces it)")
    }

    /// Writes a new file or replaces a regular one through a temporary file and a rename (with
    /// `replacing` false, a hard link that fails if the name is taken, then the temporary's removal).
    private static func replace(_ target: String, named path: String, with text: String, keeping original: stat?, replacing: Bool = true) throws(FileError) {
        let folder = directory(of: target)
        let (descriptor, temporary): (Int32, String)
        do {
            (descriptor, temporary) = try TemporaryFile.create(in: folder)
        } catch {
            let reason: String
            switch error.code {
            case ENOENT: reason = "the directory \(folder) does not exist"
            case EACCES: reason = "permission denied in the directory \(folder)"
            default: reason = FileError.reason(error.code)
            }
            throw .cannotCreate("cannot write \(path): \(reason)")
        }
        var closed = false
        func fail(_ error: FileError) -> FileError {
            if !closed { close(descriptor) }
            TemporaryFile.discard(temporary)
            return error
        }
        if let original {
            // Owner first: chown clears the set-user-ID and set-group-ID bits that chmod restores.
            var created = stat()
            fstat(descriptor, &created)
            if created.st_uid != original.st_uid || created.st_gid != original.st_gid,
               fchown(descriptor, original.st_uid, original.st_gid) != 0 {
                throw fail(.cannotCreate("cannot write \(path): its owner (uid \(original.st_uid), gid \(original.st_gid)) could not be kept (\(FileError.reason(errno))); it is left as it is"))
            }
            if fchmod(descriptor, original.st_mode & 0o7777) != 0 {
                throw fail(.cannotCreate("cannot write \(path): its mode could not be kept (\(FileError.reason(errno))); it is left as it is"))
            }
        }
        do {
            try FileDescriptor.writeAll(descriptor, text)
        } catch {
            throw fail(.ioError("cannot write \(path): \(FileError.reason(error.code))"))
        }
        // On disk before the rename, so that a crash cannot leave a truncated target.
        if fsync(descriptor) != 0 { throw fail(.ioError("cannot write \(path): \(FileError.reason(errno))")) }
        closed = true
        if close(descriptor) != 0 { throw fail(.ioError("cannot write \(path): \(FileError.reason(errno))")) }
        if replacing {
            if rename(temporary, target) != 0 { throw fail(.ioError("cannot write \(path): \(FileError.reason(errno))")) }
        } else {
            if link(temporary, target) != 0 { throw fail(errno == EEXIST ? exists(path) : .cannotCreate("cannot write \(path): \(FileError.reason(errno))")) }
            unlink(temporary)
        }
        TemporaryFile.released()
        // The rename itself on disk too (best effort: some file systems refuse to sync a directory).
        let directoryDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Writes to a character device, FIFO or socket in place: no O_CREAT, no O_TRUNC, no rename.
    private static func writeDirectly(_ target: String, named path: String, text: String) throws(FileError) {
        let descriptor = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno == ENXIO ? "it is a socket or a device that cannot be opened for writing" : FileError.reason(errno)
            throw .cannotCreate("cannot write \(path): \(reason)")
        }
        defer { close(descriptor) }
        do {
            try FileDescriptor.writeAll(descriptor, text)
        } catch {
            throw .ioError("cannot write \(path): \(FileError.reason(error.code))")
        }
    }

    /// The directory part of a path, as `dirname` gives it ("." for a bare name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let head = path[..<slash]
        return head.isEmpty ? "/" : String(head)
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory == "." ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
    }
}

/// A file's identity, its device and inode, the same whatever name or link reaches it: how an
/// `--output` that is one of the inputs is recognised.
struct FileIdentity: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    /// The identity of the regular file `path` names, links followed; nil when nothing is
    /// there or it is not a regular file (a terminal may well be both input and output).
    init?(regularFileAt path: String) {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        self.init(status)
    }
}
