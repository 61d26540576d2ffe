package dev.vigil.server.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.vigil.server.VigilApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A server started in this JVM as `vigil serve` would start it, for tests that need their own data folder. */
public final class RunningServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path dataDir;

    private RunningServer(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
    }

    /** Starts on random ports (HTTP and syslog); settings are given as {@code key=value} (without "--"). */
    public static RunningServer start(Path dataDir, String... settings) {
        List<String> args = new ArrayList<>(List.of("--vigil.data-dir=" + dataDir, "--vigil.http.port=0",
                "--vigil.ingest.syslog-udp-port=0", "--vigil.ingest.syslog-tcp-port=0", "--vigil.access.ssh-port=0"));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        return new RunningServer(VigilApplication.start(args.toArray(String[]::new)), dataDir);
    }

    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public Api api() {
        return new Api(port());
    }

    public JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        context.close();
    }
}
