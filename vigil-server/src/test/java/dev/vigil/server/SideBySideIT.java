package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.platform.database.EmbeddedPostgresServer;
import dev.vigil.server.support.RunningServer;
import dev.vigil.server.support.TestDirs;
import org.junit.jupiter.api.Test;

/** Two instances with their own data folders and ports run at once, each with its own embedded database. */
class SideBySideIT {

    private static final String TOKEN = "vgl_side-by-side-token-0123456789abc";

    @Test
    void twoInstancesRunSideBySide() {
        try (RunningServer first = RunningServer.start(TestDirs.fresh("first"), "vigil.bootstrap.api-token=" + TOKEN);
                RunningServer second = RunningServer.start(TestDirs.fresh("second"), "vigil.bootstrap.api-token=" + TOKEN)) {
            assertThat(first.port()).isNotEqualTo(second.port());
            assertThat(first.bean(EmbeddedPostgresServer.class).port()).isNotEqualTo(second.bean(EmbeddedPostgresServer.class).port());
            assertThat(first.api().get("/readyz", null).status()).isEqualTo(200);
            assertThat(second.api().get("/readyz", null).status()).isEqualTo(200);

            first.api().createTenant(TOKEN, "only-in-first");
            assertThat(first.api().get("/api/v1/tenants", TOKEN).json().findValuesAsString("slug")).containsExactly("only-in-first");
            assertThat(second.api().get("/api/v1/tenants", TOKEN).json().size()).isZero();
            assertThat(first.dataDir().resolve("initial-admin-password")).isRegularFile();
            assertThat(second.dataDir().resolve("initial-admin-password")).isRegularFile();
            assertThat(first.api().get("/healthz", null).status()).isEqualTo(200);
        }
    }
}
