package dev.vigil.server.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The documented key list (vigil config, docs) names exactly the settings the server binds. */
class ConfigReferenceTest {

    @Test
    void referenceListsExactlyTheLeafKeysOfVigilProperties() {
        List<String> bound = new ArrayList<>();
        collect("vigil", VigilProperties.class, bound);
        List<String> documented = ConfigReference.KEYS.stream().map(ConfigReference.Key::name).toList();
        assertThat(bound).hasSizeGreaterThan(15).contains("vigil.http.port", "vigil.security.session-absolute-timeout");
        assertThat(documented).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(bound);
    }

    @Test
    void environmentVariablesFollowSpringsRelaxedBinding() {
        ConfigReference.Key port = ConfigReference.KEYS.stream().filter(k -> k.name().equals("vigil.http.max-request-body")).findFirst()
                .orElseThrow();
        assertThat(port.environmentVariable()).isEqualTo("VIGIL_HTTP_MAX_REQUEST_BODY");
    }

    private static void collect(String prefix, Class<?> type, List<String> keys) {
        for (RecordComponent component : type.getRecordComponents()) {
            String key = prefix + "." + kebab(component.getName());
            Class<?> componentType = component.getType();
            if (componentType.isRecord() && componentType.getEnclosingClass() == VigilProperties.class) {
                collect(key, componentType, keys);
            } else {
                keys.add(key);
            }
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
