package dev.vigil.server.alerting;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.server.support.Api;
import tools.jackson.databind.JsonNode;

/** A real HTTP server on loopback that keeps every webhook it is sent, with the time it arrived. */
final class WebhookSink implements AutoCloseable {

    record Received(String path, Instant at, JsonNode body) {

        /** The ids of the message's alerts with this status (new, firing, resolved). */
        List<String> alerts(String status) {
            List<String> ids = new java.util.ArrayList<>();
            for (JsonNode alert : body.path("alerts")) {
                if (alert.path("status").asString().equals(status)) {
                    ids.add(alert.path("id").asString());
                }
            }
            return ids;
        }
    }

    private final HttpServer http;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    WebhookSink() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(), Instant.now(), Api.JSON.readTree(body)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        http.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    /** What arrived at this path, in arrival order. */
    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
