package dev.vigil.syslog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Takes a forwarded syslog message apart just enough to compare it with the line the shipper read. */
record ForwardedMessage(int priority, String appName, String text) {

    private static final Pattern RFC_5424 = Pattern.compile(
            "<(\\d{1,3})>1 \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\S* (\\S+) (\\S+) (\\S+) (\\S+)"
                    + " (-|\\[.*?\\]) (.*)",
            Pattern.DOTALL);
    private static final Pattern RFC_3164 = Pattern.compile(
            "<(\\d{1,3})>[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d (\\S+) ([^:\\[ ]+)(?:\\[\\d+\\])?: (.*)",
            Pattern.DOTALL);

    /** Parses an RFC 5424 or a traditional (RFC 3164) message, failing the test if it is neither. */
    static ForwardedMessage parse(String message) {
        Matcher matcher = RFC_5424.matcher(message);
        if (matcher.matches()) {
            return new ForwardedMessage(Integer.parseInt(matcher.group(1)), matcher.group(3), matcher.group(7));
        }
        matcher = RFC_3164.matcher(message);
        if (matcher.matches()) {
            return new ForwardedMessage(Integer.parseInt(matcher.group(1)), matcher.group(3), matcher.group(4));
        }
        throw new AssertionError("neither an RFC 5424 nor a traditional syslog message: " + message);
    }
}
