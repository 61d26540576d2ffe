package dev.vigil.server.platform.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The optional YAML configuration file: {@code --config FILE} or {@code VIGIL_CONFIG}. */
public final class ConfigFile {

    private ConfigFile() {
    }

    /** The file named by the flag, else by VIGIL_CONFIG; a named file that cannot be read is an error. */
    public static Optional<Path> resolve(Path flag) {
        Path file = flag;
        if (file == null) {
            String fromEnv = System.getenv("VIGIL_CONFIG");
            if (fromEnv != null && !fromEnv.isBlank()) {
                file = Path.of(fromEnv);
            }
        }
        if (file == null) {
            return Optional.empty();
        }
        if (!Files.isReadable(file)) {
            throw new InvalidSettingException("--config / VIGIL_CONFIG", "file " + file + " cannot be read");
        }
        return Optional.of(file.toAbsolutePath());
    }

    /** Spring arguments that add the file as a configuration source. */
    public static List<String> springArguments(Path flag) {
        return resolve(flag).map(file -> List.of("--spring.config.additional-location=file:" + file)).orElse(List.of());
    }
}
