package dev.vigil.detect.baseline.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the sshd password and public-key outcomes of a classic syslog auth log ({@code Mon DD HH:MM:SS host
 * sshd[pid]: Failed password for [invalid user] NAME from ADDRESS port N ssh2}, and {@code Accepted ...}). The lines carry
 * no year and no zone: the caller gives the year, and times are taken as UTC. Every other line is ignored. This is a
 * deliberately small reader for the evaluation; vigil-events holds the real syslog parsers, but vigil-detect does not
 * depend on it.
 */
public final class SshdAuthLog {

    private static final Pattern LINE = Pattern.compile("^([A-Z][a-z]{2}) +(\\d{1,2}) (\\d\\d):(\\d\\d):(\\d\\d) (\\S+) "
            + "sshd\\[\\d+\\]: (Failed|Accepted) (?:password|publickey) for (invalid user )?(\\S*) from (\\S+) port \\d+");
    private static final Map<String, Month> MONTHS = new HashMap<>();

    static {
        for (Month month : Month.values()) {
            MONTHS.put(month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH), month);
        }
    }

    private SshdAuthLog() {
    }

    public static List<AuthEvent> read(Path file, int year) throws IOException {
        List<AuthEvent> events = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                AuthEvent event = parse(line, year);
                if (event != null) {
                    events.add(event);
                }
            }
        }
        return events;
    }

    /** The login outcome on the line, or null for any other line. */
    static AuthEvent parse(String line, int year) {
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
            return null;
        }
        Month month = MONTHS.get(m.group(1));
        if (month == null) {
            return null;
        }
        LocalDateTime time = LocalDateTime.of(year, month, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
        AuthEvent.Kind kind = "Failed".equals(m.group(7)) ? AuthEvent.Kind.LOGIN_FAILED : AuthEvent.Kind.LOGIN_ACCEPTED;
        return new AuthEvent(time.toInstant(ZoneOffset.UTC), kind, m.group(6), m.group(9), m.group(10), -1, null, -1);
    }
}
