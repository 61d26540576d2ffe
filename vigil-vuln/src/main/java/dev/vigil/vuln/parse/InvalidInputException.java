package dev.vigil.vuln.parse;

/**
 * An input file (scanner report, KEV or EPSS catalogue) that cannot be read. The message names the file and the place
 * in it (line and column, JSON pointer, XML element path or CSV line) so that a user can find the problem; nothing of
 * the file is imported.
 */
public class InvalidInputException extends Exception {

    private final String source;
    private final String place;
    private final String reason;

    public InvalidInputException(String source, String place, String reason) {
        this(source, place, reason, null);
    }

    public InvalidInputException(String source, String place, String reason, Throwable cause) {
        super(source + (place == null || place.isEmpty() ? "" : " at " + place) + ": " + reason, cause);
        this.source = source;
        this.place = place;
        this.reason = reason;
    }

    public String source() {
        return source;
    }

    /** Where in the file, e.g. {@code line 3, column 7} or {@code /Results/0/Vulnerabilities}. */
    public String place() {
        return place;
    }

    public String reason() {
        return reason;
    }
}
