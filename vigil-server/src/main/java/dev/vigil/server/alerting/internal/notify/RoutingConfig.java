package dev.vigil.server.alerting.internal.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import dev.vigil.monitor.routing.AlertmanagerConfig;
import dev.vigil.monitor.routing.AlertmanagerConfigLoader;
import dev.vigil.monitor.yaml.YamlException;
import dev.vigil.server.platform.web.ProblemException;

/** Parses routing YAML (Alertmanager's format) with vigil-monitor's loader; errors name {@code routing.yml:line:column}. */
public final class RoutingConfig {

    private RoutingConfig() {
    }

    public static AlertmanagerConfig parse(String yaml) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("vigil-routing");
            Path file = dir.resolve("routing.yml");
            Files.writeString(file, yaml);
            try {
                return AlertmanagerConfigLoader.load(file);
            } catch (YamlException | IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid-routing", String.valueOf(e.getMessage()).replace(file.toString(), "routing.yml"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the routing configuration", e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            dir.toFile().deleteOnExit();
        }
    }
}
