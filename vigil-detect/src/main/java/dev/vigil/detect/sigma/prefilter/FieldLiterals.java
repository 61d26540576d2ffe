package dev.vigil.detect.sigma.prefilter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.detect.sigma.prefilter.LiteralRequirement.Literal;

/**
 * The literals of one field, each found the cheapest way its kind allows: whole values by one hash lookup, prefixes and
 * suffixes by {@link AnchoredLiterals}, fragments by an Aho–Corasick pass ({@link LiteralAutomaton}). Only fragments
 * need a pass over the whole value, so only they pay for long values. Immutable and thread-safe.
 */
final class FieldLiterals {

    /**
     * Up to this many fragments, one vectorised {@code indexOf} each beats an automaton pass, whose cost is a dependent
     * table lookup per character: a few for field values, more for the long joined text of keyword searches.
     */
    private static final int FEW_FRAGMENTS = 6;
    private static final int FEW_KEYWORD_FRAGMENTS = 32;

    private final int count;
    private final LiteralAutomaton fragments;
    private final String[] fewFragments;
    private final Map<String, Integer> wholeValues = new HashMap<>();
    private final AnchoredLiterals prefixes;
    private final AnchoredLiterals suffixes;

    /**
     * @param literals the field's literals by id; all {@code CONTAINS} literals come first
     * @param longText true when the values searched are long (the joined text of all values)
     */
    FieldLiterals(List<Literal> literals, boolean longText) {
        count = literals.size();
        List<String> fragmentTexts = new ArrayList<>();
        List<String> prefixTexts = new ArrayList<>();
        List<Integer> prefixIds = new ArrayList<>();
        List<String> suffixTexts = new ArrayList<>();
        List<Integer> suffixIds = new ArrayList<>();
        for (int id = 0; id < literals.size(); id++) {
            Literal literal = literals.get(id);
            switch (literal.kind()) {
                case CONTAINS -> {
                    if (fragmentTexts.size() != id) {
                        throw new IllegalArgumentException("CONTAINS literals must come first");
                    }
                    fragmentTexts.add(literal.text());
                }
                case EQUALS -> wholeValues.put(literal.text(), id);
                case PREFIX -> {
                    prefixTexts.add(literal.text());
                    prefixIds.add(id);
                }
                case SUFFIX -> {
                    suffixTexts.add(literal.text());
                    suffixIds.add(id);
                }
            }
        }
        boolean few = fragmentTexts.size() <= (longText ? FEW_KEYWORD_FRAGMENTS : FEW_FRAGMENTS);
        fewFragments = few ? fragmentTexts.toArray(String[]::new) : null;
        fragments = few ? null : new LiteralAutomaton(fragmentTexts);
        prefixes = prefixTexts.isEmpty() ? null : new AnchoredLiterals(prefixTexts, toArray(prefixIds), false);
        suffixes = suffixTexts.isEmpty() ? null : new AnchoredLiterals(suffixTexts, toArray(suffixIds), true);
    }

    private static int[] toArray(List<Integer> ids) {
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    int literalCount() {
        return count;
    }

    /**
     * Sets in {@code found} the bit of every literal the folded value has; fragments may be over-reported as
     * {@link LiteralAutomaton} explains, the other kinds are exact.
     */
    void find(String folded, long[] found) {
        if (!wholeValues.isEmpty()) {
            Integer id = wholeValues.get(folded);
            if (id != null) {
                found[id >>> 6] |= 1L << id;
            }
        }
        if (prefixes != null) {
            prefixes.find(folded, found);
        }
        if (suffixes != null) {
            suffixes.find(folded, found);
        }
        if (fragments != null) {
            fragments.scan(folded, found);
        } else {
            for (int id = 0; id < fewFragments.length; id++) {
                if (folded.contains(fewFragments[id])) {
                    found[id >>> 6] |= 1L << id;
                }
            }
        }
    }
}
