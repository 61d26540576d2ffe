package dev.vigil.server.intel;

/** What a new feed says; null fields take their defaults (format csv, confidence 50, 30 days, every tenant). */
public record FeedChange(String name, String format, String source, String description, String tenant, Integer confidence,
                         Integer expiresAfterDays) {
}
