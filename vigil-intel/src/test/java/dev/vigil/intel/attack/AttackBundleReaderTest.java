package dev.vigil.intel.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.vigil.intel.feed.FeedFormatException;
import dev.vigil.testkit.Corpus;
import org.junit.jupiter.api.Test;

class AttackBundleReaderTest {

    @Test
    void readsTheIcsMatrixItsTacticsInOrderAndItsTechniques() throws Exception {
        AttackMatrix ics = new AttackBundleReader().read(Corpus.require("stix-2.1").resolve("attack/ics-attack.json"));
        assertThat(ics.id()).isEqualTo("ics-attack");
        assertThat(ics.name()).isEqualTo("ATT&CK for ICS");
        assertThat(ics.tactics()).hasSize(12);
        assertThat(ics.tactics().get(0).id()).startsWith("TA01");
        assertThat(ics.tactics()).anySatisfy(t -> {
            assertThat(t.id()).isEqualTo("TA0107");
            assertThat(t.shortName()).isEqualTo("inhibit-response-function");
        });
        assertThat(ics.techniques()).hasSizeBetween(70, 95).anySatisfy(t -> {
            assertThat(t.id()).isEqualTo("T0803");
            assertThat(t.name()).isEqualTo("Block Command Message");
            assertThat(t.tactics()).contains("inhibit-response-function");
            assertThat(t.url()).isEqualTo("https://attack.mitre.org/techniques/T0803");
        });
        assertThat(ics.techniques()).allSatisfy(t -> assertThat(t.id()).matches("T\\d{4}(\\.\\d{3})?"));
    }

    @Test
    void refusesBundlesThatAreNotAttack() {
        assertThatThrownBy(() -> new AttackBundleReader().read(new ByteArrayInputStream(
                "{\"type\":\"bundle\",\"objects\":[{\"type\":\"indicator\"}]}".getBytes(StandardCharsets.UTF_8)), Path.of("upload")))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("not an ATT&CK bundle");
        assertThatThrownBy(() -> new AttackBundleReader().read(new ByteArrayInputStream("[1".getBytes(StandardCharsets.UTF_8)),
                Path.of("upload"))).hasMessageContaining("not valid JSON");
    }
}
