package dev.vigil.server;

import dev.vigil.cli.VigilCli;
import dev.vigil.server.audit.internal.AuditExportCommand;
import dev.vigil.server.detection.internal.RuleImportCommand;
import dev.vigil.server.platform.backup.BackupCommand;
import dev.vigil.server.platform.backup.RestoreCommand;
import dev.vigil.server.platform.config.ConfigCommand;
import picocli.CommandLine;

/** Entry point of the runnable jar: the offline CLI plus the commands that need the server's code. */
public final class VigilMain {

    private VigilMain() {
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = VigilCli.commandLine();
        commandLine.addSubcommand(new ServeCommand());
        commandLine.addSubcommand(new BackupCommand());
        commandLine.addSubcommand(new RestoreCommand());
        commandLine.addSubcommand(new ConfigCommand());
        commandLine.getSubcommands().get("audit").addSubcommand(new AuditExportCommand());
        commandLine.addSubcommand(new CommandLine(new RulesCommand()).addSubcommand(new RuleImportCommand()));
        return commandLine;
    }

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        if (exit != ServeCommand.KEEP_RUNNING) {
            System.exit(exit);
        }
    }

    @picocli.CommandLine.Command(name = "rules", mixinStandardHelpOptions = true,
            description = "Manage the detection rules of a running server.")
    static final class RulesCommand {
    }
}
