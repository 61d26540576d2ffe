package dev.vigil.events.parse.windows;

import java.time.Instant;

import dev.vigil.events.parse.draft.EventDraft;
import dev.vigil.events.parse.draft.EventFields;
import dev.vigil.events.parse.json.FlatJson;
import dev.vigil.events.parse.json.JsonShape;
import dev.vigil.events.parse.json.JsonTimestamps;

/**
 * Windows events in the three JSON shapes they arrive in: evtx_dump ({@code Event.System}/{@code Event.EventData}),
 * Winlogbeat ({@code winlog.*}) and flat with Windows names ({@code EventID}, {@code Channel}, {@code Image}, as
 * Sigma's flattened samples and NXLog write them). In every shape the fields end up under their Windows names, which
 * Sigma rules use, beside the common-schema fields.
 */
public final class WindowsEventShape implements JsonShape {
    private static final String SECURITY = "Security";
    private static final String SYSMON_PROVIDER = "Microsoft-Windows-Sysmon";
    private static final String[] TIME_FIELDS = {"TimeCreated_SystemTime", "EventTime"};

    @Override
    public boolean matches(FlatJson document) {
        return EvtxNames.isEvtxDocument(document) || WinlogbeatNames.isWinlogbeatDocument(document)
                || document.has("EventID") && (document.has("Channel") || document.has("Provider_Name")
                || document.has("SourceName"));
    }

    @Override
    public void map(FlatJson document, EventDraft draft) {
        EventFields fields = draft.fields();
        if (EvtxNames.isEvtxDocument(document)) {
            EvtxNames.copyTo(document, fields);
        } else {
            document.copyTo(fields);
            if (WinlogbeatNames.isWinlogbeatDocument(document)) {
                WinlogbeatNames.addWindowsNames(document, fields);
            }
        }
        draft.timestamp(time(fields, draft));
        String eventId = fields.text("EventID");
        String channel = fields.text("Channel");
        String provider = firstText(fields, "Provider_Name", "SourceName");
        fields.put("event.code", eventId);
        fields.put("event.provider", provider);
        fields.put("winlog.channel", channel);
        fields.put("host.name", firstText(fields, "Computer", "Hostname"));
        boolean sysmon = SYSMON_PROVIDER.equals(provider) || channel != null && channel.contains("Sysmon");
        if (eventId != null && sysmon) {
            SysmonEvents.write(eventId, fields);
        } else if (eventId != null && SECURITY.equals(channel)) {
            SecurityEvents.write(eventId, fields);
        }
        fields.put("event.kind", "event");
        fields.put("event.dataset", dataset(channel, sysmon));
    }

    private static Instant time(EventFields fields, EventDraft draft) {
        for (String name : TIME_FIELDS) {
            Instant instant = JsonTimestamps.of(fields.get(name), draft.zone());
            if (instant != null) {
                return instant;
            }
        }
        return null;
    }

    private static String dataset(String channel, boolean sysmon) {
        if (sysmon) {
            return "windows.sysmon";
        }
        if (channel == null) {
            return "windows.eventlog";
        }
        return switch (channel) {
            case SECURITY -> "windows.security";
            case "System" -> "windows.system";
            case "Application" -> "windows.application";
            case "Windows PowerShell", "Microsoft-Windows-PowerShell/Operational" -> "windows.powershell";
            default -> "windows.eventlog";
        };
    }

    private static String firstText(EventFields fields, String... names) {
        for (String name : names) {
            String value = fields.text(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
