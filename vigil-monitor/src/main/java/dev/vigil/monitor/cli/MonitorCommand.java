package dev.vigil.monitor.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vigil monitor}: offline tools for monitoring rules. */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Work with monitoring (alerting and recording) rules offline.",
        subcommands = MonitorTestCommand.class)
public final class MonitorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    public MonitorCommand() {
        // picocli instantiates commands reflectively
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
