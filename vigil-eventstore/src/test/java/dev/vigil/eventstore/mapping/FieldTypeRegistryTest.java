package dev.vigil.eventstore.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldTypeRegistryTest {
    @TempDir
    Path directory;

    @Test
    void registeredKindsSurviveAReopenOnlyOncePersisted() {
        FieldTypeRegistry registry = FieldTypeRegistry.open(directory, 100);
        assertThat(registry.kindForIndexing("bytes", FieldKind.LONG)).contains(FieldKind.LONG);
        assertThat(registry.kindForIndexing("bytes", FieldKind.KEYWORD)).contains(FieldKind.LONG);
        assertThat(registry.kindForIndexing("odd\tname\\with\nbreaks", FieldKind.DOUBLE)).contains(FieldKind.DOUBLE);
        assertThat(FieldTypeRegistry.open(directory, 100).knownKind("bytes")).isEmpty();

        registry.persistPending();

        FieldTypeRegistry reopened = FieldTypeRegistry.open(directory, 100);
        assertThat(reopened.knownKind("bytes")).contains(FieldKind.LONG);
        assertThat(reopened.kindOf("odd\tname\\with\nbreaks")).isEqualTo(FieldKind.DOUBLE);
    }

    @Test
    void aTornLastLineIsIgnored() throws Exception {
        FieldTypeRegistry registry = FieldTypeRegistry.open(directory, 100);
        registry.kindForIndexing("user.name", FieldKind.KEYWORD);
        registry.persistPending();
        Files.writeString(directory.resolve(FieldTypeRegistry.FILE_NAME), "half.writ", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        FieldTypeRegistry reopened = FieldTypeRegistry.open(directory, 100);

        assertThat(reopened.knownKind("user.name")).contains(FieldKind.KEYWORD);
        assertThat(reopened.knownKind("half.writ")).isEmpty();
    }

    @Test
    void builtInAndWellKnownFieldsHaveTheirKindsWithoutData() {
        FieldTypeRegistry registry = FieldTypeRegistry.open(directory, 100);
        assertThat(registry.kindOf("@timestamp")).isEqualTo(FieldKind.DATE);
        assertThat(registry.kindOf("message")).isEqualTo(FieldKind.TEXT);
        assertThat(registry.kindOf("http.response.status_code")).isEqualTo(FieldKind.LONG);
        assertThat(registry.kindOf("never.seen")).isEqualTo(FieldKind.KEYWORD);
        assertThat(registry.kindForIndexing("source.port", FieldKind.KEYWORD)).contains(FieldKind.LONG);
    }
}
