package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vigil.events.Event;

class OktaSystemLogTest {

    @Test
    void systemLogEvent() {
        Event event = ParsedEvents.json("""
                {"uuid":"a1b2c3d4-0000-4000-8000-00000000000a","published":"2026-03-29T10:30:12.345Z",
                 "eventType":"user.session.start","version":"0","severity":"INFO","legacyEventType":"core.user_auth.login_failed",
                 "displayMessage":"User login to Okta","actor":{"id":"00u1abcd","type":"User",
                 "alternateId":"dana@example.com","displayName":"Dana Doe"},"client":{"userAgent":{
                 "rawUserAgent":"Mozilla/5.0 (X11; Linux x86_64)","os":"Linux","browser":"FIREFOX"},"zone":"null",
                 "device":"Computer","ipAddress":"198.51.100.77","geographicalContext":{"country":"Germany"}},
                 "outcome":{"result":"FAILURE","reason":"INVALID_CREDENTIALS"},
                 "securityContext":{"isProxy":false},"target":[{"id":"0oa1","type":"AppInstance","displayName":"Okta Admin Console"}],
                 "transaction":{"type":"WEB","id":"Yx"}}""");

        FieldValues.assertObeyTheValueRule(event);
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-03-29T10:30:12.345Z"));
        assertThat(event.fields()).contains(
                entry("eventType", "user.session.start"),
                entry("actor.alternateId", "dana@example.com"),
                entry("securityContext.isProxy", false),
                entry("target.displayName", List.of("Okta Admin Console")),
                entry("displayMessage", "User login to Okta"),
                entry("event.action", "user.session.start"),
                entry("event.id", "a1b2c3d4-0000-4000-8000-00000000000a"),
                entry("event.outcome", "failure"),
                entry("event.reason", "INVALID_CREDENTIALS"),
                entry("message", "User login to Okta"),
                entry("user.name", "dana@example.com"),
                entry("user.id", "00u1abcd"),
                entry("user.full_name", "Dana Doe"),
                entry("source.ip", "198.51.100.77"),
                entry("user_agent.original", "Mozilla/5.0 (X11; Linux x86_64)"),
                entry("event.dataset", "okta.system"));
    }

    @Test
    void withoutAnActorItIsNotAnOktaEvent() {
        Event event = ParsedEvents.json("{\"uuid\":\"u-1\",\"published\":\"2026-03-29T10:00:00Z\","
                + "\"eventType\":\"order.shipped\",\"customer\":\"x\"}");

        assertThat(event.fields()).containsEntry("event.dataset", "json").doesNotContainKey("event.action");
    }
}
