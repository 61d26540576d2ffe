package dev.vigil.intel.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.intel.feed.MispFeedReader;
import dev.vigil.intel.feed.ThreatFoxJsonReader;
import dev.vigil.intel.stix.bundle.StixBundleReader;
import dev.vigil.intel.stix.bundle.StixIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ATT&CK techniques feeds relate to their indicators: STIX relationships and phases, MISP galaxies, ThreatFox tags. */
class TechniqueSourcesTest {

    @TempDir
    Path dir;

    @Test
    void techniqueIdsAreFoundOnlyWhereTheyStandAlone() {
        assertThat(TechniqueIds.in("misp-galaxy:mitre-attack-pattern=\"Command and Scripting Interpreter - T1059\""))
                .containsExactly("T1059");
        assertThat(TechniqueIds.in("attack.t1059.001 and T1071.004, T1059.001")).containsExactly("T1059.001", "T1071.004");
        assertThat(TechniqueIds.in("ST10591 T10590 xt1059 t1059x")).isEmpty();
        assertThat(TechniqueIds.inTag("T1566")).containsExactly("T1566");
        assertThat(TechniqueIds.inTag("tlp:green T1566 ransomware")).as("not an ATT&CK tag").isEmpty();
        assertThat(TechniqueIds.inTags(List.of("emotet", "attack.t1105", "misp-galaxy:mitre-attack-pattern=\"Ingress Tool Transfer - T1105\"")))
                .containsExactly("T1105");
    }

    @Test
    void stixIndicatesRelationshipsKillChainPhasesAndLabelsNameTechniques() throws Exception {
        Path bundle = dir.resolve("bundle.json");
        Files.writeString(bundle, """
                {"type": "bundle", "id": "bundle--1", "objects": [
                  {"type": "relationship", "id": "relationship--1", "relationship_type": "indicates",
                   "source_ref": "indicator--a", "target_ref": "attack-pattern--p"},
                  {"type": "indicator", "id": "indicator--a", "pattern": "[domain-name:value = 'evil.example']",
                   "pattern_type": "stix", "valid_from": "2026-01-01T00:00:00Z",
                   "kill_chain_phases": [{"kill_chain_name": "mitre-attack", "phase_name": "command-and-control"}]},
                  {"type": "attack-pattern", "id": "attack-pattern--p", "name": "Application Layer Protocol",
                   "external_references": [{"source_name": "mitre-attack", "external_id": "T1071"}]},
                  {"type": "indicator", "id": "indicator--b", "pattern": "[ipv4-addr:value = '198.51.100.1']",
                   "pattern_type": "stix", "valid_from": "2026-01-01T00:00:00Z", "labels": ["attack.t1566.001", "phishing"],
                   "kill_chain_phases": [{"kill_chain_name": "lockheed", "phase_name": "T1204"}]},
                  {"type": "relationship", "id": "relationship--2", "relationship_type": "related-to",
                   "source_ref": "indicator--b", "target_ref": "attack-pattern--p"}
                ]}""");
        StixBundleReader.Result result = new StixBundleReader().read(bundle);
        Map<String, List<String>> techniques = new HashMap<>();
        for (StixIndicator indicator : result.indicators()) {
            techniques.put(indicator.id(), result.techniques().techniquesOf(indicator));
        }
        assertThat(techniques).containsEntry("indicator--a", List.of("T1071"))
                .as("related-to is not indicates").containsEntry("indicator--b", List.of("T1204", "T1566.001"));
    }

    @Test
    void mispGalaxyTagsAndClustersOfEventsAndAttributesNameTechniques() throws Exception {
        String event = "5a8e2c71-8c3a-4f43-9d2e-1b6f0e8a9c11";
        Files.writeString(dir.resolve("manifest.json"), "{\"" + event + "\": {}}");
        Files.writeString(dir.resolve(event + ".json"), """
                {"Event": {"info": "phishing wave", "Tag": [{"name": "tlp:green"},
                    {"name": "misp-galaxy:mitre-attack-pattern=\\"Phishing - T1566\\""}],
                  "Galaxy": [{"type": "mitre-attack-pattern", "GalaxyCluster": [{"value": "User Execution - T1204",
                    "meta": {"external_id": ["T1204"]}}]}],
                  "Attribute": [
                    {"type": "domain", "value": "evil.example", "to_ids": true, "uuid": "a1",
                     "Tag": [{"name": "misp-galaxy:mitre-attack-pattern=\\"Ingress Tool Transfer - T1105\\""}]},
                    {"type": "ip-dst", "value": "198.51.100.2", "to_ids": true, "uuid": "a2"}]}}""");
        Map<String, List<String>> techniques = new HashMap<>();
        assertThat(new MispFeedReader().readWithTechniques(dir, (indicator, ids) -> techniques.put(indicator.value(), ids))).isEmpty();
        assertThat(techniques).containsEntry("evil.example", List.of("T1566", "T1204", "T1105"))
                .containsEntry("198.51.100.2", List.of("T1566", "T1204"));
    }

    @Test
    void threatFoxTagsThatAreTechniquesNameThem() throws Exception {
        Path file = dir.resolve("threatfox.json");
        Files.writeString(file, """
                {"query_status": "ok", "data": [
                  {"id": "1", "ioc": "evil.example", "ioc_type": "domain", "tags": ["Emotet", "T1071.001"]},
                  {"id": "2", "ioc": "bad.example", "ioc_type": "domain", "tags": null}]}""");
        Map<String, List<String>> techniques = new HashMap<>();
        assertThat(new ThreatFoxJsonReader().readWithTechniques(file, (indicator, ids) -> techniques.put(indicator.value(), ids))).isEmpty();
        assertThat(techniques).containsEntry("evil.example", List.of("T1071.001")).containsEntry("bad.example", List.of());
    }
}
