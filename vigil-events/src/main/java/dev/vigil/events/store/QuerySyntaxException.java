package dev.vigil.events.store;

/** The query text is not valid; the message says where and why, for the user. */
public final class QuerySyntaxException extends RuntimeException {
    public QuerySyntaxException(String message, Throwable cause) {
        super(message, cause);
    }
}
