package dev.vigil.eventstore.aggregation;

import dev.vigil.eventstore.mapping.ValueHashes;

import java.io.IOException;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.FixedBitSet;

/** Feeds the distinct values of a field among the matches to a {@link DistinctCounter}; keywords once per segment ordinal. */
final class DistinctValueCollector extends SimpleCollector {
    private final AggregatedField field;
    private final DistinctCounter counter;
    private SortedSetDocValues keywords;
    private FixedBitSet seenOrdinals;
    private SortedNumericDocValues numbers;

    DistinctValueCollector(AggregatedField field, DistinctCounter counter) {
        this.field = field;
        this.counter = counter;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        finishSegment();
        if (field.keywordField() != null) {
            keywords = DocValues.getSortedSet(context.reader(), field.keywordField());
            seenOrdinals = new FixedBitSet((int) Math.min(Integer.MAX_VALUE - 64, keywords.getValueCount()));
        }
        if (field.numericField() != null) {
            numbers = DocValues.getSortedNumeric(context.reader(), field.numericField());
        }
    }

    @Override
    public void collect(int doc) throws IOException {
        if (keywords != null && keywords.advanceExact(doc)) {
            for (int i = keywords.docValueCount(); i > 0; i--) {
                seenOrdinals.set((int) keywords.nextOrd());
            }
        }
        if (numbers != null && numbers.advanceExact(doc)) {
            for (int i = numbers.docValueCount(); i > 0; i--) {
                counter.add(ValueHashes.ofLong(numbers.nextValue()));
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

    DistinctCounter counter() throws IOException {
        finishSegment();
        return counter;
    }

    private void finishSegment() throws IOException {
        if (seenOrdinals == null) {
            return;
        }
        int length = seenOrdinals.length();
        int ordinal = length == 0 ? DocIdSetIterator.NO_MORE_DOCS : seenOrdinals.nextSetBit(0);
        while (ordinal != DocIdSetIterator.NO_MORE_DOCS) {
            counter.add(ValueHashes.ofBytes(keywords.lookupOrd(ordinal)));
            ordinal = ordinal + 1 < length ? seenOrdinals.nextSetBit(ordinal + 1) : DocIdSetIterator.NO_MORE_DOCS;
        }
        seenOrdinals = null;
        keywords = null;
    }
}
