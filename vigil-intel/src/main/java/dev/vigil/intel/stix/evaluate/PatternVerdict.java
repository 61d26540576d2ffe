package dev.vigil.intel.stix.evaluate;

/** Outcome of evaluating a pattern against one event. */
public sealed interface PatternVerdict {

    record Matched() implements PatternVerdict {
    }

    record NotMatched() implements PatternVerdict {
    }

    /** The pattern uses something one event cannot answer (an unobserved object type, a temporal operator, ...). */
    record NotEvaluable(String reason) implements PatternVerdict {
    }

    static PatternVerdict of(boolean matched) {
        return matched ? new Matched() : new NotMatched();
    }
}
