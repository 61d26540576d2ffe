package dev.vigil.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import dev.vigil.bastion.gateway.ChannelKind;
import dev.vigil.bastion.gateway.Operator;
import dev.vigil.bastion.gateway.SessionClosed;
import dev.vigil.bastion.gateway.SessionOpened;
import dev.vigil.bastion.gateway.SessionSink;
import dev.vigil.bastion.gateway.UpstreamTarget;
import dev.vigil.bastion.recording.Recording;
import dev.vigil.bastion.transfer.FileOperation;
import dev.vigil.bastion.transfer.FileTransfer;
import dev.vigil.server.ServerTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import tools.jackson.databind.JsonNode;

/**
 * What the gateway reports of an SFTP session's files is stored with the session, listed by the API and the console
 * session page, and written to the audit ledger (a refused operation with outcome FAILURE).
 */
class SessionTransfersTest extends ServerTestBase {

    /** The port the bastion gateway reports to; the server's implementation stores and audits. */
    @Autowired
    SessionSink sessionSink;

    @Test
    void transfersOfASessionAreListedShownAndAudited() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String sessionId = UUID.randomUUID().toString();
        String path = "/srv/" + unique("upload") + ".bin";
        String sha = "5f".repeat(32);
        sessionSink.opened(new SessionOpened(sessionId, UUID.randomUUID().toString(), new Operator(UUID.randomUUID().toString(), "carrier"),
                new UpstreamTarget(UUID.randomUUID().toString(), "files-01", "127.0.0.1", 22, UUID.randomUUID().toString(), "deploy",
                        UUID.randomUUID().toString()), ChannelKind.SFTP, Optional.empty(), false, "192.0.2.9", start));
        sessionSink.transfer(sessionId, new FileTransfer(start.plusSeconds(1), FileOperation.UPLOAD, path, Optional.empty(), 4096, Optional.of(sha),
                FileTransfer.OK));
        sessionSink.transfer(sessionId, new FileTransfer(start.plusSeconds(2), FileOperation.REMOVE, "/etc/<b>passwd</b>", Optional.empty(), 0,
                Optional.empty(), "failed (SFTP status 3: Permission denied)"));
        String cast = "{\"version\":2,\"width\":80,\"height\":24}\n";
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write(cast.getBytes(StandardCharsets.UTF_8));
        }
        sessionSink.closed(sessionId, new SessionClosed(start.plusSeconds(3), 0, null, null,
                new Recording(gzip.toByteArray(), "cd".repeat(32), cast.length(), null, false)));

        JsonNode transfers = api().get("/api/v1/sessions/" + sessionId + "/transfers", ADMIN_TOKEN).json();
        assertThat(transfers.size()).isEqualTo(2);
        assertThat(transfers.get(0).path("seq").asInt()).isEqualTo(1);
        assertThat(transfers.get(0).path("operation").asString()).isEqualTo("upload");
        assertThat(transfers.get(0).path("path").asString()).isEqualTo(path);
        assertThat(transfers.get(0).path("bytes").asLong()).isEqualTo(4096);
        assertThat(transfers.get(0).path("sha256").asString()).isEqualTo(sha);
        assertThat(transfers.get(1).path("operation").asString()).isEqualTo("remove");
        assertThat(transfers.get(1).path("sha256").isNull()).isTrue();
        assertThat(api().get("/api/v1/sessions/" + sessionId, ADMIN_TOKEN).json().path("transfers").size()).isEqualTo(2);

        String audit = api().get("/api/v1/audit/records?action=access.session.transfer", ADMIN_TOKEN).body();
        assertThat(audit).contains(path).contains(sha).contains("Permission denied");

        String auditor = unique("auditor");
        UUID auditorId = api().createUser(ADMIN_TOKEN, auditor, PASSWORD, List.of("auditor"), null);
        MockHttpSession console = new MockHttpSession();
        console.setAttribute("vigil.user", auditorId);
        console.setAttribute("vigil.signedInAt", Instant.now());
        var response = mockMvc.perform(get("/bastion/sessions/" + sessionId).session(console)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        String page = response.getContentAsString();
        assertThat(page.substring(page.indexOf("id=\"transfers-table\""))).contains(path).contains(sha).contains("4096")
                .contains("/etc/&lt;b&gt;passwd&lt;/b&gt;").contains("Permission denied");
    }
}
