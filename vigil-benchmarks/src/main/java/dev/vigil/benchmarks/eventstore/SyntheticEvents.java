package dev.vigil.benchmarks.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.vigil.events.Event;

/**
 * Realistic normalized events of about 500 bytes (original text plus 15–25 ECS fields): sshd and sudo from syslog,
 * web access logs, firewall and endpoint records. Hosts, users and actions repeat the way they do in a real estate
 * (500 hosts, 2,000 users, 20 actions); event i of n falls at {@code start + i·span/n}, so a build is in time order.
 */
final class SyntheticEvents {
    static final int HOSTS = 500;
    static final int USERS = 2_000;
    static final List<String> ACTIONS = List.of(
            "ssh_login_failed", "ssh_login", "ssh_invalid_user", "ssh_disconnect", "sudo_command", "su_session", "user_add",
            "cron_session", "http_get", "http_post", "http_put", "http_delete", "http_error", "firewall_drop", "firewall_accept",
            "firewall_reject", "dns_query", "process_start", "file_create", "vpn_login");
    private static final String[] PATHS = {"/", "/index.html", "/login", "/api/v1/orders", "/api/v1/users", "/static/app.js",
        "/admin/login.php", "/wp-login.php", "/search", "/health"};
    private static final String[] AGENTS = {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0",
        "curl/8.5.0", "python-requests/2.31.0", "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0"};
    private static final String[] PROGRAMS = {"/usr/bin/bash", "/usr/bin/python3", "/usr/sbin/cron", "/usr/bin/curl",
        "C:\\Windows\\System32\\cmd.exe", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"};
    private static final DateTimeFormatter SYSLOG_TIME = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Instant start;
    private final long spanMillis;
    private final long total;

    SyntheticEvents(Instant start, Duration span, long total) {
        this.start = start;
        this.spanMillis = span.toMillis();
        this.total = total;
    }

    static String host(int index) {
        return "host-" + index + ".corp.example";
    }

    static String user(int index) {
        return "user" + index;
    }

    static String ip(int index) {
        return "10." + (index >> 16 & 255) + "." + (index >> 8 & 255) + "." + (index & 255);
    }

    /** Event number {@code sequence}; the same sequence always gives the same event. */
    Event event(long sequence) {
        SplittableRandom random = new SplittableRandom(sequence * 0x9E3779B97F4A7C15L);
        Instant timestamp = start.plusMillis(spanMillis * sequence / total);
        String action = ACTIONS.get(skewed(random, ACTIONS.size()));
        int hostIndex = skewed(random, HOSTS);
        String host = host(hostIndex);
        String user = user(skewed(random, USERS));
        String source = ip(random.nextInt(1 << 20));
        int port = 1024 + random.nextInt(64_000);
        Map<String, Object> fields = new LinkedHashMap<>();
        String original;
        if (action.startsWith("ssh") || action.startsWith("su") || action.equals("user_add") || action.equals("cron_session")) {
            boolean failed = action.equals("ssh_login_failed") || action.equals("ssh_invalid_user");
            String message = switch (action) {
                case "ssh_login_failed" -> "Failed password for " + user + " from " + source + " port " + port + " ssh2";
                case "ssh_invalid_user" -> "Invalid user " + user + " from " + source + " port " + port;
                case "ssh_login" -> "Accepted publickey for " + user + " from " + source + " port " + port
                        + " ssh2: RSA SHA256:" + Long.toHexString(random.nextLong());
                case "sudo_command" -> user + " : TTY=pts/" + random.nextInt(9) + " ; PWD=/home/" + user
                        + " ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx";
                default -> "pam_unix(" + action + ":session): session opened for user " + user + " by (uid=0)";
            };
            String program = action.startsWith("ssh") ? "sshd" : action.equals("sudo_command") ? "sudo" : "su";
            original = "<38>" + SYSLOG_TIME.format(timestamp) + " " + host + " " + program + "[" + (1000 + random.nextInt(60_000))
                    + "]: " + message;
            fields.put("message", message);
            fields.put("event.kind", "event");
            fields.put("event.category", "authentication");
            fields.put("event.type", failed ? "start" : "info");
            fields.put("event.action", action);
            fields.put("event.outcome", failed ? "failure" : "success");
            fields.put("event.module", "system");
            fields.put("event.dataset", "system.auth");
            fields.put("host.name", host);
            fields.put("host.hostname", host.substring(0, host.indexOf('.')));
            fields.put("host.ip", ip(hostIndex + 65_536));
            fields.put("user.name", user);
            fields.put("source.ip", source);
            fields.put("source.port", (long) port);
            fields.put("process.name", program);
            fields.put("process.pid", (long) (1000 + random.nextInt(60_000)));
            fields.put("log.syslog.facility.code", 4L);
            fields.put("log.syslog.severity.code", 6L);
            fields.put("related.user", List.of(user, "root"));
            fields.put("related.ip", List.of(source));
        } else if (action.startsWith("http")) {
            String method = switch (action) {
                case "http_post" -> "POST";
                case "http_put" -> "PUT";
                case "http_delete" -> "DELETE";
                default -> "GET";
            };
            long status = action.equals("http_error") ? 500 + random.nextInt(4) : random.nextInt(10) == 0 ? 404 : 200;
            long bytes = 200 + random.nextInt(50_000);
            String path = PATHS[random.nextInt(PATHS.length)] + (random.nextBoolean() ? "" : "?q=" + random.nextInt(10_000));
            String agent = AGENTS[random.nextInt(AGENTS.length)];
            original = source + " - " + user + " [" + SYSLOG_TIME.format(timestamp) + " +0000] \"" + method + " " + path
                    + " HTTP/1.1\" " + status + " " + bytes + " \"https://" + host + "/\" \"" + agent + "\"";
            fields.put("event.kind", "event");
            fields.put("event.category", "web");
            fields.put("event.type", "access");
            fields.put("event.action", action);
            fields.put("event.outcome", status >= 400 ? "failure" : "success");
            fields.put("event.dataset", "nginx.access");
            fields.put("host.name", host);
            fields.put("source.ip", source);
            fields.put("user.name", user);
            fields.put("http.request.method", method);
            fields.put("http.response.status_code", status);
            fields.put("http.response.body.bytes", bytes);
            fields.put("http.version", "1.1");
            fields.put("url.original", path);
            fields.put("url.domain", host);
            fields.put("user_agent.original", agent);
            fields.put("destination.port", 443L);
            fields.put("related.ip", List.of(source));
        } else {
            String destination = ip(random.nextInt(1 << 20) + (1 << 21));
            long destinationPort = new long[] {22, 53, 80, 443, 445, 3389, 8080}[random.nextInt(7)];
            String program = PROGRAMS[random.nextInt(PROGRAMS.length)];
            String transport = action.equals("dns_query") ? "udp" : "tcp";
            original = "CEF:0|Vigil|Sensor|1.0|" + action + "|" + action.replace('_', ' ') + "|5|src=" + source + " spt=" + port
                    + " dst=" + destination + " dpt=" + destinationPort + " proto=" + transport + " suser=" + user + " dhost=" + host
                    + " sproc=" + program + " rt=" + timestamp.toEpochMilli();
            fields.put("event.kind", "event");
            fields.put("event.category", action.startsWith("firewall") || action.equals("dns_query") ? "network" : "process");
            fields.put("event.type", "connection");
            fields.put("event.action", action);
            fields.put("event.outcome", action.equals("firewall_accept") ? "success" : "failure");
            fields.put("event.severity", 5L);
            fields.put("observer.vendor", "Vigil");
            fields.put("observer.product", "Sensor");
            fields.put("host.name", host);
            fields.put("user.name", user);
            fields.put("source.ip", source);
            fields.put("source.port", (long) port);
            fields.put("destination.ip", destination);
            fields.put("destination.port", destinationPort);
            fields.put("network.transport", transport);
            fields.put("process.executable", program);
            fields.put("process.command_line", program + " -c \"" + action + " " + random.nextInt(100_000) + "\"");
            fields.put("related.ip", List.of(source, destination));
        }
        return new Event("bench-" + sequence, timestamp, timestamp.plusMillis(3), "tenant-" + (hostIndex % 3), "input-1",
                fields, original, List.of());
    }

    /** Roughly Zipf-like: small indexes are much more frequent, like real hosts and users. */
    private static int skewed(SplittableRandom random, int size) {
        double u = random.nextDouble();
        return (int) Math.min(size - 1, Math.floor(size * u * u));
    }
}
