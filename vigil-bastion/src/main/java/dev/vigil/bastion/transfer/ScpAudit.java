package dev.vigil.bastion.transfer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Follows the data direction of a legacy SCP transfer (rcp protocol: {@code C<mode> <size> <name>} then the file's
 * bytes, {@code D}/{@code E} to enter and leave directories, {@code T} times, {@code \0} acknowledgements, {@code \1}/
 * {@code \2} errors) and reports each file with its size and SHA-256. The operator→target stream of {@code scp -t}
 * (upload) or the target→operator stream of {@code scp -f} (download) is fed here as it passes.
 */
public final class ScpAudit {

    private static final int MAX_LINE = 8192;

    private final FileOperation operation;
    private final String destination;
    private final boolean intoDirectory;
    private final Consumer<FileTransfer> report;
    private final Clock clock;
    private final Deque<String> directories = new ArrayDeque<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean inLine;
    private String file;
    private long remaining;
    private TransferDigest digest;
    private String fault;

    /**
     * {@code destination} is the path the scp command names on the target ({@code scp -t PATH} / {@code scp -f PATH});
     * {@code intoDirectory} whether the command said it is a directory ({@code -d} or {@code -r}).
     */
    public ScpAudit(FileOperation operation, String destination, boolean intoDirectory, Consumer<FileTransfer> report, Clock clock) {
        this.operation = operation;
        this.destination = destination;
        this.intoDirectory = intoDirectory;
        this.report = report;
        this.clock = clock;
    }

    public synchronized void accept(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end && fault == null) {
            if (file != null) {
                int take = (int) Math.min(remaining, end - i);
                digest.accept(digest.bytes(), bytes, i, take);
                remaining -= take;
                i += take;
                if (remaining == 0) {
                    report.accept(new FileTransfer(clock.instant(), operation, file, Optional.empty(), digest.bytes(), digest.finish(),
                            FileTransfer.OK));
                    file = null;
                }
                continue;
            }
            byte b = bytes[i++];
            if (!inLine) {
                if (b == 0) {
                    continue;
                }
                inLine = true;
                line.reset();
            }
            if (b == '\n') {
                inLine = false;
                header(line.toString(StandardCharsets.UTF_8));
            } else if (line.size() >= MAX_LINE) {
                fault = "an SCP header line longer than " + MAX_LINE + " bytes";
            } else {
                line.write(b);
            }
        }
    }

    private void header(String text) {
        char kind = text.isEmpty() ? '?' : text.charAt(0);
        switch (kind) {
            case 'C' -> {
                String[] parts = text.split(" ", 3);
                if (parts.length < 3 || !parts[1].matches("\\d{1,19}")) {
                    fault = "a malformed SCP file header";
                    return;
                }
                file = path(parts[2]);
                remaining = Long.parseLong(parts[1]);
                digest = new TransferDigest();
                if (remaining == 0) {
                    report.accept(new FileTransfer(clock.instant(), operation, file, Optional.empty(), 0, digest.finish(), FileTransfer.OK));
                    file = null;
                }
            }
            case 'D' -> {
                String[] parts = text.split(" ", 3);
                directories.addLast(parts.length < 3 ? "?" : parts[2]);
            }
            case 'E' -> directories.pollLast();
            case '\1', '\2' -> {
                // an error line (e.g. the source cannot read a file): nothing was transferred for it
            }
            default -> {
                // T (times) and anything else carries no file data
            }
        }
    }

    /**
     * The file's path on the target: the named destination joined with the directories and the name the protocol
     * carries. A single upload without {@code -d}/{@code -r} goes to the destination itself if that is not a
     * directory, which only the target knows: then the name as sent is added in parentheses.
     */
    private String path(String name) {
        StringBuilder relative = new StringBuilder();
        directories.forEach(d -> relative.append(d).append('/'));
        relative.append(name);
        String base = destination.length() > 1 && destination.endsWith("/") ? destination.substring(0, destination.length() - 1) : destination;
        String baseName = base.substring(base.lastIndexOf('/') + 1);
        if (operation == FileOperation.UPLOAD) {
            if (!intoDirectory && directories.isEmpty()) {
                return baseName.equals(name) ? base : base + " (sent as " + name + ")";
            }
            return (base.endsWith("/") ? base : base + "/") + relative;
        }
        if (directories.isEmpty() && !hasGlob(base)) {
            return base;
        }
        int slash = base.lastIndexOf('/');
        return (slash < 0 ? "" : base.substring(0, slash + 1)) + relative;
    }

    private static boolean hasGlob(String path) {
        return path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[');
    }

    /** The stream ended: a file cut off in the middle is reported as not finished. */
    public synchronized void end() {
        if (file != null) {
            report.accept(new FileTransfer(clock.instant(), operation, file, Optional.empty(), digest.bytes(), Optional.empty(),
                    "not finished: the channel ended after " + digest.bytes() + " bytes"));
            file = null;
        }
    }

    /** Why the stream could not be followed, or null. */
    public synchronized String fault() {
        return fault;
    }
}
