package dev.vigil.events.parse.syslog;

import java.time.Instant;

import dev.vigil.events.parse.draft.EventDraft;
import dev.vigil.events.parse.draft.EventFields;
import dev.vigil.events.parse.draft.TextParser;
import dev.vigil.events.parse.text.LineEnds;
import dev.vigil.events.parse.text.NumberText;
import dev.vigil.events.parse.time.BsdTimestamps;
import dev.vigil.events.parse.time.IsoTimestamps;
import dev.vigil.events.parse.time.TimestampMatch;

/**
 * RFC 5424 and RFC 3164 syslog, including what real devices send: no year, no hostname, a high-precision ISO
 * timestamp where 3164 has its own (rsyslog's forward format), no PRI at all (a file line starting with the
 * timestamp), a BOM before the message, several lines in one message, trailing NULs and newlines.
 *
 * <p>Text is recognised as syslog when it starts with a valid PRI or with a timestamp; anything else is not syslog.
 * Lines read from files are held to more: without a PRI they must look like a syslog file line (a BSD or
 * {@code T}-separated ISO timestamp, then a tag), so that application logs that merely start with a date are not
 * taken for syslog. The message is read by program ({@link ProgramMessages}) before the header is written, so what the message itself
 * says (an audit record's time and process, a CEF {@code msg}) takes precedence over the header.
 */
public final class SyslogParser implements TextParser {
    private static final char BOM = '\uFEFF';
    private static final String NIL = "-";
    private static final String CEF = "CEF:";

    private final ProgramMessages programs;
    private final boolean fileLines;

    /**
     * @param programs  reads messages by program
     * @param fileLines whether the text comes from a log file rather than a syslog transport: then a line without
     *                  PRI must look like a syslog file line, and gets no default priority (13 is what RFC 3164 tells
     *                  a relay to assume, not what a file line says)
     */
    public SyslogParser(ProgramMessages programs, boolean fileLines) {
        this.programs = programs;
        this.fileLines = fileLines;
    }

    @Override
    public boolean parse(String payload, EventDraft draft) {
        String text = LineEnds.strip(payload);
        int priorityEnd = SyslogPriority.end(text);
        int priority = priorityEnd > 0 ? SyslogPriority.value(text, priorityEnd - 1) : -1;
        int at = Math.max(priorityEnd, 0);
        if (priority >= 0 && isRfc5424Version(text, at)) {
            readRfc5424(text, at, priority, draft);
            return true;
        }
        TimestampMatch timestamp = readBsdOrIsoTimestamp(text, at, draft);
        if (timestamp == null && priority < 0) {
            return false;
        }
        if (timestamp == null) {
            // RFC 3164 4.3.2: without a valid timestamp everything after the PRI is the message
            finish(SyslogHeader.rfc3164(priority, null, null, null), text.substring(at), draft);
            return true;
        }
        return readRfc3164Rest(text, timestamp, priority, draft);
    }

    private TimestampMatch readBsdOrIsoTimestamp(String text, int at, EventDraft draft) {
        boolean iso = at < text.length() && NumberText.isDigit(text.charAt(at));
        if (iso && fileLines && at == 0 && !isTSeparated(text)) {
            return null;
        }
        TimestampMatch match = iso
                ? IsoTimestamps.parseAt(text, at, draft.zone())
                : BsdTimestamps.parseAt(text, at, draft.receivedAt(), draft.zone());
        boolean followedBySpace = match != null && (match.end() == text.length() || text.charAt(match.end()) == ' ');
        return followedBySpace ? match : null;
    }

    /** {@code 2026-03-29T...}: the date-time separator of rsyslog's file format, not the space of application logs. */
    private static boolean isTSeparated(String text) {
        return text.length() > 10 && (text.charAt(10) == 'T' || text.charAt(10) == 't');
    }

