package dev.vigil.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root of the {@code vigil} command. Offline tools register here; the server module adds the commands that need
 * the server's code (serve, backup, restore, config) before it runs the command line.
 */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = VigilVersion.class,
        description = "Vigil: self-hosted security operations platform.",
        subcommands = {
                CommandLine.HelpCommand.class,
                // offline subcommands: one line each, keep sorted
                dev.vigil.vuln.cli.AdvisoriesCommand.class,
                dev.vigil.ledger.cli.AuditCommand.class,
                dev.vigil.detect.cli.DetectCommand.class,
                dev.vigil.detect.cli.SigmaCommand.class,
                dev.vigil.vuln.cli.CvssCommand.class,
                dev.vigil.vuln.cli.ImportCommand.class,
                dev.vigil.intel.cli.IntelCommand.class,
                dev.vigil.monitor.cli.MonitorCommand.class,
                dev.vigil.vuln.cli.SsvcCommand.class,
        })
public final class VigilCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line over the offline commands; callers may add more subcommands before executing it. */
    public static CommandLine commandLine() {
        return new CommandLine(new VigilCli());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
