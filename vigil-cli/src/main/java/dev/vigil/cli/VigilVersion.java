package dev.vigil.cli;

import picocli.CommandLine;

/** Reports the version recorded in the jar manifest (or "development" when run from classes). */
public final class VigilVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VigilVersion.class.getPackage().getImplementationVersion();
        return new String[] {"vigil " + (version == null ? "development" : version)};
    }
}
