package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.vigil.events.Event;

class GcpAuditTest {

    @Test
    void adminActivityEntry() {
        Event event = ParsedEvents.json("""
                {"protoPayload":{"@type":"type.googleapis.com/google.cloud.audit.AuditLog","status":{},
                 "authenticationInfo":{"principalEmail":"ops@example.com"},
                 "requestMetadata":{"callerIp":"203.0.113.40","callerSuppliedUserAgent":"google-cloud-sdk gcloud/470.0.0"},
                 "serviceName":"compute.googleapis.com","methodName":"v1.compute.firewalls.delete",
                 "resourceName":"projects/shop-prod/global/firewalls/allow-ssh",
                 "request":{"@type":"type.googleapis.com/compute.firewalls.delete"}},
                 "insertId":"-abc123","resource":{"type":"gce_firewall_rule","labels":{"project_id":"shop-prod",
                 "firewall_rule_id":"4711"}},"timestamp":"2026-03-29T10:20:00.123456Z","severity":"NOTICE",
                 "logName":"projects/shop-prod/logs/cloudaudit.googleapis.com%2Factivity",
                 "receiveTimestamp":"2026-03-29T10:20:01.5Z"}""");

        FieldValues.assertObeyTheValueRule(event);
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-03-29T10:20:00.123456Z"));
        assertThat(event.fields()).contains(
                entry("protoPayload.methodName", "v1.compute.firewalls.delete"),
                entry("protoPayload.@type", "type.googleapis.com/google.cloud.audit.AuditLog"),
                entry("resource.labels.project_id", "shop-prod"),
                entry("severity", "NOTICE"),
                entry("event.action", "v1.compute.firewalls.delete"),
                entry("event.provider", "compute.googleapis.com"),
                entry("event.outcome", "success"),
                entry("user.name", "ops@example.com"),
                entry("user.email", "ops@example.com"),
                entry("source.ip", "203.0.113.40"),
                entry("user_agent.original", "google-cloud-sdk gcloud/470.0.0"),
                entry("cloud.provider", "gcp"),
                entry("cloud.project.id", "shop-prod"),
                entry("gcp.audit.method_name", "v1.compute.firewalls.delete"),
                entry("gcp.audit.service_name", "compute.googleapis.com"),
                entry("gcp.audit.resource_name", "projects/shop-prod/global/firewalls/allow-ssh"),
                entry("gcp.audit.authentication_info.principal_email", "ops@example.com"),
                entry("gcp.audit.request_metadata.caller_ip", "203.0.113.40"),
                entry("event.dataset", "gcp.audit"));
    }

    @Test
    void nonZeroStatusIsAFailure() {
        Event event = ParsedEvents.json("""
                {"protoPayload":{"@type":"type.googleapis.com/google.cloud.audit.AuditLog",
                 "status":{"code":7,"message":"PERMISSION_DENIED"},"methodName":"google.iam.admin.v1.DeleteServiceAccount",
                 "serviceName":"iam.googleapis.com","requestMetadata":{"callerIp":"private"}},
                 "timestamp":"2026-03-29T10:21:00Z"}""");

        assertThat(event.fields()).contains(entry("event.outcome", "failure"),
                entry("protoPayload.status.code", 7L), entry("event.dataset", "gcp.audit"));
        assertThat(event.fields()).doesNotContainKey("source.ip");
    }

    @Test
    void otherLogEntriesStayGeneric() {
        Event dataAccess = ParsedEvents.json("{\"protoPayload\":{\"@type\":"
                + "\"type.googleapis.com/google.appengine.logging.v1.RequestLog\",\"methodName\":\"GET\"},"
                + "\"timestamp\":\"2026-03-29T10:00:00Z\"}");
        Event untyped = ParsedEvents.json("{\"protoPayload\":{\"methodName\":\"v1.compute.instances.insert\"}}");

        assertThat(dataAccess.fields()).containsEntry("event.dataset", "json").doesNotContainKey("event.action");
        assertThat(untyped.fields()).containsEntry("event.dataset", "json");
    }
}
