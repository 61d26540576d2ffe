package dev.vigil.server.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.vigil.server.ServerTestBase;
import dev.vigil.vuln.cli.ImportCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** {@code vigil import FILE --server URL --token T} against the running test server. */
class ImportCommandUploadTest extends ServerTestBase {

    @TempDir
    Path temp;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new ImportCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exit = command.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void uploadsAReportAndAReimportUpdatesInsteadOfDuplicating() throws Exception {
        String tenant = unique("cli");
        api().createTenant(ADMIN_TOKEN, tenant);
        Path report = Files.writeString(temp.resolve("scan.nessus"), FindingLifecycleTest.nessus("cli-host.example.test", "20007"));
        Run first = run(report.toString(), "--server", api().base(), "--token", ADMIN_TOKEN, "--tenant", tenant);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("findings: 1" + System.lineSeparator()).contains("created: 1");
        Run second = run(report.toString(), "--server", api().base(), "--token", ADMIN_TOKEN, "--tenant", tenant);
        assertThat(second.out()).contains("created: 0, updated: 1");
        JsonNode findings = api().get("/api/v1/vuln/findings?tenant=" + tenant, ADMIN_TOKEN).json();
        assertThat(findings.size()).isEqualTo(1);
        assertThat(findings.get(0).path("assetName").asString()).isEqualTo("cli-host.example.test");
    }

    @Test
    void refusalsOfTheServerExitTwoWithItsReason() throws Exception {
        Path report = Files.writeString(temp.resolve("scan.nessus"), FindingLifecycleTest.nessus("cli-host.example.test", "20008"));
        Run badToken = run(report.toString(), "--server", api().base(), "--token", "vgl_not-a-token");
        assertThat(badToken.exit()).isEqualTo(2);
        assertThat(badToken.err()).startsWith("error: server refused the import (401)");
        Run unknownTenant = run(report.toString(), "--server", api().base(), "--token", ADMIN_TOKEN, "--tenant",
                unique("nope"));
        assertThat(unknownTenant.exit()).isEqualTo(2);
        assertThat(unknownTenant.err()).contains("(400)", "no tenant");
    }
}
