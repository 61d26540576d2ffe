package dev.vigil.events.parse.access;

import java.util.List;

import dev.vigil.events.parse.draft.EventClass;
import dev.vigil.events.parse.draft.EventDraft;
import dev.vigil.events.parse.draft.EventFields;
import dev.vigil.events.parse.draft.TextParser;
import dev.vigil.events.parse.text.IpLiterals;
import dev.vigil.events.parse.text.NumberText;
import dev.vigil.events.parse.time.CommonLogTimestamps;
import dev.vigil.events.parse.time.TimestampMatch;

/**
 * NCSA common and combined access-log lines as nginx and Apache write them:
 * {@code 1.2.3.4 - user [10/Oct/2000:13:55:36 -0700] "GET /a?b=c HTTP/1.1" 200 2326 "http://ref/" "Mozilla/5.0"}.
 * {@code -} means empty; quotes inside quoted parts are escaped with a backslash. Fields a server appends after the
 * user agent are ignored.
 */
public final class AccessLogParser implements TextParser {
    static final EventClass ACCESS = new EventClass("access", List.of("web"), List.of("access"));
    private static final String EMPTY = "-";
    private static final int FIRST_ERROR_STATUS = 400;

    @Override
    public boolean parse(String text, EventDraft draft) {
        AccessLogLine line = AccessLogLine.read(text);
        if (line == null) {
            return false;
        }
        TimestampMatch time = CommonLogTimestamps.parse(line.time());
        if (time == null) {
            return false;
        }
        draft.timestamp(time.instant());
        EventFields fields = draft.fields();
        writeClient(line, fields);
        writeRequest(line.request(), fields);
        Long status = NumberText.parseLong(line.status());
        if (status != null) {
            fields.put("http.response.status_code", status.longValue());
        }
        fields.putLong("http.response.body.bytes", line.bytes());
        fields.put("http.request.referrer", valueOrNull(line.referrer()));
        fields.put("user_agent.original", valueOrNull(line.userAgent()));
        ACCESS.writeTo(fields);
        if (status != null) {
            fields.put("event.outcome", status >= FIRST_ERROR_STATUS ? EventClass.FAILURE : EventClass.SUCCESS);
        }
        fields.put("event.kind", "event");
        fields.put("event.dataset", "web.access");
        fields.put("message", text);
        return true;
    }

    private static void writeClient(AccessLogLine line, EventFields fields) {
        if (IpLiterals.isIp(line.client())) {
            fields.put("source.ip", line.client());
        } else {
            fields.put("source.domain", valueOrNull(line.client()));
        }
        fields.put("user.name", valueOrNull(line.user()));
    }

    /** {@code METHOD URL HTTP/VERSION}; a request that is not of this form (a TLS handshake, "-") is left out. */
    private static void writeRequest(String request, EventFields fields) {
        int firstSpace = request.indexOf(' ');
        int lastSpace = request.lastIndexOf(' ');
        if (firstSpace <= 0) {
            return;
        }
        boolean hasProtocol = lastSpace > firstSpace;
        String url = request.substring(firstSpace + 1, hasProtocol ? lastSpace : request.length());
        String protocol = hasProtocol ? request.substring(lastSpace + 1) : "";
        fields.put("http.request.method", request.substring(0, firstSpace));
        fields.put("url.original", url);
        int query = url.indexOf('?');
        fields.put("url.path", query < 0 ? url : url.substring(0, query));
        if (query >= 0) {
            fields.put("url.query", url.substring(query + 1));
        }
        if (protocol.startsWith("HTTP/")) {
            fields.put("http.version", protocol.substring("HTTP/".length()));
        }
    }

    private static String valueOrNull(String value) {
        return value == null || EMPTY.equals(value) ? null : value;
    }
}
