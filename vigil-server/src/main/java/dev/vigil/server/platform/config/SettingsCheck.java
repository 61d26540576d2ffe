package dev.vigil.server.platform.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** Checks that span several keys, which bean validation of single values cannot express. */
@Component
class SettingsCheck implements InitializingBean {

    private final VigilProperties properties;

    SettingsCheck(VigilProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        VigilProperties.Security security = properties.security();
        if (security.sessionIdleTimeout().isNegative() || security.sessionIdleTimeout().isZero()) {
            throw new InvalidSettingException("vigil.security.session-idle-timeout", "must be positive");
        }
        if (security.sessionAbsoluteTimeout().compareTo(security.sessionIdleTimeout()) < 0) {
            throw new InvalidSettingException("vigil.security.session-absolute-timeout",
                    "must not be shorter than vigil.security.session-idle-timeout");
        }
        if (security.lockoutBase().isNegative() || security.lockoutMax().compareTo(security.lockoutBase()) < 0) {
            throw new InvalidSettingException("vigil.security.lockout-max", "must be at least vigil.security.lockout-base");
        }
        Duration review = properties.access().reviewTimeout();
        if (review.compareTo(Duration.ofSeconds(5)) < 0 || review.compareTo(Duration.ofHours(24)) > 0) {
            throw new InvalidSettingException("vigil.access.review-timeout", "must be between 5s and 24h");
        }
        Duration retry = properties.access().rotationRetry();
        if (retry.compareTo(Duration.ofMinutes(1)) < 0 || retry.compareTo(Duration.ofHours(24)) > 0) {
            throw new InvalidSettingException("vigil.access.rotation-retry", "must be between 1m and 24h");
        }
        Duration kexKeyAge = properties.access().kexKeyMaxAge();
        if (kexKeyAge.compareTo(Duration.ofSeconds(1)) < 0 || kexKeyAge.compareTo(Duration.ofHours(1)) > 0) {
            throw new InvalidSettingException("vigil.access.kex-key-max-age", "must be between 1s and 1h");
        }
        checkIngest(properties.ingest());
        checkEvents(properties.events());
        if (properties.resolvedDataDir().toFile().exists() && !properties.resolvedDataDir().toFile().isDirectory()) {
            throw new InvalidSettingException("vigil.data-dir", properties.resolvedDataDir() + " exists and is not a folder");
        }
    }

    private static void checkIngest(VigilProperties.Ingest ingest) {
        boolean certificate = !ingest.syslogTlsCertificate().isBlank();
        boolean key = !ingest.syslogTlsPrivateKey().isBlank();
        if (certificate != key) {
            throw new InvalidSettingException(certificate ? "vigil.ingest.syslog-tls-private-key" : "vigil.ingest.syslog-tls-certificate",
                    "the syslog TLS listener needs both a certificate and a private key");
        }
        for (String[] file : new String[][] {{"vigil.ingest.syslog-tls-certificate", ingest.syslogTlsCertificate()},
                {"vigil.ingest.syslog-tls-private-key", ingest.syslogTlsPrivateKey()}}) {
            if (!file[1].isBlank() && !Files.isReadable(Path.of(file[1]))) {
                throw new InvalidSettingException(file[0], file[1] + " is not a readable file");
            }
        }
        if (ingest.syslogMaxMessage().toBytes() < 480 || ingest.syslogMaxMessage().toMegabytes() > 16) {
            throw new InvalidSettingException("vigil.ingest.syslog-max-message", "must be between 480B and 16MB");
        }
        if (ingest.spoolSegmentSize().toMegabytes() < 1) {
            throw new InvalidSettingException("vigil.ingest.spool-segment-size", "must be at least 1MB");
        }
        if (ingest.spoolHighWaterMark().toBytes() < ingest.spoolSegmentSize().toBytes()) {
            throw new InvalidSettingException("vigil.ingest.spool-high-water-mark", "must be at least vigil.ingest.spool-segment-size");
        }
        if (ingest.maxDecompressedBody().toBytes() < ingest.maxRequestBody().toBytes()) {
            throw new InvalidSettingException("vigil.ingest.max-decompressed-body", "must be at least vigil.ingest.max-request-body");
        }
        positive("vigil.ingest.silent-after", ingest.silentAfter());
    }

    private static void checkEvents(VigilProperties.Events events) {
        positive("vigil.events.retention", events.retention());
        positive("vigil.events.refresh-interval", events.refreshInterval());
        positive("vigil.events.commit-interval", events.commitInterval());
        try {
            ZoneId.of(events.timeZone());
        } catch (DateTimeException e) {
            throw new InvalidSettingException("vigil.events.time-zone", "'" + events.timeZone() + "' is not a time zone (e.g. UTC, Europe/Berlin)");
        }
    }

    private static void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new InvalidSettingException(key, "must be positive");
        }
    }
}
