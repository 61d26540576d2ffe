package dev.vigil.vuln.cvss;

/** A CVSS vector string that does not conform to its specification; the message names the reason. */
public class InvalidCvssVectorException extends IllegalArgumentException {

    private final String vector;
    private final String reason;

    public InvalidCvssVectorException(String vector, String reason) {
        super("invalid CVSS vector '" + vector + "': " + reason);
        this.vector = vector;
        this.reason = reason;
    }

    public String vector() {
        return vector;
    }

    /** Why the vector was rejected, without the vector itself. */
    public String reason() {
        return reason;
    }
}
