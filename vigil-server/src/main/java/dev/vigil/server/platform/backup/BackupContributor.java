package dev.vigil.server.platform.backup;

import java.util.List;

/**
 * A feature's files under the data folder that a backup must copy (the database is copied whole). Implementations
 * are registered in {@code META-INF/services/dev.vigil.server.platform.backup.BackupContributor} so that the
 * {@code vigil backup} command finds them without starting the server.
 */
public interface BackupContributor {

    /** The feature, for the manifest. */
    String feature();

    /** Paths relative to the data folder (files or folders); missing ones are skipped. */
    List<String> paths();
}
