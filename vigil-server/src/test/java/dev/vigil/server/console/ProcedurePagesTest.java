package dev.vigil.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * The procedure pages as an operator uses them: the templates with their steps, an execution started from the form,
 * approved by someone else, its next step ticked with evidence; a bad window refused with its reason.
 */
class ProcedurePagesTest extends ServerTestBase {

    @Test
    void anOperatorStartsAnExecutionAndTicksItsFirstStepFromThePages() throws Exception {
        String target = unique("pages-db");
        Api.Response created = api().post("/api/v1/access/targets", ADMIN_TOKEN, Map.of("name", target, "host", "10.0.9.9"));
        assertThat(api().post("/api/v1/access/targets/" + created.text("id") + "/accounts", ADMIN_TOKEN,
                Map.of("name", "ops", "credentialKind", "password", "secret", "Target-pass-1")).status()).isEqualTo(201);
        String operator = unique("op");
        UUID operatorId = api().createUser(ADMIN_TOKEN, operator, PASSWORD, List.of("operator"), null);
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("vigil.user", operatorId);
        session.setAttribute("vigil.signedInAt", Instant.now());

        String list = mockMvc.perform(get("/procedures").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("vm-migration", "data-relocation", "key-rotation", "capacity-expansion", "Grow the logical volume",
                "id=\"start-execution\"");

        var refused = mockMvc.perform(post("/procedures/executions").session(session).with(csrf()).param("procedure", "capacity-expansion")
                .param("targets", target).param("account", "ops").param("purpose", "grow /srv").param("until", "tomorrow")).andReturn();
        assertThat(refused.getFlashMap().get("error").toString()).contains("until");

        String until = LocalDateTime.ofInstant(Instant.now().plus(1, ChronoUnit.HOURS), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
        MockHttpServletResponse started = mockMvc.perform(post("/procedures/executions").session(session).with(csrf())
                .param("procedure", "capacity-expansion").param("targets", target).param("account", "ops").param("purpose", "CHG-3: grow /srv")
                .param("until", until)).andReturn().getResponse();
        assertThat(started.getRedirectedUrl()).startsWith("/procedures/executions/");
        String id = started.getRedirectedUrl().substring("/procedures/executions/".length());
        String change = api().get("/api/v1/procedure-executions/" + id, ADMIN_TOKEN).text("changeId");
        String approver = unique("ap");
        api().createUser(ADMIN_TOKEN, approver, PASSWORD, List.of("approver"), null);
        assertThat(api().post("/api/v1/changes/" + change + "/approve", api().login(approver, PASSWORD), Map.of()).text("state")).isEqualTo("applied");

        String page = mockMvc.perform(get("/procedures/executions/" + id).session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("approved", "CHG-3: grow /srv", "id=\"tick-form\"", "Identify the new disk", "No sessions yet.");
        MockHttpServletResponse ticked = mockMvc.perform(post("/procedures/executions/" + id + "/steps/1/tick").session(session).with(csrf())
                .param("evidence", "sdb is new and empty (wipefs -n shows no signature)")).andReturn().getResponse();
        assertThat(ticked.getRedirectedUrl()).isEqualTo("/procedures/executions/" + id);
        assertThat(api().get("/api/v1/procedure-executions/" + id, ADMIN_TOKEN).json().path("nextStep").asInt()).isEqualTo(2);
        String after = mockMvc.perform(get("/procedures/executions/" + id).session(session)).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("sdb is new and empty (wipefs -n shows no signature)");
    }
}
