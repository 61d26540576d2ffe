package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vigil.events.Event;

class SuricataEveTest {

    @Test
    void alert() {
        Event event = ParsedEvents.json("""
                {"timestamp":"2026-03-29T10:15:42.123456+0000","flow_id":1234567890123456,"in_iface":"eth0",
                 "event_type":"alert","src_ip":"198.51.100.23","src_port":51234,"dest_ip":"10.0.0.8","dest_port":80,
                 "proto":"TCP","community_id":"1:abc=","alert":{"action":"allowed","gid":1,"signature_id":2013028,
                 "rev":7,"signature":"ET POLICY curl User-Agent Outbound","category":"Attempted Information Leak",
                 "severity":2},"app_proto":"http","http":{"hostname":"intranet.example","url":"/x?y=1",
                 "http_user_agent":"curl/8.0","http_method":"GET","protocol":"HTTP/1.1","status":200,"length":512}}
                """);

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-03-29T10:15:42.123456Z"));
        assertThat(event.fields()).contains(
                entry("event_type", "alert"),
                entry("src_ip", "198.51.100.23"),
                entry("dest_port", 80L),
                entry("alert.signature", "ET POLICY curl User-Agent Outbound"),
                entry("alert.signature_id", 2013028L),
                entry("timestamp", "2026-03-29T10:15:42.123456+0000"),
                entry("source.ip", "198.51.100.23"),
                entry("source.port", 51234L),
                entry("destination.ip", "10.0.0.8"),
                entry("destination.port", 80L),
                entry("network.transport", "tcp"),
                entry("network.protocol", "http"),
                entry("rule.id", "2013028"),
                entry("rule.name", "ET POLICY curl User-Agent Outbound"),
                entry("rule.category", "Attempted Information Leak"),
                entry("event.severity", 2L),
                entry("event.action", "allowed"),
                entry("event.kind", "alert"),
                entry("event.category", List.of("network", "intrusion_detection")),
                entry("event.dataset", "suricata.eve"),
                entry("url.path", "/x"),
                entry("http.response.status_code", 200L));
    }

    @Test
    void dnsQueryInVersion1AndVersion3Layouts() {
        Event v1 = ParsedEvents.json("{\"timestamp\":\"2026-03-29T10:00:00.000000+0000\",\"flow_id\":1,"
                + "\"event_type\":\"dns\",\"src_ip\":\"10.0.0.5\",\"src_port\":53000,\"dest_ip\":\"10.0.0.1\","
                + "\"dest_port\":53,\"proto\":\"UDP\",\"dns\":{\"type\":\"query\",\"id\":1,\"rrname\":\"evil.example\","
                + "\"rrtype\":\"A\",\"tx_id\":0}}");
        Event v3 = ParsedEvents.json("{\"timestamp\":\"2026-03-29T10:00:00.000000+0000\",\"flow_id\":2,"
                + "\"event_type\":\"dns\",\"src_ip\":\"10.0.0.5\",\"dest_ip\":\"10.0.0.1\",\"proto\":\"UDP\","
                + "\"dns\":{\"version\":3,\"type\":\"request\",\"queries\":[{\"rrname\":\"a.example\",\"rrtype\":\"AAAA\"},"
                + "{\"rrname\":\"b.example\",\"rrtype\":\"A\"}]}}");

        assertThat(v1.fields()).contains(entry("dns.rrname", "evil.example"),
                entry("dns.question.name", "evil.example"),
                entry("dns.question.type", "A"), entry("event.kind", "event"), entry("event.action", "dns"),
                entry("network.transport", "udp"));
        assertThat(v3.fields()).contains(entry("dns.queries.rrname", List.of("a.example", "b.example")),
                entry("dns.question.name", "a.example"), entry("dns.question.type", "AAAA"));
    }

    @Test
    void httpTlsAndFlowRecords() {
        Event http = ParsedEvents.json("{\"timestamp\":\"2026-03-29T10:00:00Z\",\"flow_id\":3,\"event_type\":\"http\","
                + "\"src_ip\":\"10.0.0.5\",\"dest_ip\":\"93.184.216.34\",\"dest_port\":80,\"proto\":\"TCP\","
                + "\"http\":{\"hostname\":\"example.com\",\"url\":\"/index.html\",\"http_method\":\"POST\","
                + "\"http_user_agent\":\"Mozilla/5.0\",\"status\":403,\"http_refer\":\"http://a/\"}}");
        Event tls = ParsedEvents.json("{\"timestamp\":\"2026-03-29T10:00:00Z\",\"flow_id\":4,\"event_type\":\"tls\","
                + "\"src_ip\":\"10.0.0.5\",\"dest_ip\":\"93.184.216.34\",\"proto\":\"TCP\","
                + "\"tls\":{\"sni\":\"example.com\",\"version\":\"TLS 1.3\",\"subject\":\"CN=example.com\"}}");
        Event flow = ParsedEvents.json("{\"timestamp\":\"2026-03-29T10:00:00Z\",\"flow_id\":5,\"event_type\":\"flow\","
                + "\"src_ip\":\"10.0.0.5\",\"dest_ip\":\"10.0.0.9\",\"proto\":\"TCP\",\"flow\":{\"pkts_toserver\":3,"
                + "\"pkts_toclient\":2,\"bytes_toserver\":180,\"bytes_toclient\":120,\"state\":\"closed\"}}");

        assertThat(http.fields()).contains(entry("url.domain", "example.com"), entry("url.original", "/index.html"),
                entry("http.request.method", "POST"), entry("user_agent.original", "Mozilla/5.0"),
                entry("http.response.status_code", 403L), entry("http.request.referrer", "http://a/"),
                entry("event.category", List.of("network", "web")));
        assertThat(tls.fields()).contains(entry("tls.client.server_name", "example.com"),
                entry("tls.version", "TLS 1.3"), entry("tls.server.subject", "CN=example.com"));
        assertThat(flow.fields()).contains(entry("source.bytes", 180L), entry("destination.bytes", 120L),
                entry("source.packets", 3L), entry("event.category", List.of("network")),
                entry("flow.state", "closed"));
    }
}
