package dev.vigil.server.platform.backup;

import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of a backup folder: what it holds, with a SHA-256 of every file so a damaged backup is
 * refused before anything is restored.
 */
record BackupManifest(int format, String createdAt, String vigilVersion, String schemaVersion, List<Table> tables,
        Map<String, Long> sequences, List<FileEntry> files) {

    static final int FORMAT = 1;
    static final String NAME = "manifest.json";

    record Table(String name, long rows, String file, String sha256) {
    }

    record FileEntry(String feature, String path, long size, String sha256) {
    }
}
