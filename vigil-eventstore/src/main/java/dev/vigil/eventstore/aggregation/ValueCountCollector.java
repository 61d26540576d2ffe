package dev.vigil.eventstore.aggregation;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BytesRef;

/**
 * Counts, per value of a field, the matching documents that have it (a document counts once per distinct value).
 * Keywords are counted by segment ordinal and resolved to text once per segment.
 */
final class ValueCountCollector extends SimpleCollector {
    private final AggregatedField field;
    private final Map<BytesRef, long[]> keywordCounts = new HashMap<>();
    private final LongCounts numericCounts = new LongCounts();
    private SortedSetDocValues keywords;
    private OrdinalCounts segmentCounts;
    private SortedNumericDocValues numbers;

    ValueCountCollector(AggregatedField field) {
        this.field = field;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        finishSegment();
        if (field.keywordField() != null) {
            keywords = DocValues.getSortedSet(context.reader(), field.keywordField());
            segmentCounts = new OrdinalCounts(keywords.getValueCount());
        }
        if (field.numericField() != null) {
            numbers = DocValues.getSortedNumeric(context.reader(), field.numericField());
        }
    }

    @Override
    public void collect(int doc) throws IOException {
        if (keywords != null && keywords.advanceExact(doc)) {
            for (int i = keywords.docValueCount(); i > 0; i--) {
                segmentCounts.increment(keywords.nextOrd());
            }
        }
        if (numbers != null && numbers.advanceExact(doc)) {
            long previous = 0;
            for (int i = 0, count = numbers.docValueCount(); i < count; i++) {
                long value = numbers.nextValue();
                if (i == 0 || value != previous) {
                    numericCounts.increment(value);
                }
                previous = value;
            }
        }
    }

    @Override
    public void finish() throws IOException {
        finishSegment();
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** Counts per value as text, numbers formatted as the field's kind reads. */
    Map<String, Long> counts() throws IOException {
        finishSegment();
        Map<String, Long> counts = new HashMap<>(keywordCounts.size() + numericCounts.size());
        keywordCounts.forEach((value, count) -> counts.merge(value.utf8ToString(), count[0], Long::sum));
        numericCounts.forEach((value, count) -> counts.merge(field.format(value), count, Long::sum));
        return counts;
    }

    private void finishSegment() throws IOException {
        if (segmentCounts == null) {
            return;
        }
        SortedSetDocValues dictionary = keywords;
        IOException[] failure = new IOException[1];
        segmentCounts.forEach((ordinal, count) -> {
            try {
                BytesRef value = dictionary.lookupOrd(ordinal);
                long[] total = keywordCounts.get(value);
                if (total == null) {
                    keywordCounts.put(BytesRef.deepCopyOf(value), new long[] {count});
                } else {
                    total[0] += count;
                }
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        segmentCounts = null;
        keywords = null;
        if (failure[0] != null) {
            throw failure[0];
        }
    }
}
