package dev.vigil.vuln.ssvc;

/** An SSVC decision-point value that is not one of the point's values. */
public class InvalidSsvcValueException extends IllegalArgumentException {

    public InvalidSsvcValueException(String decisionPoint, String value, String allowed) {
        super("invalid " + decisionPoint + " value '" + value + "' (allowed: " + allowed + ")");
    }
}
