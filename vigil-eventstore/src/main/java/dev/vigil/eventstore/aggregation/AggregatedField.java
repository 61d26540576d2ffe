package dev.vigil.eventstore.aggregation;

import java.time.Instant;

import dev.vigil.eventstore.mapping.FieldKind;
import dev.vigil.eventstore.mapping.IndexedFields;
import org.apache.lucene.util.NumericUtils;

/**
 * The doc values that hold a field's values: keyword fields have sorted-set doc values under their name; numeric
 * fields have sorted-numeric ones, plus their non-numeric values as keywords under {@link IndexedFields#conflicting}.
 *
 * @param keywordField doc values read as keywords, or null
 * @param numericField doc values read as numbers, or null
 */
record AggregatedField(String name, FieldKind kind, String keywordField, String numericField) {

    static AggregatedField of(String field, FieldKind kind) {
        if (field.equals(IndexedFields.ID)) {
            throw new IllegalArgumentException("_id is unique to each event and cannot be aggregated; count the events instead");
        }
        return switch (kind) {
            case KEYWORD -> new AggregatedField(field, kind, field, null);
            case LONG, DOUBLE -> new AggregatedField(field, kind, IndexedFields.conflicting(field), field);
            case DATE -> new AggregatedField(field, kind, null, field);
            case TEXT -> throw new IllegalArgumentException(field + " is full text, which cannot be counted by value; "
                    + "aggregate a keyword or numeric field");
        };
    }

    /** A numeric doc value as the user wrote it. */
    String format(long value) {
        return switch (kind) {
            case DOUBLE -> Double.toString(NumericUtils.sortableLongToDouble(value));
            case DATE -> Instant.ofEpochMilli(value).toString();
            default -> Long.toString(value);
        };
    }
}
