package dev.vigil.detect.sigma.rule;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import dev.vigil.detect.sigma.condition.ConditionException;
import dev.vigil.detect.sigma.condition.ConditionNode;
import dev.vigil.detect.sigma.condition.ConditionParser;

/**
 * Parses Sigma YAML files (detection rules, correlation rules and filters; several documents per file allowed) into typed
 * documents. All problems of a document are collected with their line; a document with problems yields no object.
 * Thread-safe.
 */
public final class SigmaRuleParser {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> STATUSES = Set.of("stable", "test", "experimental", "deprecated", "unsupported");
    private static final Set<String> LEVELS = Set.of("informational", "low", "medium", "high", "critical");
    private static final Set<String> CORRELATION_TYPES = Set.of("event_count", "value_count", "temporal",
            "temporal_ordered", "value_sum", "value_avg", "value_percentile");
    private static final Set<String> CORRELATION_OPERATORS = Set.of("gt", "gte", "lt", "lte", "eq", "neq", "field",
            "percentile");
    private static final Pattern TIMESPAN = Pattern.compile("[0-9]+[smhdwMy]");
    private static final int MAX_FILE_CHARS = 3 * 1024 * 1024;

    private final DetectionParser detectionParser = new DetectionParser();

    /** Parses a file; unreadable files come back as a problem, never as an exception. */
    public SigmaDocuments parse(Path file) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return SigmaDocuments.collect(file.toString(), List.of(),
                    List.of(new SigmaProblem(file.toString(), 0, "file is not valid UTF-8")));
        } catch (IOException e) {
            return SigmaDocuments.collect(file.toString(), List.of(),
                    List.of(new SigmaProblem(file.toString(), 0, "cannot read file: " + e.getMessage())));
        }
        return parse(text, file.toString());
    }

    /** Parses YAML text; {@code source} names it in problems. */
    public SigmaDocuments parse(String text, String source) {
        List<SigmaProblem> problems = new ArrayList<>();
        List<Object> documents = new ArrayList<>();
        if (text.length() > MAX_FILE_CHARS) {
            problems.add(new SigmaProblem(source, 0, "file is larger than " + MAX_FILE_CHARS + " characters"));
            return SigmaDocuments.collect(source, documents, problems);
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(30);
        options.setCodePointLimit(MAX_FILE_CHARS);
        try {
            for (Node root : new Yaml(options).composeAll(new StringReader(text))) {
                if (root == null) {
                    continue;
                }
                Object document = parseDocument(root, new YamlDocument(source, problems));
                if (document != null) {
                    documents.add(document);
                }
            }
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            problems.add(new SigmaProblem(source, line, "invalid YAML: " + e.getProblem()));
        } catch (YAMLException | IllegalArgumentException e) {
            problems.add(new SigmaProblem(source, 0, "invalid YAML: " + e.getMessage()));
        }
        if (documents.isEmpty() && problems.isEmpty()) {
            problems.add(new SigmaProblem(source, 1, "file contains no Sigma document"));
        }
        return SigmaDocuments.collect(source, documents, problems);
    }

    /** Parses text that must hold exactly one detection rule. */
    public SigmaRule parseRule(String text, String source) throws SigmaParseException {
        SigmaDocuments documents = parse(text, source);
        if (documents.hasProblems()) {
            throw new SigmaParseException(documents.problems());
        }
        if (documents.rules().size() != 1 || documents.correlations().size() + documents.filters().size() > 0) {
            throw new SigmaParseException(List.of(new SigmaProblem(source, 1, "expected exactly one detection rule")));
        }
        return documents.rules().get(0);
    }

    private Object parseDocument(Node root, YamlDocument yaml) {
        if (!(root instanceof MappingNode mapping)) {
            yaml.problem(root, "a Sigma document must be a mapping");
            return null;
        }
        int before = yaml.problemCount();
        Map<String, Node> fields = yaml.mapping(mapping);
        String title = yaml.text(fields.get("title"), "title");
        if (title == null || title.isBlank()) {
            yaml.problem(root, "missing required field 'title'");
        } else if (title.length() > 256) {
            yaml.problem(fields.get("title"), "title is longer than 256 characters");
        }
        String id = yaml.text(fields.get("id"), "id");
        if (id != null && !UUID.matcher(id).matches()) {
            yaml.problem(fields.get("id"), "id '" + id + "' is not a UUID");
        }
        Object document;
        if (fields.containsKey("correlation")) {
            document = correlation(fields, yaml, id, title, YamlDocument.line(root));
        } else if (fields.containsKey("filter")) {
            document = filter(fields, yaml, id, title, YamlDocument.line(root));
        } else {
            document = rule(fields, yaml, id, title, root);
        }
        return yaml.problemCount() == before ? document : null;
    }

    private SigmaRule rule(Map<String, Node> fields, YamlDocument yaml, String id, String title, Node root) {
        String status = yaml.text(fields.get("status"), "status");
        if (status != null && !STATUSES.contains(status)) {
            yaml.problem(fields.get("status"), "status '" + status + "' is not one of " + STATUSES);
        }
        String level = yaml.text(fields.get("level"), "level");
        if (level != null && !LEVELS.contains(level)) {
            yaml.problem(fields.get("level"), "level '" + level + "' is not one of " + LEVELS);
        }
        LogSource logsource = logsource(fields.get("logsource"), yaml, root);
        Node detectionNode = fields.get("detection");
        Map<String, DetectionNode> detections = new LinkedHashMap<>();
        ConditionNode condition = null;
        if (!(detectionNode instanceof MappingNode detectionMap)) {
            yaml.problem(detectionNode == null ? root : detectionNode, "missing required mapping 'detection'");
        } else {
            condition = detection(detectionMap, yaml, detections);
        }
        return new SigmaRule(id, yaml.text(fields.get("name"), "name"), title, status,
                yaml.text(fields.get("description"), "description"), author(fields.get("author"), yaml), level,
                yaml.texts(fields.get("tags"), "tags"), yaml.texts(fields.get("references"), "references"),
                yaml.texts(fields.get("falsepositives"), "falsepositives"), yaml.text(fields.get("date"), "date"),
                yaml.text(fields.get("modified"), "modified"), logsource, detections, condition, yaml.source(),
                YamlDocument.line(root));
    }

    private static String author(Node node, YamlDocument yaml) {
        // a few rule sets write the author as a list
        return node instanceof SequenceNode ? String.join(", ", yaml.texts(node, "author")) : yaml.text(node, "author");
    }

    /** Parses identifiers and condition of a detection/filter section; returns the condition or null on problems. */
    private ConditionNode detection(MappingNode section, YamlDocument yaml, Map<String, DetectionNode> detections) {
        Map<String, Node> entries = yaml.mapping(section);
        Node conditionNode = entries.remove("condition");
        entries.remove("rules");
        for (Map.Entry<String, Node> entry : entries.entrySet()) {
            DetectionNode node = detectionParser.parse(entry.getKey(), entry.getValue(), yaml);
            if (node != null) {
                detections.put(entry.getKey(), node);
            }
        }
        if (conditionNode == null) {
            yaml.problem(section, "detection has no 'condition'");
            return null;
        }
        List<String> conditions = yaml.texts(conditionNode, "condition");
        if (conditions.isEmpty()) {
            yaml.problem(conditionNode, "condition is empty");
            return null;
        }
        List<ConditionNode> parsed = new ArrayList<>();
        for (String text : conditions) {
            try {
                parsed.add(ConditionParser.parse(text, entries.keySet()));
            } catch (ConditionException e) {
                yaml.problem(conditionNode, e.getMessage());
            }
        }
        if (parsed.size() != conditions.size()) {
            return null;
        }
        return parsed.size() == 1 ? parsed.get(0) : new ConditionNode.Or(parsed);
    }

    private static LogSource logsource(Node node, YamlDocument yaml, Node root) {
        if (!(node instanceof MappingNode mapping)) {
            yaml.problem(node == null ? root : node, "missing required mapping 'logsource'");
            return new LogSource(null, null, null, null, Map.of());
        }
        Map<String, Node> entries = yaml.mapping(mapping);
        if (entries.isEmpty()) {
            yaml.problem(node, "logsource is empty");
        }
        Map<String, String> other = new HashMap<>();
        entries.forEach((key, value) -> {
            if (!Set.of("product", "category", "service", "definition").contains(key)) {
                String text = yaml.text(value, "logsource " + key);
                if (text != null) {
                    other.put(key, text);
                }
            }
        });
        return new LogSource(yaml.text(entries.get("product"), "logsource product"),
                yaml.text(entries.get("category"), "logsource category"),
                yaml.text(entries.get("service"), "logsource service"),
                yaml.text(entries.get("definition"), "logsource definition"), other);
    }

    private static SigmaCorrelation correlation(Map<String, Node> fields, YamlDocument yaml, String id, String title,
            int line) {
        if (!(fields.get("correlation") instanceof MappingNode section)) {
            yaml.problem(fields.get("correlation"), "correlation must be a mapping");
            return null;
        }
        Map<String, Node> entries = yaml.mapping(section);
        String type = yaml.text(entries.get("type"), "correlation type");
        if (type == null || !CORRELATION_TYPES.contains(type)) {
            yaml.problem(section, "correlation type must be one of " + CORRELATION_TYPES);
        }
        List<String> rules = yaml.texts(entries.get("rules"), "correlation rules");
        if (rules.isEmpty()) {
            yaml.problem(section, "correlation needs 'rules'");
        }
        String timespan = yaml.text(entries.get("timespan"), "timespan");
        if (timespan == null || !TIMESPAN.matcher(timespan).matches()) {
            yaml.problem(entries.getOrDefault("timespan", section), "correlation needs a timespan like 5m, 1h or 30s");
        }
        Map<String, String> condition = new HashMap<>();
        Node conditionNode = entries.get("condition");
        if (conditionNode instanceof MappingNode conditionMap) {
            yaml.mapping(conditionMap).forEach((operator, value) -> {
                if (!CORRELATION_OPERATORS.contains(operator)) {
                    yaml.problem(value, "unknown correlation condition operator '" + operator + "'");
                }
                String text = yaml.text(value, "correlation condition " + operator);
                if (text != null) {
                    condition.put(operator, text);
                }
            });
        } else if (conditionNode != null) {
            yaml.problem(conditionNode, "correlation condition must be a mapping like {gte: 10}");
        }
        boolean temporal = type != null && type.startsWith("temporal");
        if (!temporal && conditionNode == null) {
            yaml.problem(section, "correlation type " + type + " needs a condition");
        }
        if (type != null && type.startsWith("value_") && !condition.containsKey("field")) {
            yaml.problem(section, "correlation type " + type + " needs a condition field");
        }
        if (condition.containsKey("percentile") && !"value_percentile".equals(type)) {
            yaml.problem(conditionNode, "condition percentile only applies to value_percentile");
        } else if (condition.containsKey("percentile") && !condition.get("percentile").strip().matches("[0-9]{1,3}")
                || condition.containsKey("percentile") && Integer.parseInt(condition.get("percentile").strip()) > 100) {
            yaml.problem(conditionNode, "condition percentile must be an integer from 0 to 100");
        }
        condition.forEach((operator, value) -> {
            if (!"field".equals(operator) && !"percentile".equals(operator)
                    && !value.strip().matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
                yaml.problem(conditionNode, "correlation condition " + operator + " needs a number, got '" + value + "'");
            }
        });
        boolean generate = "true".equalsIgnoreCase(yaml.text(entries.get("generate"), "generate"));
        Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
        Node aliasNode = entries.get("aliases");
        if (aliasNode instanceof MappingNode aliasMap) {
            yaml.mapping(aliasMap).forEach((alias, perRule) -> {
                if (perRule instanceof MappingNode ruleMap) {
                    Map<String, String> fieldsByRule = new LinkedHashMap<>();
                    yaml.mapping(ruleMap).forEach((rule, field) -> fieldsByRule.put(rule, yaml.text(field, "alias field")));
                    aliases.put(alias, fieldsByRule);
                } else {
                    yaml.problem(perRule, "alias '" + alias + "' must map rule names to field names");
                }
            });
        } else if (aliasNode != null) {
            yaml.problem(aliasNode, "aliases must be a mapping");
        }
        return new SigmaCorrelation(id, yaml.text(fields.get("name"), "name"), title,
                yaml.text(fields.get("level"), "level"), author(fields.get("author"), yaml), type, rules,
                yaml.texts(entries.get("group-by"), "group-by"), timespan, condition, aliases, generate, yaml.source(),
                line);
    }

    private SigmaFilter filter(Map<String, Node> fields, YamlDocument yaml, String id, String title, int line) {
        if (!(fields.get("filter") instanceof MappingNode section)) {
            yaml.problem(fields.get("filter"), "filter must be a mapping");
            return null;
        }
        List<String> rules = yaml.texts(yaml.mapping(section).get("rules"), "filter rules");
        if (rules.isEmpty()) {
            yaml.problem(section, "filter needs 'rules' (ids or names, or 'any')");
        }
        Map<String, DetectionNode> detections = new LinkedHashMap<>();
        ConditionNode condition = detection(section, yaml, detections);
        return new SigmaFilter(id, title, logsource(fields.get("logsource"), yaml, section), rules, detections, condition,
                yaml.source(), line);
    }
}
