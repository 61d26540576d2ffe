package dev.vigil.server.incident;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.LinkedMultiValueMap;

/** Console pages of the incident feature as the built-in administrator sees them (MockMvc with a console session). */
record ConsolePages(MockMvc mockMvc, JdbcClient jdbc) {

    private MockHttpSession admin() {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("vigil.user", jdbc.sql("SELECT id FROM app_user WHERE username = 'admin'").query(UUID.class).single());
        session.setAttribute("vigil.signedInAt", Instant.now());
        return session;
    }

    String page(String path) throws Exception {
        return mockMvc.perform(get(path).session(admin())).andReturn().getResponse().getContentAsString();
    }

    /** A form post (with the CSRF token) as the console sends it. */
    MvcResult submit(String path, Map<String, String> form) throws Exception {
        LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        form.forEach(params::add);
        return mockMvc.perform(post(path).params(params).session(admin()).with(csrf())).andReturn();
    }
}
