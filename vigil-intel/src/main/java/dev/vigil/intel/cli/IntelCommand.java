package dev.vigil.intel.cli;

import picocli.CommandLine.Command;

/** {@code vigil intel}: offline threat-intelligence tools. */
@Command(name = "intel", mixinStandardHelpOptions = true,
        description = "Offline threat-intelligence tools: indicator matching, STIX pattern checks and evaluation.",
        subcommands = {IntelMatchCommand.class, CheckPatternCommand.class, EvalPatternCommand.class})
public final class IntelCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    public IntelCommand() {
        // picocli instantiates subcommands; the root needs a public no-arg constructor for the CLI wiring.
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: match, check-pattern or eval-pattern");
    }
}
