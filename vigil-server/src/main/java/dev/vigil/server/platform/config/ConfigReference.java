package dev.vigil.server.platform.config;

import java.util.List;
import java.util.Locale;

/**
 * The documented configuration keys. {@code vigil config} prints this table; a test checks that it names exactly the
 * keys of {@link VigilProperties}.
 */
public final class ConfigReference {

    /** One key with its default and meaning. */
    public record Key(String name, String defaultValue, String description, String flag) {

        /** The environment variable: upper case, dots and dashes as underscores. */
        public String environmentVariable() {
            return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        }
    }

    public static final List<Key> KEYS = List.of(
            new Key("vigil.data-dir", "./data", "Folder for everything Vigil keeps: embedded database, keys, indexes.", "--data-dir"),
            new Key("vigil.http.address", "127.0.0.1", "Address the HTTP server binds to.", "--address"),
            new Key("vigil.http.port", "8080", "HTTP port (0 picks a free one).", "--port"),
            new Key("vigil.http.max-request-body", "1MB", "Largest accepted request body; larger ones get 413.", null),
            new Key("vigil.http.public-url", "(empty)", "The URL people open the console at, used for links in notifications (empty: this server's address and port).", null),
            new Key("vigil.http.secure-cookies", "false", "Mark the session cookie Secure (set true behind HTTPS).", null),
            new Key("vigil.database.url", "(empty)", "External PostgreSQL JDBC URL; empty runs the embedded PostgreSQL under the data folder.", "--database-url"),
            new Key("vigil.database.username", "(empty)", "User for the external database.", null),
            new Key("vigil.database.password", "(empty)", "Password for the external database.", null),
            new Key("vigil.database.pool-size", "10", "Connection pool size (2-200).", null),
            new Key("vigil.security.session-idle-timeout", "30m", "Console and bearer sessions end after this long without use.", null),
            new Key("vigil.security.session-absolute-timeout", "8h", "Sessions end this long after sign-in, used or not.", null),
            new Key("vigil.security.lockout-threshold", "5", "Consecutive failed sign-ins before an account is locked.", null),
            new Key("vigil.security.lockout-base", "1m", "First lock duration; doubles with each further failure.", null),
            new Key("vigil.security.lockout-max", "1h", "Longest lock duration.", null),
            new Key("vigil.security.password-min-length", "8", "Minimum password length (8-128).", null),
            new Key("vigil.security.totp-required-roles", "admin,incident-commander,operator,approver,auditor",
                    "Roles whose holders must use a TOTP second factor.", null),
            new Key("vigil.security.totp-enrolment-grace", "72h",
                    "Time a new user of such a role may work before enrolling TOTP; afterwards only enrolment is allowed.", null),
            new Key("vigil.security.api-token-max-lifetime", "365d", "Longest lifetime of an API token.", null),
            new Key("vigil.bootstrap.admin-password", "(empty)",
                    "First start with an empty data folder only: the password of the first administrator 'admin' (no forced change).", null),
            new Key("vigil.bootstrap.api-token", "(empty)",
                    "First start with an empty data folder only: creates an administrator API token with this secret.", null),
            new Key("vigil.log.format", "text", "Log format on stdout: text or json (Elastic Common Schema).", "--log-format"),
            new Key("vigil.audit.origin", "vigil-audit", "Origin line (and key name) of the audit ledger's signed checkpoints; fixed at first start.", null),
            new Key("vigil.audit.checkpoint-interval", "10s", "How often a new signed checkpoint is made while records arrive.", null),
            new Key("vigil.audit.publish-dir", "(empty)",
                    "Folder outside the data folder where each checkpoint is also written; checked at start against the ledger.", null),
            new Key("vigil.audit.publish-url", "(empty)", "HTTP(S) endpoint that receives each checkpoint (POST, text/plain).", null),
            new Key("vigil.ingest.syslog-address", "127.0.0.1", "Address the syslog listeners bind to (0.0.0.0 for all interfaces).", "--syslog-address"),
            new Key("vigil.ingest.syslog-udp-port", "5514", "Syslog over UDP; -1 turns it off.", "--syslog-port"),
            new Key("vigil.ingest.syslog-tcp-port", "5514", "Syslog over TCP (octet-counting or newline framing, RFC 6587); -1 turns it off.", "--syslog-port"),
            new Key("vigil.ingest.syslog-tls-port", "6514", "Syslog over TLS (RFC 5425); listens only when a certificate is configured; -1 turns it off.", "--syslog-tls-port"),
            new Key("vigil.ingest.syslog-tls-certificate", "(empty)", "PEM certificate chain of the syslog TLS listener.", null),
            new Key("vigil.ingest.syslog-tls-private-key", "(empty)", "PEM (PKCS#8) private key of the syslog TLS listener.", null),
            new Key("vigil.ingest.syslog-max-message", "64KB", "Longest syslog message; longer ones are truncated and counted.", null),
            new Key("vigil.ingest.max-request-body", "32MB", "Largest HTTP ingest body as sent (possibly gzip); larger ones get 413.", null),
            new Key("vigil.ingest.max-decompressed-body", "256MB", "Largest HTTP ingest body after gzip decompression; larger ones get 413.", null),
            new Key("vigil.ingest.spool-high-water-mark", "1GB", "Unprocessed spool size above which HTTP answers 429, TCP syslog stops reading and UDP drops.", null),
            new Key("vigil.ingest.spool-segment-size", "64MB", "Size of one spool segment file.", null),
            new Key("vigil.ingest.silent-after", "15m", "An input that sent before and has been quiet this long is reported silent.", null),
            new Key("vigil.events.retention", "30d", "Events older than this are deleted (whole days).", null),
            new Key("vigil.events.retention-max-size", "100GB", "When the event store is larger, its oldest days are deleted.", null),
            new Key("vigil.events.refresh-interval", "1s", "How often newly stored events become searchable (at most every five intervals while the pipeline has a backlog).", null),
            new Key("vigil.events.commit-interval", "5s", "How often stored events are made durable in the store (the spool holds them until then).", null),
            new Key("vigil.events.time-zone", "UTC", "Zone assumed for event times that carry none (RFC 3164 syslog).", null),
            new Key("vigil.monitoring.retention", "15d", "Metric samples (scrapes, probes, log series) older than this are deleted (whole blocks of 2 h or more); at least 2h.", null),
            new Key("vigil.monitoring.retention-max-size", "0B", "When the metric store's blocks are larger, the oldest are deleted (0B: no size limit).", null),
            new Key("vigil.monitoring.path", "(empty)", "Folder of the metric store (empty: <data-dir>/metrics).", null),
            new Key("vigil.detection.mapping-dir", "(empty)", "Folder of extra Sigma log-source mapping files (*.yml) used beside the built-in windows, linux, web, aws, azure, gcp, okta and m365 mappings.", null),
            new Key("vigil.detection.dedup-window", "10m", "Detections of one rule with the same tenant and entities within this window add to one alert.", null),
            new Key("vigil.detection.dedup-fields", "host.name,user.name,source.ip,destination.ip", "Event fields whose values, with the rule and tenant, make the deduplication key of detection alerts (empty: one alert per rule and tenant within the window).", null),
            new Key("vigil.detection.max-import-size", "64MB", "Largest rule file or archive (zip, tar.gz) accepted by a rule import; larger ones get 413.", null),
            new Key("vigil.detection.retro-hunt-max-events", "1000000", "Most stored events one retro-hunt reads; a larger range is cut and reported as truncated.", null),
            new Key("vigil.detection.max-correlation-groups", "100000", "Most open groups per correlation rule and tenant; the oldest are evicted beyond it.", null),
            new Key("vigil.asset.scan-stale-after", "30d", "An asset whose last vulnerability scan is older than this counts as not scanned (a coverage gap).", null),
            new Key("vigil.asset.log-window", "24h", "An asset counts as sending logs when events named it (host name or address) within this window, or an active input is bound to it.", null),
            new Key("vigil.vuln.max-import-size", "64MB", "Largest scanner report or catalog file accepted by an import; larger ones get 413.", null),
            new Key("vigil.vuln.sla-critical", "7d", "Time to remediate a finding of priority critical (KEV-listed findings are critical).", null),
            new Key("vigil.vuln.sla-high", "30d", "Time to remediate a finding of priority high.", null),
            new Key("vigil.vuln.sla-medium", "90d", "Time to remediate a finding of priority medium.", null),
            new Key("vigil.vuln.sla-low", "180d", "Time to remediate a finding of priority low (informational findings have no SLA).", null),
            new Key("vigil.advisory.publisher-name", "Vigil", "Publisher name in the security advisories (CSAF) this server publishes.", null),
            new Key("vigil.advisory.publisher-namespace", "(empty)", "Publisher namespace URL in the advisories (empty: vigil.http.public-url or this server's address).", null),
            new Key("vigil.advisory.tracking-prefix", "VIGIL-SA", "Start of advisory tracking ids, e.g. VIGIL-SA-2026-0001.", null),
            new Key("vigil.incident.sla-acknowledge", "15m,30m,2h,8h", "Time from declaring an incident to its triage, for levels I, II, III and IV; a breach raises an alert.", null),
            new Key("vigil.incident.sla-contain", "4h,12h,48h,7d", "Time from declaring an incident to its containment, for levels I-IV; a breach raises an alert.", null),
            new Key("vigil.incident.sla-resolve", "24h,72h,14d,30d", "Time from declaring an incident to its closure, for levels I-IV; a breach raises an alert.", null),
            new Key("vigil.incident.grading-weights", "1,1,1", "Weights of impact scope, asset criticality and data sensitivity (each rated 1-4) in the grading score.", null),
            new Key("vigil.incident.grading-ongoing-weight", "2", "Added to the grading score while the incident is still going on.", null),
            new Key("vigil.incident.grading-thresholds", "11,8,6", "Lowest grading scores that propose levels I, II and III; lower scores propose level IV.", null),
            new Key("vigil.incident.suggestion-window", "24h", "Alerts this close in time to an incident's alerts and sharing an entity with them are suggested as related.", null),
            new Key("vigil.incident.max-attachment-size", "20MB", "Largest incident attachment; larger ones get 413.", null),
            new Key("vigil.access.ssh-address", "127.0.0.1", "Address the bastion's SSH gateway binds to (0.0.0.0 for all interfaces).", null),
            new Key("vigil.access.ssh-port", "2222", "Port of the bastion's SSH gateway (0 picks a free one; -1 turns it off).", "--ssh-port"),
            new Key("vigil.access.vault-key-file", "(empty)", "File holding the vault's master keys (one base64 AES-256 key a line, the first encrypts; empty: <data-dir>/keys/vault.keys, created on first start).", null),
            new Key("vigil.access.vault-key", "(empty)", "The vault's master key as base64 (32 bytes), usually from VIGIL_ACCESS_VAULT_KEY; when set it encrypts, and the key file's keys still decrypt (rotation).", null),
            new Key("vigil.access.max-recording-size", "64MB", "Largest recording of one session (uncompressed asciicast); the recording ends with a marker beyond it, the session goes on.", null),
            new Key("vigil.access.upstream-timeout", "15s", "How long the gateway waits to connect and log in to a target.", null),
            new Key("vigil.access.revocation-check", "1s", "How often live bastion sessions are checked against their users (disabled users are cut off).", null),
            new Key("vigil.access.review-timeout", "5m", "How long the bastion holds a command the command policy sends to review for an approver's decision (5s-24h); then it is not run.", null),
            new Key("vigil.access.kex-key-pool-size", "4", "How many client key pairs for the post-quantum hybrid key exchange (sntrup761x25519) of the bastion's logins to targets are made ahead of time, each used once (0-16; 0: each login makes its own).", null),
            new Key("vigil.access.kex-key-max-age", "5m", "How long such a key pair may wait unused before it is discarded (1s-1h).", null),
            new Key("vigil.access.rotation-retry", "15m", "How long a failed scheduled rotation of a target account's password or key waits before its first retry (1m-24h); each further failure doubles the wait, up to a day.", null),
            new Key("vigil.access.request-approvals", "1", "How many people (other than the requester, holding access-request:approve) must approve an access request; a target holding a tenant's data also needs that tenant's authorizer.", null),
            new Key("vigil.alerting.mail-smarthost", "(empty)", "SMTP relay (host:port) for users' e-mail contact methods used by escalation policies (empty: users cannot add e-mail contacts unless an administrator names a relay).", null),
            new Key("vigil.alerting.mail-from", "(empty)", "Sender address of e-mails to users' contact methods.", null),
            new Key("vigil.alerting.mail-require-tls", "true", "Require STARTTLS on the relay of users' e-mail contact methods.", null),
            new Key("vigil.incident.auto-open", "(empty)", "Alertmanager matchers over alert labels (e.g. severity=\"critical\", host_name=~\"prod-.*\"); each new alert matching all of them opens an incident, or joins the open one of its tenant sharing an entity (empty: off).", null),
            new Key("vigil.detection.intel-retro-hunt-days", "7", "Indicators new to a feed are hunted automatically in the stored events of this many past days; hits raise alerts marked retrospective (0: off).", null));

    private ConfigReference() {
    }
}
