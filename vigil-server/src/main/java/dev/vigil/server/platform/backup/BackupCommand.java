package dev.vigil.server.platform.backup;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vigil backup --to DIR}. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy everything Vigil keeps (database, keys, registered files) into an empty folder; the server may be running.")
public final class BackupCommand implements Callable<Integer> {

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "Empty or new folder to write the backup into.")
    Path target;

    @Mixin
    DataFolderOptions instance = new DataFolderOptions();

    @Override
    public Integer call() {
        try {
            System.out.println(Backup.run(instance.settings(), target.toAbsolutePath()));
            return 0;
        } catch (Exception e) {
            System.err.println("vigil backup: " + e.getMessage());
            return 1;
        }
    }
}
