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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/** The target page as an administrator uses it for rotation: a key account's schedule saved from the form, shown with its next rotation, and stopped. */
class BastionRotationPagesTest extends ServerTestBase {

    @Test
    void anAdministratorSchedulesAndStopsTheRotationOfAnAccountFromTheTargetPage() throws Exception {
        Api.Response created = api().post("/api/v1/access/targets", ADMIN_TOKEN, Map.of("name", unique("pages-rot"), "host", "10.0.9.9"));
        String target = created.text("id");
        Api.Response account = api().post("/api/v1/access/targets/" + target + "/accounts", ADMIN_TOKEN,
                Map.of("name", "ops", "credentialKind", "password", "secret", "Target-pass-1"));
        String accountId = account.text("id");
        UUID admin = api().createUser(ADMIN_TOKEN, unique("adm"), PASSWORD, List.of("admin"), null);
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("vigil.user", admin);
        session.setAttribute("vigil.signedInAt", Instant.now());

        String before = mockMvc.perform(get("/bastion/targets/" + target).session(session)).andReturn().getResponse().getContentAsString();
        assertThat(before).contains("on demand", "Save schedule", "Rotate password").doesNotContain("Stop schedule");

        var refused = mockMvc.perform(post("/bastion/targets/" + target + "/accounts/" + accountId + "/rotation-policy").session(session)
                .with(csrf()).param("intervalDays", "30").param("windowStart", "02:00")).andReturn();
        assertThat(refused.getFlashMap().get("error").toString()).contains("windowStart and windowEnd");

        MockHttpServletResponse saved = mockMvc.perform(post("/bastion/targets/" + target + "/accounts/" + accountId + "/rotation-policy")
                .session(session).with(csrf()).param("intervalDays", "30").param("windowStart", "02:00").param("windowEnd", "04:00")
                .param("windowZone", "Europe/Berlin")).andReturn().getResponse();
        assertThat(saved.getRedirectedUrl()).isEqualTo("/bastion/targets/" + target);
        String nextAt = api().get("/api/v1/access/targets/" + target, ADMIN_TOKEN).json().path("accounts").get(0)
                .path("rotationPolicy").path("nextAt").asString();
        String page = mockMvc.perform(get("/bastion/targets/" + target).session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("every 30 days", "within 02:00-04:00 Europe/Berlin", "next: " + Instant.parse(nextAt), "Stop schedule");

        mockMvc.perform(post("/bastion/targets/" + target + "/accounts/" + accountId + "/rotation-policy/delete").session(session).with(csrf()));
        assertThat(api().get("/api/v1/access/targets/" + target, ADMIN_TOKEN).json().path("accounts").get(0).path("rotationPolicy").isNull())
                .isTrue();
    }
}
