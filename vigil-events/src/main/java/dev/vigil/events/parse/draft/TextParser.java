package dev.vigil.events.parse.draft;

/** Recognises one kind of text (a syslog line, an auditd record, an access-log line, a CEF message) and reads it. */
public interface TextParser {

    /**
     * Reads {@code text} into {@code draft} when it is of this parser's kind.
     *
     * @return false, having written nothing, when the text is not of this kind
     */
    boolean parse(String text, EventDraft draft);
}
