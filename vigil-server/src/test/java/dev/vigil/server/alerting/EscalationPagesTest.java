package dev.vigil.server.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The console: an incident commander creates an escalation policy from its JSON (a broken one is refused with the
 * reason), an analyst sees it without the form and adds her own contact method on her profile, and an alert's page
 * shows whom its escalation paged.
 */
class EscalationPagesTest extends ServerTestBase {

    @Autowired
    AlertIntake intake;

    @Test
    void policiesContactsAndAnAlertsEscalationInTheConsole() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID commander = api().createUser(ADMIN_TOKEN, "ic-" + run, PASSWORD, List.of("incident-commander"), null);
        UUID analyst = api().createUser(ADMIN_TOKEN, "an-" + run, PASSWORD, List.of("soc-analyst"), null);

        MvcResult broken = mockMvc.perform(post("/alerts/escalation").param("policy", "{\"name\": ").with(csrf()).session(session(commander)))
                .andReturn();
        assertThat(String.valueOf(broken.getFlashMap().get("error"))).contains("not valid JSON");
        MvcResult refused = mockMvc.perform(post("/alerts/escalation").param("policy", "{\"name\": \"x-" + run + "\", \"steps\": [{}]}")
                .with(csrf()).session(session(commander))).andReturn();
        assertThat(String.valueOf(refused.getFlashMap().get("error"))).contains("steps[0] pages nobody");
        String json = "{\"name\": \"console-" + run + "\", \"steps\": [{\"delay\": \"0s\", \"users\": [\"an-" + run + "\"]}]}";
        MvcResult created = mockMvc.perform(post("/alerts/escalation").param("policy", json).with(csrf()).session(session(commander)))
                .andReturn();
        assertThat(String.valueOf(created.getFlashMap().get("notice"))).contains("console-" + run);

        String asAnalyst = mockMvc.perform(get("/alerts/escalation").session(session(analyst))).andReturn().getResponse().getContentAsString();
        assertThat(asAnalyst).contains("console-" + run).contains("an-" + run).doesNotContain("policy-form");
        assertThat(mockMvc.perform(get("/alerts/escalation").session(session(commander))).andReturn().getResponse().getContentAsString())
                .contains("policy-form");

        MvcResult contact = mockMvc.perform(post("/profile/contacts").param("label", "pager hook").param("type", "webhook")
                .param("target", "http://127.0.0.1:9/hook-" + run).with(csrf()).session(session(analyst))).andReturn();
        assertThat(String.valueOf(contact.getFlashMap().get("notice"))).isEqualTo("Contact method added.");
        assertThat(mockMvc.perform(get("/profile").session(session(analyst))).andReturn().getResponse().getContentAsString())
                .contains("pager hook").contains("http://127.0.0.1:9/hook-" + run);

        assertThat(api().post("/api/v1/alerting/receivers", ADMIN_TOKEN, Map.of("name", "console-receiver-" + run,
                "escalationPolicy", "console-" + run, "sources", List.of("none-" + run))).status()).isEqualTo(201);
        UUID admin = UUID.fromString(api().get("/api/v1/me", ADMIN_TOKEN).text("id"));
        assertThat(mockMvc.perform(get("/alerts/receivers").session(session(admin))).andReturn().getResponse().getContentAsString())
                .contains("console-receiver-" + run).contains(">console-" + run + "</a>");

        UUID alert = intake.raise(new AlertDraft("platform", "test-escalation", "page-" + run, "Console escalation " + run, "tester",
                AlertSeverity.HIGH, "page-" + run, Duration.ofMinutes(10), Map.of(AlertLabels.ESCALATION_ENTITY, "console-" + run), List.of(),
                "seen", Instant.now(), 1)).id();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mockMvc.perform(get("/alerts/" + alert)
                .session(session(analyst))).andReturn().getResponse().getContentAsString())
                .contains("console-" + run).contains("escalation-pages").contains("user:an-" + run).contains("completed"));
    }

    @Test
    void aCommanderChoosesThePolicyThatPagesForEachIncidentLevel() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID commander = api().createUser(ADMIN_TOKEN, "icl-" + run, PASSWORD, List.of("incident-commander"), null);
        UUID analyst = api().createUser(ADMIN_TOKEN, "anl-" + run, PASSWORD, List.of("soc-analyst"), null);
        String policy = "level-console-" + run;
        assertThat(api().post("/api/v1/oncall/escalation-policies", ADMIN_TOKEN, Map.of("name", policy,
                "steps", List.of(Map.of("delay", "0s", "users", List.of("anl-" + run))))).status()).isEqualTo(201);

        String page = mockMvc.perform(get("/alerts/escalation").session(session(commander))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("levels-table").contains("level-policy-3").contains("IV (P4)");

        MvcResult unknown = mockMvc.perform(post("/alerts/escalation/levels/3").param("policy", "nope-" + run).with(csrf())
                .session(session(commander))).andReturn();
        assertThat(String.valueOf(unknown.getFlashMap().get("error"))).contains("no escalation policy is named 'nope-" + run + "'");
        MvcResult badLevel = mockMvc.perform(post("/alerts/escalation/levels/7").param("policy", policy).with(csrf())
                .session(session(commander))).andReturn();
        assertThat(String.valueOf(badLevel.getFlashMap().get("error"))).contains("level must be 1 (I) to 4 (IV)");

        MvcResult set = mockMvc.perform(post("/alerts/escalation/levels/3").param("policy", policy).with(csrf())
                .session(session(commander))).andReturn();
        assertThat(String.valueOf(set.getFlashMap().get("notice"))).isEqualTo("Level III (P3) pages through " + policy + " now.");
        assertThat(api().get("/api/v1/incidents/escalation", ADMIN_TOKEN).body()).contains("\"policy\":\"" + policy + "\"");
        assertThat(api().get("/api/v1/audit/records?action=incident.level.escalation", ADMIN_TOKEN).body()).contains(policy);
        assertThat(mockMvc.perform(get("/alerts/escalation").session(session(commander))).andReturn().getResponse().getContentAsString())
                .containsPattern("<option value=\"" + policy + "\"\\s+selected=\"selected\">");

        String asAnalyst = mockMvc.perform(get("/alerts/escalation").session(session(analyst))).andReturn().getResponse().getContentAsString();
        assertThat(asAnalyst).contains("levels-table").doesNotContain("level-policy-3");
        assertThat(mockMvc.perform(post("/alerts/escalation/levels/3").param("policy", "").with(csrf()).session(session(analyst)))
                .andReturn().getResponse().getStatus()).isEqualTo(403);

        MvcResult cleared = mockMvc.perform(post("/alerts/escalation/levels/3").param("policy", "").with(csrf())
                .session(session(commander))).andReturn();
        assertThat(String.valueOf(cleared.getFlashMap().get("notice"))).isEqualTo("Level III (P3) pages no escalation policy now.");
        assertThat(api().get("/api/v1/incidents/escalation", ADMIN_TOKEN).body()).doesNotContain(policy);
    }

    private static MockHttpSession session(UUID userId) {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("vigil.user", userId);
        session.setAttribute("vigil.signedInAt", Instant.now());
        return session;
    }
}
