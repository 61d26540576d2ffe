package dev.vigil.server.monitoring.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import dev.vigil.monitor.exposition.ExpositionException;
import dev.vigil.monitor.exposition.ScrapedSample;
import dev.vigil.monitor.exposition.TextFormatParser;
import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Point;
import dev.vigil.monitor.promql.parse.Durations;
import dev.vigil.server.monitoring.ComponentService;
import dev.vigil.server.monitoring.ComponentView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scrapes the Prometheus exposition endpoint of every catalogue component that has one, each on its own interval, as
 * Prometheus does: target labels {@code job} (the component), {@code instance} (host:port) and {@code component}
 * (exposed ones of the same name become {@code exported_*}); {@code up}, {@code scrape_duration_seconds} and
 * {@code scrape_samples_scraped} per scrape; staleness markers for series that disappear or when a scrape fails.
 */
@Component
class Scraper {

    private static final Logger log = LoggerFactory.getLogger(Scraper.class);
    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BODY = 32 * 1024 * 1024;

    private final ComponentService components;
    private final MetricStore store;
    private final ScrapeHealth health;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Long> lastStart = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<Labels>> previous = new ConcurrentHashMap<>();

    Scraper(ComponentService components, MetricStore store, ScrapeHealth health, Clock clock) {
        this.components = components;
        this.store = store;
        this.health = health;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    @Scheduled(fixedDelay = 500, initialDelay = 1000)
    void scrapeDue() {
        long now = clock.millis();
        for (ComponentView component : components.scrapeTargets()) {
            long interval = Durations.parse(component.scrapeInterval());
            Long last = lastStart.get(component.name());
            if ((last == null || now - last >= interval) && inFlight.add(component.name())) {
                lastStart.put(component.name(), now);
                workers.submit(() -> {
                    try {
                        scrape(component, interval);
                    } finally {
                        inFlight.remove(component.name());
                    }
                });
            }
        }
    }

    void scrape(ComponentView component, long intervalMs) {
        Instant start = clock.instant();
        long at = start.toEpochMilli();
        URI uri = URI.create(component.scrapeUrl());
        Labels target = Labels.of("job", component.name(), "instance", uri.getHost() + ":" + port(uri), "component", component.name());
        List<MetricStore.Append> out = new ArrayList<>();
        Set<Labels> now = new HashSet<>();
        double up;
        try {
            List<ScrapedSample> samples = TextFormatParser.parse(fetch(uri, Duration.ofMillis(Math.min(intervalMs, MAX_TIMEOUT.toMillis()))));
            for (ScrapedSample sample : samples) {
                Labels labels = withTarget(sample.labels(), target);
                if (now.add(labels)) {
                    out.add(new MetricStore.Append(labels, new Point(sample.timestampMs() >= 0 ? sample.timestampMs() : at, sample.value(), false)));
                }
            }
            up = 1;
            health.up(component.name(), start, samples.size());
        } catch (IOException | ExpositionException | IllegalArgumentException e) {
            up = 0;
            health.down(component.name(), start, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            log.debug("scrape of {} failed", component.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (Labels gone : previous.getOrDefault(component.name(), Set.of())) {
            if (!now.contains(gone)) {
                out.add(new MetricStore.Append(gone, new Point(at, Double.NaN, true)));
            }
        }
        previous.put(component.name(), now);
        double duration = (clock.millis() - at) / 1000.0;
        out.add(new MetricStore.Append(target.with(Labels.METRIC_NAME, "up"), new Point(at, up, false)));
        out.add(new MetricStore.Append(target.with(Labels.METRIC_NAME, "scrape_duration_seconds"), new Point(at, duration, false)));
        out.add(new MetricStore.Append(target.with(Labels.METRIC_NAME, "scrape_samples_scraped"), new Point(at, now.size(), false)));
        store.append(out);
    }

    private String fetch(URI uri, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "text/plain;version=0.0.4;q=1,*/*;q=0.1").GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP status " + response.statusCode());
        }
        if (response.body().length > MAX_BODY) {
            throw new IOException("body larger than " + MAX_BODY + " bytes");
        }
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Labels withTarget(Labels exposed, Labels target) {
        Labels labels = exposed;
        for (Map.Entry<String, String> t : target.asMap().entrySet()) {
            if (labels.has(t.getKey())) {
                labels = labels.with("exported_" + t.getKey(), labels.get(t.getKey()));
            }
            labels = labels.with(t.getKey(), t.getValue());
        }
        return labels;
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme()) ? 443 : 80;
    }
}
