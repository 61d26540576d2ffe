package dev.vigil.server.platform.backup;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.vigil.server.platform.config.CliSettings;
import dev.vigil.server.platform.config.VigilProperties;
import picocli.CommandLine.Option;

/** The options that say which instance a command works on, as for {@code vigil serve}. */
final class DataFolderOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (also VIGIL_CONFIG).")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder (VIGIL_DATA_DIR; default ./data).")
    Path dataDir;

    @Option(names = "--database-url", paramLabel = "JDBC_URL", description = "External PostgreSQL (VIGIL_DATABASE_URL).")
    String databaseUrl;

    VigilProperties settings() {
        Map<String, Object> flags = new LinkedHashMap<>();
        if (dataDir != null) {
            flags.put("vigil.data-dir", dataDir.toString());
        }
        if (databaseUrl != null) {
            flags.put("vigil.database.url", databaseUrl);
        }
        return CliSettings.load(config, flags);
    }
}
