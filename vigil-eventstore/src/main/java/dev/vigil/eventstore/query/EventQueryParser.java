package dev.vigil.eventstore.query;

import java.util.ArrayList;
import java.util.List;

import dev.vigil.eventstore.mapping.FieldKind;
import dev.vigil.eventstore.mapping.FieldTypeRegistry;
import dev.vigil.eventstore.mapping.IndexedFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Lucene's classic query syntax over the store's fields, each read by its kind: bare words search {@code message}
 * and {@code event.original}; keywords match exactly (and by wildcard, prefix, regexp, fuzzy, range); numeric and
 * date fields by value, range and comparison ({@code >}, {@code >=}, {@code <}, {@code <=}); {@code field:*} tests
 * presence. Terms are joined with AND unless OR is written. One parser per query: Lucene's parsers keep state.
 */
final class EventQueryParser extends MultiFieldQueryParser {
    private static final String[] TEXT_FIELDS = {IndexedFields.MESSAGE, IndexedFields.ORIGINAL};

    private final FieldTypeRegistry types;

    EventQueryParser(FieldTypeRegistry types, Analyzer analyzer) {
        super(TEXT_FIELDS, analyzer);
        this.types = types;
        setDefaultOperator(Operator.AND);
        setAllowLeadingWildcard(true);
        // each word on its own joined by AND; and "failed-password" or "user@example.com" means those words in that order
        setSplitOnWhitespace(true);
        setAutoGeneratePhraseQueries(true);
    }

    @Override
    protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
        FieldKind kind = kindOf(field);
        if (kind == null || kind == FieldKind.TEXT) {
            return super.getFieldQuery(field, text, quoted);
        }
        if (!quoted && (text.startsWith(">") || text.startsWith("<"))) {
            return comparison(field, kind, text);
        }
        return TypedFieldQueries.exact(field, kind, text);
    }

    @Override
    protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
        FieldKind kind = kindOf(field);
        if (kind == null || kind == FieldKind.TEXT) {
            return super.getFieldQuery(field, text, slop);
        }
        return TypedFieldQueries.exact(field, kind, text);
    }

    @Override
    protected Query getRangeQuery(String field, String lower, String upper, boolean lowerInclusive, boolean upperInclusive)
            throws ParseException {
        FieldKind kind = kindOf(field);
        if (kind == null || kind == FieldKind.TEXT) {
            return super.getRangeQuery(field, lower, upper, lowerInclusive, upperInclusive);
        }
        return TypedFieldQueries.range(field, kind, lower, upper, lowerInclusive, upperInclusive);
    }

    @Override
    protected Query getWildcardQuery(String field, String text) throws ParseException {
        FieldKind kind = kindOf(field);
        if (kind != null && text.equals("*")) {
            return TypedFieldQueries.exists(field, kind);
        }
        requirePatternable(field, kind, text);
        try {
            return super.getWildcardQuery(field, text);
        } catch (TooComplexToDeterminizeException e) {
            throw new InvalidQueryValueException("the pattern '" + text + "' is too complex");
        }
    }

    @Override
    protected Query getPrefixQuery(String field, String text) throws ParseException {
        requirePatternable(field, kindOf(field), text + "*");
        return super.getPrefixQuery(field, text);
    }

    @Override
    protected Query getRegexpQuery(String field, String text) throws ParseException {
        requirePatternable(field, kindOf(field), "/" + text + "/");
        try {
            return super.getRegexpQuery(field, text);
        } catch (IllegalArgumentException | TooComplexToDeterminizeException e) {
            throw new InvalidQueryValueException("invalid regular expression /" + text + "/: " + e.getMessage());
        }
    }

    @Override
    protected Query getFuzzyQuery(String field, String text, float minSimilarity) throws ParseException {
        requirePatternable(field, kindOf(field), text + "~");
        return super.getFuzzyQuery(field, text, minSimilarity);
    }

    /** A group of only negated clauses ({@code NOT a}, {@code -a -b}) means "everything except", not "nothing". */
    @Override
    protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
        boolean onlyNegated = !clauses.isEmpty()
                && clauses.stream().allMatch(clause -> clause.occur() == BooleanClause.Occur.MUST_NOT);
        if (!onlyNegated) {
            return super.getBooleanQuery(clauses);
        }
        List<BooleanClause> withAll = new ArrayList<>(clauses);
        withAll.add(new BooleanClause(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER));
        return super.getBooleanQuery(withAll);
    }

    private Query comparison(String field, FieldKind kind, String text) throws InvalidQueryValueException {
        boolean orEqual = text.length() > 1 && text.charAt(1) == '=';
        String value = text.substring(orEqual ? 2 : 1);
        if (value.isEmpty()) {
            throw new InvalidQueryValueException("the comparison " + field + ":" + text + " needs a value, as in "
                    + field + ":" + text + "100");
        }
        return text.charAt(0) == '>'
                ? TypedFieldQueries.range(field, kind, value, null, orEqual, true)
                : TypedFieldQueries.range(field, kind, null, value, true, orEqual);
    }

    /** Null for the default fields and {@code *}, which the classic parser handles itself. */
    private FieldKind kindOf(String field) {
        if (field == null || field.equals("*")) {
            return null;
        }
        return types.kindOf(field);
    }

    private static void requirePatternable(String field, FieldKind kind, String pattern) throws InvalidQueryValueException {
        if (kind != null && kind.isNumeric()) {
            String example = kind == FieldKind.DATE ? "[2024-05-01 TO 2024-05-02}" : "[100 TO 199]";
            throw new InvalidQueryValueException(field + " holds " + (kind == FieldKind.DATE ? "times" : "numbers")
                    + ", so the pattern " + pattern + " cannot apply; use a range such as " + field + ":" + example);
        }
    }
}
