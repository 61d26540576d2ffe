package dev.vigil.server.monitoring;

import java.util.List;

/**
 * A component as a client sends it (create or replace).
 *
 * @param upstream       names of the components this one depends on
 * @param scrapeUrl      Prometheus exposition endpoint to scrape (empty: none)
 * @param scrapeInterval how often, e.g. {@code 15s} (default 15s)
 * @param probes         health probes of the component (HTTP(S), TCP connect, DNS), whose results are metrics
 */
public record ComponentChange(String name, String description, String owner, String tenant, String criticality, String exposure,
                              List<String> assets, List<String> upstream, String scrapeUrl, String scrapeInterval,
                              List<Probe> probes) {
}
