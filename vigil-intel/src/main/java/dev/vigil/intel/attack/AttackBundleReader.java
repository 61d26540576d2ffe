package dev.vigil.intel.attack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.vigil.intel.feed.FeedFormatException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads MITRE ATT&CK from its STIX 2.1 bundle (mitre-attack/attack-stix-data): the {@code x-mitre-matrix}, the
 * {@code x-mitre-tactic} objects it lists and the {@code attack-pattern} objects, each identified by its
 * {@code mitre-attack} external id.
 */
public final class AttackBundleReader {

    private final JsonMapper mapper = JsonMapper.builder().build();

    public AttackMatrix read(InputStream in, Path name) throws FeedFormatException {
        JsonNode root;
        try {
            root = mapper.readTree(in);
        } catch (JacksonException e) {
            throw new FeedFormatException(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !"bundle".equals(root.path("type").asString(null)) || !root.path("objects").isArray()) {
            throw new FeedFormatException(name, 1, "not a STIX bundle with objects");
        }
        JsonNode matrix = null;
        Map<String, AttackTactic> tacticsByRef = new HashMap<>();
        List<AttackTechnique> techniques = new ArrayList<>();
        for (JsonNode object : root.path("objects")) {
            if (object.path("revoked").asBoolean(false) || object.path("x_mitre_deprecated").asBoolean(false)) {
                continue;
            }
            String type = object.path("type").asString("");
            String externalId = externalId(object);
            switch (type) {
                case "x-mitre-matrix" -> matrix = matrix == null ? object : matrix;
                case "x-mitre-tactic" -> {
                    if (externalId != null) {
                        tacticsByRef.put(object.path("id").asString(), new AttackTactic(externalId, object.path("name").asString(""),
                                object.path("x_mitre_shortname").asString("")));
                    }
                }
                case "attack-pattern" -> {
                    if (externalId != null) {
                        List<String> tactics = new ArrayList<>();
                        for (JsonNode phase : object.path("kill_chain_phases")) {
                            if (phase.path("kill_chain_name").asString("").startsWith("mitre-")) {
                                tactics.add(phase.path("phase_name").asString());
                            }
                        }
                        techniques.add(new AttackTechnique(externalId.toUpperCase(Locale.ROOT), object.path("name").asString(""), tactics,
                                object.path("x_mitre_is_subtechnique").asBoolean(externalId.contains(".")), url(object)));
                    }
                }
                default -> {
                }
            }
        }
        if (matrix == null) {
            throw new FeedFormatException(name, 0, "no x-mitre-matrix object: not an ATT&CK bundle");
        }
        if (techniques.isEmpty()) {
            throw new FeedFormatException(name, 0, "the bundle holds no ATT&CK techniques");
        }
        List<AttackTactic> tactics = new ArrayList<>();
        for (JsonNode ref : matrix.path("tactic_refs")) {
            AttackTactic tactic = tacticsByRef.get(ref.asString());
            if (tactic != null) {
                tactics.add(tactic);
            }
        }
        String matrixId = externalId(matrix);
        return new AttackMatrix(matrixId == null ? matrix.path("id").asString() : matrixId, matrix.path("name").asString(""), tactics,
                techniques);
    }

    public AttackMatrix read(Path file) throws FeedFormatException {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return read(in, file);
        } catch (IOException e) {
            throw new FeedFormatException(file, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static String externalId(JsonNode object) {
        for (JsonNode reference : object.path("external_references")) {
            if (reference.path("source_name").asString("").startsWith("mitre-") && reference.has("external_id")) {
                return reference.path("external_id").asString();
            }
        }
        return null;
    }

    private static String url(JsonNode object) {
        for (JsonNode reference : object.path("external_references")) {
            if (reference.path("source_name").asString("").startsWith("mitre-") && reference.has("url")) {
                return reference.path("url").asString();
            }
        }
        return "";
    }
}
