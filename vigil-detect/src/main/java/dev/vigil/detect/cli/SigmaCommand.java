package dev.vigil.detect.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vigil sigma}: tools for Sigma rule files. */
@Command(name = "sigma", mixinStandardHelpOptions = true, description = "Work with Sigma rule files.",
        subcommands = SigmaCheckCommand.class)
public final class SigmaCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
