package dev.vigil.detect.sigma.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.detect.sigma.condition.ConditionNode;
import dev.vigil.detect.sigma.prefilter.LiteralRequirement;
import dev.vigil.detect.sigma.prefilter.RegexLiterals;
import dev.vigil.detect.sigma.rule.DetectionNode;
import dev.vigil.detect.sigma.value.SigmaCidr;
import dev.vigil.detect.sigma.value.SigmaExists;
import dev.vigil.detect.sigma.value.SigmaExpansion;
import dev.vigil.detect.sigma.value.SigmaFieldRef;
import dev.vigil.detect.sigma.value.SigmaNull;
import dev.vigil.detect.sigma.value.SigmaNumberComparison;
import dev.vigil.detect.sigma.value.SigmaRegex;
import dev.vigil.detect.sigma.value.SigmaString;
import dev.vigil.detect.sigma.value.SigmaValue;
import dev.vigil.detect.sigma.value.SigmaValueException;

/**
 * Compiles a rule's condition and detections into one {@link EventPredicate}. OR-linked string values of a field become a
 * single {@link StringSetTest}; placeholders are substituted from the configured values.
 */
public final class DetectionCompiler {

    private final Map<String, List<String>> placeholders;

    /** @param placeholders values per placeholder name (without the % signs) for the {@code expand} modifier */
    public DetectionCompiler(Map<String, List<String>> placeholders) {
        this.placeholders = Map.copyOf(placeholders);
    }

    public CompiledDetection compile(ConditionNode condition, Map<String, DetectionNode> detections)
            throws RuleCompileException {
        try {
            Part part = condition(condition, detections, new HashMap<>());
            return new CompiledDetection(part.predicate(), part.requirement());
        } catch (SigmaValueException | IllegalArgumentException e) {
            throw new RuleCompileException(e.getMessage());
        }
    }

    /** A compiled piece with its necessary literal condition (null: none). */
    private record Part(EventPredicate predicate, LiteralRequirement requirement) {

        static Part all(List<Part> parts) {
            return new Part(Predicates.all(parts.stream().map(Part::predicate).toList()),
                    LiteralRequirement.all(parts.stream().map(Part::requirement).toList()));
        }

        static Part any(List<Part> parts) {
            return new Part(Predicates.any(parts.stream().map(Part::predicate).toList()),
                    LiteralRequirement.any(parts.stream().map(Part::requirement).toList()));
        }

        Part negated() {
            return new Part(Predicates.not(predicate), null);
        }
    }

    private Part condition(ConditionNode node, Map<String, DetectionNode> detections, Map<String, Part> compiled) {
        return switch (node) {
            case ConditionNode.And and -> Part.all(and.operands().stream()
                    .map(o -> condition(o, detections, compiled)).toList());
            case ConditionNode.Or or -> Part.any(or.operands().stream()
                    .map(o -> condition(o, detections, compiled)).toList());
            case ConditionNode.Not not -> condition(not.operand(), detections, compiled).negated();
            case ConditionNode.Identifier id -> {
                Part part = compiled.get(id.name());
                if (part == null) {
                    part = detection(detections.get(id.name()));
                    compiled.put(id.name(), part);
                }
                yield part;
            }
        };
    }

    private Part detection(DetectionNode node) {
        return switch (node) {
            case DetectionNode.AllOf all -> Part.all(all.children().stream().map(this::detection).toList());
            case DetectionNode.AnyOf any -> Part.any(any.children().stream().map(this::detection).toList());
            case DetectionNode.Item item -> item(item);
        };
    }

    private Part item(DetectionNode.Item item) {
        Part part;
        if (item.allOf()) {
            List<Part> each = new ArrayList<>();
            for (SigmaValue value : item.values()) {
                each.add(anyOf(item.field(), List.of(value)));
            }
            part = Part.all(each);
        } else {
            part = anyOf(item.field(), item.values());
        }
        return item.negated() ? part.negated() : part;
    }

    /** OR of values on one field (or keyword search when field is null). */
    private Part anyOf(String field, List<SigmaValue> values) {
        List<SigmaValue> flat = new ArrayList<>();
        flatten(values, flat);
        List<SigmaString> strings = new ArrayList<>();
        List<SigmaCidr> networks = new ArrayList<>();
        List<ValueTest> tests = new ArrayList<>();
        List<EventPredicate> presence = new ArrayList<>();
        List<String> regexLiterals = new ArrayList<>();
        for (SigmaValue value : flat) {
            switch (value) {
                case SigmaString s -> strings.add(field == null ? s.withLeadingWildcard().withTrailingWildcard() : s);
                case SigmaRegex r -> {
                    String literal = RegexLiterals.required(r.source(), r.flags());
                    tests.add(new RegexTest(r.compile(), RegexLiterals.requiredInOrder(r.source(), r.flags())));
                    regexLiterals.add(literal);
                }
                case SigmaCidr c -> networks.add(c);
                case SigmaNumberComparison n -> tests.add(new NumberComparisonTest(n));
                case SigmaFieldRef r -> tests.add(new FieldRefTest(r));
                case SigmaNull n -> presence.add(Predicates.isNull(requireField(field, "null")));
                case SigmaExists e -> presence.add(Predicates.exists(requireField(field, "exists"), e.exists()));
                case SigmaExpansion e -> throw new IllegalStateException("flattened above");
            }
        }
        if (!strings.isEmpty()) {
            tests.add(0, new StringSetTest(strings));
        }
        if (!networks.isEmpty()) {
            tests.add(new CidrTest(networks));
        }
        List<EventPredicate> operands = new ArrayList<>(presence);
        if (!tests.isEmpty()) {
            operands.add(field == null ? Predicates.keyword(tests) : Predicates.field(field, tests));
        }
        // only a field (or keywords) compared with nothing but strings and regexes yields a literal condition
        boolean literalsOnly = presence.isEmpty() && networks.isEmpty()
                && tests.size() == (strings.isEmpty() ? 0 : 1) + regexLiterals.size();
        LiteralRequirement requirement = null;
        if (literalsOnly) {
            String where = field == null ? LiteralRequirement.ANY_FIELD : field;
            List<LiteralRequirement> alternatives = new ArrayList<>();
            if (!strings.isEmpty()) {
                alternatives.add(LiteralRequirement.ofStrings(where, strings));
            }
            for (String literal : regexLiterals) {
                alternatives.add(literal == null ? null
                        : LiteralRequirement.anyOf(Map.of(where, Set.of(LiteralRequirement.Literal.contains(literal)))));
            }
            requirement = LiteralRequirement.any(alternatives);
        }
        return new Part(Predicates.any(operands), requirement);
    }

    private void flatten(List<SigmaValue> values, List<SigmaValue> out) {
        for (SigmaValue value : values) {
            if (value instanceof SigmaExpansion expansion) {
                flatten(expansion.alternatives(), out);
            } else if (value instanceof SigmaString s && s.hasPlaceholders()) {
                out.addAll(s.resolvePlaceholders(placeholders));
            } else {
                out.add(value);
            }
        }
    }

    private static String requireField(String field, String what) {
        if (field == null) {
            throw new SigmaValueException(what + " cannot be used in a keyword detection");
        }
        return field;
    }
}
