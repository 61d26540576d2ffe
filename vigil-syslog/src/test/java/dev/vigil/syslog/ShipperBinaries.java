package dev.vigil.syslog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/** Where the end-to-end tests find the real syslog senders that .ci/install-shippers installs. */
final class ShipperBinaries {

    static final Path SYSLOG_NG_ROOT = Path.of("/opt/vigil-test/syslog-ng");
    private static final String INSTALL_HINT = "; run .ci/install-shippers to install it";

    private ShipperBinaries() {
    }

    /** rsyslogd from PATH, or from /usr/sbin, which a non-root PATH may lack. */
    static Path rsyslogd() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Arrays.stream(path.split(":")), Stream.of("/usr/sbin"))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, "rsyslogd"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new AssertionError("rsyslogd is not installed (looked on PATH and in /usr/sbin)"
                        + INSTALL_HINT));
    }

    static Path syslogNg() {
        Path binary = SYSLOG_NG_ROOT.resolve("usr/sbin/syslog-ng");
        if (!Files.isExecutable(binary)) {
            throw new AssertionError("syslog-ng is not unpacked at " + binary + INSTALL_HINT);
        }
        return binary;
    }
}
