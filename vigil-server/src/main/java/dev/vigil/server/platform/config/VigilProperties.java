package dev.vigil.server.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the server under the {@code vigil} prefix. Each key can be given in the YAML file, as an environment
 * variable (upper case, dots and dashes as underscores: {@code vigil.http.port} is {@code VIGIL_HTTP_PORT}) or as a
 * flag of {@code vigil serve}. Values are validated at start; a bad one stops the server naming the key.
 * The reference with descriptions is {@code vigil config} and docs/configuration.md.
 */
@ConfigurationProperties("vigil")
@Validated
public record VigilProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @Valid @NotNull @DefaultValue Http http,
        @Valid @NotNull @DefaultValue Database database,
        @Valid @NotNull @DefaultValue Security security,
        @Valid @NotNull @DefaultValue Bootstrap bootstrap,
        @Valid @NotNull @DefaultValue Log log,
        @Valid @NotNull @DefaultValue Audit audit,
        @Valid @NotNull @DefaultValue Ingest ingest,
        @Valid @NotNull @DefaultValue Events events,
        @Valid @NotNull @DefaultValue Detection detection,
        @Valid @NotNull @DefaultValue Asset asset,
        @Valid @NotNull @DefaultValue Vuln vuln,
        @Valid @NotNull @DefaultValue Incident incident,
        @Valid @NotNull @DefaultValue Access access,
        @Valid @NotNull @DefaultValue Alerting alerting,
        @Valid @NotNull @DefaultValue Advisory advisory,
        @Valid @NotNull @DefaultValue Monitoring monitoring) {

    public record Http(
            @NotBlank @DefaultValue("127.0.0.1") String address,
            @Min(value = 0, message = "must be a TCP port 0-65535 (0 picks a free port)")
            @Max(value = 65535, message = "must be a TCP port 0-65535 (0 picks a free port)")
            @DefaultValue("8080") int port,
            @NotNull @DefaultValue("1MB") DataSize maxRequestBody,
            @DefaultValue("false") boolean secureCookies,
            @Pattern(regexp = "^$|^https?://[^\\s]+$", message = "must be empty or an http(s) URL")
            @NotNull @DefaultValue("") String publicUrl) {

        /** The URL people reach the console at (for links in notifications): the setting, else this server's address. */
        public String baseUrl(int actualPort) {
            if (!publicUrl.isBlank()) {
                return publicUrl.replaceAll("/+$", "");
            }
            String host = address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1" : address;
            return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + actualPort;
        }
    }

    public record Database(
            @Pattern(regexp = "^$|^jdbc:postgresql://.+", message = "must be empty (embedded PostgreSQL) or a jdbc:postgresql:// URL")
            @DefaultValue("") String url,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @Min(2) @Max(200) @DefaultValue("10") int poolSize) {

        public boolean embedded() {
            return url.isBlank();
        }
    }

    public record Security(
            @NotNull @DefaultValue("30m") Duration sessionIdleTimeout,
            @NotNull @DefaultValue("8h") Duration sessionAbsoluteTimeout,
            @Min(1) @Max(100) @DefaultValue("5") int lockoutThreshold,
            @NotNull @DefaultValue("1m") Duration lockoutBase,
            @NotNull @DefaultValue("1h") Duration lockoutMax,
            @Min(8) @Max(128) @DefaultValue("8") int passwordMinLength,
            @NotNull @DefaultValue({"admin", "incident-commander", "operator", "approver", "auditor"}) List<String> totpRequiredRoles,
            @NotNull @DefaultValue("72h") Duration totpEnrolmentGrace,
            @NotNull @DefaultValue("365d") Duration apiTokenMaxLifetime) {
    }

    public record Bootstrap(
            @DefaultValue("") String adminPassword,
            @DefaultValue("") String apiToken) {
    }

    public record Log(
            @Pattern(regexp = "text|json", message = "must be text or json") @DefaultValue("text") String format) {
    }

    public record Audit(
            @NotBlank @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable ASCII without spaces") @DefaultValue("vigil-audit") String origin,
            @NotNull @DefaultValue("10s") Duration checkpointInterval,
            @DefaultValue("") String publishDir,
            @Pattern(regexp = "^$|^https?://.+", message = "must be empty or an http(s):// URL") @DefaultValue("") String publishUrl) {
    }

    public record Ingest(
            @NotBlank @DefaultValue("127.0.0.1") String syslogAddress,
            @Min(value = -1, message = "must be a UDP port 0-65535, or -1 to turn the listener off")
            @Max(value = 65535, message = "must be a UDP port 0-65535, or -1 to turn the listener off")
            @DefaultValue("5514") int syslogUdpPort,
            @Min(value = -1, message = "must be a TCP port 0-65535, or -1 to turn the listener off")
            @Max(value = 65535, message = "must be a TCP port 0-65535, or -1 to turn the listener off")
            @DefaultValue("5514") int syslogTcpPort,
            @Min(value = -1, message = "must be a TCP port 0-65535, or -1 to turn the listener off")
            @Max(value = 65535, message = "must be a TCP port 0-65535, or -1 to turn the listener off")
            @DefaultValue("6514") int syslogTlsPort,
            @DefaultValue("") String syslogTlsCertificate,
            @DefaultValue("") String syslogTlsPrivateKey,
            @NotNull @DefaultValue("64KB") DataSize syslogMaxMessage,
            @NotNull @DefaultValue("32MB") DataSize maxRequestBody,
            @NotNull @DefaultValue("256MB") DataSize maxDecompressedBody,
            @NotNull @DefaultValue("1GB") DataSize spoolHighWaterMark,
            @NotNull @DefaultValue("64MB") DataSize spoolSegmentSize,
            @NotNull @DefaultValue("15m") Duration silentAfter) {

        public boolean tlsConfigured() {
            return !syslogTlsCertificate.isBlank();
        }
    }

    public record Events(
            @NotNull @DefaultValue("30d") Duration retention,
            @NotNull @DefaultValue("100GB") DataSize retentionMaxSize,
            @NotNull @DefaultValue("1s") Duration refreshInterval,
            @NotNull @DefaultValue("5s") Duration commitInterval,
            @NotNull @DefaultValue("UTC") String timeZone) {
    }

    public record Detection(
            @NotNull @DefaultValue("") String mappingDir,
            @NotNull @DefaultValue("10m") Duration dedupWindow,
            @NotNull @DefaultValue({"host.name", "user.name", "source.ip", "destination.ip"}) List<String> dedupFields,
            @NotNull @DefaultValue("64MB") DataSize maxImportSize,
            @Min(value = 1000, message = "must be at least 1000") @DefaultValue("1000000") int retroHuntMaxEvents,
            @Min(value = 100, message = "must be at least 100") @DefaultValue("100000") int maxCorrelationGroups,
            @Min(value = 0, message = "must be 0 (off) or more") @Max(value = 400, message = "must be at most 400")
            @DefaultValue("7") int intelRetroHuntDays) {
    }

    public record Asset(
            @NotNull @DefaultValue("30d") Duration scanStaleAfter,
            @NotNull @DefaultValue("24h") Duration logWindow) {
    }

    /** Security advisories (CSAF 2.0): who publishes them and how their tracking ids start. */
    public record Advisory(
            @NotBlank @DefaultValue("Vigil") String publisherName,
            @Pattern(regexp = "^$|^https?://[^\\s]+$", message = "must be empty or an http(s) URL")
            @NotNull @DefaultValue("") String publisherNamespace,
            @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9+-]{0,30}$", message = "must be 1-31 letters, digits, + or -")
            @NotNull @DefaultValue("VIGIL-SA") String trackingPrefix) {
    }

    public record Vuln(
            @NotNull @DefaultValue("64MB") DataSize maxImportSize,
            @NotNull @DefaultValue("7d") Duration slaCritical,
            @NotNull @DefaultValue("30d") Duration slaHigh,
            @NotNull @DefaultValue("90d") Duration slaMedium,
            @NotNull @DefaultValue("180d") Duration slaLow) {
    }

    /**
     * Incident response. Levels run I (most severe, P1) to IV; each list of durations names the SLA of levels I, II,
     * III and IV in that order. The grading score is the weighted sum of impact scope, asset criticality and data
     * sensitivity (each 1-4) plus the ongoing weight when the incident is still going on.
     */
    public record Incident(
            @NotNull @Size(min = 4, max = 4, message = "must name the levels I, II, III and IV") @DefaultValue({"15m", "30m", "2h", "8h"}) List<Duration> slaAcknowledge,
            @NotNull @Size(min = 4, max = 4, message = "must name the levels I, II, III and IV") @DefaultValue({"4h", "12h", "48h", "7d"}) List<Duration> slaContain,
            @NotNull @Size(min = 4, max = 4, message = "must name the levels I, II, III and IV") @DefaultValue({"24h", "72h", "14d", "30d"}) List<Duration> slaResolve,
            @NotNull @Size(min = 3, max = 3, message = "must name the weights of impact scope, asset criticality and data sensitivity") @DefaultValue({"1", "1", "1"}) List<Integer> gradingWeights,
            @Min(value = 0, message = "must be at least 0") @DefaultValue("2") int gradingOngoingWeight,
            @NotNull @Size(min = 3, max = 3, message = "must name the lowest scores of levels I, II and III") @DefaultValue({"11", "8", "6"}) List<Integer> gradingThresholds,
            @NotNull @DefaultValue("24h") Duration suggestionWindow,
            @NotNull @DefaultValue("20MB") DataSize maxAttachmentSize,
            @NotNull @DefaultValue("") String autoOpen) {
    }

    public record Access(
            @NotBlank @DefaultValue("127.0.0.1") String sshAddress,
            @Min(value = -1, message = "must be a TCP port 0-65535, or -1 to turn the SSH gateway off")
            @Max(value = 65535, message = "must be a TCP port 0-65535, or -1 to turn the SSH gateway off")
            @DefaultValue("2222") int sshPort,
            @DefaultValue("") String vaultKeyFile,
            @DefaultValue("") String vaultKey,
            @NotNull @DefaultValue("64MB") DataSize maxRecordingSize,
            @NotNull @DefaultValue("15s") Duration upstreamTimeout,
            @NotNull @DefaultValue("1s") Duration revocationCheck,
            @Min(value = 1, message = "must be 1 to 5") @Max(value = 5, message = "must be 1 to 5") @DefaultValue("1") int requestApprovals,
            @NotNull @DefaultValue("5m") Duration reviewTimeout,
            @NotNull @DefaultValue("15m") Duration rotationRetry,
            @Min(value = 0, message = "must be 0 to 16") @Max(value = 16, message = "must be 0 to 16") @DefaultValue("4") int kexKeyPoolSize,
            @NotNull @DefaultValue("5m") Duration kexKeyMaxAge) {
    }

    /** Alerting: the mail relay that e-mail contact methods of users go through (receivers name their own). */
    public record Alerting(
            @Pattern(regexp = "^$|^[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}$", message = "must be empty or host:port")
            @NotNull @DefaultValue("") String mailSmarthost,
            @Pattern(regexp = "^$|^[^@\\s]+@[^@\\s]+$", message = "must be empty or an e-mail address")
            @NotNull @DefaultValue("") String mailFrom,
            @DefaultValue("true") boolean mailRequireTls) {
    }

    /** The metric store (scraped, probed and log-match samples): where it lives and how long samples stay. */
    public record Monitoring(
            @NotNull @DefaultValue("15d") Duration retention,
            @NotNull @DefaultValue("0B") DataSize retentionMaxSize,
            @NotNull @DefaultValue("") String path) {
    }

    /** The metric store's folder: {@code vigil.monitoring.path}, or {@code <data-dir>/metrics} when it is empty. */
    public Path resolvedMetricsDir() {
        return monitoring.path().isBlank() ? resolvedDataDir().resolve("metrics") : Path.of(monitoring.path()).toAbsolutePath().normalize();
    }

    public Path resolvedDataDir() {
        return dataDir.toAbsolutePath().normalize();
    }
}
