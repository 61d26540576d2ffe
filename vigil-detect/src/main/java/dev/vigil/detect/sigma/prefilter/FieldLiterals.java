package dev.vigil.detect.sigma.prefilter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.detect.event.FieldValue;
import dev.vigil.detect.sigma.prefilter.LiteralRequirement.Literal;

/**
 * The literals of one field, each found the cheapest way its kind allows: whole values by one hash lookup, prefixes and
 * suffixes by {@link AnchoredLiterals}, fragments of 4 characters or more by {@link GramFragments}, shorter fragments
 * by an Aho–Corasick pass ({@link LiteralAutomaton}, small since its literals are short); a few fragments by
 * {@code indexOf}. Only fragments need a pass over the whole value, so only they pay for long values. Immutable and
 * thread-safe.
 */
final class FieldLiterals {

    /**
     * Up to this many fragments, one vectorised {@code indexOf} each beats a pass over the value, which costs a few
     * operations per character. Not for keyword searches: they look at every value of the event, most of which no
     * other search or rule reads, and {@link GramFragments} can fold the characters it looks at on the fly where
     * {@code indexOf} needs the whole value folded first.
     */
    private static final int FEW_FRAGMENTS = 6;

    private final int count;
    private final GramFragments longFragments;
    private final LiteralAutomaton shortFragments;
    private final String[] fewFragments;
    private final int[] fewIds;
    private final Map<String, Integer> wholeValues = new HashMap<>();
    private final AnchoredLiterals prefixes;
    private final AnchoredLiterals suffixes;
    /** true when only {@link #longFragments} need looking for, which can search unfolded ASCII text */
    private final boolean onlyLongFragments;

    /**
     * @param literals the field's literals by id
     * @param keywords true when every value of the event is searched ({@link #findFolding})
     */
    FieldLiterals(List<Literal> literals, boolean keywords) {
        count = literals.size();
        IdList longTexts = new IdList();
        IdList shortTexts = new IdList();
        IdList prefixTexts = new IdList();
        IdList suffixTexts = new IdList();
        for (int id = 0; id < literals.size(); id++) {
            Literal literal = literals.get(id);
            switch (literal.kind()) {
                case CONTAINS -> (literal.text().length() >= GramFragments.GRAM ? longTexts : shortTexts)
                        .add(literal.text(), id);
                case EQUALS -> wholeValues.put(literal.text(), id);
                case PREFIX -> prefixTexts.add(literal.text(), id);
                case SUFFIX -> suffixTexts.add(literal.text(), id);
            }
        }
        IdList probed = new IdList();
        if (longTexts.size() == 0 || (!keywords && longTexts.size() <= FEW_FRAGMENTS)) {
            probed.addAll(longTexts);
            longFragments = null;
        } else {
            longFragments = new GramFragments(longTexts.texts, longTexts.ids());
        }
        if (shortTexts.size() <= FEW_FRAGMENTS) {
            probed.addAll(shortTexts);
            shortFragments = null;
        } else {
            shortFragments = new LiteralAutomaton(shortTexts.texts, shortTexts.ids());
        }
        fewFragments = probed.texts.toArray(String[]::new);
        fewIds = probed.ids();
        prefixes = prefixTexts.size() == 0 ? null : new AnchoredLiterals(prefixTexts.texts, prefixTexts.ids(), false);
        suffixes = suffixTexts.size() == 0 ? null : new AnchoredLiterals(suffixTexts.texts, suffixTexts.ids(), true);
        onlyLongFragments = longFragments != null && wholeValues.isEmpty() && prefixes == null && suffixes == null
                && shortFragments == null && fewFragments.length == 0;
    }

    /** Literal texts with the ids they are reported under. */
    private static final class IdList {
        final List<String> texts = new ArrayList<>();
        final List<Integer> idList = new ArrayList<>();

        void add(String text, int id) {
            texts.add(text);
            idList.add(id);
        }

        void addAll(IdList other) {
            texts.addAll(other.texts);
            idList.addAll(other.idList);
        }

        int size() {
            return texts.size();
        }

        int[] ids() {
            return idList.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    int literalCount() {
        return count;
    }

    /**
     * {@link #find} on the folded text of a scalar value, without folding the whole value when it is ASCII and no
     * one has folded it yet: keyword searches look at every value of an event, and most are read by no rule.
     */
    void findFolding(FieldValue value, long[] found) {
        String folded = value.foldedIfComputed();
        if (folded == null && onlyLongFragments && value.isAscii()) {
            longFragments.findInAsciiFolded(value.text(), found);
        } else {
            find(folded == null ? value.folded() : folded, found);
        }
    }

    /**
     * Sets in {@code found} the bit of every literal the folded value has; short fragments may be over-reported as
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
        if (longFragments != null) {
            longFragments.find(folded, found);
        }
        if (shortFragments != null) {
            shortFragments.scan(folded, found);
        }
        for (int i = 0; i < fewFragments.length; i++) {
            if (folded.contains(fewFragments[i])) {
                int id = fewIds[i];
                found[id >>> 6] |= 1L << id;
            }
        }
    }
}
