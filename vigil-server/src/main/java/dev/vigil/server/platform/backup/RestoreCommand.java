package dev.vigil.server.platform.backup;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code vigil restore DIR}. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a backup into an empty data folder (and empty database); then start the server on it.")
public final class RestoreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder written by vigil backup.")
    Path source;

    @Mixin
    DataFolderOptions instance = new DataFolderOptions();

    @Override
    public Integer call() {
        try {
            System.out.println(Restore.run(instance.settings(), source.toAbsolutePath()));
            return 0;
        } catch (Exception e) {
            System.err.println("vigil restore: " + e.getMessage());
            return 1;
        }
    }
}
