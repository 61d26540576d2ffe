package dev.vigil.vuln.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.vigil.vuln.advisory.Advisory;
import dev.vigil.vuln.advisory.AdvisoryFile;
import dev.vigil.vuln.advisory.AdvisoryMatch;
import dev.vigil.vuln.advisory.AdvisoryMatcher;
import dev.vigil.vuln.advisory.AdvisoryReader;
import dev.vigil.vuln.advisory.DistroRelease;
import dev.vigil.vuln.advisory.InstalledPackage;
import dev.vigil.vuln.advisory.PackageKey;
import dev.vigil.vuln.advisory.Verdict;
import dev.vigil.vuln.parse.InvalidInputException;
import dev.vigil.vuln.report.ScannerReport;
import dev.vigil.vuln.report.ScannerReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil advisories FILE... --purl P | --sbom F}: matches packages against OSV / CVE JSON 5 records offline and
 * prints one line per advisory that names a package: {@code affected}, {@code not-affected} or {@code undetermined},
 * the advisory, the package, the fixed version and why.
 */
@Command(name = "advisories", mixinStandardHelpOptions = true,
        description = {"Match packages (package URLs with versions, or a CycloneDX SBOM's components) against OSV or CVE "
                + "JSON 5 records (files, JSON arrays or zips) offline.",
                "Prints: <verdict> <advisory> <package> fixed=<version|-> <reason>; broken records go to stderr.",
                "Exit code 0 when nothing is affected, 1 when something is, 2 on unreadable input."})
public class AdvisoriesCommand implements Callable<Integer> {

    static final int EXIT_AFFECTED = 1;
    static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ADVISORY-FILE", description = "OSV or CVE JSON 5 records: .json or .zip")
    List<Path> advisoryFiles;

    @Option(names = "--purl", paramLabel = "PURL", description = "An installed package as a package URL with version")
    List<String> purls = new ArrayList<>();

    @Option(names = "--sbom", paramLabel = "FILE", description = "A CycloneDX SBOM whose components are the installed packages")
    Path sbom;

    @Option(names = "--os", paramLabel = "DISTRO", description = "The system's distribution release (debian-12, bookworm,"
            + " ubuntu-22.04, alpine-3.18, rhel-9.2) for packages that do not name theirs")
    String os;

    @Option(names = "--all", description = "Also print advisories that name a package but do not affect its version")
    boolean all;

    public AdvisoriesCommand() {
    }

    @Override
    public Integer call() {
        List<InstalledPackage> inventory = new ArrayList<>();
        List<Advisory> advisories = new ArrayList<>();
        DistroRelease distro = null;
        if (os != null) {
            distro = DistroRelease.parse(os, null).orElse(null);
            if (distro == null) {
                return usage("--os " + os + ": not a known distribution release (e.g. debian-12, bookworm, alpine-3.18)");
            }
        }
        try {
            for (String purl : purls) {
                if (PackageKey.ofPurl(purl).isEmpty() || PackageKey.versionOfPurl(purl) == null) {
                    return usage("--purl " + purl + ": not a package URL with a version (pkg:type/name@version)");
                }
                inventory.add(new InstalledPackage(null, null, purl, null, null, distro));
            }
            if (sbom != null) {
                ScannerReport report = ScannerReports.read(sbom);
                DistroRelease system = distro;
                report.inventory().components().forEach(c -> inventory.add(new InstalledPackage(c.name(), c.version(), c.purl(),
                        null, null, system)));
            }
            if (inventory.isEmpty()) {
                return usage("give the installed packages with --purl or --sbom");
            }
            for (Path file : advisoryFiles) {
                AdvisoryFile read = AdvisoryReader.read(file.toString(), Files.readAllBytes(file));
                advisories.addAll(read.advisories());
                read.skipped().stream().filter(s -> !s.rejected())
                        .forEach(s -> spec.commandLine().getErr().println("skipped: " + s.message()));
            }
        } catch (InvalidInputException e) {
            return usage(e.getMessage());
        } catch (IOException e) {
            return usage("cannot read " + e.getMessage());
        }
        boolean affected = false;
        for (AdvisoryMatch match : AdvisoryMatcher.match(advisories, inventory)) {
            Verdict verdict = match.verdict();
            affected |= verdict.status() == Verdict.Status.AFFECTED;
            if (verdict.status() == Verdict.Status.NOT_AFFECTED && !all) {
                continue;
            }
            InstalledPackage p = match.installed();
            String label = p.purl() != null && !p.purl().isBlank() ? p.purl() : p.name() + "@" + p.effectiveVersion();
            spec.commandLine().getOut().println(switch (verdict.status()) {
                case AFFECTED -> "affected";
                case NOT_AFFECTED -> "not-affected";
                case UNKNOWN -> "undetermined";
            } + " " + match.advisory().id() + " " + label + " fixed="
                    + (verdict.fixedVersion() == null ? "-" : verdict.fixedVersion()) + " " + verdict.reason());
        }
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return affected ? EXIT_AFFECTED : 0;
    }

    private int usage(String message) {
        spec.commandLine().getErr().println("error: " + message);
        spec.commandLine().getErr().flush();
        return EXIT_USAGE;
    }
}
