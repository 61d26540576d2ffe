package dev.vigil.eventstore.query;

import org.apache.lucene.queryparser.classic.ParseException;

/** A query that parses but asks something of a field that its kind cannot answer; the message is for the user. */
final class InvalidQueryValueException extends ParseException {
    InvalidQueryValueException(String message) {
        super(message);
    }
}
