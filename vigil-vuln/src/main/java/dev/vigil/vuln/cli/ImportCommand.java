package dev.vigil.vuln.cli;

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
 * {@code vigil import FILE [--server URL --token T] [--dry-run]}: detects the scanner format and parses the report.
 * Only {@code --dry-run} is available in this version; uploading needs a server endpoint that does not exist yet.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a scanner report (Trivy/Grype JSON, SARIF, Nessus XML/CSV, Greenbone XML/CSV, "
                + "CycloneDX JSON/XML); the format is detected from the content.",
                "With --dry-run, parse only and print 'findings: N'. Exit code 2 when the file cannot be imported."})
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

    public ImportCommand() {
    }

    @Override
    public Integer call() {
        if (!dryRun) {
            return fail("uploading to a server is not available in this version; use --dry-run");
        }
        try {
            ScannerReport report = ScannerReports.read(file);
            spec.commandLine().getOut().println("findings: " + report.findings().size());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (InvalidInputException e) {
            return fail(e.getMessage());
        }
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("error: " + message);
        spec.commandLine().getErr().flush();
        return EXIT_FAILED;
    }
}
