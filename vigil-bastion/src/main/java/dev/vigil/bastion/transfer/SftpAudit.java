package dev.vigil.bastion.transfer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Follows an SFTP conversation packet by packet, requests from the operator and replies from the target, and reports
 * each file operation once the target has answered it: a file opened, read or written and closed becomes one
 * download and/or upload with its size and SHA-256; remove, rename, mkdir, rmdir and symlink become one record each
 * with the target's status. Handles still open when the channel ends are reported as not finished.
 */
public final class SftpAudit {

    private record Pending(FileOperation operation, String path, Optional<String> newPath) {
    }

    private record Read(String handle, long offset) {
    }

    private static final class OpenFile {
        final String path;
        final boolean writable;
        TransferDigest upload;
        TransferDigest download;
        String failure;

        OpenFile(String path, boolean writable) {
            this.path = path;
            this.writable = writable;
        }
    }

    private final Consumer<FileTransfer> report;
    private final Clock clock;
    private final Map<Integer, OpenFile> opening = new HashMap<>();
    private final Map<String, OpenFile> files = new HashMap<>();
    private final Map<Integer, Read> reads = new HashMap<>();
    private final Map<Integer, String> writes = new HashMap<>();
    private final Map<Integer, String> closing = new HashMap<>();
    private final Map<Integer, Pending> operations = new HashMap<>();
    /** Request ids awaiting their reply: a reused id could pair a reply with the wrong request, so it ends the relay. */
    private final Set<Integer> outstanding = new HashSet<>();

    public SftpAudit(Consumer<FileTransfer> report, Clock clock) {
        this.report = report;
        this.clock = clock;
    }

    /** A packet from the operator, before it goes to the target. */
    synchronized void fromClient(SftpPacket packet) {
        int type = packet.type();
        if (type == SftpPacket.INIT) {
            return;
        }
        SftpPacket.Reader in = packet.payload();
        int id = in.uint32();
        if (!outstanding.add(id)) {
            throw new SftpProtocolException("SFTP request id " + Integer.toUnsignedString(id) + " reused before its reply");
        }
        switch (type) {
            case SftpPacket.OPEN -> {
                String path = in.text();
                int flags = in.uint32();
                opening.put(id, new OpenFile(path, (flags & SftpPacket.OPEN_WRITE) != 0));
            }
            case SftpPacket.READ -> reads.put(id, new Read(handle(in.bytes()), in.uint64()));
            case SftpPacket.WRITE -> {
                String handle = handle(in.bytes());
                long offset = in.uint64();
                int[] data = in.slice();
                OpenFile file = files.get(handle);
                if (file != null) {
                    if (file.upload == null) {
                        file.upload = new TransferDigest();
                    }
                    file.upload.accept(offset, packet.frame(), data[0], data[1]);
                    writes.put(id, handle);
                }
            }
            case SftpPacket.CLOSE -> closing.put(id, handle(in.bytes()));
            case SftpPacket.REMOVE -> operations.put(id, new Pending(FileOperation.REMOVE, in.text(), Optional.empty()));
            case SftpPacket.MKDIR -> operations.put(id, new Pending(FileOperation.MKDIR, in.text(), Optional.empty()));
            case SftpPacket.RMDIR -> operations.put(id, new Pending(FileOperation.RMDIR, in.text(), Optional.empty()));
            case SftpPacket.RENAME -> operations.put(id, new Pending(FileOperation.RENAME, in.text(), Optional.of(in.text())));
            case SftpPacket.SYMLINK -> operations.put(id, new Pending(FileOperation.SYMLINK, in.text(), Optional.of(in.text())));
            case SftpPacket.EXTENDED -> {
                if (in.text().equals("posix-rename@openssh.com")) {
                    operations.put(id, new Pending(FileOperation.RENAME, in.text(), Optional.of(in.text())));
                }
            }
            default -> {
                // stat, readdir, realpath and the like change nothing
            }
        }
    }

    /** A packet from the target, before it goes to the operator. */
    synchronized void fromTarget(SftpPacket packet) {
        int type = packet.type();
        if (type == SftpPacket.VERSION) {
            return;
        }
        SftpPacket.Reader in = packet.payload();
        int id = in.uint32();
        outstanding.remove(id);
        switch (type) {
            case SftpPacket.HANDLE -> {
                OpenFile file = opening.remove(id);
                if (file != null) {
                    files.put(handle(in.bytes()), file);
                }
            }
            case SftpPacket.DATA -> {
                Read read = reads.remove(id);
                OpenFile file = read == null ? null : files.get(read.handle());
                if (file != null) {
                    int[] data = in.slice();
                    downloadOf(file).accept(read.offset(), packet.frame(), data[0], data[1]);
                }
            }
            case SftpPacket.STATUS -> status(id, in.uint32(), in);
            default -> {
                // names, attributes, extended replies
            }
        }
    }

    private void status(int id, int code, SftpPacket.Reader in) {
        String message = code == SftpPacket.STATUS_OK ? FileTransfer.OK : describe(code, in);
        if (opening.remove(id) != null) {
            return;
        }
        Read read = reads.remove(id);
        if (read != null) {
            OpenFile file = files.get(read.handle());
            if (file != null) {
                downloadOf(file);
                if (code != SftpPacket.STATUS_EOF && file.failure == null) {
                    file.failure = message;
                }
            }
            return;
        }
        String written = writes.remove(id);
        if (written != null) {
            OpenFile file = files.get(written);
            if (file != null && code != SftpPacket.STATUS_OK && file.failure == null) {
                file.failure = message;
            }
            return;
        }
        String closed = closing.remove(id);
        if (closed != null) {
            OpenFile file = files.remove(closed);
            if (file != null) {
                finish(file, file.failure != null ? file.failure : message);
            }
            return;
        }
        Pending operation = operations.remove(id);
        if (operation != null) {
            report.accept(new FileTransfer(clock.instant(), operation.operation(), operation.path(), operation.newPath(), 0, Optional.empty(),
                    message));
        }
    }

    /** The channel ended: files still open are reported as not finished. */
    public synchronized void end() {
        files.values().forEach(file -> finish(file, file.failure != null ? file.failure : "not closed: the channel ended"));
        files.clear();
    }

    private void finish(OpenFile file, String outcome) {
        if (file.upload != null || file.writable && file.download == null) {
            TransferDigest upload = file.upload == null ? new TransferDigest() : file.upload;
            report.accept(new FileTransfer(clock.instant(), FileOperation.UPLOAD, file.path, Optional.empty(), upload.bytes(), upload.finish(),
                    outcome));
        }
        if (file.download != null) {
            report.accept(new FileTransfer(clock.instant(), FileOperation.DOWNLOAD, file.path, Optional.empty(), file.download.bytes(),
                    file.download.finish(), outcome));
        }
    }

    private static TransferDigest downloadOf(OpenFile file) {
        if (file.download == null) {
            file.download = new TransferDigest();
        }
        return file.download;
    }

    private static String describe(int code, SftpPacket.Reader in) {
        String text;
        try {
            text = in.text();
        } catch (SftpProtocolException e) {
            text = "";
        }
        return "failed (SFTP status " + code + (text.isBlank() ? "" : ": " + text) + ")";
    }

    private static String handle(byte[] handle) {
        return new String(handle, StandardCharsets.ISO_8859_1);
    }
}
