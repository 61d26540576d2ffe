package dev.vigil.server.intel;

/**
 * What a new or changed feed says. On create, null fields take their defaults (format csv, confidence 50, 30 days,
 * TLP clear, every tenant, no URL); on update, null fields keep their value (an empty url removes it, an empty
 * authValue removes the credential). {@code authHeader} names the header carrying {@code authValue}
 * ({@code Authorization} when not given).
 */
public record FeedChange(String name, String format, String source, String description, String tenant, Integer confidence,
                         Integer expiresAfterDays, String tlp, String url, Integer pollMinutes, String authHeader,
                         String authValue) {
}
