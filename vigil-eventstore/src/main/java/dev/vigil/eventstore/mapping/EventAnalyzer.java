package dev.vigil.eventstore.mapping;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * Text fields are split into lower-cased words (Unicode word rules, no stop words: the terms of Lucene's
 * {@code StandardAnalyzer}); every other field is one exact term.
 */
public final class EventAnalyzer {

    private EventAnalyzer() {
    }

    public static Analyzer create() {
        Analyzer words = new Words();
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(),
                Map.of(IndexedFields.MESSAGE, words, IndexedFields.ORIGINAL, words));
    }

    /** StandardAnalyzer's terms (its stop-word set is empty) from {@link LowerCasedWordTokenizer}. */
    static final class Words extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new LowerCasedWordTokenizer());
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }
}
