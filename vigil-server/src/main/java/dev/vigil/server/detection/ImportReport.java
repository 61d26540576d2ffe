package dev.vigil.server.detection;

import java.util.List;

/**
 * What an import did. Problems are {@code file:line: reason}; the valid documents of a file with problems are still
 * imported.
 */
public record ImportReport(int files, int created, int updated, int unchanged, List<String> problems) {
}
