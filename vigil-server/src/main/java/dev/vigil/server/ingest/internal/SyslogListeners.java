package dev.vigil.server.ingest.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.vigil.server.ingest.InputView;
import dev.vigil.server.platform.config.InvalidSettingException;
import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.spool.SpoolFullException;
import dev.vigil.syslog.PemSslContexts;
import dev.vigil.syslog.SyslogCounters;
import dev.vigil.syslog.SyslogPorts;
import dev.vigil.syslog.SyslogReceiver;
import dev.vigil.syslog.SyslogServer;
import dev.vigil.syslog.SyslogSettings;
import dev.vigil.syslog.TlsSettings;
import dev.vigil.syslog.TransportCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The syslog listeners (UDP, TCP, TLS) of {@code vigil serve}. Each sender is matched to the most specific syslog
 * input by its address; messages from senders no enabled input claims are counted and not kept.
 */
@Component
public class SyslogListeners implements SmartLifecycle, SyslogReceiver {

    private static final Logger log = LoggerFactory.getLogger(SyslogListeners.class);

    private final VigilProperties.Ingest settings;
    private final InputDirectory inputs;
    private final EventAcceptor acceptor;
    private final InputCounters counters;
    private final MeterRegistry meters;
    private SyslogServer server;
    private volatile SyslogPorts ports = new SyslogPorts(SyslogSettings.OFF, SyslogSettings.OFF, SyslogSettings.OFF);

    SyslogListeners(VigilProperties properties, InputDirectory inputs, EventAcceptor acceptor, InputCounters counters,
            MeterRegistry meters) {
        this.settings = properties.ingest();
        this.inputs = inputs;
        this.acceptor = acceptor;
        this.counters = counters;
        this.meters = meters;
    }

    @Override
    public void receive(InetSocketAddress sender, Transport transport, List<byte[]> messages) {
        Optional<InputView> input = inputs.syslogInputFor(sender.getAddress());
        if (input.isEmpty()) {
            counters.unmatchedSyslog(messages.size());
            return;
        }
        try {
            acceptor.accept(input.get(), messages, sender.getAddress().getHostAddress() + ":" + sender.getPort());
        } catch (SpoolFullException e) {
            if (transport == Transport.UDP) {
                counters.dropped(input.get().id(), messages.size());
            }
            throw e;
        }
    }

    @Override
    public boolean overHighWaterMark() {
        return acceptor.overHighWaterMark();
    }

    /** The bound ports ({@value SyslogSettings#OFF} for a listener that is off). */
    public SyslogPorts ports() {
        return ports;
    }

    public SyslogCounters syslogCounters() {
        return server == null ? null : server.counters();
    }

    @Override
    public void start() {
        SyslogSettings syslog = syslogSettings();
        server = new SyslogServer(syslog, this);
        try {
            ports = server.start();
        } catch (IOException e) {
            server = null;
            throw new InvalidSettingException("vigil.ingest.syslog-tcp-port", "the syslog listeners cannot bind "
                    + settings.syslogAddress() + " UDP " + settings.syslogUdpPort() + ", TCP " + settings.syslogTcpPort()
                    + ", TLS " + syslog.tlsPort() + " (" + e.getMessage()
                    + "); choose free ports with vigil.ingest.syslog-udp-port, -tcp-port and -tls-port (-1 turns one off)");
        }
        registerMeters();
        log.info("syslog listening on {}: UDP {}, TCP {}, TLS {}", settings.syslogAddress(), describe(ports.udp()),
                describe(ports.tcp()), describe(ports.tls()));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** Starts after the event pipeline (phase 100), stops before it. */
    @Override
    public int getPhase() {
        return 200;
    }

    private SyslogSettings syslogSettings() {
        InetAddress address;
        try {
            address = InetAddress.getByName(settings.syslogAddress());
        } catch (UnknownHostException e) {
            throw new InvalidSettingException("vigil.ingest.syslog-address", "'" + settings.syslogAddress() + "' is not an address");
        }
        SyslogSettings syslog = SyslogSettings.defaults().withBindAddress(address).withUdpPort(settings.syslogUdpPort())
                .withTcpPort(settings.syslogTcpPort()).withMaxMessageBytes((int) settings.syslogMaxMessage().toBytes());
        if (settings.tlsConfigured() && settings.syslogTlsPort() != SyslogSettings.OFF) {
            try {
                syslog = syslog.withTls(settings.syslogTlsPort(), new TlsSettings(PemSslContexts.serverContext(
                        Path.of(settings.syslogTlsCertificate()), Path.of(settings.syslogTlsPrivateKey())), false));
            } catch (IOException | RuntimeException e) {
                throw new InvalidSettingException("vigil.ingest.syslog-tls-certificate", "the TLS certificate or key cannot be used: "
                        + e.getMessage());
            }
        }
        return syslog;
    }

    private void registerMeters() {
        for (Transport transport : Transport.values()) {
            String name = transport.name().toLowerCase(java.util.Locale.ROOT);
            FunctionCounter.builder("vigil.syslog.received", this, s -> count(s, transport).received())
                    .tag("transport", name).description("Syslog messages accepted").register(meters);
            FunctionCounter.builder("vigil.syslog.dropped", this, s -> count(s, transport).dropped())
                    .tag("transport", name).description("Syslog messages read but not accepted (UDP while Vigil is behind)").register(meters);
            FunctionCounter.builder("vigil.syslog.framing.errors", this, s -> count(s, transport).framingErrors())
                    .tag("transport", name).description("Oversized, cut off or badly counted syslog frames").register(meters);
        }
        FunctionCounter.builder("vigil.syslog.unmatched", counters, InputCounters::unmatchedSyslog)
                .description("Syslog messages from senders no enabled syslog input claims").register(meters);
    }

    private static TransportCounters count(SyslogListeners listeners, Transport transport) {
        SyslogCounters all = listeners.syslogCounters();
        if (all == null) {
            return new TransportCounters(0, 0, 0, 0, 0, 0, 0);
        }
        return switch (transport) {
            case UDP -> all.udp();
            case TCP -> all.tcp();
            case TLS -> all.tls();
        };
    }

    private static String describe(int port) {
        return port == SyslogSettings.OFF ? "off" : String.valueOf(port);
    }
}
