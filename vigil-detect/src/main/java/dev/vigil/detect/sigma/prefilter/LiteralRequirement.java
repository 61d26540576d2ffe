package dev.vigil.detect.sigma.prefilter;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.detect.event.FieldValue;
import dev.vigil.detect.sigma.value.SigmaString;
import dev.vigil.detect.sigma.value.StringToken;

/**
 * A necessary condition of a rule: it can only match when at least one listed field contains (case-folded) at least one
 * of its literals. Derived from the detection at compile time; a part that offers no such condition (negation, regex,
 * null checks, keywords) yields {@code null}, meaning "always evaluate".
 *
 * @param anyOf field name to literals (folded, non-empty)
 */
public record LiteralRequirement(Map<String, Set<String>> anyOf) {

    private static final int MAX_LITERAL = 24;

    public LiteralRequirement {
        anyOf = Map.copyOf(anyOf);
    }

    /** The requirement of OR-linked case-insensitive strings on one field, or null when one of them has no literal. */
    public static LiteralRequirement ofStrings(String field, List<SigmaString> values) {
        Set<String> literals = new HashSet<>();
        for (SigmaString value : values) {
            String literal = bestLiteral(value);
            if (literal == null) {
                return null;
            }
            literals.add(literal);
        }
        return literals.isEmpty() ? null : new LiteralRequirement(Map.of(field, literals));
    }

    /**
     * The longest literal token, folded exactly as the matchers fold it (so it must occur in the folded value of any
     * matching event); null for cased values and values without one.
     */
    private static String bestLiteral(SigmaString value) {
        if (value.cased()) {
            return null;
        }
        String best = null;
        for (StringToken token : value.tokens()) {
            if (token instanceof StringToken.Literal l && (best == null || l.text().length() > best.length())) {
                best = l.text();
            }
        }
        if (best == null) {
            return null;
        }
        String folded = FieldValue.fold(best);
        // any part of a required literal is required too; capping the length keeps the automata small
        return folded.length() > MAX_LITERAL ? folded.substring(0, MAX_LITERAL) : folded;
    }

    /** Any of the operands must hold: the union, or null when one operand is unconstrained. */
    public static LiteralRequirement any(List<LiteralRequirement> operands) {
        Map<String, Set<String>> union = new HashMap<>();
        for (LiteralRequirement operand : operands) {
            if (operand == null) {
                return null;
            }
            operand.anyOf.forEach((field, literals) -> union.computeIfAbsent(field, f -> new HashSet<>()).addAll(literals));
        }
        return union.isEmpty() ? null : new LiteralRequirement(union);
    }

    /** All operands must hold, so any one of them is necessary: keep the most selective. */
    public static LiteralRequirement all(List<LiteralRequirement> operands) {
        LiteralRequirement best = null;
        for (LiteralRequirement operand : operands) {
            if (operand != null && (best == null || operand.selectivity() > best.selectivity())) {
                best = operand;
            }
        }
        return best;
    }

    /** Higher is more selective: long shortest literal first, then few literals. */
    private long selectivity() {
        int shortest = Integer.MAX_VALUE;
        int count = 0;
        for (Set<String> literals : anyOf.values()) {
            for (String literal : literals) {
                shortest = Math.min(shortest, literal.length());
                count++;
            }
        }
        return Math.min(shortest, 8) * 1_000_000L - count;
    }
}
