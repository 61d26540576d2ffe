package dev.vigil.events.parse.cef;

import java.time.Instant;
import java.util.Locale;

import dev.vigil.events.parse.draft.EventDraft;
import dev.vigil.events.parse.draft.EventFields;
import dev.vigil.events.parse.draft.TextParser;
import dev.vigil.events.parse.text.NumberText;
import dev.vigil.events.parse.time.BsdTimestamps;
import dev.vigil.events.parse.time.EpochTimestamps;
import dev.vigil.events.parse.time.IsoTimestamps;
import dev.vigil.events.parse.time.TimestampMatch;

/**
 * ArcSight Common Event Format: {@code CEF:0|Vendor|Product|1.0|100|Name|10|src=10.0.0.1 msg=a\=b c}. Header fields
 * escape {@code \|} and {@code \\}; extension values escape {@code \=}, {@code \\}, {@code \n} and {@code \r}, may
 * contain spaces, and end where the next {@code " key="} begins.
 */
public final class CefParser implements TextParser {
    private static final String PREFIX = "CEF:";
    private static final int HEADER_FIELDS = 7;
    private static final int ALERT_SEVERITY = 7;
    private static final String[] TIME_KEYS = {"rt", "end", "start"};

    @Override
    public boolean parse(String text, EventDraft draft) {
        if (!text.startsWith(PREFIX)) {
            return false;
        }
        String[] header = new String[HEADER_FIELDS];
        int extensionStart = readHeader(text, header);
        if (extensionStart < 0) {
            return false;
        }
        EventFields fields = draft.fields();
        writeHeader(header, fields);
        CefExtension extension = CefExtension.read(text, extensionStart);
        extension.forEach((key, value) -> fields.putOriginal("cef.extensions." + key, value));
        writeCommonFields(extension, fields);
        draft.timestamp(eventTime(extension, draft));
        fields.put("message", extension.get("msg"));
        fields.put("message", header[5]);
        return true;
    }

    /** Fills {@code header}; returns where the extension starts, or -1 when there are fewer than six separators. */
    private static int readHeader(String text, String[] header) {
        int i = PREFIX.length();
        StringBuilder field = new StringBuilder();
        int index = 0;
        while (i < text.length() && index < HEADER_FIELDS) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '|' || text.charAt(i + 1) == '\\')) {
                field.append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '|') {
                header[index++] = field.toString();
                field.setLength(0);
            } else {
                field.append(c);
            }
            i++;
        }
        if (index == HEADER_FIELDS - 1) {
            // no extension and no closing separator: the severity ran to the end
            header[index++] = field.toString();
        }
        return index == HEADER_FIELDS ? i : -1;
    }

    private static void writeHeader(String[] header, EventFields fields) {
        fields.put("cef.version", header[0]);
        fields.put("cef.device.vendor", header[1]);
        fields.put("cef.device.product", header[2]);
        fields.put("cef.device.version", header[3]);
        fields.put("cef.signature_id", header[4]);
        fields.put("cef.name", header[5]);
        fields.put("cef.severity", header[6]);
        fields.put("observer.vendor", header[1]);
        fields.put("observer.product", header[2]);
        fields.put("observer.version", header[3]);
        fields.put("event.code", header[4]);
        Long severity = CefSeverity.value(header[6]);
        if (severity != null) {
            fields.put("event.severity", severity.longValue());
        }
        fields.put("event.kind", severity != null && severity >= ALERT_SEVERITY ? "alert" : "event");
        fields.put("event.dataset", "cef");
    }

    private static void writeCommonFields(CefExtension extension, EventFields fields) {
        fields.putIp("source.ip", extension.get("src"));
        fields.putIp("destination.ip", extension.get("dst"));
        fields.putLong("source.port", extension.get("spt"));
        fields.putLong("destination.port", extension.get("dpt"));
        fields.put("source.domain", extension.get("shost"));
        fields.put("destination.domain", extension.get("dhost"));
        fields.put("source.mac", extension.get("smac"));
        fields.put("destination.mac", extension.get("dmac"));
        fields.put("source.user.name", extension.get("suser"));
        fields.put("destination.user.name", extension.get("duser"));
        fields.put("event.action", extension.get("act"));
        String protocol = extension.get("proto");
        fields.put("network.transport", protocol == null ? null : protocol.toLowerCase(Locale.ROOT));
        fields.put("url.original", extension.get("request"));
        fields.put("http.request.method", extension.get("requestMethod"));
        fields.put("user_agent.original", extension.get("requestClientApplication"));
        fields.put("file.name", extension.get("fname"));
        fields.put("file.path", extension.get("filePath"));
        String outcome = extension.get("outcome");
        if (outcome != null) {
            String lower = outcome.toLowerCase(Locale.ROOT);
            if (lower.equals("success") || lower.equals("failure")) {
                fields.put("event.outcome", lower);
            }
        }
    }

    /** The first of rt, end and start that reads as epoch milliseconds or {@code MMM dd [yyyy] HH:mm:ss[.SSS]}. */
    private static Instant eventTime(CefExtension extension, EventDraft draft) {
        for (String key : TIME_KEYS) {
            String value = extension.get(key);
            if (value == null) {
                continue;
            }
            Long number = NumberText.parseLong(value);
            if (number != null) {
                return EpochTimestamps.fromLong(number);
            }
            TimestampMatch bsd = BsdTimestamps.parseAt(value, 0, draft.receivedAt(), draft.zone());
            if (bsd != null) {
                return bsd.instant();
            }
            Instant iso = IsoTimestamps.parse(value, draft.zone());
            if (iso != null) {
                return iso;
            }
        }
        return null;
    }
}
