package dev.vigil.server.platform.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A feature's files under the data folder that a backup must copy (the database is copied whole). Implementations
 * are registered in {@code META-INF/services/dev.vigil.server.platform.backup.BackupContributor} so that the
 * {@code vigil backup} command finds them without starting the server.
 */
public interface BackupContributor {

    /** The feature, for the manifest. */
    String feature();

    /** Paths relative to the data folder (files or folders), copied in this order; missing ones are skipped. */
    List<String> paths();

    /**
     * Copies {@code source} (one of {@link #paths()}, resolved in the data folder) to {@code target} (the same path in
     * the backup) and returns the files written. By default file by file; a feature whose files change under a running
     * server in ways a plain copy cannot follow copies them its own way.
     */
    default List<Path> copy(Path source, Path target) throws IOException {
        if (Files.isRegularFile(source)) {
            Files.createDirectories(target.getParent());
            return List.of(Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES));
        }
        List<Path> written = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                written.add(Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES));
            }
        }
        return written;
    }
}
