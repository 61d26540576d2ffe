package dev.vigil.detect.event;

/** A line of event input that is not a JSON object; the message names the line. */
public final class EventParseException extends Exception {

    private final long line;

    public EventParseException(long line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
    }

    /** 1-based line number in the input. */
    public long line() {
        return line;
    }
}
