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
 * one of their literals occurs in the required field. One Aho–Corasick pass per field covers all rules of the route.
 */
public final class RoutePrefilter {

    private final String[] fields;
    private final LiteralAutomaton[] automata;
    /** per field, per literal id: positions of the rules requiring it */
    private final int[][][] rulesByLiteral;
    private final long[] always;
    private final int ruleCount;

    /** @param requirements per rule position, null when the rule has no requirement */
    public RoutePrefilter(List<LiteralRequirement> requirements) {
        ruleCount = requirements.size();
        always = new long[words(ruleCount)];
        Map<String, Map<String, List<Integer>>> byField = new LinkedHashMap<>();
        for (int rule = 0; rule < ruleCount; rule++) {
            LiteralRequirement requirement = requirements.get(rule);
            if (requirement == null) {
                always[rule >>> 6] |= 1L << rule;
                continue;
            }
            for (Map.Entry<String, Set<String>> entry : requirement.anyOf().entrySet()) {
                Map<String, List<Integer>> literals = byField.computeIfAbsent(entry.getKey(), f -> new LinkedHashMap<>());
                for (String literal : entry.getValue()) {
                    literals.computeIfAbsent(literal, l -> new ArrayList<>()).add(rule);
                }
            }
        }
        fields = byField.keySet().toArray(String[]::new);
        automata = new LiteralAutomaton[fields.length];
        rulesByLiteral = new int[fields.length][][];
        int f = 0;
        for (Map<String, List<Integer>> literals : byField.values()) {
            List<String> texts = new ArrayList<>(literals.keySet());
            automata[f] = new LiteralAutomaton(texts);
            rulesByLiteral[f] = new int[texts.size()][];
            for (int id = 0; id < texts.size(); id++) {
                rulesByLiteral[f][id] = literals.get(texts.get(id)).stream().mapToInt(Integer::intValue).distinct().toArray();
            }
            f++;
        }
    }

    private static int words(int bits) {
        return (bits + 63) / 64;
    }

    /** Bit set (by rule position) of the rules to evaluate for this event. */
    public long[] candidates(Event event) {
        long[] candidates = always.clone();
        for (int f = 0; f < fields.length; f++) {
            FieldValue value = event.field(fields[f]);
            if (value == null) {
                continue;
            }
            long[] found = new long[words(automata[f].literalCount())];
            scan(value, automata[f], found);
            int[][] rules = rulesByLiteral[f];
            for (int w = 0; w < found.length; w++) {
                long bits = found[w];
                while (bits != 0) {
                    int id = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    for (int rule : rules[id]) {
                        candidates[rule >>> 6] |= 1L << rule;
                    }
                }
            }
        }
        return candidates;
    }

    private static void scan(FieldValue value, LiteralAutomaton automaton, long[] found) {
        if (value.isList()) {
            for (FieldValue element : value.elements()) {
                scan(element, automaton, found);
            }
        } else if (value.raw() != null) {
            automaton.scan(value.folded(), found);
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
            sizes.put(fields[f], automata[f].literalCount());
        }
        return "RoutePrefilter[" + ruleCount + " rules, " + unconditionalRules() + " unconditional, literals " + sizes + "]";
    }
}
