package dev.vigil.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * The on-call pages as an incident commander sees them: the schedule list with who is on call now, a week of the
 * calendar with the gaps, an override added from the page (in the schedule's local time) and removed, and a bad
 * definition refused with its reason.
 */
class OnCallPagesTest extends ServerTestBase {

    @Test
    void aCommanderReadsTheCalendarAndManagesOverridesFromThePages() throws Exception {
        String name = unique("pages");
        Api.Response created = api().post("/api/v1/oncall/schedules", ADMIN_TOKEN, Map.of("name", name, "timezone", "Asia/Shanghai",
                "rotations", List.of(Map.of("name", "office", "type", "daily", "handoff", "09:00", "participants", List.of("hana"),
                        "startsOn", "2026-06-01", "restriction", Map.of("from", "09:00", "to", "18:00")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        String commander = unique("ic");
        UUID commanderId = api().createUser(ADMIN_TOKEN, commander, PASSWORD, List.of("incident-commander"), null);
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("vigil.user", commanderId);
        session.setAttribute("vigil.signedInAt", Instant.now());

        String list = mockMvc.perform(get("/oncall").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(name, "Asia/Shanghai", "office");

        String week = mockMvc.perform(get("/oncall/" + id + "?week=2026-06-08").session(session)).andReturn().getResponse()
                .getContentAsString();
        assertThat(week).contains("Mon 2026-06-08", "Sun 2026-06-14", "09:00–18:00 hana", "18:00–24:00 nobody", "00:00–09:00 nobody")
                .contains("Nobody is on call for");

        var added = mockMvc.perform(post("/oncall/" + id + "/overrides").session(session).with(csrf())
                .param("user", "ivy").param("from", "2026-06-09T12:00").param("to", "2026-06-09T14:00")).andReturn().getResponse();
        assertThat(added.getRedirectedUrl()).isEqualTo("/oncall/" + id);
        String withOverride = mockMvc.perform(get("/oncall/" + id + "?week=2026-06-08").session(session)).andReturn().getResponse()
                .getContentAsString();
        assertThat(withOverride).contains("12:00–14:00 ivy (override)", "2026-06-09T04:00:00Z");

        String overrideId = api().get("/api/v1/oncall/schedules/" + id, ADMIN_TOKEN).json().path("overrides").get(0).path("id").asString();
        mockMvc.perform(post("/oncall/" + id + "/overrides/" + overrideId + "/delete").session(session).with(csrf()));
        assertThat(api().get("/api/v1/oncall/schedules/" + id, ADMIN_TOKEN).json().path("overrides")).isEmpty();

        var refused = mockMvc.perform(post("/oncall/" + id).session(session).with(csrf()).param("definition", "{\"name\": \"x\""))
                .andReturn();
        assertThat(refused.getFlashMap().get("error").toString()).contains("not valid JSON");
        assertThat(api().get("/api/v1/oncall/schedules/" + id, ADMIN_TOKEN).json().path("name").asString()).isEqualTo(name);
    }
}
