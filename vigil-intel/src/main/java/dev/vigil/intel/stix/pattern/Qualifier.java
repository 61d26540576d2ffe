package dev.vigil.intel.stix.pattern;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Observation qualifiers. */
public sealed interface Qualifier {

    /** The qualifier family; an observation may not carry two of the same family directly. */
    String family();

    record Within(BigDecimal seconds) implements Qualifier {
        public String family() {
            return "WITHIN";
        }
    }

    record Repeats(BigInteger times) implements Qualifier {
        public String family() {
            return "REPEATS";
        }
    }

    record StartStop(Literal.TimestampValue start, Literal.TimestampValue stop) implements Qualifier {
        public String family() {
            return "START/STOP";
        }
    }
}
