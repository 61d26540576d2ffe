package dev.vigil.server.monitoring.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import javax.net.ssl.SSLPeerUnverifiedException;

import jakarta.annotation.PreDestroy;

import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Point;
import dev.vigil.server.monitoring.ComponentService;
import dev.vigil.server.monitoring.ComponentView;
import dev.vigil.server.monitoring.Probe;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the components' health probes on their intervals, as blackbox_exporter would, and stores the results as
 * metrics (labels {@code component}, {@code probe}): {@code probe_success} 1/0, {@code probe_duration_seconds}, for
 * HTTP {@code probe_http_status_code} and over TLS {@code probe_ssl_earliest_cert_expiry}. A failed TLS handshake
 * (expired or untrusted certificate) is a failed probe.
 */
@Component
class Prober {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BODY = 1024 * 1024;

    private final ComponentService components;
    private final MetricStore store;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Long> lastStart = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    Prober(ComponentService components, MetricStore store, Clock clock) {
        this.components = components;
        this.store = store;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    @Scheduled(fixedDelay = 500, initialDelay = 1000)
    void probeDue() {
        long now = clock.millis();
        for (ComponentView component : components.probeTargets()) {
            for (Probe probe : component.probes()) {
                String key = component.name() + " " + probe.label();
                Long last = lastStart.get(key);
                if ((last == null || now - last >= probe.intervalMs()) && inFlight.add(key)) {
                    lastStart.put(key, now);
                    workers.submit(() -> {
                        try {
                            store.append(run(component.name(), probe));
                        } finally {
                            inFlight.remove(key);
                        }
                    });
                }
            }
        }
    }

    List<MetricStore.Append> run(String component, Probe probe) {
        long at = clock.millis();
        Labels labels = Labels.of("component", component, "probe", probe.label(), "job", "probe");
        List<MetricStore.Append> out = new ArrayList<>();
        boolean success;
        try {
            success = switch (probe.type()) {
                case "http" -> http(probe, labels, at, out);
                case "tcp" -> tcp(probe.target());
                case "dns" -> InetAddress.getAllByName(probe.target()).length > 0;
                default -> false;
            };
        } catch (IOException | RuntimeException e) {
            success = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        out.add(new MetricStore.Append(labels.with(Labels.METRIC_NAME, "probe_success"), new Point(at, success ? 1 : 0, false)));
        out.add(new MetricStore.Append(labels.with(Labels.METRIC_NAME, "probe_duration_seconds"),
                new Point(at, (clock.millis() - at) / 1000.0, false)));
        return out;
    }

    private boolean http(Probe probe, Labels labels, long at, List<MetricStore.Append> out) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(probe.target())).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        out.add(new MetricStore.Append(labels.with(Labels.METRIC_NAME, "probe_http_status_code"), new Point(at, response.statusCode(), false)));
        if (response.sslSession().isPresent()) {
            try {
                long earliest = Long.MAX_VALUE;
                for (Certificate certificate : response.sslSession().get().getPeerCertificates()) {
                    if (certificate instanceof X509Certificate x509) {
                        earliest = Math.min(earliest, x509.getNotAfter().getTime() / 1000);
                    }
                }
                if (earliest != Long.MAX_VALUE) {
                    out.add(new MetricStore.Append(labels.with(Labels.METRIC_NAME, "probe_ssl_earliest_cert_expiry"), new Point(at, earliest, false)));
                }
            } catch (SSLPeerUnverifiedException e) {
                return false;
            }
        }
        boolean statusOk = probe.expectStatus() == null ? response.statusCode() / 100 == 2 : response.statusCode() == probe.expectStatus();
        if (!statusOk) {
            return false;
        }
        if (probe.bodyMatch() == null) {
            return true;
        }
        byte[] body = response.body();
        String text = new String(body, 0, Math.min(body.length, MAX_BODY), StandardCharsets.UTF_8);
        return Pattern.compile(probe.bodyMatch()).matcher(text).find();
    }

    private static boolean tcp(String target) throws IOException {
        int colon = target.lastIndexOf(':');
        String host = target.substring(0, colon).replace("[", "").replace("]", "");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, Integer.parseInt(target.substring(colon + 1))), (int) TIMEOUT.toMillis());
            return true;
        }
    }
}
