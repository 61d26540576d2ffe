package dev.vigil.detect.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands command-line rule paths: a file stands for itself, a folder for its .yml/.yaml files (recursively, sorted). */
final class RuleFiles {

    private RuleFiles() {
    }

    /** @throws IOException naming the first path that does not exist or cannot be listed */
    static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(RuleFiles::isYaml).sorted().forEach(files::add);
                } catch (UncheckedIOException e) {
                    throw new IOException(path + ": cannot list folder: " + e.getCause().getMessage(), e);
                }
            } else {
                throw new IOException(path + ": no such file or folder");
            }
        }
        return files;
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }
}
