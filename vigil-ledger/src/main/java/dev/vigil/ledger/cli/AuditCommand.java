package dev.vigil.ledger.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vigil audit}: tools for the tamper-evident audit log. The server module adds {@code export} with
 * {@code CommandLine.addSubcommand}; {@code verify} works offline on an export directory.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Work with the tamper-evident audit log.",
        subcommands = AuditVerifyCommand.class)
public final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    public AuditCommand() {
        // picocli instantiates commands reflectively
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
