package dev.vigil.server.access;

import java.time.Instant;

/**
 * A file operation of an SFTP or SCP session: {@code operation} upload, download, remove, rename, mkdir, rmdir or
 * symlink; {@code newPath} the second path of a rename or symlink; for uploads and downloads {@code bytes} that passed
 * the gateway and {@code sha256} of the file's content as transferred (null when the transfer did not cover the file
 * from its start without a gap); {@code outcome} {@code ok} or why it failed.
 */
public record SessionTransferView(int seq, Instant at, String operation, String path, String newPath, long bytes, String sha256,
        String outcome) {
}
