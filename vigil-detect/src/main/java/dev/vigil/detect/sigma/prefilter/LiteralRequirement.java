package dev.vigil.detect.sigma.prefilter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.detect.event.FieldValue;
import dev.vigil.detect.sigma.value.SigmaString;
import dev.vigil.detect.sigma.value.StringToken;

/**
 * A necessary condition of a rule, in conjunctive form: the rule can only match when every clause holds, and a clause
 * holds when the case-folded value of at least one of its fields has at least one of the clause's literals: equal to
 * it, starting with it, ending with it or containing it, as the literal's {@link Kind} says. Derived from the
 * detection at compile time; a part that offers no such condition (negation, regex without a literal, null checks,
 * keywords) yields {@code null}, meaning "always evaluate".
 *
 * <p>Keeping several clauses (e.g. the {@code Image} suffix <em>and</em> one of the {@code CommandLine} fragments)
 * matters: one clause alone lets every {@code cmd.exe} event through to every rule about {@code cmd.exe}.
 *
 * @param clauses AND-linked clauses, most selective first; never empty
 */
public record LiteralRequirement(List<Clause> clauses) {

    /**
     * Stands for "any field of the event" (keyword detections). Not a valid Sigma field name: it holds a NUL character.
     */
    public static final String ANY_FIELD = "\u0000keywords";

    private static final int MAX_LITERAL = 24;
    /**
     * Fragments are cut shorter: every character adds automaton states (cache misses during the scan), while a dozen
     * characters already make a fragment rare. The end is kept, as paths and options differ most at their ends.
     */
    private static final int MAX_FRAGMENT = 12;
    /** clauses kept per requirement; more cost index memory and rarely reject more rules */
    private static final int MAX_CLAUSES = 4;
    /** selectivity below which a clause is not worth indexing next to a better one: a fragment under 4 characters */
    private static final long WEAK = 4 * 1_000_000L - 1_000_000L / 2;

    /** How a literal must occur in the folded field value. */
    public enum Kind {
        EQUALS, PREFIX, SUFFIX, CONTAINS
    }

    /** @param text folded, non-empty */
    public record Literal(Kind kind, String text) {

        public Literal {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty literal");
            }
        }

        public static Literal contains(String text) {
            return new Literal(Kind.CONTAINS, text);
        }

        /** Rough selectivity: anchored literals reject far more values than a fragment of the same length. */
        int strength() {
            int length = text.length();
            return switch (kind) {
                case EQUALS -> 12;
                case PREFIX, SUFFIX -> Math.min(length + 3, 11);
                case CONTAINS -> Math.min(length, 8);
            };
        }

