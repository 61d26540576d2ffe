package dev.vigil.server.platform.config;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vigil config}: the configuration reference. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print every configuration key with its environment variable, flag, default and meaning.")
public final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Configuration: a YAML file (--config FILE or VIGIL_CONFIG), environment variables and flags of `vigil serve`.");
        out.println("Precedence: flag > environment variable > YAML file > default. Invalid values stop the server naming the key.");
        out.println();
        for (ConfigReference.Key key : ConfigReference.KEYS) {
            out.printf("%s%n    env %s%s, default %s%n    %s%n", key.name(), key.environmentVariable(),
                    key.flag() == null ? "" : ", flag " + key.flag(), key.defaultValue(), key.description());
        }
        out.flush();
    }
}
