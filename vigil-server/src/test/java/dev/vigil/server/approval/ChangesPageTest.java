package dev.vigil.server.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * The console's change page lists a pending monitor change with its diff; another approver approves it there; the
 * monitoring page then shows the monitor beside its component.
 */
class ChangesPageTest extends ServerTestBase {

    @Test
    void anApproverSeesThePendingDiffAndApprovesItFromTheConsole() throws Exception {
        String op = unique("cop");
        String ap = unique("cap");
        UUID operatorId = api().createUser(ADMIN_TOKEN, op, PASSWORD, List.of("operator"), null);
        UUID approverId = api().createUser(ADMIN_TOKEN, ap, PASSWORD, List.of("approver"), null);
        String operator = api().login(op, PASSWORD);
        String component = unique("console-shop");
        api().post("/api/v1/components", operator, Map.of("name", component, "owner", "web", "criticality", "low", "exposure", "internal"));
        Map<String, Object> monitor = new LinkedHashMap<>();
        monitor.put("name", unique("console-monitor"));
        monitor.put("condition", "http_errors_total > 100");
        monitor.put("level", "warning");
        monitor.put("target", Map.of("component", component));
        monitor.put("receivers", Map.of("route", Map.of("team", "web")));
        monitor.put("disposal_plan", "Check the error log");
        Api.Response requested = api().post("/api/v1/monitors", operator, Map.of("monitor", monitor, "reason", "errors matter"));
        String changeId = requested.text("id");

        String asOperator = mockMvc.perform(get("/changes").session(session(operatorId))).andReturn().getResponse().getContentAsString();
        assertThat(asOperator).contains("Create monitor " + monitor.get("name"), "+condition: http_errors_total &gt; 100")
                .contains("/changes/" + changeId + "/withdraw").doesNotContain("/changes/" + changeId + "/approve");
        String asApprover = mockMvc.perform(get("/changes").session(session(approverId))).andReturn().getResponse().getContentAsString();
        assertThat(asApprover).contains("/changes/" + changeId + "/approve", "/changes/" + changeId + "/reject", "errors matter", "0 of 1");

        var response = mockMvc.perform(post("/changes/" + changeId + "/approve").param("comment", "ok").with(csrf())
                .session(session(approverId))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(api().get("/api/v1/changes/" + changeId, operator).text("state")).isEqualTo("applied");

        String monitoring = mockMvc.perform(get("/monitoring").session(session(operatorId))).andReturn().getResponse().getContentAsString();
        assertThat(monitoring).contains((String) monitor.get("name"), component, "http_errors_total &gt; 100", "not scraped");
    }

    private static MockHttpSession session(UUID userId) {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("vigil.user", userId);
        session.setAttribute("vigil.signedInAt", Instant.now());
        return session;
    }
}
