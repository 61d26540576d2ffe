package dev.vigil.eventstore.mapping;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/** Text fields are split into lower-cased words (Unicode word rules, no stop words); every other field is one exact term. */
public final class EventAnalyzer {

    private EventAnalyzer() {
    }

    public static Analyzer create() {
        Analyzer words = new StandardAnalyzer();
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(),
                Map.of(IndexedFields.MESSAGE, words, IndexedFields.ORIGINAL, words));
    }
}
