package dev.vigil.server.intel.internal;

/** A feed's URL could not be fetched; the message says why and is shown on the feed. */
public final class FeedFetchException extends Exception {

    public FeedFetchException(String message) {
        super(message);
    }
}
