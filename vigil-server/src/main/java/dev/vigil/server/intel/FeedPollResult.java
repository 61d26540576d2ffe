package dev.vigil.server.intel;

/**
 * What fetching a feed did: {@code imported} (with the import report), {@code not-modified} (the server said so to the
 * conditional request) or {@code failed} (with the error, also kept on the feed).
 */
public record FeedPollResult(String outcome, IndicatorImportReport report, String error) {
}
