package dev.vigil.intel.stix.compile;

import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.indicator.IndicatorType;
import dev.vigil.intel.match.IndicatorIndex;
import dev.vigil.intel.match.InvalidIndicatorException;
import dev.vigil.intel.stix.bundle.StixIndicator;
import dev.vigil.intel.stix.pattern.ComparisonExpression;
import dev.vigil.intel.stix.pattern.InvalidPatternException;
import dev.vigil.intel.stix.pattern.Literal;
import dev.vigil.intel.stix.pattern.ObjectPath;
import dev.vigil.intel.stix.pattern.ObservationExpression;
import dev.vigil.intel.stix.pattern.StixPatternParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reduces the STIX patterns real feeds publish -- one observation whose comparisons are {@code =} or {@code IN} on
 * address, domain, URL, file hash or e-mail values, joined by OR -- to plain indicators for the hash-based
 * {@link IndicatorIndex}. An {@code ipv4-addr:value = 'a.b.c.d/n'} becomes a CIDR indicator (containment, as such
 * feeds mean it). AND is accepted only between hashes of one file (any of them identifies the file). Everything else
 * (other properties, NOT, LIKE/MATCHES, several observations, qualifiers) needs the pattern evaluator and is reported,
 * not approximated.
 */
public final class PatternIndicatorCompiler {

    private PatternIndicatorCompiler() {
    }

    /** Compiles one STIX indicator; {@code source} names the feed or file it came from. */
    public static PatternCompilation compile(StixIndicator stix, String source) {
        List<Indicator> indicators = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!"stix".equalsIgnoreCase(stix.patternType())) {
            return new PatternCompilation(indicators, List.of(stix.id() + ": pattern_type '" + stix.patternType()
                    + "' is not a STIX pattern"));
        }
        if (stix.revoked()) {
            return new PatternCompilation(indicators, List.of(stix.id() + ": revoked"));
        }
        ObservationExpression root;
        try {
            root = StixPatternParser.parse(stix.pattern()).root();
        } catch (InvalidPatternException e) {
            return new PatternCompilation(indicators, List.of(stix.id() + ": invalid pattern: " + e.getMessage()));
        }
        while (root instanceof ObservationExpression.Group group) {
            root = group.inner();
        }
        if (!(root instanceof ObservationExpression.Observation observation)) {
            return new PatternCompilation(indicators, List.of(stix.id()
                    + ": several observations or qualifiers need the pattern evaluator"));
        }
        List<ComparisonExpression.Test> tests = new ArrayList<>();
        String unsupported = alternatives(observation.comparison(), tests);
        if (unsupported != null) {
            return new PatternCompilation(indicators, List.of(stix.id() + ": " + unsupported));
        }
        // Adding to a scratch builder applies exactly the canonicalisation and checks the real index will.
        IndicatorIndex.Builder validator = IndicatorIndex.builder();
        for (ComparisonExpression.Test test : tests) {
            IndicatorType type = typeOf(test.path());
            List<Literal> values = test.value() instanceof Literal.SetValue set ? set.elements() : List.of(test.value());
            for (Literal value : values) {
                if (!(value instanceof Literal.StringValue string)) {
                    problems.add(stix.id() + ": " + test.path() + " compared with non-string " + value.text());
                    continue;
                }
                IndicatorType actualType = refine(type, string.value());
                Indicator indicator = new Indicator(stix.id(), actualType, string.value(), source, stix.confidence(),
                        stix.validFrom(), null, stix.validUntil());
                try {
                    validator.add(indicator);
                    indicators.add(indicator);
                } catch (InvalidIndicatorException e) {
                    problems.add(stix.id() + ": " + e.getMessage());
                }
            }
        }
        return new PatternCompilation(indicators, problems);
    }

    /** Collects the OR-ed tests; returns why the expression cannot be reduced, or null. */
    private static String alternatives(ComparisonExpression expression, List<ComparisonExpression.Test> tests) {
        switch (expression) {
            case ComparisonExpression.Combination combination when combination.junction()
                    == ComparisonExpression.Junction.OR -> {
                String left = alternatives(combination.left(), tests);
                return left != null ? left : alternatives(combination.right(), tests);
            }
            case ComparisonExpression.Combination combination -> {
                List<ComparisonExpression.Test> conjuncts = new ArrayList<>();
                String reason = alternatives(combination.left(), conjuncts);
                reason = reason != null ? reason : alternatives(combination.right(), conjuncts);
                if (reason != null || !conjuncts.stream().allMatch(test -> isHash(typeOf(test.path())))) {
                    return reason != null ? reason : "AND between different properties needs the pattern evaluator";
                }
                tests.addAll(conjuncts);
                return null;
            }
            case ComparisonExpression.Exists exists -> {
                return "EXISTS needs the pattern evaluator";
            }
            case ComparisonExpression.Test test -> {
                if (test.negated() || (test.operator() != ComparisonExpression.Operator.EQ
                        && test.operator() != ComparisonExpression.Operator.IN)) {
                    return (test.negated() ? "NOT " : "") + test.operator() + " on " + test.path()
                            + " needs the pattern evaluator";
                }
                if (typeOf(test.path()) == null) {
                    return test.path() + " is not an indexed indicator property";
                }
                tests.add(test);
                return null;
            }
        }
    }

    private static boolean isHash(IndicatorType type) {
        return type == IndicatorType.MD5 || type == IndicatorType.SHA1 || type == IndicatorType.SHA256;
    }

    /** The indicator type a path holds, or null when the index has no table for it. */
    private static IndicatorType typeOf(ObjectPath path) {
        String type = path.objectType();
        if (path.isProperties("value")) {
            return switch (type) {
                case "ipv4-addr" -> IndicatorType.IPV4;
                case "ipv6-addr" -> IndicatorType.IPV6;
                case "domain-name" -> IndicatorType.DOMAIN;
                case "url" -> IndicatorType.URL;
                case "email-addr" -> IndicatorType.EMAIL;
                default -> null;
            };
        }
        if (type.equals("email-message") && path.isProperties("from_ref", "value")) {
            return IndicatorType.EMAIL;
        }
        if (type.equals("file") && path.steps().size() == 2 && path.steps().get(0).equals(new ObjectPath.Property("hashes"))
                && path.steps().get(1) instanceof ObjectPath.Property algorithm) {
            return switch (algorithm.name().toUpperCase(Locale.ROOT).replace("-", "")) {
                case "MD5" -> IndicatorType.MD5;
                case "SHA1" -> IndicatorType.SHA1;
                case "SHA256" -> IndicatorType.SHA256;
                default -> null;
            };
        }
        return null;
    }

    /** Address values with a prefix length are networks. */
    private static IndicatorType refine(IndicatorType type, String value) {
        if (value.indexOf('/') < 0) {
            return type;
        }
        return switch (type) {
            case IPV4 -> IndicatorType.IPV4_CIDR;
            case IPV6 -> IndicatorType.IPV6_CIDR;
            default -> type;
        };
    }
}
