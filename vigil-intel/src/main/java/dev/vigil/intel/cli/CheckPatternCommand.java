package dev.vigil.intel.cli;

import dev.vigil.intel.stix.pattern.InvalidPatternException;
import dev.vigil.intel.stix.pattern.StixPatternParser;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code vigil intel check-pattern 'PATTERN'}: prints {@code valid} (exit 0) or {@code invalid: <reason>} (exit 1). */
@Command(name = "check-pattern", mixinStandardHelpOptions = true,
        description = "Check that a STIX 2.1 pattern is valid; prints 'valid' or 'invalid: <reason>'.")
public final class CheckPatternCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATTERN", description = "The pattern, e.g. \"[ipv4-addr:value = '198.51.100.1']\".")
    private String pattern;

    public CheckPatternCommand() {
        // picocli entry point
    }

    @Override
    public Integer call() {
        try {
            StixPatternParser.parse(pattern);
            spec.commandLine().getOut().println("valid");
            return 0;
        } catch (InvalidPatternException e) {
            spec.commandLine().getOut().println("invalid: " + e.getMessage());
            return 1;
        }
    }
}
