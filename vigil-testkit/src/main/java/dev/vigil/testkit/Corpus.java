package dev.vigil.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Locates the shared test corpus (../shared/corpus beside the repository). Conformance tests read it in place; the
 * location can be overridden with the system property {@code vigil.corpus.dir} or the variable {@code VIGIL_CORPUS_DIR}.
 * When a folder is absent the calling test is skipped with a message naming it, never passed silently.
 */
public final class Corpus {

    private Corpus() {
    }

    /** The corpus root, whether or not it exists. */
    public static Path root() {
        String configured = System.getProperty("vigil.corpus.dir");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("VIGIL_CORPUS_DIR");
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared").resolve("corpus");
            if (Files.isDirectory(candidate)) {
                return candidate.normalize();
            }
            dir = dir.getParent();
        }
        return Path.of("..", "shared", "corpus").toAbsolutePath().normalize();
    }

    /** The named corpus folder; skips the current test (visibly) when it is missing. */
    public static Path require(String folder) {
        Path path = root().resolve(folder);
        Assumptions.assumeTrue(Files.isDirectory(path),
                () -> "SKIPPED: corpus folder " + path + " is missing (set -Dvigil.corpus.dir or VIGIL_CORPUS_DIR)");
        return path;
    }
}
