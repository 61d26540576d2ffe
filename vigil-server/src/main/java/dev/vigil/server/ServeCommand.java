package dev.vigil.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.vigil.server.platform.config.ConfigFile;
import dev.vigil.server.platform.config.InvalidSettingException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil serve}: starts the server. Every flag is also a configuration key (see {@code vigil config}); flags win
 * over environment variables, which win over the YAML file.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the Vigil server (embedded PostgreSQL under the data folder unless a database URL is set).")
final class ServeCommand implements Callable<Integer> {

    /** Tells {@link VigilMain} not to exit: the server's threads keep the JVM alive until SIGTERM. */
    static final int KEEP_RUNNING = Integer.MIN_VALUE;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (also VIGIL_CONFIG).")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder (vigil.data-dir, VIGIL_DATA_DIR; default ./data).")
    Path dataDir;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (vigil.http.port, VIGIL_HTTP_PORT; default 8080).")
    String port;

    @Option(names = "--address", paramLabel = "ADDR", description = "HTTP bind address (vigil.http.address, VIGIL_HTTP_ADDRESS; default 127.0.0.1).")
    String address;

    @Option(names = "--database-url", paramLabel = "JDBC_URL",
            description = "External PostgreSQL, e.g. jdbc:postgresql://host:5432/vigil (vigil.database.url, VIGIL_DATABASE_URL).")
    String databaseUrl;

    @Option(names = "--log-format", paramLabel = "text|json", description = "Log format on stdout (vigil.log.format, VIGIL_LOG_FORMAT; default text).")
    String logFormat;

    @Option(names = "--syslog-port", paramLabel = "N",
            description = "Syslog port for UDP and TCP (vigil.ingest.syslog-udp-port and -tcp-port; default 5514; -1 turns both off).")
    String syslogPort;

    @Option(names = "--syslog-tls-port", paramLabel = "N",
            description = "Syslog over TLS port (vigil.ingest.syslog-tls-port; default 6514, only with a certificate).")
    String syslogTlsPort;

    @Option(names = "--syslog-address", paramLabel = "ADDR", description = "Syslog bind address (vigil.ingest.syslog-address; default 127.0.0.1).")
    String syslogAddress;

    @Option(names = "--ssh-port", paramLabel = "N",
            description = "Port of the bastion's SSH gateway (vigil.access.ssh-port, VIGIL_ACCESS_SSH_PORT; default 2222; 0 any free port; -1 off).")
    String sshPort;

    @Override
    public Integer call() {
        List<String> args;
        try {
            args = new ArrayList<>(ConfigFile.springArguments(config));
        } catch (InvalidSettingException e) {
            System.err.println("vigil serve: " + e.getMessage());
            return 2;
        }
        if (dataDir != null) {
            args.add("--vigil.data-dir=" + dataDir);
        }
        if (port != null) {
            args.add("--vigil.http.port=" + port);
        }
        if (address != null) {
            args.add("--vigil.http.address=" + address);
        }
        if (databaseUrl != null) {
            args.add("--vigil.database.url=" + databaseUrl);
        }
        if (syslogPort != null) {
            args.add("--vigil.ingest.syslog-udp-port=" + syslogPort);
            args.add("--vigil.ingest.syslog-tcp-port=" + syslogPort);
        }
        if (syslogTlsPort != null) {
            args.add("--vigil.ingest.syslog-tls-port=" + syslogTlsPort);
        }
        if (syslogAddress != null) {
            args.add("--vigil.ingest.syslog-address=" + syslogAddress);
        }
        if (sshPort != null) {
            args.add("--vigil.access.ssh-port=" + sshPort);
        }
        if (logFormat != null) {
            args.add("--vigil.log.format=" + logFormat);
        }
        try {
            VigilApplication.start(args.toArray(String[]::new));
            return KEEP_RUNNING;
        } catch (RuntimeException startupFailure) {
            // Spring's failure analysers have already printed the reason, naming the configuration key.
            return 1;
        }
    }
}
