package dev.vigil.intel.stix.bundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.intel.attack.TechniqueIds;
import tools.jackson.databind.JsonNode;

/**
 * The ATT&CK techniques STIX content relates to its indicators: {@code indicates} relationships from an indicator to
 * an {@code attack-pattern} with a {@code mitre-attack} external id, and technique ids named in an indicator's
 * {@code kill_chain_phases} or labels. Objects may arrive in any order (a bundle, TAXII pages): feed them all, then ask.
 */
public final class StixTechniqueLinks {

    private final Map<String, String> techniqueOfPattern = new HashMap<>();
    private final Map<String, Set<String>> patternsOfIndicator = new HashMap<>();

    /** Takes note of an attack-pattern or a relationship; other objects are ignored. */
    public void accept(JsonNode object) {
        String type = object.path("type").asString("");
        if (type.equals("attack-pattern")) {
            for (JsonNode reference : object.path("external_references")) {
                String source = reference.path("source_name").asString("");
                String id = reference.path("external_id").asString("");
                if (source.startsWith("mitre") && !TechniqueIds.in(id).isEmpty()) {
                    techniqueOfPattern.put(object.path("id").asString(""), TechniqueIds.in(id).getFirst());
                }
            }
        } else if (type.equals("relationship") && object.path("relationship_type").asString("").equals("indicates")
                && !object.path("revoked").asBoolean(false)) {
            String source = object.path("source_ref").asString("");
            String target = object.path("target_ref").asString("");
            if (source.startsWith("indicator--") && target.startsWith("attack-pattern--")) {
                patternsOfIndicator.computeIfAbsent(source, s -> new LinkedHashSet<>()).add(target);
            }
        }
    }

    /** The technique ids of an indicator (upper case, each once). */
    public List<String> techniquesOf(StixIndicator indicator) {
        Set<String> ids = new LinkedHashSet<>();
        for (String pattern : patternsOfIndicator.getOrDefault(indicator.id(), Set.of())) {
            String technique = techniqueOfPattern.get(pattern);
            if (technique != null) {
                ids.add(technique);
            }
        }
        for (KillChainPhase phase : indicator.killChainPhases()) {
            if (phase.phaseName() != null) {
                ids.addAll(TechniqueIds.in(phase.phaseName()));
            }
        }
        ids.addAll(TechniqueIds.inTags(indicator.labels()));
        return new ArrayList<>(ids);
    }
}
