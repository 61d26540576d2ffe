package dev.vigil.detect.sigma.prefilter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldValue;

/**
 * Selects, for one event, the rules of a route worth evaluating: rules without a requirement always, the others only when
 * every clause of their requirement holds, i.e. one of the clause's literals occurs in one of its fields. One pass per
 * field ({@link FieldLiterals}) finds the literals of all rules of the route; an inverted index maps each literal to
 * the clauses it satisfies, so the work per event grows with the literals found, not with the rules.
 */
public final class RoutePrefilter {

    private final String[] fields;
    private final boolean[] anyField;
    private final FieldLiterals[] literals;
    /**
     * per field, per literal id: what the literal satisfies. An entry {@code >= 0} is a clause of a rule with several
     * clauses; an entry {@code < 0} is {@code ~position} of a rule with a single clause, a candidate at once.
     */
    private final int[][][] targetsByLiteral;
    /** per clause: position of its rule; a rule's clauses have consecutive ids */
    private final int[] ruleOfClause;
    private final int[] firstClause;
    private final int[] clauseCount;
    private final long[] always;
    private final int ruleCount;
    private final int clauses;
    private final int maxLiterals;

    /** @param requirements per rule position, null when the rule has no requirement */
    public RoutePrefilter(List<LiteralRequirement> requirements) {
        ruleCount = requirements.size();
        always = new long[words(ruleCount)];
        firstClause = new int[ruleCount];
        clauseCount = new int[ruleCount];
        List<Integer> owners = new ArrayList<>();
        Map<String, Map<LiteralRequirement.Literal, List<Integer>>> byField = new LinkedHashMap<>();
        for (int rule = 0; rule < ruleCount; rule++) {
            LiteralRequirement requirement = requirements.get(rule);
            if (requirement == null) {
                always[rule >>> 6] |= 1L << rule;
                continue;
            }
            boolean single = requirement.clauses().size() == 1;
            firstClause[rule] = owners.size();
            clauseCount[rule] = requirement.clauses().size();
            for (LiteralRequirement.Clause clause : requirement.clauses()) {
                int target = single ? ~rule : owners.size();
                if (!single) {
                    owners.add(rule);
                }
                for (Map.Entry<String, Set<LiteralRequirement.Literal>> entry : clause.anyOf().entrySet()) {
                    var byText = byField.computeIfAbsent(entry.getKey(), f -> new LinkedHashMap<>());
                    for (LiteralRequirement.Literal literal : entry.getValue()) {
                        byText.computeIfAbsent(literal, l -> new ArrayList<>()).add(target);
                    }
                }
            }
        }
        clauses = owners.size();
        ruleOfClause = owners.stream().mapToInt(Integer::intValue).toArray();
        fields = byField.keySet().toArray(String[]::new);
        anyField = new boolean[fields.length];
        literals = new FieldLiterals[fields.length];
        targetsByLiteral = new int[fields.length][][];
        int f = 0;
        int widest = 0;
        for (var byLiteral : byField.values()) {
            anyField[f] = LiteralRequirement.ANY_FIELD.equals(fields[f]);
            List<LiteralRequirement.Literal> texts = new ArrayList<>(byLiteral.keySet());
            literals[f] = new FieldLiterals(texts, anyField[f]);
            targetsByLiteral[f] = new int[texts.size()][];
            for (int id = 0; id < texts.size(); id++) {
                targetsByLiteral[f][id] = byLiteral.get(texts.get(id)).stream().mapToInt(Integer::intValue).distinct()
                        .toArray();
            }
            widest = Math.max(widest, texts.size());
            f++;
        }
        maxLiterals = widest;
    }

    private static int words(int bits) {
        return (bits + 63) / 64;
    }

    /** Bit set (by rule position) of the rules to evaluate for this event. */
    public long[] candidates(Event event) {
        long[] candidates = always.clone();
        if (fields.length == 0) {
            return candidates;
        }
        long[] satisfied = clauses == 0 ? null : new long[words(clauses)];
        long[] found = new long[words(maxLiterals)];
        boolean anySatisfied = false;
        for (int f = 0; f < fields.length; f++) {
            if (anyField[f]) {
                for (FieldValue value : event.fields().values()) {
                    searchEveryElement(value, literals[f], found);
                }
            } else {
                FieldValue value = event.field(fields[f]);
                if (value == null) {
                    continue;
                }
                scan(value, literals[f], found);
            }
            int[][] targets = targetsByLiteral[f];
            for (int w = 0, n = words(literals[f].literalCount()); w < n; w++) {
                long bits = found[w];
                if (bits == 0) {
                    continue;
                }
                found[w] = 0;
                do {
                    int id = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    for (int target : targets[id]) {
                        if (target < 0) {
                            int rule = ~target;
                            candidates[rule >>> 6] |= 1L << rule;
                        } else {
                            satisfied[target >>> 6] |= 1L << target;
                            anySatisfied = true;
                        }
                    }
                } while (bits != 0);
            }
        }
        if (anySatisfied) {
            for (int w = 0; w < satisfied.length; w++) {
                long bits = satisfied[w];
                while (bits != 0) {
                    int clause = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    int rule = ruleOfClause[clause];
                    if (clause == firstClause[rule] && allSatisfied(satisfied, clause, clauseCount[rule])) {
                        candidates[rule >>> 6] |= 1L << rule;
                    }
                }
            }
        }
        return candidates;
    }

    private static boolean allSatisfied(long[] satisfied, int first, int count) {
        for (int clause = first + 1; clause < first + count; clause++) {
            if ((satisfied[clause >>> 6] & (1L << clause)) == 0) {
                return false;
            }
        }
        return true;
    }

    private static void scan(FieldValue value, FieldLiterals literals, long[] found) {
        if (value.isList()) {
            for (FieldValue element : value.elements()) {
                scan(element, literals, found);
            }
        } else if (value.raw() != null) {
            literals.find(value.folded(), found);
        }
    }

    private static void searchEveryElement(FieldValue value, FieldLiterals literals, long[] found) {
        if (value.isList()) {
            for (FieldValue element : value.elements()) {
                searchEveryElement(element, literals, found);
            }
        } else if (value.raw() != null) {
            literals.findFolding(value, found);
        }
    }

    public int ruleCount() {
        return ruleCount;
    }

    /** For diagnostics: how many rules carry no requirement. */
    public int unconditionalRules() {
        int n = 0;
        for (long word : always) {
            n += Long.bitCount(word);
        }
        return n;
    }

    @Override
    public String toString() {
        Map<String, Integer> sizes = new HashMap<>();
        for (int f = 0; f < fields.length; f++) {
            sizes.put(fields[f], literals[f].literalCount());
        }
        return "RoutePrefilter[" + ruleCount + " rules, " + unconditionalRules() + " unconditional, " + clauses
                + " clauses, literals " + sizes + "]";
    }
}
