package dev.vigil.server.detection.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.vigil.detect.sigma.logsource.LogSourceMapping;
import dev.vigil.detect.sigma.logsource.LogSourceMappingLoader;
import dev.vigil.detect.sigma.logsource.MappingException;
import dev.vigil.server.platform.config.InvalidSettingException;
import dev.vigil.server.platform.config.VigilProperties;
import org.springframework.stereotype.Component;

/**
 * The log-source mappings rules are compiled against: the built-in ones (Windows event logs, Linux, web/DNS/firewall
 * over the normalized schema) and every {@code *.yml} in {@code vigil.detection.mapping-dir}. A broken file stops the
 * start naming the file, line and key.
 */
@Component
public class DetectionMappings {

    public static final List<String> BUILT_IN = LogSourceMappingLoader.BUILT_IN;

    private final List<LogSourceMapping> mappings;

    DetectionMappings(VigilProperties properties) {
        List<LogSourceMapping> loaded = new ArrayList<>();
        for (String name : BUILT_IN) {
            try {
                loaded.add(LogSourceMappingLoader.load(name));
            } catch (MappingException e) {
                throw new IllegalStateException("built-in log-source mapping " + name + " is broken: " + e.getMessage(), e);
            }
        }
        String dir = properties.detection().mappingDir();
        if (!dir.isBlank()) {
            loaded.addAll(userMappings(Path.of(dir)));
        }
        this.mappings = List.copyOf(loaded);
    }

    public List<LogSourceMapping> all() {
        return mappings;
    }

    public List<String> names() {
        return mappings.stream().map(LogSourceMapping::name).toList();
    }

    private static List<LogSourceMapping> userMappings(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidSettingException("vigil.detection.mapping-dir", dir + " is not a folder");
        }
        List<LogSourceMapping> loaded = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList()) {
                loaded.add(LogSourceMappingLoader.load(file.toString()));
            }
        } catch (IOException e) {
            throw new InvalidSettingException("vigil.detection.mapping-dir", "cannot read " + dir + ": " + e.getMessage());
        } catch (MappingException e) {
            throw new InvalidSettingException("vigil.detection.mapping-dir", e.getMessage());
        }
        return loaded;
    }
}
