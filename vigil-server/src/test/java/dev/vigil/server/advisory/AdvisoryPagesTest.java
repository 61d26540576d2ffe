package dev.vigil.server.advisory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The advisory pages: draft from the list page, the draft's JSON on its page, the mandatory tests run by htmx, an
 * invalid edit refused at publication with the failed test, a bad JSON edit refused with a message.
 */
class AdvisoryPagesTest extends ServerTestBase {

    @Test
    void draftEditCheckAndRefuseAnInvalidPublicationFromTheConsole() throws Exception {
        String product = new AdvisoryFixtures(api()).affectedProduct().product();
        UUID userId = api().createUser(ADMIN_TOKEN, unique("adv-console"), PASSWORD, List.of("soc-analyst"), null);
        MockHttpSession session = session(userId);

        assertThat(page("/advisories", session)).contains("href=\"/advisories\"", "Draft from findings");
        MockHttpServletResponse drafted = mockMvc.perform(post("/advisories").param("product", product).param("tlp", "WHITE")
                .with(csrf()).session(session)).andReturn().getResponse();
        assertThat(drafted.getStatus()).isEqualTo(302);
        String location = drafted.getRedirectedUrl();
        assertThat(location).matches("/advisories/[0-9a-f-]{36}");
        String id = location.substring("/advisories/".length());

        String page = page(location, session);
        assertThat(page).contains("Vulnerabilities in " + product, "CVE-2026-41001", "&quot;csaf_security_advisory&quot;",
                "Not published yet.");
        assertThat(page(("/advisories"), session)).contains(location, product);

        String check = mockMvc.perform(post(location + "/check").with(csrf()).session(session)).andReturn().getResponse()
                .getContentAsString();
        assertThat(check).contains("Passes all").doesNotContain("<html");

        MvcResult notJson = mockMvc.perform(post(location + "/draft").param("document", "{\"document\": ")
                .param("version", "1").with(csrf()).session(session)).andReturn();
        assertThat(notJson.getResponse().getStatus()).isEqualTo(302);
        assertThat(notJson.getFlashMap().get("error").toString()).contains("not JSON");

        JsonNode draft = api().get("/api/v1/advisories/" + id, ADMIN_TOKEN).json().path("draft");
        ObjectNode contradicting = (ObjectNode) draft.deepCopy();
        ((ArrayNode) contradicting.at("/vulnerabilities/0/product_status/fixed")).add("CSAFPID-1");
        MvcResult saved = mockMvc.perform(post(location + "/draft").param("document", contradicting.toString())
                .param("version", "1").with(csrf()).session(session)).andReturn();
        assertThat(saved.getFlashMap().get("notice")).isEqualTo("Draft saved.");
        String failing = mockMvc.perform(post(location + "/check").with(csrf()).session(session)).andReturn().getResponse()
                .getContentAsString();
        assertThat(failing).contains("violations-table", "6.1.6", "/vulnerabilities/0/product_status/");

        MvcResult refused = mockMvc.perform(post(location + "/publish").with(csrf()).session(session)).andReturn();
        assertThat(refused.getFlashMap().get("error").toString()).contains("6.1.6");
        assertThat(api().get("/api/v1/advisories/" + id, ADMIN_TOKEN).json().path("publishedVersion").asInt()).isZero();
    }

    private String page(String path, MockHttpSession session) throws Exception {
        MockHttpServletResponse response = mockMvc.perform(get(path).session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private static MockHttpSession session(UUID userId) {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("vigil.user", userId);
        session.setAttribute("vigil.signedInAt", Instant.now());
        return session;
    }
}
