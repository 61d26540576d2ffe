package dev.vigil.vuln.report.sarif;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.vuln.report.Finding;
import dev.vigil.vuln.report.FindingKind;
import dev.vigil.vuln.report.FindingSeverity;
import dev.vigil.vuln.parse.InvalidInputException;
import dev.vigil.vuln.parse.json.JsonCursor;
import dev.vigil.vuln.report.JsonReportReader;

/**
 * SARIF 2.1.0 logs: one finding per {@code runs[].results[]}, suppressed results included (their status is
 * {@code suppressed}) so that an accepted suppression is visible rather than silently dropped.
 */
public final class SarifReader implements JsonReportReader {

    public static boolean recognises(JsonCursor root) throws InvalidInputException {
        if (!root.isObject() || !root.has("runs")) {
            return false;
        }
        String version = root.text("version");
        String schema = root.text("$schema");
        // "runs" alone is distinctive enough; version/$schema confirm it when present
        return version == null || version.startsWith("2.") || (schema != null && schema.contains("sarif"));
    }

    @Override
    public List<Finding> read(JsonCursor root) throws InvalidInputException {
        List<Finding> findings = new ArrayList<>();
        for (JsonCursor run : root.objects("runs")) {
            JsonCursor driver = driver(run);
            String scanner = driver == null || driver.text("name") == null ? "SARIF" : driver.text("name");
            List<JsonCursor> rules = driver == null ? List.of() : driver.objects("rules");
            Map<String, JsonCursor> rulesById = new HashMap<>();
            for (JsonCursor rule : rules) {
                String id = rule.text("id");
                if (id != null) {
                    rulesById.putIfAbsent(id, rule);
                }
            }
            String repository = repository(run);
            for (JsonCursor result : run.objects("results")) {
                findings.add(result(result, scanner, rules, rulesById).withTarget(repository));
            }
        }
        return findings;
    }

    /** The repository the run analysed ({@code versionControlProvenance[0].repositoryUri}), or null. */
    private static String repository(JsonCursor run) throws InvalidInputException {
        for (JsonCursor provenance : run.objects("versionControlProvenance")) {
            return provenance.text("repositoryUri");
        }
        return null;
    }

    private static JsonCursor driver(JsonCursor run) throws InvalidInputException {
        JsonCursor tool = run.object("tool");
        return tool == null ? null : tool.object("driver");
    }

    private static Finding result(JsonCursor result, String scanner, List<JsonCursor> rules,
                                  Map<String, JsonCursor> rulesById) throws InvalidInputException {
        JsonCursor rule = rule(result, rules, rulesById);
        String ruleId = result.text("ruleId");
        if (ruleId == null && rule != null) {
            ruleId = rule.text("id");
        }
        JsonCursor message = result.object("message");
        String messageText = message == null ? null : message.text("text");
        Finding.Builder builder = Finding.builder(scanner, FindingKind.WEAKNESS)
                .id(ruleId)
                .title(firstNonNull(description(rule, "shortDescription"), messageText, ruleId))
                .severity(severity(result, rule))
                .location(location(result))
                .description(firstNonNull(messageText, description(rule, "fullDescription")));
        if (!result.array("suppressions").isEmpty()) {
            builder.status("suppressed");
        } else {
            builder.status(result.text("kind"));
        }
        return builder.build();
    }

    private static JsonCursor rule(JsonCursor result, List<JsonCursor> rules, Map<String, JsonCursor> rulesById)
            throws InvalidInputException {
        BigDecimal index = result.number("ruleIndex");
        if (index != null && index.signum() >= 0 && index.compareTo(BigDecimal.valueOf(rules.size())) < 0) {
            return rules.get(index.intValue());
        }
        String ruleId = result.text("ruleId");
        return ruleId == null ? null : rulesById.get(ruleId);
    }

    /** {@code security-severity} (a CVSS-like number) when the rule has one, else the SARIF level. */
    private static FindingSeverity severity(JsonCursor result, JsonCursor rule) throws InvalidInputException {
        if (rule != null) {
            JsonCursor properties = rule.object("properties");
            if (properties != null && properties.has("security-severity")) {
                try {
                    return FindingSeverity.ofScore(new BigDecimal(properties.text("security-severity").strip()));
                } catch (NumberFormatException e) {
                    // a non-numeric security-severity is ignored in favour of the level
                }
            }
        }
        String level = result.text("level");
        if (level == null && rule != null) {
            JsonCursor configuration = rule.object("defaultConfiguration");
            level = configuration == null ? null : configuration.text("level");
        }
        // SARIF's default level is "warning" (§3.27.10)
        return FindingSeverity.parse(level == null ? "warning" : level);
    }

    private static String location(JsonCursor result) throws InvalidInputException {
        for (JsonCursor location : result.objects("locations")) {
            JsonCursor physical = location.object("physicalLocation");
            if (physical == null) {
                continue;
            }
            JsonCursor artifact = physical.object("artifactLocation");
            String uri = artifact == null ? null : artifact.text("uri");
            JsonCursor region = physical.object("region");
            String line = region == null ? null : region.text("startLine");
            if (uri != null) {
                return line == null ? uri : uri + ":" + line;
            }
        }
        return null;
    }

    private static String description(JsonCursor rule, String field) throws InvalidInputException {
        if (rule == null) {
            return null;
        }
        JsonCursor description = rule.object(field);
        return description == null ? null : description.text("text");
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
