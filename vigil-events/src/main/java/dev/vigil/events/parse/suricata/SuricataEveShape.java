package dev.vigil.events.parse.suricata;

import java.util.List;
import java.util.Locale;

import dev.vigil.events.parse.draft.EventClass;
import dev.vigil.events.parse.draft.EventDraft;
import dev.vigil.events.parse.draft.EventFields;
import dev.vigil.events.parse.json.FlatJson;
import dev.vigil.events.parse.json.JsonShape;
import dev.vigil.events.parse.json.JsonTimestamps;

/**
 * Suricata EVE JSON records: recognised by {@code event_type} and {@code timestamp} with {@code src_ip} or
 * {@code flow_id}. All EVE fields stay under their own names ({@code alert.signature}, {@code src_ip}); the common
 * schema gets the endpoints, the rule of an alert and the basics of DNS, HTTP, TLS and flow data.
 */
public final class SuricataEveShape implements JsonShape {
    private static final EventClass ALERT = new EventClass(null, List.of("network", "intrusion_detection"),
            List.of("info"));
    private static final EventClass DNS = new EventClass(null, List.of("network"), List.of("protocol"));
    private static final EventClass HTTP = new EventClass(null, List.of("network", "web"), List.of("protocol",
            "access"));
    private static final EventClass FLOW = new EventClass(null, List.of("network"), List.of("connection"));
    private static final EventClass FILE = new EventClass(null, List.of("file"), List.of("info"));
    private static final EventClass OTHER = new EventClass(null, List.of("network"), List.of("protocol"));

    @Override
    public boolean matches(FlatJson document) {
        return document.has("event_type") && document.has("timestamp")
                && (document.has("src_ip") || document.has("flow_id"));
    }

    @Override
    public void map(FlatJson document, EventDraft draft) {
        EventFields fields = draft.fields();
        document.copyTo(fields);
        draft.timestamp(JsonTimestamps.of(document.get("timestamp"), draft.zone()));
        String eventType = document.text("event_type") == null ? "" : document.text("event_type");
        fields.putIp("source.ip", document.text("src_ip"));
        fields.putLong("source.port", document.text("src_port"));
        fields.putIp("destination.ip", document.text("dest_ip"));
        fields.putLong("destination.port", document.text("dest_port"));
        fields.put("network.transport", lowerCase(document.text("proto")));
        fields.put("network.protocol", lowerCase(document.text("app_proto")));
        fields.put("network.community_id", document.text("community_id"));
        fields.put("observer.hostname", document.text("host"));
        classOf(eventType).writeTo(fields);
        if ("alert".equals(eventType)) {
            alert(document, fields);
        }
        // alerts carry the app-layer metadata of their flow as well, so these apply whatever the record type
        dns(document, fields);
        http(document, fields);
        tls(document, fields);
        flow(document, fields);
        fields.put("event.action", eventType.isEmpty() ? null : eventType);
        fields.put("event.kind", "alert".equals(eventType) ? "alert" : "event");
        fields.put("event.dataset", "suricata.eve");
    }

    private static EventClass classOf(String eventType) {
        return switch (eventType) {
            case "alert" -> ALERT;
            case "dns" -> DNS;
            case "http" -> HTTP;
            case "flow", "netflow" -> FLOW;
            case "fileinfo" -> FILE;
            default -> OTHER;
        };
    }

    private static void alert(FlatJson document, EventFields fields) {
        fields.put("rule.id", document.text("alert.signature_id"));
        fields.put("rule.name", document.text("alert.signature"));
        fields.put("rule.category", document.text("alert.category"));
        fields.putLong("event.severity", document.text("alert.severity"));
        fields.put("event.action", document.text("alert.action"));
    }

    private static void dns(FlatJson document, EventFields fields) {
        fields.put("dns.question.name", firstText(document, "dns.rrname", "dns.queries.rrname"));
        fields.put("dns.question.type", firstText(document, "dns.rrtype", "dns.queries.rrtype"));
        fields.put("dns.response_code", document.text("dns.rcode"));
    }

    private static void http(FlatJson document, EventFields fields) {
        String url = document.text("http.url");
        fields.put("url.original", url);
        if (url != null) {
            int query = url.indexOf('?');
            fields.put("url.path", query < 0 ? url : url.substring(0, query));
        }
        fields.put("url.domain", document.text("http.hostname"));
        fields.put("http.request.method", document.text("http.http_method"));
        fields.putLong("http.response.status_code", document.text("http.status"));
        fields.putLong("http.response.body.bytes", document.text("http.length"));
        fields.put("user_agent.original", document.text("http.http_user_agent"));
        fields.put("http.request.referrer", document.text("http.http_refer"));
        String protocol = document.text("http.protocol");
        if (protocol != null && protocol.startsWith("HTTP/")) {
            fields.put("http.version", protocol.substring("HTTP/".length()));
        }
    }

    private static void tls(FlatJson document, EventFields fields) {
        fields.put("tls.client.server_name", document.text("tls.sni"));
        fields.put("tls.server.subject", document.text("tls.subject"));
        fields.put("tls.server.issuer", document.text("tls.issuerdn"));
    }

    private static void flow(FlatJson document, EventFields fields) {
        fields.putLong("source.bytes", document.text("flow.bytes_toserver"));
        fields.putLong("destination.bytes", document.text("flow.bytes_toclient"));
        fields.putLong("source.packets", document.text("flow.pkts_toserver"));
        fields.putLong("destination.packets", document.text("flow.pkts_toclient"));
    }

    /** The first name's scalar, or the first element of a list gathered from an array of objects. */
    private static String firstText(FlatJson document, String... names) {
        for (String name : names) {
            Object value = document.get(name);
            if (value instanceof List<?> list && !list.isEmpty()) {
                return String.valueOf(list.get(0));
            }
            if (value != null && !(value instanceof List<?>)) {
                return value.toString();
            }
        }
        return null;
    }

    private static String lowerCase(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
