package dev.vigil.intel.stix.evaluate;

/** Raised inside evaluation when a comparison cannot be decided (bad regular expression, unsupported construct). */
final class NotEvaluableException extends Exception {

    NotEvaluableException(String reason) {
        super(reason, null, false, false);
    }
}
