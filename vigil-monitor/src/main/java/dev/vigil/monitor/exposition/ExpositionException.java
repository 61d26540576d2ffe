package dev.vigil.monitor.exposition;

/** A scrape body that is not valid Prometheus text exposition format; the message names the line. */
public final class ExpositionException extends RuntimeException {

    public ExpositionException(String message) {
        super(message);
    }
}
