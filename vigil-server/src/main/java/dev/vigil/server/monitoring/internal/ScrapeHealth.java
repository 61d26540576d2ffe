package dev.vigil.server.monitoring.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** The outcome of each component's last scrape: {@code up}, {@code down: <why>} or {@code not scraped yet}. */
@Component
public class ScrapeHealth {

    private final Map<String, String> states = new ConcurrentHashMap<>();

    public String of(String component) {
        return states.getOrDefault(component, "not scraped yet");
    }

    void up(String component, Instant at, int samples) {
        states.put(component, "up (" + samples + " samples at " + at + ")");
    }

    void down(String component, Instant at, String why) {
        states.put(component, "down since " + at + ": " + why);
    }
}