        /** True when a folded value has this literal the way its kind says (for tests and diagnostics). */
        public boolean occursIn(String folded) {
            return switch (kind) {
                case EQUALS -> folded.equals(text);
                case PREFIX -> folded.startsWith(text);
                case SUFFIX -> folded.endsWith(text);
                case CONTAINS -> folded.contains(text);
            };
        }
    }

    /** @param anyOf field name to literals; the clause holds when a value of any field has any of them */
    public record Clause(Map<String, Set<Literal>> anyOf) {

        public Clause {
            anyOf = Map.copyOf(anyOf);
        }

        /** Higher is more selective: long shortest literal first, then few literals. */
        long selectivity() {
            int weakest = Integer.MAX_VALUE;
            int count = 0;
            for (Set<Literal> literals : anyOf.values()) {
                for (Literal literal : literals) {
                    weakest = Math.min(weakest, literal.strength());
                    count++;
                }
            }
            return weakest * 1_000_000L - count;
        }

        Clause or(Clause other) {
            Map<String, Set<Literal>> union = new HashMap<>();
            anyOf.forEach((field, literals) -> union.computeIfAbsent(field, f -> new HashSet<>()).addAll(literals));
            other.anyOf.forEach((field, literals) -> union.computeIfAbsent(field, f -> new HashSet<>()).addAll(literals));
            return new Clause(union);
        }
    }

    public LiteralRequirement {
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException("a requirement needs at least one clause");
        }
        List<Clause> sorted = new ArrayList<>(new LinkedHashSet<>(clauses));
        sorted.sort(Comparator.comparingLong(Clause::selectivity).reversed());
        // dropping a clause keeps a necessary condition; weak ones (short fragments) hold for most events anyway
        List<Clause> kept = new ArrayList<>();
        for (Clause clause : sorted) {
            if (kept.isEmpty() || (kept.size() < MAX_CLAUSES && clause.selectivity() >= WEAK)) {
                kept.add(clause);
            }
        }
        clauses = List.copyOf(kept);
    }

    /** One clause: any field contains any of its literals. */
    public static LiteralRequirement anyOf(Map<String, Set<Literal>> anyOf) {
        return new LiteralRequirement(List.of(new Clause(anyOf)));
    }

    /** The requirement of OR-linked case-insensitive strings on one field, or null when one of them has no literal. */
    public static LiteralRequirement ofStrings(String field, List<SigmaString> values) {
        Set<Literal> literals = new HashSet<>();
        for (SigmaString value : values) {
            Literal literal = bestLiteral(value);
            if (literal == null) {
                return null;
            }
            literals.add(literal);
        }
        return literals.isEmpty() ? null : anyOf(Map.of(field, literals));
    }

    /**
     * The literal every matching value must have, folded exactly as the matchers fold it: the whole text of a plain
     * value, the leading or trailing literal of an anchored one (whichever is longer), else the longest literal token;
     * null for cased values and values without a literal. Long literals are cut (any part of a required literal is
     * required too), keeping the anchored end.
     */
    private static Literal bestLiteral(SigmaString value) {
        if (value.cased()) {
            return null;
        }
        List<StringToken> tokens = value.tokens();
        if (tokens.isEmpty()) {
            return null;
        }
        if (value.isPlain()) {
            return new Literal(Kind.EQUALS, FieldValue.fold(value.plainText()));
        }
        String prefix = tokens.get(0) instanceof StringToken.Literal l ? FieldValue.fold(l.text()) : null;
        String suffix = tokens.get(tokens.size() - 1) instanceof StringToken.Literal l ? FieldValue.fold(l.text()) : null;
        if (prefix != null && (suffix == null || prefix.length() > suffix.length())) {
            return new Literal(Kind.PREFIX, prefix.length() > MAX_LITERAL ? prefix.substring(0, MAX_LITERAL) : prefix);
        }
        if (suffix != null) {
            return new Literal(Kind.SUFFIX,
                    suffix.length() > MAX_LITERAL ? suffix.substring(suffix.length() - MAX_LITERAL) : suffix);
        }
        String best = null;
        for (StringToken token : tokens) {
            if (token instanceof StringToken.Literal l && (best == null || l.text().length() > best.length())) {
                best = l.text();
            }
        }
        if (best == null) {
            return null;
        }
        String folded = FieldValue.fold(best);
        return Literal.contains(folded.length() > MAX_FRAGMENT ? folded.substring(folded.length() - MAX_FRAGMENT) : folded);
    }

    /**
     * Any of the operands must hold, or null when one operand is unconstrained. From {@code (A1 and A2) or (B1 and B2)}
     * follows {@code Ai or Bj} for every pair, so the result keeps the pairwise unions of the operands' best clauses.
     */
    public static LiteralRequirement any(List<LiteralRequirement> operands) {
        List<Clause> result = null;
        for (LiteralRequirement operand : operands) {
            if (operand == null) {
                return null;
            }
            if (result == null) {
                result = operand.clauses;
                continue;
            }
            List<Clause> combined = new ArrayList<>();
            for (Clause left : result) {
                for (Clause right : operand.clauses) {
                    combined.add(left.or(right));
                }
            }
            result = new LiteralRequirement(combined).clauses;
        }
        return result == null ? null : new LiteralRequirement(result);
    }

    /** All operands must hold, so all their clauses are necessary; the most selective are kept. */
    public static LiteralRequirement all(List<LiteralRequirement> operands) {
        List<Clause> clauses = new ArrayList<>();
        for (LiteralRequirement operand : operands) {
            if (operand != null) {
                clauses.addAll(operand.clauses);
            }
        }
        return clauses.isEmpty() ? null : new LiteralRequirement(clauses);
    }
}
