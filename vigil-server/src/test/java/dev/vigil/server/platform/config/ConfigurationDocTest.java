package dev.vigil.server.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/configuration.md stays true: it documents every key with its variable and default. */
class ConfigurationDocTest {

    @Test
    void everyKeyIsDocumentedWithItsVariableAndDefault() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        for (ConfigReference.Key key : ConfigReference.KEYS) {
            String row = doc.lines().filter(line -> line.startsWith("| `" + key.name() + "` |")).findFirst().orElse("");
            assertThat(row).as("row of %s in docs/configuration.md", key.name())
                    .contains("`" + key.environmentVariable() + "`")
                    .contains("| " + key.defaultValue() + " |");
        }
    }
}
