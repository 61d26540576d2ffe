package dev.vigil.bastion.transfer;

import java.time.Instant;
import java.util.Optional;

/**
 * One audited file operation of an SFTP or SCP channel. For uploads and downloads {@code bytes} counts the file data
 * that passed the gateway and {@code sha256} is the SHA-256 of the file's content from offset 0 as transferred; it is
 * empty when the transfer did not cover the file from its start without gaps (a resumed transfer, a seek, or a
 * transfer cut off). {@code newPath} is the second path of a rename or symlink. {@code outcome} is {@code ok} or why
 * the operation failed or did not finish.
 */
public record FileTransfer(Instant at, FileOperation operation, String path, Optional<String> newPath, long bytes, Optional<String> sha256,
        String outcome) {

    public static final String OK = "ok";

    /** One line for people: {@code upload /srv/a.txt 1234 bytes sha256 ab12… ok}. */
    public String summary() {
        StringBuilder text = new StringBuilder(operation.label()).append(' ').append(path);
        newPath.ifPresent(to -> text.append(" -> ").append(to));
        if (operation == FileOperation.UPLOAD || operation == FileOperation.DOWNLOAD) {
            text.append(' ').append(bytes).append(" bytes");
            sha256.ifPresent(sum -> text.append(" sha256 ").append(sum));
        }
        return text.append(' ').append(outcome).toString();
    }

    public boolean succeeded() {
        return OK.equals(outcome);
    }
}
