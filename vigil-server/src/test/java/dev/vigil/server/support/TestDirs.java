package dev.vigil.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh data folders under target/test-data (removed by mvn clean; never shared between JVMs). */
public final class TestDirs {

    private static final Path ROOT = Path.of("target", "test-data").toAbsolutePath();
    private static Path shared;

    private TestDirs() {
    }

    /** A new empty folder. */
    public static Path fresh(String prefix) {
        try {
            Files.createDirectories(ROOT);
            return Files.createTempDirectory(ROOT, prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data folder of the shared test server: created once per JVM. */
    public static synchronized Path shared() {
        if (shared == null) {
            shared = fresh("shared");
        }
        return shared;
    }
}
