package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.vigil.events.Event;

class M365AuditTest {

    @Test
    void unifiedAuditRecord() {
        Event event = ParsedEvents.json("""
                {"CreationTime":"2026-03-29T10:40:00","Id":"4f9c2a10-0000-4000-8000-0000000000b1",
                 "Operation":"Disable Strong Authentication.","OrganizationId":"7d0c0000-0000-4000-8000-0000000000c1",
                 "RecordType":8,"ResultStatus":"Success","UserKey":"10030000A1B2C3D4@example.onmicrosoft.com",
                 "UserType":2,"Version":1,"Workload":"AzureActiveDirectory","ClientIP":"198.51.100.12:53012",
                 "ObjectId":"erin@example.com","UserId":"admin@example.com","AzureActiveDirectoryEventType":1,
                 "Target":[{"ID":"User_5f1e","Type":2},{"ID":"erin@example.com","Type":5}]}""");

        FieldValues.assertObeyTheValueRule(event);
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-03-29T10:40:00Z"));
        assertThat(event.fields()).contains(
                entry("Operation", "Disable Strong Authentication."),
                entry("Workload", "AzureActiveDirectory"),
                entry("RecordType", 8L),
                entry("ClientIP", "198.51.100.12:53012"),
                entry("event.action", "Disable Strong Authentication."),
                entry("event.provider", "AzureActiveDirectory"),
                entry("event.id", "4f9c2a10-0000-4000-8000-0000000000b1"),
                entry("event.outcome", "success"),
                entry("user.name", "admin@example.com"),
                entry("source.ip", "198.51.100.12"),
                entry("organization.id", "7d0c0000-0000-4000-8000-0000000000c1"),
                entry("event.dataset", "m365.audit"));
    }

    @Test
    void bracketedIpv6ClientAndFailedResult() {
        Event event = ParsedEvents.json("""
                {"CreationTime":"2026-03-29T10:41:00","Id":"x","Operation":"New-InboxRule","RecordType":1,
                 "ResultStatus":"False","Workload":"Exchange","ClientIP":"[2001:db8::7]:4431","UserId":"frank@example.com"}""");

        assertThat(event.fields()).contains(entry("source.ip", "2001:db8::7"), entry("event.outcome", "failure"),
                entry("event.dataset", "m365.audit"));
    }

    @Test
    void withoutWorkloadItStaysGeneric() {
        Event event = ParsedEvents.json("{\"CreationTime\":\"2026-03-29T10:41:00\",\"Operation\":\"x\","
                + "\"RecordType\":1}");

        assertThat(event.fields()).containsEntry("event.dataset", "json");
    }
}
