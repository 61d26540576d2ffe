package dev.vigil.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.alerting.AlertDraft;
import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.alerting.AlertSeverity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/** The situation page charts the last day's alerts by source and level and the open incidents by level, each linked. */
class SituationPageTest extends ServerTestBase {

    @Autowired
    AlertIntake intake;

    @Test
    void alertVolumeAndOpenIncidentsAreChartedWithLinksToTheirLists() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String source = "situation-" + run;
        for (AlertSeverity severity : List.of(AlertSeverity.HIGH, AlertSeverity.HIGH, AlertSeverity.LOW)) {
            intake.raise(new AlertDraft("platform", source, "r-" + UUID.randomUUID(), "Seen " + run, "tester", severity,
                    "k-" + UUID.randomUUID(), Duration.ofMinutes(5), Map.of(), List.of(), "seen", Instant.now(), 1));
        }
        var incident = api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("title", "Situation " + run, "summary", "charted"));
        assertThat(incident.status()).as(incident.body()).isEqualTo(201);
        String analyst = unique("analyst");
        UUID analystId = api().createUser(ADMIN_TOKEN, analyst, PASSWORD, List.of("soc-analyst"), null);
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("vigil.user", analystId);
        session.setAttribute("vigil.signedInAt", Instant.now());

        String page = mockMvc.perform(get("/situation").session(session)).andReturn().getResponse().getContentAsString();
        String volume = page.substring(page.indexOf("id=\"alert-volume\""), page.indexOf("id=\"incident-levels\""));
        assertThat(volume).contains("/alerts?state=all&amp;source=" + source + "\"")
                .contains("/alerts?state=all&amp;source=" + source + "&amp;severity=high\"", "title=\"high: 2\"", "title=\"low: 1\"");
        String levels = page.substring(page.indexOf("id=\"incident-levels\""));
        assertThat(levels).contains("not graded").contains("/incidents/" + incident.text("id"));
    }
}
