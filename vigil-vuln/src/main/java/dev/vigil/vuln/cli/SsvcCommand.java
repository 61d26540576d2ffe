package dev.vigil.vuln.cli;

import java.util.concurrent.Callable;

import dev.vigil.vuln.ssvc.InvalidSsvcValueException;
import dev.vigil.vuln.ssvc.SsvcDecision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil ssvc ...}: prints the CISA Coordinator 2.0.3 decision (Track, Track*, Attend or Act). */
@Command(name = "ssvc", mixinStandardHelpOptions = true,
        description = {"Evaluate CISA's SSVC decision tree (CISA Coordinator 2.0.3) and print Track, Track*, Attend or Act.",
                "Exit code 2 on a missing or invalid value."})
public class SsvcCommand implements Callable<Integer> {

    static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--exploitation", required = true, paramLabel = "none|poc|active",
            description = "Exploitation: none, poc (public PoC) or active")
    String exploitation;

    @Option(names = "--automatable", required = true, paramLabel = "yes|no", description = "Automatable: yes or no")
    String automatable;

    @Option(names = "--technical-impact", required = true, paramLabel = "partial|total",
            description = "Technical Impact: partial or total")
    String technicalImpact;

    @Option(names = "--mission-wellbeing", required = true, paramLabel = "low|medium|high",
            description = "Mission and Well-Being Impact: low, medium or high")
    String missionWellbeing;

    public SsvcCommand() {
    }

    @Override
    public Integer call() {
        try {
            SsvcDecision decision = SsvcDecision.parse(exploitation, automatable, technicalImpact, missionWellbeing);
            spec.commandLine().getOut().println(decision.outcome().label());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (InvalidSsvcValueException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return EXIT_USAGE;
        }
    }
}
