package dev.vigil.server;

import java.util.UUID;

import dev.vigil.server.support.Api;
import dev.vigil.server.support.TestDirs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The one server most tests share (Spring caches the context: keep this configuration identical and do not add
 * configuration in subclasses): embedded PostgreSQL in a fresh data folder, a random port, a bootstrap administrator
 * with a known password and API token. Tests create their own users and tenants with unique names.
 */
@SpringBootTest(classes = VigilApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vigil.http.port=0",
        "vigil.ingest.syslog-udp-port=0",
        "vigil.ingest.syslog-tcp-port=0",
        "vigil.access.ssh-port=0",
        "vigil.access.review-timeout=10s",
        "vigil.bootstrap.admin-password=" + ServerTestBase.ADMIN_PASSWORD,
        "vigil.bootstrap.api-token=" + ServerTestBase.ADMIN_TOKEN})
@AutoConfigureMockMvc
public abstract class ServerTestBase {

    public static final String ADMIN_PASSWORD = "Shared-Test-Root-Passphrase-1";
    public static final String ADMIN_TOKEN = "vgl_shared-test-bootstrap-admin-token-0123456789";
    /** A password that satisfies the policy and contains no test username. */
    public static final String PASSWORD = "Correct-Horse-Battery-9";

    @DynamicPropertySource
    static void sharedDataDir(DynamicPropertyRegistry registry) {
        registry.add("vigil.data-dir", () -> TestDirs.shared().toString());
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MockMvc mockMvc;

    @Autowired
    protected JdbcClient jdbc;

    protected Api api() {
        return new Api(port);
    }

    /** A name no other test uses (usernames, slugs: lower case). */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