    private boolean readRfc3164Rest(String text, TimestampMatch timestamp, int priority, EventDraft draft) {
        int i = skipSpaces(text, timestamp.end());
        String hostname = null;
        int spaceAfter = text.indexOf(' ', i);
        int newline = text.indexOf('\n', i);
        boolean headerWordFollows = spaceAfter > i && (newline < 0 || newline > spaceAfter);
        if (headerWordFollows && !looksLikeTag(text, i, spaceAfter) && !text.startsWith(CEF, i)) {
            hostname = text.substring(i, spaceAfter);
            i = skipSpaces(text, spaceAfter);
        }
        SyslogTag tag = text.startsWith(CEF, i) ? null : SyslogTag.read(text, i);
        if (tag == null && fileLines && priority < 0) {
            return false;
        }
        String message = tag == null ? text.substring(i) : text.substring(tag.messageStart());
        finish(SyslogHeader.rfc3164(priority, timestamp.instant(), hostname, tag), message, draft);
        return true;
    }

    /** A word ending in a colon or holding a bracket is a tag, so the line has no hostname. */
    private static boolean looksLikeTag(String text, int from, int to) {
        return text.charAt(to - 1) == ':' || text.lastIndexOf('[', to - 1) >= from;
    }

    private void readRfc5424(String text, int at, int priority, EventDraft draft) {
        int[] position = {at};
        String version = nextField(text, position);
        String timestamp = nilToNull(nextField(text, position));
        String hostname = nilToNull(nextField(text, position));
        String appName = nilToNull(nextField(text, position));
        String procId = nilToNull(nextField(text, position));
        String msgId = nilToNull(nextField(text, position));
        Instant time = timestamp == null ? null : IsoTimestamps.parse(timestamp, draft.zone());
        SyslogHeader header = new SyslogHeader(priority, NumberText.parseLong(version), time, hostname, appName,
                appName, null, procId, msgId);
        int i = position[0];
        if (text.startsWith(NIL, i) && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
            i++;
        } else if (i < text.length() && text.charAt(i) == '[') {
            int end = StructuredData.read(text, i, draft.fields());
            i = end > 0 ? end : i;
        }
        if (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i < text.length() && text.charAt(i) == BOM) {
            i++;
        }
        finish(header, text.substring(Math.min(i, text.length())), draft);
    }

    private void finish(SyslogHeader header, String message, EventDraft draft) {
        EventFields fields = draft.fields();
        boolean authMessage = programs.parse(header.program(), header.module(), message, draft);
        writeHeader(header, draft);
        fields.put("event.kind", "event");
        fields.put("event.dataset", authMessage || header.hasAuthFacility() ? "system.auth" : "system.syslog");
        fields.put("message", message);
    }

    private void writeHeader(SyslogHeader header, EventDraft draft) {
        EventFields fields = draft.fields();
        if (header.priority() >= 0) {
            SyslogPriority.write(header.priority(), fields);
        } else if (!fileLines) {
            SyslogPriority.write(SyslogPriority.DEFAULT, fields);
        }
        if (header.version() != null) {
            fields.put("log.syslog.version", header.version().longValue());
        }
        draft.timestamp(header.timestamp());
        fields.put("host.hostname", header.hostname());
        fields.put("host.name", header.hostname());
        fields.put("log.syslog.appname", header.appName());
        fields.put("log.syslog.msgid", header.messageId());
        fields.put("process.name", header.program());
        if (header.version() != null) {
            fields.put("log.syslog.procid", header.processId());
        }
        Long pid = NumberText.parseLong(header.processId());
        if (pid != null) {
            fields.put("process.pid", pid.longValue());
        }
    }

    /** The next space-separated header field of an RFC 5424 message, or null past the end. */
    private static String nextField(String text, int[] position) {
        int start = position[0];
        if (start >= text.length()) {
            return null;
        }
        int end = text.indexOf(' ', start);
        end = end < 0 ? text.length() : end;
        position[0] = Math.min(end + 1, text.length());
        return text.substring(start, end);
    }

    private static boolean isRfc5424Version(String text, int at) {
        int i = at;
        while (i < text.length() && i - at < 3 && NumberText.isDigit(text.charAt(i))) {
            i++;
        }
        return i > at && text.charAt(at) != '0' && i < text.length() && text.charAt(i) == ' ';
    }

    private static String nilToNull(String value) {
        return value == null || NIL.equals(value) ? null : value;
    }

    private static int skipSpaces(String text, int at) {
        int i = at;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
