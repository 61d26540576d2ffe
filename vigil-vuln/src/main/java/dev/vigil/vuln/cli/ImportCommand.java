package dev.vigil.vuln.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.vigil.vuln.parse.InvalidInputException;
import dev.vigil.vuln.report.ScannerReport;
import dev.vigil.vuln.report.ScannerReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil import FILE [--server URL --token T] [--dry-run]}: detects the scanner format and parses the report; with
 * {@code --dry-run} it prints the finding count, otherwise it uploads the report to the server's import API and prints
 * what the server made of it. A report that does not parse is never sent.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a scanner report (Trivy/Grype JSON, SARIF, Nessus XML/CSV, Greenbone XML/CSV, "
                + "CycloneDX JSON/XML); the format is detected from the content.",
                "With --dry-run, parse only and print 'findings: N'; otherwise upload to --server with --token.",
                "Exit code 2 when the file cannot be imported."})
public class ImportCommand implements Callable<Integer> {

    static final int EXIT_FAILED = 2;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the scanner report file")
    Path file;

    @Option(names = "--server", paramLabel = "URL", description = "Vigil server to upload to")
    String server;

    @Option(names = "--token", paramLabel = "T", description = "API token for the server")
    String token;

    @Option(names = "--dry-run", description = "only parse the report and print the number of findings")
    boolean dryRun;

    @Option(names = "--tenant", paramLabel = "SLUG", description = "tenant the scanned assets belong to (default: platform)")
    String tenant;

    @Option(names = "--asset", paramLabel = "NAME",
            description = "asset for findings whose report does not name the scanned system (SARIF, some SBOMs)")
    String asset;

    @Option(names = "--scope", paramLabel = "S",
            description = "narrows which earlier findings of the same scanner a reimport may close")
    String scope;

    public ImportCommand() {
    }

    @Override
    public Integer call() {
        if (!dryRun && (server == null || token == null)) {
            return fail("give --server URL and --token T to upload, or --dry-run to only parse");
        }
        ScannerReport report;
        try {
            report = ScannerReports.read(file);
        } catch (InvalidInputException e) {
            return fail(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            out.println("findings: " + report.findings().size());
            out.flush();
            return 0;
        }
        try {
            ReportUpload.Result result = ReportUpload.send(server, token, file.getFileName().toString(),
                    Files.readAllBytes(file), tenant, asset, scope);
            if (!result.ok()) {
                return fail(result.error());
            }
            out.println("findings: " + result.body().path("findings").asInt());
            out.println("created: " + result.body().path("created").asInt() + ", updated: "
                    + result.body().path("updated").asInt() + ", reopened: " + result.body().path("reopened").asInt()
                    + ", closed: " + result.body().path("closed").asInt());
            out.flush();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            return fail("cannot upload to " + server + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while uploading");
        }
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("error: " + message);
        spec.commandLine().getErr().flush();
        return EXIT_FAILED;
    }
}
